import type { Command } from "commander";
import { renderScenarios, scenarioRows } from "../output/scenario-list.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { renderListing } from "./listing-output.js";
import type { SheetRow } from "../output/sheet.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

/** A scenario row with its Korean title and description in place of the English ones, where it has them. */
function koreanTitles(row: SheetRow): SheetRow {
  const { titleKo, descriptionKo, ...rest } = row;
  return {
    ...rest,
    ...(titleKo != null ? { title: titleKo } : {}),
    ...(descriptionKo != null ? { description: descriptionKo } : {}),
  };
}

/** Registers `scenarios [names...]`: the bundled scenarios (or the named ones / your files), checked. */
export function addScenariosCommand(program: Command, io: Io): void {
  const command = program
    .command("scenarios")
    .argument("[scenarios...]", "only these scenarios or JSON files (default: every bundled one)")
    .description(
      "named scenarios for compare (the cases of the Korean blog post in docs/); also validates your own scenario files",
    );
  addOptions(command, "scenarios").action(async (names: string[], flags: OutputFlags & { long?: boolean }) => {
    const settings = outputSettings(flags, "scenarios", io);
    // Scenario files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
    const { loadScenarioPresets, PRESETS_FILE, resolveScenarios } = await import("../inputs/scenarios.js");
    const presets = loadScenarioPresets();
    const loaded = names.length
      ? resolveScenarios(names, presets, io.cwd)
      : presets.map((scenario) => ({ scenario, origin: PRESETS_FILE }));
    const paint = await paintFor(io, settings.color);
    // Lists (LoRA targets) as one cell: "q,v".
    const rows = scenarioRows(loaded).map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v])),
    );
    const text =
      settings.format === "json"
        ? `${JSON.stringify(scenarioRows(loaded), null, 2)}\n`
        : renderListing(rows, settings, () => renderScenarios(loaded, paint, flags.long === true, settings.lang), {
            // Each reader gets the title and description in their language (a user's file may have only English).
            omitEnglish: ["titleKo", "descriptionKo"],
            korean: { row: koreanTitles },
          });
    emit(io, settings, text, []);
  });
}
