import type { Command } from "commander";
import { renderScenarios, scenarioRows } from "../output/scenario-list.js";
import { parseChoice } from "../job/values/choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";

const SCENARIO_FORMATS = ["table", "json"] as const;

/** Registers `scenarios [names...]`: the bundled scenarios (or the named ones / your files), checked. */
export function addScenariosCommand(program: Command, io: Io): void {
  program
    .command("scenarios")
    .argument("[scenarios...]", "only these scenarios or JSON files (default: every bundled one)")
    .description(
      "named scenarios for compare (the cases of the Korean blog post in docs/); also validates your own scenario files",
    )
    .option("--long", "with each scenario's description and source")
    .option("--format <format>", `output: ${SCENARIO_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action(async (names: string[], flags: { format: string; long?: boolean; color: boolean }) => {
      const format = parseChoice(flags.format, SCENARIO_FORMATS, "--format");
      // Scenario files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
      const { loadScenarioPresets, PRESETS_FILE, resolveScenarios } = await import("../inputs/scenarios.js");
      const presets = loadScenarioPresets();
      const loaded = names.length
        ? resolveScenarios(names, presets, io.cwd)
        : presets.map((scenario) => ({ scenario, origin: PRESETS_FILE }));
      if (format === "json") io.stdout(`${JSON.stringify(scenarioRows(loaded), null, 2)}\n`);
      else io.stdout(renderScenarios(loaded, await paintFor(io, flags.color), flags.long === true));
    });
}
