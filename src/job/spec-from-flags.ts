import { configLayer, trainerLayer } from "./file-layers.js";
import { flagLayer } from "./flag-layer.js";
import { profileLayer } from "./profile-layer.js";
import { type JobFiles, type JobLayer, type JobSpec, mergeLayers } from "./spec.js";

/**
 * The job a command's flags describe, with the files they name (already read): built-in defaults <
 * config file < a --profile (its GPUs, strategy, sequence) < (a scenario, when given) < trainer YAML <
 * flags, each value tagged with its origin.
 */
export function specFrom(
  flags: Readonly<Record<string, unknown>>,
  files: JobFiles,
  scenario: JobLayer = {},
  today?: string,
): JobSpec {
  const typed = flagLayer(flags);
  const hasExamples = typed.examples !== undefined || scenario.examples !== undefined;
  const profile = profileLayer(files.config, flags["profile"] as string | undefined);
  const spec = mergeLayers(
    files,
    configLayer(files.config),
    profile,
    scenario,
    trainerLayer(files.trainer, hasExamples),
    typed,
  );
  // Today's date (from the Io) ages the exchange rate; without it nothing is aged.
  return today === undefined ? spec : { ...spec, today };
}
