import type { Command } from "commander";
import { wholeRunEfficiencies } from "../accuracy/published-runs.js";
import { loadCatalog, readPreset } from "../catalog/load.js";
import { parseWith } from "../catalog/zod-error.js";
import { buildCheck, type ClaimOptions, type PublishedEfficiency } from "../job/check-claim.js";
import { renderCheckAs } from "../output/check-formats.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { jobSpecFromFlags } from "./job-inputs.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

/** The published runs' whole-run efficiencies, read from presets/published-runs.json. */
async function publishedEfficiencies(): Promise<PublishedEfficiency[]> {
  // The runs are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
  const { PublishedRunsFile } = await import("../catalog/run-schema.js");
  return wholeRunEfficiencies(
    parseWith(PublishedRunsFile, readPreset("published-runs.json"), "presets/published-runs.json").runs,
    loadCatalog().gpus,
  );
}

/** Registers `check`: what a claimed duration or cost implies, and whether published runs make it plausible. */
export function addCheckCommand(program: Command, io: Io): void {
  const command = program
    .command("check")
    .description(
      "check a claim: the efficiency a claimed duration implies, the price and tokens a claimed cost implies, and a verdict",
    );
  addOptions(command, "check").action(async (flags: OutputFlags & ClaimOptions & Record<string, unknown>) => {
    const spec = await jobSpecFromFlags(flags, io);
    const settings = outputSettings(flags, "check", io, spec.files?.config?.config.lang);
    const { json, report } = buildCheck(spec, flags, loadCatalog(), await publishedEfficiencies());
    emit(io, settings, renderCheckAs(json, report, settings, await paintFor(io, settings.color)), report.warnings);
  });
}
