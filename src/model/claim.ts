import { median } from "../util/stats.js";

/**
 * Claim checking: turn a claimed duration or cost into the efficiency, price or token count it
 * implies, and say how far that sits from what published runs achieve.
 */

/** Where an implied figure sits against a plausible range. */
export type Verdict = "plausible" | "optimistic" | "pessimistic" | "impossible";

/** A verdict and how far outside the range it is. */
export interface Judgement {
  verdict: Verdict;
  /**
   * The ratio to the nearest end of the range (≥ 1): value / high above the range, low / value
   * below it; 1 inside it.
   */
  factor: number;
}

/** Which direction of the measured quantity makes a claim look too good. */
export type Optimistic = "higher" | "lower";

/**
 * Judges `value` against [low, high]. `optimistic` says which side is the too-good one: a higher
 * MFU (faster) is optimistic; a lower cost is optimistic.
 */
export function judge(value: number, range: { low: number; high: number }, optimistic: Optimistic): Judgement {
  if (value >= range.low && value <= range.high) return { verdict: "plausible", factor: 1 };
  const above = value > range.high;
  const factor = above ? value / range.high : range.low / value;
  const tooGood = above === (optimistic === "higher");
  return { verdict: tooGood ? "optimistic" : "pessimistic", factor };
}

/** The efficiency a claimed duration implies: FLOPs / (peak × GPUs × days × 86,400 s). */
export function impliedMfu(flops: number, peakTflops: number, gpus: number, days: number): number {
  return flops / (peakTflops * 1e12 * gpus * days * 86_400);
}

/** Judges an implied MFU: above 1 is impossible (more than the peak); otherwise as `judge`. */
export function judgeMfu(mfu: number, range: { low: number; high: number }): Judgement {
  const judged = judge(mfu, range, "higher");
  return mfu > 1 ? { verdict: "impossible", factor: judged.factor } : judged;
}

/** max(a/b, b/a): how many times apart two positive figures are, whichever is larger. */
export function timesApart(a: number, b: number): number {
  return Math.max(a / b, b / a);
}

/** Where a value sits among published runs' efficiencies. */
export interface PublishedContext {
  runs: number;
  min: number;
  median: number;
  max: number;
  /** How many runs achieved less than the value. */
  below: number;
}

/** The spread of published efficiencies and how many fall below `value`. */
export function publishedContext(efficiencies: readonly number[], value: number): PublishedContext {
  if (efficiencies.length === 0) throw new RangeError("publishedContext: no runs");
  return {
    runs: efficiencies.length,
    min: Math.min(...efficiencies),
    median: median(efficiencies),
    max: Math.max(...efficiencies),
    below: efficiencies.filter((e) => e < value).length,
  };
}
