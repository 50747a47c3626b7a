import Table from "cli-table3";
import type { ChalkInstance } from "chalk";
import type { PublishedRun } from "../catalog/run-schema.js";
import type { ValidationRow, ValidationSummary } from "../core/calibration.js";
import { csvField } from "./delimited.js";
import { formatCount, significant } from "./format.js";
import { wrap } from "./wrap.js";

export interface ValidationReport {
  runs: PublishedRun[];
  rows: ValidationRow[];
  summary: ValidationSummary;
  baseline: Pick<ValidationSummary, "medianAbsError" | "shareWithin25" | "shareInsideRange" | "meanHighOverLow">;
  fp8Factor: number;
}

const pct = (x: number): string => `${significant(x * 100, 3)}%`;
const signedPct = (x: number): string => `${x >= 0 ? "+" : ""}${significant(x * 100, 2)}%`;

/** The human report: every full run, the excluded runs with reasons, and the summary. */
export function renderValidation(report: ValidationReport, paint: ChalkInstance): string {
  const byId = new Map(report.runs.map((r) => [r.id, r]));
  const table = new Table({
    head: ["Run", "Hardware", "Reported GPU-h", "Estimate", "Range", "Error", "Inside"].map((h) => paint.bold(h)),
    colAligns: ["left", "left", "right", "right", "right", "right", "center"],
    style: { head: [], border: [], compact: true },
  });
  for (const row of report.rows) {
    const run = byId.get(row.id)!;
    table.push([
      row.id,
      `${run.family}${run.fp8 ? " fp8" : ""}`,
      formatCount(row.reported),
      formatCount(row.expected),
      `${formatCount(row.low)}–${formatCount(row.high)}`,
      signedPct(row.error),
      row.inside ? "yes" : paint.red("no"),
    ]);
  }
  const s = report.summary;
  const b = report.baseline;
  const excluded = report.runs.filter((r) => r.use === "excluded");
  const head = [`Published full runs, each predicted by a model fitted without it (leave-one-out): ${s.runs} runs`, table.toString()];
  const lines = [
    "",
    "Summary (out of sample)",
    `  this model (family median x fp8 ${significant(report.fp8Factor, 3)}):  median |error| ${pct(s.medianAbsError)}, within ±25% ${pct(s.shareWithin25)}, inside [low, high] ${pct(s.shareInsideRange)}, mean high/low ${significant(s.meanHighOverLow, 3)}`,
    `  per-family median, in-sample range:  median |error| ${pct(b.medianAbsError)}, within ±25% ${pct(b.shareWithin25)}, inside ${pct(b.shareInsideRange)}, mean high/low ${significant(b.meanHighOverLow, 3)}`,
    `  constant ${pct(s.constantEfficiency)} efficiency:  median |error| ${pct(s.constantMedianAbsError)}, within ±25% ${pct(s.constantShareWithin25)}`,
    "",
    `Benchmarks (steady state, used for the fp8 factor and the optimistic end of small clusters): ${report.runs.filter((r) => r.use === "benchmark").length}`,
    `Excluded (${excluded.length}), by the data's own flags:`,
    ...excluded.map((r) => `  ${r.id}: ${r.excludedReason}`),
  ];
  return [...head, ...lines.map((l) => wrap(l, 100, 4))].join("\n") + "\n";
}

/** JSON: every run (used, benchmark or excluded) and the summaries. */
export function validationJson(report: ValidationReport): object {
  const rows = new Map(report.rows.map((r) => [r.id, r]));
  return {
    schemaVersion: 1,
    command: "validate",
    method: "leave-one-out: each full run predicted by the model and range fitted on the other runs",
    summary: report.summary,
    baseline: { name: "per-family median efficiency, range from in-sample residuals", ...report.baseline },
    fp8Factor: report.fp8Factor,
    runs: report.runs.map((run) => {
      const row = rows.get(run.id);
      return {
        id: run.id,
        model: run.model,
        use: run.use,
        ...(run.excludedReason ? { excludedReason: run.excludedReason } : {}),
        gpuType: run.gpuType,
        source: run.source,
        ...(row ? { reportedGpuHours: row.reported, estimate: { low: row.low, expected: row.expected, high: row.high }, error: row.error, inside: row.inside } : {}),
      };
    }),
  };
}

/** CSV of the full runs (RFC 4180). */
export function validationCsv(report: ValidationReport): string {
  const header = ["id", "reported_gpu_hours", "estimate_low", "estimate_expected", "estimate_high", "error", "inside"];
  const lines = report.rows.map((r) => [r.id, r.reported, r.low, r.expected, r.high, r.error, String(r.inside)].map(csvField).join(","));
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
