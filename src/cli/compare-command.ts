import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { compareRows } from "../job/compare-rows.js";
import { renderCompare } from "../output/compare-formats.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { readJobFiles } from "./job-inputs.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

/** Registers `compare`: scenarios (and the job the flags describe) side by side in one table. */
export function addCompareCommand(program: Command, io: Io): void {
  const command = program
    .command("compare")
    .argument("[scenarios...]", "scenario names (see llm-cost scenarios) or JSON files with your own")
    .description(
      "scenarios side by side, and your own job from the flags: tokens, FLOPs, GPU-hours, days, memory and cost in won and dollars",
    );
  addOptions(command, "compare").action(async (names: string[], flags: OutputFlags & Record<string, unknown>) => {
    const files = await readJobFiles(flags, io);
    const settings = outputSettings(flags, "compare", io, files.config?.config.lang);
    // Scenario files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
    const loaded =
      names.length === 0
        ? []
        : await import("../inputs/scenarios.js").then(({ loadScenarioPresets, resolveScenarios }) =>
            resolveScenarios(names, loadScenarioPresets(), io.cwd),
          );
    const rows = compareRows(loaded, flags, files, loadCatalog(), settings.label, io.today);
    const text = renderCompare(rows, settings, flags.chart === true, await paintFor(io, settings.color));
    emit(
      io,
      settings,
      text,
      rows.flatMap((r) => r.report.warnings),
    );
  });
}
