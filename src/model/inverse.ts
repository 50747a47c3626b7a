import { CHINCHILLA_TOKENS_PER_PARAM } from "./token-source.js";
import type { Range } from "./range.js";

/**
 * Inverse estimates: instead of "what do these tokens cost", "what does this budget buy" and "how
 * many GPUs finish by this date": the exact divisions. GPU-hours are not quite linear in tokens
 * (goodput falls as a run grows) nor independent of the GPU count, so src/cli/estimate-inverse.ts
 * solves the budget's tokens and searches the deadline's count with full estimates.
 */

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;

/** Rounds up, forgiving float noise: 24.000000000001 GPUs is 24, not 25. */
function ceilCount(x: number): number {
  return Math.max(1, Math.ceil(x - 1e-9));
}

/** GPU-hours a budget rents at a price: $208,478 at $3.92 = 53,183 GPU-hours. */
export function gpuHoursForBudget(budgetUsd: number, usdPerGpuHour: number): number {
  return budgetUsd / usdPerGpuHour;
}

/**
 * Tokens a number of GPU-hours trains, given an estimate of `gpuHours` for `tokens` tokens. The
 * low end comes from the high GPU-hours (slow run), so low ≤ expected ≤ high holds.
 */
export function tokensForGpuHours(budgetGpuHours: number, tokens: number, gpuHours: Range): Range {
  return {
    low: (budgetGpuHours * tokens) / gpuHours.high,
    expected: (budgetGpuHours * tokens) / gpuHours.expected,
    high: (budgetGpuHours * tokens) / gpuHours.low,
  };
}

/** Model FLOPs the GPU-hours deliver at each efficiency: hours × 3600 × peak × MFU. */
export function computeForGpuHours(gpuHours: number, peakTflops: number, mfu: Range): Range {
  const at = (e: number): number => gpuHours * SECONDS_PER_HOUR * peakTflops * 1e12 * e;
  return { low: at(mfu.low), expected: at(mfu.expected), high: at(mfu.high) };
}

/** A compute-optimal model for a compute budget. */
export interface ChinchillaPoint {
  params: number;
  tokens: number;
}

/**
 * The Chinchilla-optimal size for C FLOPs: C = 6·N·D with D = 20·N gives C = 120·N², so
 * N = √(C / 120) and D = 20·N. A rule for training from scratch only (docs/formulas.md §5.2).
 */
export function chinchillaForCompute(flops: number): ChinchillaPoint {
  const perParamSquared = 6 * CHINCHILLA_TOKENS_PER_PARAM;
  const params = Math.sqrt(flops / perParamSquared);
  return { params, tokens: CHINCHILLA_TOKENS_PER_PARAM * params };
}

/** GPUs needed to finish `gpuHours` within `days`: ⌈GPU-hours / (24 × days)⌉. */
export function gpusForDeadline(gpuHours: number, days: number): number {
  return ceilCount(gpuHours / (HOURS_PER_DAY * days));
}

/** GPU counts for the deadline at each end of the GPU-hours range (low = optimistic = fewer GPUs). */
export function gpusForDeadlineRange(gpuHours: Range, days: number): Range {
  return {
    low: gpusForDeadline(gpuHours.low, days),
    expected: gpusForDeadline(gpuHours.expected, days),
    high: gpusForDeadline(gpuHours.high, days),
  };
}

/** Wall-clock days of `gpuHours` shared evenly over `gpus` GPUs. */
export function wallDaysOn(gpuHours: number, gpus: number): number {
  return gpuHours / gpus / HOURS_PER_DAY;
}
