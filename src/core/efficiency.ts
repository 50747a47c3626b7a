import type { GpuSpec } from "../catalog/schemas.js";
import type { TrainingKind } from "./flops.js";
import type { Range } from "./range.js";

export interface EfficiencyContext {
  gpu: GpuSpec;
  gpuCount: number;
  params: number;
  training: TrainingKind;
  userMfu?: number;
}

/** The efficiency behind an estimate: model FLOPs delivered / (GPUs × dense peak × time). */
export interface EfficiencyAssumption {
  source: "default" | "--mfu";
  /** MFU during training steps (no restarts, evaluation or stalls): sets tokens per second. */
  steadyState: number;
  /** Efficiency over the whole paid run: sets GPU-hours. low = pessimistic. */
  wholeRun: Range;
  basis: string;
}

/** PROVISIONAL: replaced by the calibrated model. */
export function efficiencyFor(context: EfficiencyContext): EfficiencyAssumption {
  const e = context.userMfu ?? (context.gpu.architecture === "ampere" ? 0.4 : 0.3);
  return { source: context.userMfu === undefined ? "default" : "--mfu", steadyState: e, wholeRun: { low: e / 1.5, expected: e, high: Math.min(1, e * 1.3) }, basis: "provisional" };
}
