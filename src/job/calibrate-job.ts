import type { StrategyId } from "../catalog/constants.js";
import type { Catalog } from "../catalog/load.js";
import { findGpu, gpuDisplayName, parseGpuSelection } from "../catalog/gpus.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { invalid, usage } from "../errors.js";
import { type Origin, msg, quoted, subject } from "../i18n/message.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { impliedMfu, loggedMfu } from "../inputs/logs/implied-mfu.js";
import type { LogMeasurement, LogParseOptions } from "../inputs/logs/log-measurement.js";
import type { EstimateReport } from "../model/report.js";
import { formatSignificant } from "../util/number-text.js";
import { DEFAULT_SEQ_LEN, resolveJob } from "./resolve-job.js";
import { given, type JobSpec } from "./spec.js";

/** A training log's speed next to the model's for the same job, and the full run projected from it. */
export interface Calibration {
  measurement: LogMeasurement;
  gpu: GpuSpec;
  gpuCount: number;
  seqLen: number;
  strategy: StrategyId;
  /** The model's FLOPs per token for this job (6·N for full training), the basis of the MFU. */
  flopsPerToken: number;
  /** measured tokens/s × FLOPs per token / the GPU's dense 16-bit peak */
  impliedMfu: number;
  /** the same from the trainer's own TFLOP/s, where the log gives it */
  loggedMfu?: number;
  /** the default throughput model's steady-state tokens/s per GPU for this job */
  modelTokensPerSecPerGpu: number;
  /** the model's speed over the measured one: below 1 the model was slow, above 1 fast */
  modelOverMeasured: number;
  /** the job at the measured speed, through the one resolver (goodput, range, cost) */
  projection: EstimateReport;
}

/** Full training: what most logs that calibrate reads (pretraining, continued pretraining) train. */
export const DEFAULT_CALIBRATE_STRATEGY: StrategyId = "dapt";
const DEFAULT: Origin = { kind: "default" };

/** Whether a --gpus value names a count ("8xH100", "H100x8") rather than a type alone ("H100"). */
const namesCount = (value: string): boolean => /\d\s*[x×*]|[x×*]\s*\d/i.test(value);

/** What the flags tell the log parsers that a log may not say: the sequence length and the GPU count. */
export function logParseOptions(spec: JobSpec, catalog: Catalog): LogParseOptions {
  const gpus = spec.gpus && namesCount(spec.gpus.value) ? flagGpus(spec, catalog)?.count : undefined;
  return {
    ...(spec.seqLen ? { seqLen: spec.seqLen.value } : {}),
    ...(gpus === undefined ? {} : { gpus }),
  };
}

function flagGpus(spec: JobSpec, catalog: Catalog) {
  if (!spec.gpus) return undefined;
  const gpus = mergeConfig(catalog, spec.files?.config).gpus;
  return parseGpuSelection(spec.gpus.value, gpus, subject("gpus", spec.gpus.origin));
}

/**
 * The catalog GPU an `nvidia-smi -L` name is: "NVIDIA H100 80GB HBM3" → the longest leading run of
 * its words that is a GPU's id or alias ("H100 80GB", else "H100").
 */
export function gpuFromLogName(name: string, gpus: readonly GpuSpec[]): GpuSpec | undefined {
  const words = name
    .replace(/^\s*NVIDIA\s+/i, "")
    .split(/\s+/)
    .filter((w) => w !== "");
  for (let n = words.length; n > 0; n--) {
    const gpu = findGpu(gpus, words.slice(0, n).join(" "));
    if (gpu) return gpu;
  }
  return undefined;
}

/**
 * One log's calibration (pure: the log was read and parsed at the edge). The job is the flags' one
 * with what the log says about itself: its GPUs and sequence length, which must agree with the
 * flags where both say. The default model's speed comes from resolveJob on that job, the
 * projection from resolveJob on the same job with the measured tokens/s.
 */
export function calibrateJob(m: LogMeasurement, spec: JobSpec, catalog: Catalog): Calibration {
  const file = quoted(m.file);
  const strategies = spec.strategy?.value ?? [DEFAULT_CALIBRATE_STRATEGY];
  if (strategies.length !== 1)
    throw invalid(subject("strategy", spec.strategy?.origin), strategies.join(","), msg("calibrate.oneStrategy"));
  const strategy = strategies[0]!;
  const fromFlag = flagGpus(spec, catalog);
  const gpuList = mergeConfig(catalog, spec.files?.config).gpus;
  const fromLog = m.gpuName === undefined ? undefined : gpuFromLogName(m.gpuName, gpuList);
  if (fromFlag && fromLog && fromFlag.gpu.id !== fromLog.id)
    throw usage("calibrate.gpuDiffers", { file, log: quoted(m.gpuName!), given: gpuDisplayName(fromFlag.gpu) });
  const gpu = fromFlag?.gpu ?? fromLog;
  if (gpu === undefined) throw usage("calibrate.noGpu", { file });
  const countGiven = spec.gpus !== undefined && namesCount(spec.gpus.value);
  if (m.gpus !== undefined && countGiven && fromFlag!.count !== m.gpus)
    throw usage("calibrate.countDiffers", { file, log: m.gpus, given: spec.gpus!.value });
  // "--gpus H100" is one GPU, as everywhere else; a log that says its world size overrides that.
  const gpuCount = m.gpus ?? fromFlag?.count ?? 1;
  if (m.seqLen !== undefined && spec.seqLen !== undefined && spec.seqLen.value !== m.seqLen)
    throw usage("calibrate.seqLenDiffers", { file, log: m.seqLen, given: spec.seqLen.value });
  const seqLen = m.seqLen ?? spec.seqLen?.value ?? DEFAULT_SEQ_LEN;
  const { profile: _p, tokensPerSec: _t, mfu: _m, ...rest } = spec;
  const job: JobSpec = {
    ...rest,
    gpus: given(`${gpuCount}x${gpu.id}`, spec.gpus?.origin ?? DEFAULT),
    seqLen: given(seqLen, spec.seqLen?.origin ?? DEFAULT),
    strategy: given([strategy], spec.strategy?.origin ?? DEFAULT),
  };
  const model = resolveJob(job, catalog);
  const e = model.estimates[0]!;
  const peak = gpu.denseTflops16 * 1e12;
  const mfu = impliedMfu(m.tokensPerSecPerGpu, e.flopsPerToken, peak);
  // Faster than the GPU can compute is no measurement of this job (a per-node rate, another model).
  if (mfu > 1)
    throw usage("calibrate.abovePeak", {
      file,
      tokens: Math.round(m.tokensPerSecPerGpu),
      times: formatSignificant(mfu, 3),
      gpu: gpuDisplayName(gpu),
      params: formatSignificant(model.inputs.params, 4),
    });
  const measured: Origin = { kind: "profile", name: "calibrate", file: m.file };
  const projection = resolveJob({ ...job, tokensPerSec: given(m.tokensPerSecPerGpu, measured) }, catalog);
  return {
    measurement: m,
    gpu,
    gpuCount,
    seqLen,
    strategy,
    flopsPerToken: e.flopsPerToken,
    impliedMfu: mfu,
    ...(m.tflopsPerGpuLogged === undefined ? {} : { loggedMfu: loggedMfu(m.tflopsPerGpuLogged, peak) }),
    modelTokensPerSecPerGpu: e.tokensPerSecPerGpu,
    modelOverMeasured: e.tokensPerSecPerGpu / m.tokensPerSecPerGpu,
    projection,
  };
}
