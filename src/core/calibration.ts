import type { PublishedRun } from "../catalog/run-schema.js";
import { TRAINED_FLOPS_PER_PARAM } from "./flops.js";
import { median, quantile } from "./stats.js";

/**
 * The whole-run efficiency model and its out-of-sample evaluation, fitted on published runs.
 *
 * Model: efficiency = E[family] × (F8 when the run's matmuls are fp8), where E[family] is the
 * median implied efficiency of the full runs on that hardware family, and F8 is the ratio of
 * steady-state MFU of fp8 to bf16 pretraining benchmarks on Hopper (fitted on benchmarks only).
 * GPU-hours = 6 · N_active · D / (dense 16-bit peak × efficiency) / 3600.
 * The range is the 10th–90th percentile of out-of-sample (leave-one-out) residuals.
 */

export type Family = "a100" | "hopper" | "tpu";
export const FAMILIES: readonly Family[] = ["a100", "hopper", "tpu"];

/** A full run reduced to what the model needs. */
export interface CalibrationRun {
  id: string;
  family: Family;
  peakTflops: number;
  activeParams: number;
  tokens: number;
  gpuHours: number;
  fp8: boolean;
}

export interface FittedModel {
  /** Whole-run efficiency per family (bf16); families absent from the fit use `pooled`. */
  wholeRun: Partial<Record<Family, number>>;
  pooled: number;
  fp8Factor: number;
}

export const RANGE_QUANTILES = { low: 0.1, high: 0.9 } as const;

/** Full runs usable for calibration: the data's own flag says "full-run" and the hardware has a family. */
export function calibrationRuns(runs: readonly PublishedRun[]): CalibrationRun[] {
  const out: CalibrationRun[] = [];
  for (const r of runs) {
    if (r.use !== "full-run" || !isFamily(r.family)) continue;
    out.push({
      id: r.id,
      family: r.family,
      peakTflops: r.peakTflops!,
      activeParams: r.paramsActive!,
      tokens: r.tokens!,
      gpuHours: r.gpuHours!,
      fp8: r.fp8,
    });
  }
  return out;
}

function isFamily(value: string): value is Family {
  return (FAMILIES as readonly string[]).includes(value);
}

/** Efficiency a run actually achieved over its reported GPU-hours (6·N·D basis). */
export function impliedEfficiency(run: CalibrationRun): number {
  return (TRAINED_FLOPS_PER_PARAM * run.activeParams * run.tokens) / (run.gpuHours * 3600 * run.peakTflops * 1e12);
}

/**
 * F8: median steady-state MFU of fp8 pretraining benchmarks on Hopper over that of bf16 ones.
 * fp8 doubles only the matmul peak; attention, norms and communication do not speed up, so the
 * gain is well below 2×. Fitted on benchmarks, never on the full runs it is applied to.
 */
export function fp8FactorFromBenchmarks(runs: readonly PublishedRun[]): number {
  const hopperPretrain = runs.filter(
    (r) => r.use === "benchmark" && r.family === "hopper" && r.strategy === "pretrain" && r.impliedMfu !== null,
  );
  const fp8 = median(hopperPretrain.filter((r) => r.fp8).map((r) => r.impliedMfu!));
  const bf16 = median(hopperPretrain.filter((r) => !r.fp8).map((r) => r.impliedMfu!));
  return fp8 / bf16;
}

/** Steady-state (benchmark) MFU per family: median of bf16 pretraining benchmarks. */
export function steadyStateFromBenchmarks(runs: readonly PublishedRun[]): Partial<Record<Family, number>> {
  const out: Partial<Record<Family, number>> = {};
  for (const family of FAMILIES) {
    const values = runs
      .filter(
        (r) =>
          r.use === "benchmark" && r.family === family && r.strategy === "pretrain" && !r.fp8 && r.impliedMfu !== null,
      )
      .map((r) => r.impliedMfu!);
    if (values.length) out[family] = median(values);
  }
  return out;
}

/** Fits E[family] as the median bf16-equivalent implied efficiency of the given runs. */
export function fitModel(runs: readonly CalibrationRun[], fp8Factor: number): FittedModel {
  const bf16Equivalent = (r: CalibrationRun): number => impliedEfficiency(r) / (r.fp8 ? fp8Factor : 1);
  const wholeRun: Partial<Record<Family, number>> = {};
  for (const family of FAMILIES) {
    const values = runs.filter((r) => r.family === family).map(bf16Equivalent);
    if (values.length) wholeRun[family] = median(values);
  }
  return { wholeRun, pooled: median(runs.map(bf16Equivalent)), fp8Factor };
}

/** The model's efficiency for a family and precision. */
export function modelEfficiency(model: FittedModel, family: Family, fp8: boolean): number {
  return (model.wholeRun[family] ?? model.pooled) * (fp8 ? model.fp8Factor : 1);
}

/** Predicted GPU-hours of a run under a fitted model. */
export function predictGpuHours(model: FittedModel, run: CalibrationRun): number {
  const flops = TRAINED_FLOPS_PER_PARAM * run.activeParams * run.tokens;
  return flops / (run.peakTflops * 1e12 * modelEfficiency(model, run.family, run.fp8)) / 3600;
}

/** Reported / predicted GPU-hours of each run, each predicted by a model fitted without it. */
export function leaveOneOutRatios(runs: readonly CalibrationRun[], fp8Factor: number): number[] {
  return runs.map((run, i) => {
    const others = runs.filter((_, j) => j !== i);
    return run.gpuHours / predictGpuHours(fitModel(others, fp8Factor), run);
  });
}

/** GPU-hour multipliers [low, high] from the 10th and 90th percentiles of out-of-sample ratios. */
export function rangeFromRatios(ratios: readonly number[]): { low: number; high: number } {
  return { low: quantile(ratios, RANGE_QUANTILES.low), high: quantile(ratios, RANGE_QUANTILES.high) };
}

export interface ValidationRow {
  id: string;
  reported: number;
  expected: number;
  low: number;
  high: number;
  /** expected / reported − 1 */
  error: number;
  inside: boolean;
  /** Same run under a constant efficiency (the usual calculator default), for comparison. */
  constantExpected: number;
}

export interface ValidationSummary {
  runs: number;
  medianAbsError: number;
  shareWithin25: number;
  shareInsideRange: number;
  meanHighOverLow: number;
  constantEfficiency: number;
  constantMedianAbsError: number;
  constantShareWithin25: number;
}

/**
 * Honest evaluation: for each run, the model AND its range are fitted without that run
 * (the range from the other runs' own leave-one-out ratios), then the run is predicted.
 */
export function validate(
  runs: readonly CalibrationRun[],
  fp8Factor: number,
  constantEfficiency = 0.4,
): { rows: ValidationRow[]; summary: ValidationSummary } {
  const rows = runs.map((run, i) => {
    const others = runs.filter((_, j) => j !== i);
    const expected = predictGpuHours(fitModel(others, fp8Factor), run);
    const range = rangeFromRatios(leaveOneOutRatios(others, fp8Factor));
    const low = expected * range.low;
    const high = expected * range.high;
    const flops = TRAINED_FLOPS_PER_PARAM * run.activeParams * run.tokens;
    return {
      id: run.id,
      reported: run.gpuHours,
      expected,
      low,
      high,
      error: expected / run.gpuHours - 1,
      inside: run.gpuHours >= low && run.gpuHours <= high,
      constantExpected: flops / (run.peakTflops * 1e12 * constantEfficiency) / 3600,
    };
  });
  const share = (predicate: (r: ValidationRow) => boolean): number => rows.filter(predicate).length / rows.length;
  const constantErrors = rows.map((r) => Math.abs(r.constantExpected / r.reported - 1));
  return {
    rows,
    summary: {
      runs: rows.length,
      medianAbsError: median(rows.map((r) => Math.abs(r.error))),
      shareWithin25: share((r) => Math.abs(r.error) <= 0.25),
      shareInsideRange: share((r) => r.inside),
      meanHighOverLow: rows.reduce((s, r) => s + r.high / r.low, 0) / rows.length,
      constantEfficiency,
      constantMedianAbsError: median(constantErrors),
      constantShareWithin25: constantErrors.filter((e) => e <= 0.25).length / rows.length,
    },
  };
}

/**
 * The simple baseline the issue names: a per-family median efficiency with no fp8 term and a range
 * from the in-sample residuals of the runs it was fitted on (each run still predicted out of sample).
 */
export function validateBaseline(
  runs: readonly CalibrationRun[],
): Pick<ValidationSummary, "medianAbsError" | "shareWithin25" | "shareInsideRange" | "meanHighOverLow"> {
  const rows = runs.map((run, i) => {
    const others = runs.filter((_, j) => j !== i);
    const model = fitModel(others, 1);
    const range = rangeFromRatios(others.map((o) => o.gpuHours / predictGpuHours(model, o)));
    const expected = predictGpuHours(model, run);
    return {
      error: expected / run.gpuHours - 1,
      low: expected * range.low,
      high: expected * range.high,
      reported: run.gpuHours,
    };
  });
  return {
    medianAbsError: median(rows.map((r) => Math.abs(r.error))),
    shareWithin25: rows.filter((r) => Math.abs(r.error) <= 0.25).length / rows.length,
    shareInsideRange: rows.filter((r) => r.reported >= r.low && r.reported <= r.high).length / rows.length,
    meanHighOverLow: rows.reduce((sum, r) => sum + r.high / r.low, 0) / rows.length,
  };
}
