import Table from "cli-table3";
import type { PublishedRun } from "../catalog/run-schema.js";
import type { ThroughputMeasurement } from "../catalog/throughput-schema.js";
import type { MeasuredRow, MemoryValidation } from "../accuracy/memory-accuracy.js";
import type { AccuracySection, ThroughputAccuracy } from "../accuracy/throughput-accuracy.js";
import type { AccuracySummary } from "../accuracy/throughput-fitting.js";
import type { SheetRow } from "./sheet.js";
import { formatCount, significant } from "./format.js";
import type { Paint } from "./paint.js";
import { wrap } from "./wrap.js";

export interface ValidationReport {
  accuracy: ThroughputAccuracy;
  memory: MemoryValidation;
  measured: MeasuredRow[];
  runs: PublishedRun[];
  measurements: ThroughputMeasurement[];
}

const pct = (x: number): string => `${significant(x * 100, 3)}%`;
const signedPct = (x: number): string => `${x >= 0 ? "+" : ""}${significant(x * 100, 2)}%`;

export type ValidationSection = "all" | "memory" | "speed";

/** The human report: published runs, steady-state and fine-tuning speed, and memory, each with its summary. */
export function renderValidation(report: ValidationReport, paint: Paint, section: ValidationSection = "all"): string {
  const parts: string[] = [];
  if (section === "all") parts.push(renderRuns(report, paint));
  if (section === "all" || section === "speed") parts.push(renderSpeed(report, paint));
  if (section === "all" || section === "memory") parts.push(renderMemory(report, paint));
  return parts.join("\n");
}

function summaryLines(s: AccuracySection, what: string): string[] {
  const line = (
    name: string,
    a: Pick<AccuracySummary, "medianAbsError" | "shareWithin25"> & Partial<AccuracySummary>,
  ): string =>
    `  ${name}: median |error| ${pct(a.medianAbsError)}, within ±25% ${pct(a.shareWithin25)}` +
    (a.shareInsideRange === undefined
      ? ""
      : `, in range ${pct(a.shareInsideRange)}, high/low ${significant(a.meanHighOverLow!, 3)}`);
  return [
    `Summary, ${what}`,
    line("leave one source out", s.leaveOneSourceOut),
    line("leave one row out   ", s.leaveOneRowOut),
    line("constant 35% MFU    ", s.constant35),
    line("constant 40% MFU    ", s.constant40),
  ];
}

function heldOutTable(s: AccuracySection, head: string[], value: (x: number) => string, paint: Paint): string {
  const table = new Table({
    head: head.map((h) => paint.bold(h)),
    colAligns: ["left", "left", "right", "right", "right", "right", "center"],
    colWidths: [25, 15, null, null, null, null, null],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style: { head: [], border: [], compact: true },
  });
  for (const row of s.rows) {
    const w = Math.exp(row.halfWidth);
    table.push([
      row.id,
      row.group,
      value(row.measured),
      value(row.predicted),
      `${value(row.predicted / w)}–${value(row.predicted * w)}`,
      signedPct(row.error),
      row.inside ? "yes" : paint.red("no"),
    ]);
  }
  return table.toString();
}

/** Published whole runs: reported vs estimated GPU-hours, each source held out in turn. */
function renderRuns(report: ValidationReport, paint: Paint): string {
  const w = report.accuracy.wholeRuns;
  const excluded = report.runs.filter((r) => r.use === "excluded");
  const lines = [
    wrap(
      `Published whole runs: reported GPU-hours vs the estimate, each run predicted with goodput fitted without its source (lab): ${w.rows.length} runs`,
      100,
      2,
    ),
    heldOutTable(w, ["Run", "Source", "GPU-hours", "Estimate", "Range", "Error", "In"], formatCount, paint),
    "",
    ...summaryLines(w, "whole runs (GPU-hours)").map((l) => wrap(l, 100, 4)),
    "",
    wrap(
      `Excluded (${excluded.length}), by the data's own flags; throughput benchmarks are in the speed section:`,
      100,
      4,
    ),
    ...excluded.map((r) => wrap(`  ${r.id}: ${r.excludedReason}`, 100, 4)),
  ];
  return lines.join("\n") + "\n";
}

/** Steady-state speed: measured tokens/s per GPU vs the model fitted without the row's source. */
function renderSpeed(report: ValidationReport, paint: Paint): string {
  const a = report.accuracy;
  const used = new Set(a.speed.rows.map((r) => r.id));
  const excluded = report.measurements
    .filter((m) => !used.has(m.id))
    .map((m) => ({ id: m.id, reason: m.excludedReason ?? `its GPU (${m.gpu}) is not in the catalog in use` }));
  const lines = [
    wrap(
      `Steady-state speed: measured tokens/s per GPU vs the model fitted without the row's source: ${a.speed.rows.length} measurements`,
      100,
      2,
    ),
    heldOutTable(
      a.speed,
      ["Measurement", "Source", "Tokens/s", "Predicted", "Range", "Error", "In"],
      formatCount,
      paint,
    ),
    "",
    ...summaryLines(a.speed, "all steady-state measurements (tokens/s per GPU)").map((l) => wrap(l, 100, 4)),
    ...summaryLines(a.fineTuning, `fine-tuning measurements only (SFT, LoRA, QLoRA: ${a.fineTuning.rows.length})`).map(
      (l) => wrap(l, 100, 4),
    ),
    "",
    `Excluded (${excluded.length}):`,
    ...excluded.map((m) => wrap(`  ${m.id}: ${m.reason}`, 100, 4)),
  ];
  return lines.join("\n") + "\n";
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

/** JSON: the fitted model, every held-out row and the summaries. */
export function validationJson(report: ValidationReport): object {
  const a = report.accuracy;
  const sectionJson = (s: AccuracySection): object => ({
    leaveOneSourceOut: s.leaveOneSourceOut,
    leaveOneRowOut: s.leaveOneRowOut,
    constant35: s.constant35,
    constant40: s.constant40,
    rows: s.rows,
  });
  return {
    schemaVersion: 2,
    command: "validate",
    method:
      "leave-one-source-out: each row predicted by the model fitted without its source (paper, lab or repository); its range is the 80 % conformal interval of the other sources' held-out errors",
    model: a.model,
    wholeRuns: sectionJson(a.wholeRuns),
    speed: sectionJson(a.speed),
    fineTuningSpeed: sectionJson(a.fineTuning),
    memory: report.memory,
  };
}

/** The rows of the whole runs, or of the speed or memory check, for CSV, TSV and Markdown. */
export function validationRows(report: ValidationReport, section: ValidationSection): SheetRow[] {
  if (section === "memory")
    return report.memory.rows.map((r) => ({
      id: r.id,
      training: r.training,
      kind: r.kind,
      basis: r.basis,
      measured_gb: r.measuredGB,
      estimated_gb: r.estimatedGB,
      error: r.error,
      respects_bound: r.respectsBound ?? null,
    }));
  const s = section === "speed" ? report.accuracy.speed : report.accuracy.wholeRuns;
  return s.rows.map((r) => ({
    id: r.id,
    source: r.group,
    measured: r.measured,
    predicted: r.predicted,
    low: r.predicted / Math.exp(r.halfWidth),
    high: r.predicted * Math.exp(r.halfWidth),
    error: r.error,
    inside: r.inside,
  }));
}
