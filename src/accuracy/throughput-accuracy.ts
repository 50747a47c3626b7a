import { rangeHalfWidth } from "../model/efficiency.js";
import {
  balancedHalfWidth,
  conformalHalfWidth,
  constantBaselineRuns,
  constantBaselineSteady,
  fitModel,
  fitSteady,
  heldOutRuns,
  heldOutSteady,
  rangeWithout,
  runRows,
  singleNodePool,
  steadyRows,
  summarise,
  type AccuracySummary,
  type FitInput,
  type FittedModel,
  type HeldOut,
} from "./throughput-fitting.js";

/**
 * How well the throughput model predicts what it was not fitted on (pure). Two ways of holding out:
 * leave one source out (a paper, lab or repository at a time: the honest figure, because rows of one
 * source share a software stack and vouch for each other) and leave one row out (for comparison).
 * Each row's range is the half-width the estimate would print for its GPU count, computed without
 * that row's source (or row). Baselines: a constant 35 % and 40 % MFU, the usual calculator defaults.
 */

export interface AccuracyRow {
  id: string;
  group: string;
  measured: number;
  predicted: number;
  /** predicted / measured − 1, leave-one-source-out */
  error: number;
  inside: boolean;
  /** The range the row is judged against: predicted ×/÷ e^halfWidth. */
  halfWidth: number;
}

export interface AccuracySection {
  rows: AccuracyRow[];
  leaveOneSourceOut: AccuracySummary;
  leaveOneRowOut: AccuracySummary;
  constant35: Pick<AccuracySummary, "medianAbsError" | "shareWithin25">;
  constant40: Pick<AccuracySummary, "medianAbsError" | "shareWithin25">;
}

export interface ThroughputAccuracy {
  model: FittedModel;
  /** Published whole runs: GPU-hours. */
  wholeRuns: AccuracySection;
  /** Steady-state measurements: tokens/s per GPU (every task). */
  speed: AccuracySection;
  /** The fine-tuning measurements among them (SFT, LoRA, QLoRA). */
  fineTuning: AccuracySection;
}

function section(
  heldOut: readonly HeldOut[],
  byRow: readonly HeldOut[],
  width: (h: HeldOut, pool: "source" | "row") => number,
  baselines: Pick<AccuracySection, "constant35" | "constant40">,
): AccuracySection {
  const rows = heldOut.map((h) => {
    const halfWidth = width(h, "source");
    return {
      id: h.id,
      group: h.group,
      measured: h.measured,
      predicted: h.predicted,
      error: Math.exp(h.logError) - 1,
      inside: Math.abs(h.logError) <= halfWidth,
      halfWidth,
    };
  });
  return {
    rows,
    leaveOneSourceOut: summarise(heldOut, (h) => width(h, "source")),
    leaveOneRowOut: summarise(byRow, (h) => width(h, "row")),
    ...baselines,
  };
}

/** Fits the model and measures it out of sample on whole runs and on steady-state speed. */
export function throughputAccuracy(input: FitInput): ThroughputAccuracy {
  const model = fitModel(input);
  const steady = steadyRows(input);
  const runs = runRows(input);
  const steadyParams = fitSteady(steady, input.file);
  const steadyBySource = heldOutSteady(steady, input.file);
  const steadyByRow = heldOutSteady(steady, input.file, true);
  const runsBySource = heldOutRuns(runs, steadyParams, input.file);
  const runsByRow = heldOutRuns(runs, steadyParams, input.file, true);
  const gpuCount = new Map<string, number>([
    ...steady.map((r) => [r.id, r.gpuCount] as const),
    ...runs.map((r) => [r.id, r.gpuCount] as const),
  ]);
  const single = singleNodePool(steady);
  const limits = { singleNodeUpTo: model.range.singleNodeUpTo, multiNodeFrom: model.range.multiNodeFrom };
  const width = (h: HeldOut, pool: "source" | "row"): number => {
    const range =
      pool === "source"
        ? rangeWithout(h.group, steadyBySource, runsBySource, single, limits)
        : {
            ...limits,
            singleNode: balancedHalfWidth(steadyByRow.filter((o) => o.id !== h.id && single.has(o.id))),
            multiNode: conformalHalfWidth(runsByRow.filter((o) => o.id !== h.id).map((o) => o.logError)),
          };
    return rangeHalfWidth(range, gpuCount.get(h.id)!);
  };
  const fineTuningIds = new Set(steady.filter((r) => r.task === "fine-tuning").map((r) => r.id));
  const fineTuningRows = steady.filter((r) => fineTuningIds.has(r.id));
  const isFineTuning = (h: HeldOut): boolean => fineTuningIds.has(h.id);
  return {
    model,
    wholeRuns: section(runsBySource, runsByRow, width, {
      constant35: constantBaselineRuns(runs, 0.35),
      constant40: constantBaselineRuns(runs, 0.4),
    }),
    speed: section(steadyBySource, steadyByRow, width, {
      constant35: constantBaselineSteady(steady, 0.35),
      constant40: constantBaselineSteady(steady, 0.4),
    }),
    fineTuning: section(steadyBySource.filter(isFineTuning), steadyByRow.filter(isFineTuning), width, {
      constant35: constantBaselineSteady(fineTuningRows, 0.35),
      constant40: constantBaselineSteady(fineTuningRows, 0.4),
    }),
  };
}
