import type { JobFiles, JobLayer, JobSpec } from "../job/spec.js";
import { specFrom } from "../job/spec-from-flags.js";
import { readJsonFile } from "../inputs/read-json-file.js";
import { architectureFromHfConfig } from "../inputs/hf-config.js";
import { loadUserConfig } from "../inputs/user-config.js";
import type { Io } from "./io.js";

/** The files a job's flags name: --config (or ./llm-cost.config.json), --model-config and --from. */
export async function readJobFiles(flags: Readonly<Record<string, unknown>>, io: Io): Promise<JobFiles> {
  const config = await loadUserConfig(flags["config"] as string | undefined, io.cwd);
  const modelConfig = flags["modelConfig"] as string | undefined;
  const from = flags["from"] as string | undefined;
  const hf =
    modelConfig === undefined
      ? undefined
      : {
          file: modelConfig,
          model: architectureFromHfConfig(readJsonFile(modelConfig, "modelConfig", io.cwd), modelConfig),
        };
  const trainer = from === undefined ? undefined : await readTrainer(from, io.cwd);
  return { ...(config ? { config } : {}), ...(hf ? { hf } : {}), ...(trainer ? { trainer } : {}) };
}

/** --from: a trainer's YAML. yaml and zod are imported only here, off every other start-up. */
async function readTrainer(file: string, cwd: string): Promise<NonNullable<JobFiles["trainer"]>> {
  const [{ readYamlFile }, { trainerOptions }] = await Promise.all([
    import("../inputs/read-yaml-file.js"),
    import("../inputs/trainer-config.js"),
  ]);
  return { file, options: trainerOptions(readYamlFile(file, "from", cwd), file) };
}

/**
 * The job a command's flags describe, with the files they name: built-in defaults < config file <
 * (--profile's job) < (a scenario, when given) < trainer YAML < flags, each value tagged with its origin.
 */
export async function jobSpecFromFlags(
  flags: Readonly<Record<string, unknown>>,
  io: Io,
  scenario: JobLayer = {},
): Promise<JobSpec> {
  const files = await readJobFiles(flags, io);
  return specFrom(flags, files, scenario, io.today);
}
