import Table from "cli-table3";
import type { PublishedRun } from "../catalog/run-schema.js";
import type { ThroughputMeasurement } from "../catalog/throughput-schema.js";
import type { MeasuredRow, MemoryValidation } from "../accuracy/memory-accuracy.js";
import type { AccuracySection, ThroughputAccuracy } from "../accuracy/throughput-accuracy.js";
import type { AccuracySummary } from "../accuracy/throughput-fitting.js";
import type { Lang } from "../i18n/lang.js";
import { displayWidth } from "../i18n/width.js";
import type { SheetRow } from "./sheet.js";
import { formatCount, significant } from "./format.js";
import { say } from "./listings.js";
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
export function renderValidation(
  report: ValidationReport,
  paint: Paint,
  section: ValidationSection = "all",
  lang: Lang = "en",
): string {
  const parts: string[] = [];
  if (section === "all") parts.push(renderRuns(report, paint, lang));
  if (section === "all" || section === "speed") parts.push(renderSpeed(report, paint, lang));
  if (section === "all" || section === "memory") parts.push(renderMemory(report, paint, lang));
  return parts.join("\n");
}

const METHODS = ["leaveOneSourceOut", "leaveOneRowOut", "constant35", "constant40"] as const;

function summaryLines(s: AccuracySection, what: string, lang: Lang): string[] {
  // The method names padded to one width (Hangul counts two columns), so the figures line up.
  const names = METHODS.map((method) => say(lang, "list.validate.method", { method }));
  const width = Math.max(...names.map(displayWidth));
  const line = (
    name: string,
    a: Pick<AccuracySummary, "medianAbsError" | "shareWithin25"> & Partial<AccuracySummary>,
  ): string =>
    `  ${say(lang, "list.validate.summaryLine", {
      name: name + " ".repeat(width - displayWidth(name)),
      median: pct(a.medianAbsError),
      within: pct(a.shareWithin25),
      ...(a.shareInsideRange === undefined
        ? {}
        : { inRange: pct(a.shareInsideRange), highLow: significant(a.meanHighOverLow!, 3) }),
    })}`;
  return [say(lang, "list.validate.summary", { what }), ...METHODS.map((m, i) => line(names[i]!, s[m]))];
}

/** The header of a held-out table, each column by its key. */
const HELD_OUT_COLUMNS = ["id", "source", "measured", "predicted", "range", "error", "inside"];

function heldOutTable(
  s: AccuracySection,
  code: "list.validate.runsHead" | "list.validate.speedHead",
  value: (x: number) => string,
  paint: Paint,
  lang: Lang,
): string {
  const table = new Table({
    head: HELD_OUT_COLUMNS.map((column) => paint.bold(say(lang, code, { column }))),
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
      row.inside ? say(lang, "list.yes") : paint.red(say(lang, "list.no")),
    ]);
  }
  return table.toString();
}

/** Published whole runs: reported vs estimated GPU-hours, each source held out in turn. */
function renderRuns(report: ValidationReport, paint: Paint, lang: Lang): string {
  const w = report.accuracy.wholeRuns;
  const excluded = report.runs.filter((r) => r.use === "excluded");
  const lines = [
    wrap(say(lang, "list.validate.runsHeading", { count: String(w.rows.length) }), 100, 2),
    heldOutTable(w, "list.validate.runsHead", formatCount, paint, lang),
    "",
    ...summaryLines(w, say(lang, "list.validate.whatRuns"), lang).map((l) => wrap(l, 100, 4)),
    "",
    wrap(say(lang, "list.validate.excludedRuns", { count: String(excluded.length) }), 100, 4),
    ...excluded.map((r) => wrap(`  ${r.id}: ${reasonText(r.excludedReason ?? "", lang)}`, 100, 4)),
  ];
  return lines.join("\n") + "\n";
}

/** Steady-state speed: measured tokens/s per GPU vs the model fitted without the row's source. */
function renderSpeed(report: ValidationReport, paint: Paint, lang: Lang): string {
  const a = report.accuracy;
  const used = new Set(a.speed.rows.map((r) => r.id));
  const excluded = report.measurements
    .filter((m) => !used.has(m.id))
    .map((m) => ({
      id: m.id,
      reason: m.excludedReason
        ? reasonText(m.excludedReason, lang)
        : say(lang, "list.validate.gpuNotInCatalog", { gpu: String(m.gpu) }),
    }));
  const lines = [
    wrap(say(lang, "list.validate.speedHeading", { count: String(a.speed.rows.length) }), 100, 2),
    heldOutTable(a.speed, "list.validate.speedHead", formatCount, paint, lang),
    "",
    ...summaryLines(a.speed, say(lang, "list.validate.whatSpeed"), lang).map((l) => wrap(l, 100, 4)),
    ...summaryLines(
      a.fineTuning,
      say(lang, "list.validate.whatFineTuning", { count: String(a.fineTuning.rows.length) }),
      lang,
    ).map((l) => wrap(l, 100, 4)),
    "",
    say(lang, "list.validate.excludedSpeed", { count: String(excluded.length) }),
    ...excluded.map((m) => wrap(`  ${m.id}: ${m.reason}`, 100, 4)),
  ];
  return lines.join("\n") + "\n";
}

/** Peak memory of measured fine-tuning runs vs the memory model. */
function renderMemory(report: ValidationReport, paint: Paint, lang: Lang): string {
  const table = new Table({
    head: ["id", "training", "measured", "model", "error", "basis"].map((column) =>
      paint.bold(say(lang, "list.validate.memoryHead", { column })),
    ),
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
      row.kind === "exact"
        ? signedPct(row.error)
        : row.respectsBound
          ? say(lang, "list.validate.boundOk")
          : paint.red(say(lang, "list.validate.boundBroken"));
    const term = (t: string): string => say(lang, "list.validate.term", { term: t });
    table.push([row.id, term(row.training), measured, significant(row.estimatedGB, 3), error, term(row.basis)]);
  }
  const s = report.memory.summary;
  const excluded = report.measured.filter(
    (r) => r.use === "excluded" || (r.use === "throughput" && r.memoryExcludedReason),
  );
  return [
    say(lang, "list.validate.memoryHeading", { rows: String(s.rows), bounds: String(s.boundRows) }),
    table.toString(),
    wrap(
      `  ${say(lang, "list.validate.memorySummary", {
        median: pct(s.medianAbsError),
        within: pct(s.shareWithin25),
        respected: String(s.boundsRespected),
        bounds: String(s.boundRows),
      })}`,
      100,
      4,
    ),
    `  ${say(lang, "list.validate.notCompared", { count: String(excluded.length) })}`,
    ...excluded.map((r) =>
      wrap(`    ${r.id}: ${reasonText(r.excludedReason ?? r.memoryExcludedReason ?? "", lang)}`, 100, 6),
    ),
    "",
  ].join("\n");
}

/** Why a row was left out, as the data says it (English) or translated (Korean). */
const reasonText = (reason: string, lang: Lang): string => say(lang, "list.validate.reason", { reason });

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
