// Warm-up removal and the steady-state summary, shared by every per-step log format.
//
// The rule: leave out leading logged steps until the throughput first comes within 10 % of the
// median of the log's later half; always leave out the first logged step, never more than half.
//
// Why: warm-up costs are one-time and front-loaded. The first logged interval carries CUDA context
// creation, cuBLAS/cuDNN autotuning or torch.compile, NCCL communicator set-up, the allocator
// growing its pool and the data loader filling its prefetch queue, so it is always out. After
// that, how long the slowness lasts depends on the run (compile of new shapes, a cold page cache),
// which a fixed count (say 10 %) would either cut short or overshoot; the later half of a run is
// past all of it, so its median is the settled speed to compare against. 10 % is wider than the
// ±2–5 % step-to-step jitter of a healthy run, so jitter does not prolong the cut, and narrower
// than the 20 %+ gap of a cold step. Capping at half keeps a run whose speed drifts throughout
// (thermal throttling, a growing sequence-length curriculum) from being discarded wholesale.

import { median, quantile } from "../../util/stats.js";
import type { StepTimeStats } from "./log-measurement.js";

/** How far (as a fraction of the later-half median) a logged step may be and count as settled. */
export const SETTLE_TOLERANCE = 0.1;
/** Logged steps needed: one to leave out as warm-up, one to measure. */
export const MIN_LOGGED_STEPS = 2;

/** One logged step of a per-step format. */
export interface StepPoint {
  /** optimizer-step number the record was logged at */
  step: number;
  tokensPerSecPerGpu: number;
  /** seconds per optimizer step over this record's interval, where the log gives it */
  stepTimeSec?: number;
  /** the trainer's own TFLOP/s per GPU, where logged */
  tflopsPerGpu?: number;
}

/** How many leading logged steps are warm-up (see the rule above). */
export function warmupCount(throughputs: readonly number[]): number {
  const n = throughputs.length;
  if (n < MIN_LOGGED_STEPS) return 0;
  const cap = Math.floor(n / 2);
  const settled = median(throughputs.slice(n - cap));
  let skip = 1;
  while (skip < cap && Math.abs(throughputs[skip]! - settled) > SETTLE_TOLERANCE * settled) skip++;
  return skip;
}

/** The steady state of a run's logged steps: warm-up left out, medians of the rest. */
export interface SteadyState {
  skipped: number;
  kept: number;
  lastStep: number;
  tokensPerSecPerGpu: number;
  stepTimeSec?: StepTimeStats;
  tflopsPerGpu?: number;
}

/** Leaves out warm-up and takes medians; `points` must hold at least MIN_LOGGED_STEPS. */
export function steadyState(points: readonly StepPoint[]): SteadyState {
  const skipped = warmupCount(points.map((p) => p.tokensPerSecPerGpu));
  const kept = points.slice(skipped);
  const times = kept.flatMap((p) => (p.stepTimeSec === undefined ? [] : [p.stepTimeSec]));
  const tflops = kept.flatMap((p) => (p.tflopsPerGpu === undefined ? [] : [p.tflopsPerGpu]));
  return {
    skipped,
    kept: kept.length,
    lastStep: kept[kept.length - 1]!.step,
    tokensPerSecPerGpu: median(kept.map((p) => p.tokensPerSecPerGpu)),
    // A spread over some of the kept steps would not be the spread of the steady state: all or none.
    ...(times.length === kept.length
      ? { stepTimeSec: { median: median(times), p10: quantile(times, 0.1), p90: quantile(times, 0.9) } }
      : {}),
    ...(tflops.length === kept.length ? { tflopsPerGpu: median(tflops) } : {}),
  };
}
