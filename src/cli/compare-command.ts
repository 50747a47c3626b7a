import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { loadUserConfig } from "../inputs/user-config.js";
import { renderBarChart } from "../output/bar-chart.js";
import { renderCompareCsv } from "../output/compare-csv.js";
import { estimateOf, renderCompareMarkdown, renderCompareTable, type CompareRow } from "../output/compare-table.js";
import { formatDuration, formatDurationKo, formatKrw } from "../output/format.js";
import { toCompareJson } from "../output/to-compare-json.js";
import { parseChoice } from "../job/values/choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";
import { localizeWarning } from "../i18n/errors.js";
import { LANGS, langFromEnv } from "../i18n/lang.js";
import { addPassThroughOptions, estimateScenario, type PassThroughFlags } from "./scenario-flags.js";

/** The formats compare prints. */
export const COMPARE_FORMATS = ["table", "json", "csv", "markdown"] as const;

interface CompareFlags extends PassThroughFlags {
  format: string;
  chart?: boolean;
  lang?: string;
  color: boolean;
}

/** Builds one row per scenario, each through estimate's own resolveEstimate. */
export async function compareRows(
  names: readonly string[],
  flags: PassThroughFlags,
  cwd: string,
): Promise<CompareRow[]> {
  // Scenario files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
  const { loadScenarioPresets, resolveScenarios } = await import("../inputs/scenarios.js");
  const loaded = resolveScenarios(names, loadScenarioPresets(), cwd);
  const catalog = loadCatalog();
  const config = await loadUserConfig(flags.config, cwd);
  return loaded.map((l) => ({
    name: l.scenario.id,
    title: l.scenario.title,
    origin: l.origin,
    report: estimateScenario(l, flags, catalog, config ? { config } : {}),
  }));
}

/** Registers `compare`: scenarios side by side in one table. */
export function addCompareCommand(program: Command, io: Io): void {
  const command = program
    .command("compare")
    .argument("<scenarios...>", "scenario names (see llm-cost scenarios) or JSON files with your own")
    .description("scenarios side by side: tokens, FLOPs, GPU-hours, days, memory and cost in won and dollars");
  addPassThroughOptions(command)
    .option("--format <format>", `output: ${COMPARE_FORMATS.join(", ")}`, "table")
    .option("--chart", "after the table, bar charts of the expected cost in won and the wall-clock days")
    .option("--lang <lang>", "table language: en or ko (default: from LANG)")
    .option("--no-color", "plain output even at a terminal")
    .action(async (names: string[], flags: CompareFlags) => {
      const format = parseChoice(flags.format, COMPARE_FORMATS, "--format");
      const lang = flags.lang === undefined ? langFromEnv(io.env) : parseChoice(flags.lang, LANGS, "--lang");
      const rows = await compareRows(names, flags, io.cwd);
      for (const warning of new Set(rows.flatMap((r) => r.report.warnings)))
        io.stderr(`llm-cost: ${lang === "ko" ? "경고" : "warning"}: ${localizeWarning(warning, lang)}\n`);
      if (format === "json") io.stdout(`${JSON.stringify(toCompareJson(rows), null, 2)}\n`);
      else if (format === "csv") io.stdout(renderCompareCsv(rows));
      else if (format === "markdown") io.stdout(renderCompareMarkdown(rows));
      else {
        io.stdout(renderCompareTable(rows, await paintFor(io, flags.color), lang));
        if (flags.chart) {
          const cost = rows.map((r) => ({
            label: r.name,
            value: estimateOf(r).costKrw.expected,
            text: formatKrw(estimateOf(r).costKrw.expected),
          }));
          const days = rows.map((r) => ({
            label: r.name,
            value: estimateOf(r).wallDays.expected,
            text: (lang === "ko" ? formatDurationKo : formatDuration)(estimateOf(r).wallDays.expected),
          }));
          const [costTitle, daysTitle] =
            lang === "ko" ? ["예상 비용 (원)", "예상 소요 기간"] : ["Expected cost (KRW)", "Expected wall-clock"];
          io.stdout(
            `\n${renderBarChart(cost, { title: costTitle, unicode: true })}\n${renderBarChart(days, { title: daysTitle, unicode: true })}`,
          );
        }
      }
    });
}
