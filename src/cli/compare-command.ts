import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { loadUserConfig } from "../catalog/user-config.js";
import { renderBarChart } from "../output/bar-chart.js";
import { renderCompareCsv } from "../output/compare-csv.js";
import { estimateOf, renderCompareMarkdown, renderCompareTable, type CompareRow } from "../output/compare-table.js";
import { formatKrw } from "../output/format.js";
import { toCompareJson } from "../output/to-compare-json.js";
import { parseChoice } from "./choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";
import { addPassThroughOptions, estimateScenario, type PassThroughFlags } from "./scenario-flags.js";

/** The formats compare prints. */
export const COMPARE_FORMATS = ["table", "json", "csv", "markdown"] as const;

interface CompareFlags extends PassThroughFlags {
  format: string;
  chart?: boolean;
  color: boolean;
}

/** Builds one row per scenario, each through estimate's own resolveEstimate. */
export async function compareRows(names: readonly string[], flags: PassThroughFlags, cwd: string): Promise<CompareRow[]> {
  // Scenario files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
  const { loadScenarioPresets, resolveScenarios } = await import("../catalog/scenarios.js");
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
    .option("--chart", "after the table, a bar chart of the expected cost in won")
    .option("--no-color", "plain output even at a terminal")
    .action(async (names: string[], flags: CompareFlags) => {
      const format = parseChoice(flags.format, COMPARE_FORMATS, "--format");
      const rows = await compareRows(names, flags, io.cwd);
      for (const warning of new Set(rows.flatMap((r) => r.report.warnings))) io.stderr(`llm-cost: warning: ${warning}\n`);
      if (format === "json") io.stdout(`${JSON.stringify(toCompareJson(rows), null, 2)}\n`);
      else if (format === "csv") io.stdout(renderCompareCsv(rows));
      else if (format === "markdown") io.stdout(renderCompareMarkdown(rows));
      else {
        io.stdout(renderCompareTable(rows, await paintFor(io, flags.color)));
        if (flags.chart) {
          const chartRows = rows.map((r) => ({ label: r.name, value: estimateOf(r).costKrw.expected, text: formatKrw(estimateOf(r).costKrw.expected) }));
          io.stdout(`\n${renderBarChart(chartRows, { title: "Expected cost (KRW)", unicode: true })}`);
        }
      }
    });
}
