import type { StrategyId } from "../catalog/constants.js";
import type { EfficiencyFile, GpuSpec } from "../catalog/schemas.js";
import type { Range } from "./range.js";

/**
 * The default efficiency (MFU: model FLOPs delivered / (GPUs × dense 16-bit peak × time)).
 *
 * Full training (scratch, dapt, tapt): the whole-run efficiency of published full runs on the same
 * hardware family (presets/efficiency.json, fitted by src/core/calibration.ts), × the fp8 factor
 * for fp8 matmuls. Its range is the out-of-sample spread of those runs.
 * Fine-tuning (sft, lora, qlora): the measured steady-state efficiency of fine-tuning runs.
 * A user's --mfu (or --tokens-per-sec) replaces the expected value; the range keeps the
 * calibrated relative spread, because a guessed or short-benchmarked speed is not a whole run.
 */

export type Precision = "bf16" | "fp8";

export interface EfficiencyContext {
  gpu: GpuSpec;
  gpuCount: number;
  strategy: StrategyId;
  precision: Precision;
  /** The user's efficiency (--mfu, or derived from --tokens-per-sec). */
  userMfu?: number;
  userSource?: "--mfu" | "--tokens-per-sec";
}

/** The efficiency behind an estimate. */
export interface EfficiencyAssumption {
  source: "default" | "--mfu" | "--tokens-per-sec";
  /** MFU during training steps (no restarts, evaluation or stalls): sets tokens per second. */
  steadyState: number;
  /** Efficiency over the whole paid run: sets GPU-hours. low = pessimistic. */
  wholeRun: Range;
  /** How the numbers were arrived at, in words. */
  basis: string;
}

const FULL_STRATEGIES: readonly StrategyId[] = ["scratch", "dapt", "tapt"];

/** Keeps an efficiency in (0, 1]. */
const cap = (e: number): number => Math.min(1, e);

/** The default (or user-given) efficiency for one strategy on one cluster. */
export function efficiencyFor(config: EfficiencyFile, context: EfficiencyContext): EfficiencyAssumption {
  const { gpu, strategy, precision } = context;
  const full = config.fullTraining;
  const family = config.familyByArchitecture[gpu.architecture];
  const extrapolated = family === undefined || !["ampere", "hopper"].includes(gpu.architecture);
  const fp8 = precision === "fp8" ? full.fp8Factor : 1;
  const spread = { low: 1 / full.rangeGpuHours.high, high: 1 / full.rangeGpuHours.low };

  if (context.userMfu !== undefined) {
    const e = context.userMfu;
    return {
      source: context.userSource ?? "--mfu",
      steadyState: e,
      wholeRun: { low: e * spread.low, expected: e, high: cap(e * spread.high) },
      basis: `given by ${context.userSource ?? "--mfu"}; range = calibrated spread of published runs (x${round(spread.low)}–x${round(spread.high)})`,
    };
  }
  if (FULL_STRATEGIES.includes(strategy)) {
    const fam = family ?? "hopper";
    const expected = cap(full.wholeRun[fam] * fp8);
    const steady = cap(full.steadyState[fam] * fp8);
    // Small clusters run at benchmark conditions more often than the 512+-GPU runs behind the median.
    // The lift fades as 64/n past 64 GPUs, so GPUs × efficiency never falls as GPUs are added: more
    // GPUs never make even the optimistic wall-clock longer.
    const lift = steady * Math.min(1, full.smallClusterGpus / context.gpuCount);
    const optimistic = Math.max(expected * spread.high, lift);
    return {
      source: "default",
      steadyState: steady,
      wholeRun: { low: expected * spread.low, expected, high: cap(optimistic) },
      basis:
        `median whole-run MFU of published ${familyLabel(fam)} full runs${precision === "fp8" ? ` x fp8 factor ${full.fp8Factor}` : ""}` +
        `${extrapolated ? ` (no ${gpu.architecture} runs in the data: ${familyLabel(fam)} figure used)` : ""}; range = 10th–90th percentile of leave-one-out errors`,
    };
  }
  const measured = config.fineTuning[strategy as "sft" | "lora" | "qlora"];
  return {
    source: "default",
    steadyState: cap(measured.expected * fp8),
    wholeRun: { low: measured.low * fp8, expected: cap(measured.expected * fp8), high: cap(measured.high * fp8) },
    basis: `median steady-state MFU of measured ${strategy} runs (10th–90th percentile as range)${precision === "fp8" ? ` x fp8 factor ${full.fp8Factor}` : ""}`,
  };
}

function familyLabel(family: "a100" | "hopper" | "tpu"): string {
  return { a100: "A100", hopper: "Hopper (H100/H800/H200)", tpu: "TPU" }[family];
}

const round = (x: number): string => x.toFixed(2);
