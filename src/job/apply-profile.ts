import type { Catalog } from "../catalog/load.js";
import { findGpu, gpuDisplayName, parseGpuSelection } from "../catalog/gpus.js";
import { usage } from "../errors.js";
import { type Message, msg, subject } from "../i18n/message.js";
import { mergeConfig } from "../inputs/merge-config.js";
import type { EstimateReport } from "../model/report.js";
import { formatNumber, formatSignificant } from "../util/number-text.js";
import { given, type JobSpec } from "./spec.js";

/** Two parameter counts closer than this are the same model (a preset's count, saved and read back). */
const SAME_PARAMS = 1e-6;

/**
 * The job with a saved profile's measured speed as its tokens/s per GPU (origin: the profile), and
 * a note when it had to be scaled. On the profile's own GPU count and sequence length the speed is
 * the measured one, exactly. On another count or sequence length it is scaled by the throughput
 * model's own steady state for the same job: measured × model(this job) / model(the profile's job),
 * so the model supplies how communication and attention change while the measurement supplies the
 * level (the software stack, the kernels) the model cannot know. Another GPU type or strategy is
 * refused: the level measured on one GPU's kernels (or on full training for LoRA) does not carry
 * over, so scaling would present a guess as a measurement. So is another model size.
 */
export function withProfileSpeed(
  spec: JobSpec,
  catalog: Catalog,
  resolve: (spec: JobSpec) => EstimateReport,
): { spec: JobSpec; note?: Message } {
  const { profile: saved, ...rest } = spec;
  if (saved === undefined) return { spec };
  const p = saved.value;
  const origin = saved.origin;
  const name = p.name;
  for (const other of ["tokensPerSec", "mfu"] as const)
    if (spec[other])
      throw usage("input.conflict", {
        first: subject("profile"),
        second: subject(other, spec[other].origin),
        what: msg("what.speed"),
      });
  const gpus = spec.gpus ?? given(`${p.gpuCount}x${p.gpu}`, origin);
  const gpuList = mergeConfig(catalog, spec.files?.config).gpus;
  const { gpu, count } = parseGpuSelection(gpus.value, gpuList, subject("gpus", gpus.origin));
  if (gpu.id !== p.gpu) {
    const measuredOn = findGpu(gpuList, p.gpu);
    throw usage("profile.otherGpu", {
      name,
      measured: measuredOn ? gpuDisplayName(measuredOn) : p.gpu,
      given: gpuDisplayName(gpu),
      about: subject("gpus", gpus.origin),
    });
  }
  const strategies = spec.strategy?.value ?? [p.strategy];
  if (strategies.length !== 1 || strategies[0] !== p.strategy)
    throw usage("profile.otherStrategy", { name, measured: p.strategy, given: strategies.join(",") });
  const base: JobSpec = { ...rest, gpus, strategy: given([p.strategy], spec.strategy?.origin ?? origin) };
  const here = resolve(base);
  const params = here.inputs.params;
  if (Math.abs(params - p.params) > SAME_PARAMS * p.params)
    throw usage("profile.otherModel", {
      name,
      measured: formatSignificant(p.params, 4),
      given: formatSignificant(params, 4),
    });
  const seqLen = here.inputs.memory.seqLen;
  if (count === p.gpuCount && seqLen === p.seqLen)
    return { spec: { ...base, tokensPerSec: given(p.tokensPerSecPerGpu, origin) } };
  const modelHere = here.estimates[0]!.tokensPerSecPerGpu;
  const atProfile = resolve({
    ...base,
    gpus: given(`${p.gpuCount}x${p.gpu}`, origin),
    seqLen: given(p.seqLen, origin),
  });
  const modelThere = atProfile.estimates[0]!.tokensPerSecPerGpu;
  const speed = (p.tokensPerSecPerGpu * modelHere) / modelThere;
  const round = (x: number) => formatNumber(Math.round(x));
  const note = msg("warn.profileScaled", {
    name,
    measured: round(p.tokensPerSecPerGpu),
    fromGpus: p.gpuCount,
    fromSeqLen: p.seqLen,
    toGpus: count,
    toSeqLen: seqLen,
    modelThere: round(modelThere),
    modelHere: round(modelHere),
    speed: round(speed),
  });
  return { spec: { ...base, tokensPerSec: given(speed, origin) }, note };
}
