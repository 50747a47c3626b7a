import Table from "cli-table3";
import type { PublishedRun } from "../catalog/run-schema.js";
import type { ValidationRow, ValidationSummary } from "../core/calibration.js";
import type { validateFinetune } from "../core/finetune-calibration.js";
import type { MeasuredRow, MemoryValidation } from "../core/memory-validation.js";
import { csvField } from "./delimited.js";
import { formatCount, significant } from "./format.js";
import type { Paint } from "./paint.js";
import { wrap } from "./wrap.js";

export interface ValidationReport {
  finetune: ReturnType<typeof validateFinetune>;
  memory: MemoryValidation;
  measured: MeasuredRow[];
  runs: PublishedRun[];
  rows: ValidationRow[];
  summary: ValidationSummary;
  baseline: Pick<ValidationSummary, "medianAbsError" | "shareWithin25" | "shareInsideRange" | "meanHighOverLow">;
  fp8Factor: number;
}

const pct = (x: number): string => `${significant(x * 100, 3)}%`;
const signedPct = (x: number): string => `${x >= 0 ? "+" : ""}${significant(x * 100, 2)}%`;

export type ValidationSection = "all" | "memory" | "speed";

/** The human report: published runs, fine-tuning speed and memory, each with its summary. */
export function renderValidation(report: ValidationReport, paint: Paint, section: ValidationSection = "all"): string {
  const parts: string[] = [];
  if (section === "all") parts.push(renderRuns(report, paint));
  if (section === "all" || section === "speed") parts.push(renderSpeed(report, paint));
  if (section === "all" || section === "memory") parts.push(renderMemory(report, paint));
  return parts.join("\n");
}

/** Fine-tuning throughput: measured tokens/s per GPU vs the default efficiency, leave-one-out. */
function renderSpeed(report: ValidationReport, paint: Paint): string {
  const table = new Table({
    head: ["Fine-tuning run", "Method", "Measured tok/s", "Predicted", "Error", "Inside"].map((h) => paint.bold(h)),
    colAligns: ["left", "left", "right", "right", "right", "center"],
    colWidths: [36, null, null, null, null, null],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [], compact: true },
  });
  for (const row of report.finetune.rows) {
    table.push([
      row.id,
      row.method,
      formatCount(row.measured),
      formatCount(row.predicted),
      signedPct(row.error),
      row.inside ? "yes" : paint.red("no"),
    ]);
  }
  const f = report.finetune;
  return [
    `Fine-tuning speed: measured tokens/s per GPU vs the efficiency fitted without that run: ${f.rows.length} runs`,
    table.toString(),
    wrap(
      `  median |error| ${pct(f.medianAbsError)}, within ±25% ${pct(f.shareWithin25)}, inside [low, high] ${pct(f.shareInsideRange)}. fp8 rows, other PEFT methods and rows without a measured tokens/s are left out.`,
      100,
      4,
    ),
    "",
  ].join("\n");
}

/** Peak memory of measured fine-tuning runs vs the memory model. */
function renderMemory(report: ValidationReport, paint: Paint): string {
  const table = new Table({
    head: ["Memory run", "Method", "Measured GB", "Model GB", "Error", "Basis"].map((h) => paint.bold(h)),
    colAligns: ["left", "left", "right", "right", "right", "left"],
    colWidths: [36, null, null, null, null, null],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [], compact: true },
  });
  for (const row of report.memory.rows) {
    const measured =
      row.kind === "exact"
        ? significant(row.measuredGB, 3)
        : `${row.kind === "lower-bound" ? ">" : "≤"}${significant(row.measuredGB, 3)}`;
    const error =
      row.kind === "exact" ? signedPct(row.error) : row.respectsBound ? "bound ok" : paint.red("bound broken");
    table.push([row.id, row.training, measured, significant(row.estimatedGB, 3), error, row.basis]);
  }
  const s = report.memory.summary;
  const excluded = report.measured.filter(
    (r) => r.use === "excluded" || (r.use === "throughput" && r.memoryExcludedReason),
  );
  return [
    `Memory: measured peak per GPU vs the memory model (GB = 1e9 bytes): ${s.rows} exact rows, ${s.boundRows} bounds`,
    table.toString(),
    wrap(
      `  median |error| ${pct(s.medianAbsError)}, within ±25% ${pct(s.shareWithin25)}, bounds respected ${s.boundsRespected}/${s.boundRows}. Basis: allocated = torch max allocated (no CUDA context), reserved = allocator reserved, device = whole card (nvidia-smi).`,
      100,
      4,
    ),
    `  Not compared (${excluded.length}):`,
    ...excluded.map((r) => wrap(`    ${r.id}: ${r.excludedReason ?? r.memoryExcludedReason}`, 100, 6)),
    "",
  ].join("\n");
}

/** Published full runs: reported vs estimated GPU-hours, out of sample. */
function renderRuns(report: ValidationReport, paint: Paint): string {
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
  const head = [
    `Published full runs, each predicted by a model fitted without it (leave-one-out): ${s.runs} runs`,
    table.toString(),
  ];
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
    finetuneSpeed: report.finetune,
    memory: report.memory,
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
        ...(row
          ? {
              reportedGpuHours: row.reported,
              estimate: { low: row.low, expected: row.expected, high: row.high },
              error: row.error,
              inside: row.inside,
            }
          : {}),
      };
    }),
  };
}

/** CSV (RFC 4180) of the published runs, or of the speed or memory rows. */
export function validationCsv(report: ValidationReport, section: ValidationSection = "all"): string {
  if (section === "memory") {
    const lines = report.memory.rows.map((r) =>
      [r.id, r.training, r.kind, r.basis, r.measuredGB, r.estimatedGB, r.error, String(r.respectsBound ?? "")]
        .map(csvField)
        .join(","),
    );
    return (
      [
        ["id", "training", "kind", "basis", "measured_gb", "estimated_gb", "error", "respects_bound"].join(","),
        ...lines,
      ].join("\r\n") + "\r\n"
    );
  }
  if (section === "speed") {
    const lines = report.finetune.rows.map((r) =>
      [r.id, r.method, r.measured, r.predicted, r.error, String(r.inside)].map(csvField).join(","),
    );
    return (
      [["id", "method", "measured_tokens_per_sec_per_gpu", "predicted", "error", "inside"].join(","), ...lines].join(
        "\r\n",
      ) + "\r\n"
    );
  }
  const header = ["id", "reported_gpu_hours", "estimate_low", "estimate_expected", "estimate_high", "error", "inside"];
  const lines = report.rows.map((r) =>
    [r.id, r.reported, r.low, r.expected, r.high, r.error, String(r.inside)].map(csvField).join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
