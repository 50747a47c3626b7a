import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { buildInverse, jobAt } from "../job/inverse-job.js";
import { resolveJob } from "../job/resolve-job.js";
import { renderEstimate } from "../output/estimate-formats.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { jobSpecFromFlags } from "./job-inputs.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

interface EstimateOwnFlags extends OutputFlags {
  explain?: boolean;
  budget?: string;
  deadline?: string;
}

/** Registers `estimate` on the program; the action renders to io and leaves exit code 0. */
export function addEstimateCommand(program: Command, io: Io): void {
  const command = program
    .command("estimate")
    .description("FLOPs, GPU-hours, wall-clock days, memory and cost in won and dollars for each training strategy");
  addOptions(command, "estimate").action(async (flags: EstimateOwnFlags & Record<string, unknown>) => {
    const spec = await jobSpecFromFlags(flags, io);
    const settings = outputSettings(flags, "estimate", io, spec.files?.config?.config.lang);
    const catalog = loadCatalog();
    const report = resolveJob(spec, catalog);
    const inverse = buildInverse(flags, report, jobAt(spec, catalog));
    const text = renderEstimate(report, settings, await paintFor(io, settings.color), {
      explain: flags.explain === true,
      inverse,
    });
    emit(io, settings, text, report.warnings);
  });
}
