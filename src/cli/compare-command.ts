import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { UsageError, usage } from "../errors.js";
import { msg } from "../i18n/message.js";
import { scenarioLayer } from "../job/file-layers.js";
import { resolveJob } from "../job/resolve-job.js";
import type { JobFiles } from "../job/spec.js";
import type { LoadedScenario } from "../inputs/scenarios.js";
import { renderBarChart } from "../output/bar-chart.js";
import { estimateOf, renderCompareMarkdown, renderCompareTable, type CompareRow } from "../output/compare-table.js";
import { formatDuration, formatDurationKo, formatKrw } from "../output/format.js";
import { renderHtmlReport } from "../output/html-report.js";
import { reportFromCompare } from "../output/compare-html.js";
import { jobRow, renderSheet } from "../output/sheet.js";
import { toCompareJson } from "../output/to-compare-json.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { readJobFiles, specFrom } from "./job-inputs.js";
import { type OutputFlags, type OutputSettings, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

/**
 * The flags that describe a job itself (model, data, strategy). Given to compare, they make an
 * ad-hoc row beside the named scenarios; the other flags (GPUs, price, settings) apply to every row.
 */
const JOB_DEFINING = [
  "model",
  "params",
  "activeParams",
  "modelConfig",
  "from",
  "addVocab",
  "vocab",
  "tokens",
  "corpus",
  "bytesPerToken",
  "corpusLang",
  "examples",
  "tokensPerExample",
  "epochs",
  "strategy",
] as const;

type CompareFlags = OutputFlags & Record<string, unknown> & { chart?: boolean };

/** The flags without the job-defining ones: what applies to a named scenario. */
function sharedFlags(flags: CompareFlags): Record<string, unknown> {
  const shared: Record<string, unknown> = { ...flags };
  for (const key of JOB_DEFINING) delete shared[key];
  return shared;
}

/** One named scenario's row; a problem names the scenario and its file. */
export function scenarioRow(loaded: LoadedScenario, flags: CompareFlags, files: JobFiles, today?: string): CompareRow {
  const { scenario, origin } = loaded;
  const spec = specFrom(
    sharedFlags(flags),
    { ...(files.config ? { config: files.config } : {}) },
    scenarioLayer(loaded),
    today,
  );
  try {
    return { name: scenario.id, title: scenario.title, origin, report: resolveJob(spec, loadCatalog()) };
  } catch (error) {
    if (!(error instanceof UsageError) || error.message.includes(`scenario "${scenario.id}"`)) throw error;
    const missingGpus = error.said.code === "input.missing" && !spec.gpus;
    throw usage("file.scenario", {
      id: scenario.id,
      file: origin,
      detail: missingGpus ? msg("hint.scenarioNeedsGpus") : error.said,
    });
  }
}

/** The rows: each named scenario, then the job the flags describe (one row per strategy). */
export async function compareRows(
  names: readonly string[],
  flags: CompareFlags,
  io: Io,
  label?: string,
): Promise<CompareRow[]> {
  const files = await readJobFiles(flags, io);
  const adHoc = JOB_DEFINING.some((key) => flags[key] !== undefined);
  if (names.length === 0 && !adHoc)
    throw usage("input.missing", { subject: "scenarios", reason: msg("missing.scenarios") });
  // Scenario files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
  const loaded =
    names.length === 0
      ? []
      : await import("../inputs/scenarios.js").then(({ loadScenarioPresets, resolveScenarios }) =>
          resolveScenarios(names, loadScenarioPresets(), io.cwd),
        );
  const rows = loaded.map((l) => scenarioRow(l, flags, files, io.today));
  if (adHoc) {
    const report = resolveJob(specFrom(flags, files, {}, io.today), loadCatalog());
    const name = label ?? "job";
    for (const e of report.estimates)
      rows.push({
        name: report.estimates.length > 1 ? `${name}-${e.strategy}` : name,
        title: "from the command line",
        origin: "flags",
        report: { ...report, estimates: [e] },
      });
  }
  return rows;
}

/** Renders the comparison in one of the output formats (pure). */
export function renderCompare(
  rows: readonly CompareRow[],
  settings: OutputSettings,
  chart: boolean,
  paint: Parameters<typeof renderCompareTable>[1],
): string {
  switch (settings.format) {
    case "json":
      return `${JSON.stringify(toCompareJson(rows, settings.lang, settings.label), null, 2)}\n`;
    case "csv":
    case "tsv":
      return renderSheet(
        rows.map((r) => jobRow(r.report, estimateOf(r), settings.label ?? "", { scenario: r.name, title: r.title })),
        settings.format,
        settings.header,
      );
    case "markdown":
      return renderCompareMarkdown(rows, settings.lang);
    case "html":
      return renderHtmlReport(reportFromCompare(rows));
    case "table":
      return renderCompareTable(rows, paint, settings) + (chart ? compareCharts(rows, settings) : "");
  }
}

/** --chart: bar charts of the expected cost in won and the wall-clock days. */
function compareCharts(rows: readonly CompareRow[], settings: OutputSettings): string {
  const ko = settings.lang === "ko";
  const priced = rows.filter((r) => estimateOf(r).costKrw !== null);
  const cost = priced.map((r) => ({
    label: r.name,
    value: estimateOf(r).costKrw!.expected,
    text: formatKrw(estimateOf(r).costKrw!.expected),
  }));
  const days = rows.map((r) => ({
    label: r.name,
    value: estimateOf(r).wallDays.expected,
    text: (ko ? formatDurationKo : formatDuration)(estimateOf(r).wallDays.expected),
  }));
  const [costTitle, daysTitle] = ko
    ? ["예상 비용 (원)", "예상 소요 기간"]
    : ["Expected cost (KRW)", "Expected wall-clock"];
  return `\n${cost.length ? `${renderBarChart(cost, { title: costTitle, unicode: true })}\n` : ""}${renderBarChart(days, { title: daysTitle, unicode: true })}`;
}

/** Registers `compare`: scenarios (and the job the flags describe) side by side in one table. */
export function addCompareCommand(program: Command, io: Io): void {
  const command = program
    .command("compare")
    .argument("[scenarios...]", "scenario names (see llm-cost scenarios) or JSON files with your own")
    .description(
      "scenarios side by side, and your own job from the flags: tokens, FLOPs, GPU-hours, days, memory and cost in won and dollars",
    );
  addOptions(command, "compare").action(async (names: string[], flags: CompareFlags) => {
    const files = await readJobFiles({ config: flags["config"] }, io);
    const settings = outputSettings(flags, "compare", io, files.config?.config.lang);
    const rows = await compareRows(names, flags, io, settings.label);
    const text = renderCompare(rows, settings, flags.chart === true, await paintFor(io, settings.color));
    emit(
      io,
      settings,
      text,
      rows.flatMap((r) => r.report.warnings),
    );
  });
}
