import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { buildPlan, type PlanOptions } from "../job/plan-job.js";
import { renderPlanAs } from "../output/plan-formats.js";
import { planWarnings } from "../output/plan-result.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { jobSpecFromFlags } from "./job-inputs.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

/** Registers `plan`: the cheapest and the fastest GPU plans for one job under a deadline and a budget. */
export function addPlanCommand(program: Command, io: Io): void {
  const command = program
    .command("plan")
    .description(
      "which GPUs, how many and from whom: the cheapest and fastest plans that fit, meet --deadline and stay within --budget",
    );
  addOptions(command, "plan").action(async (flags: OutputFlags & PlanOptions & Record<string, unknown>) => {
    const spec = await jobSpecFromFlags(flags, io);
    const settings = outputSettings(flags, "plan", io, spec.files?.config?.config.lang);
    const result = buildPlan(spec, flags, loadCatalog());
    emit(io, settings, renderPlanAs(result, settings, await paintFor(io, settings.color)), planWarnings(result));
  });
}
