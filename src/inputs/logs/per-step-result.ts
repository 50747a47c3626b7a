// The measurement of a per-step log, once its parser has its logged steps: checks that are the same
// for every format (enough steps, their order), the warm-up cut, and a last guard that nothing
// non-finite leaves.

import type { LogFormat, LogMeasurement, LogResult } from "./log-measurement.js";
import { problem } from "./log-measurement.js";
import { MIN_LOGGED_STEPS, type StepPoint, steadyState } from "./steady-state.js";
import { stepOrderProblem } from "./step-order.js";

/** What a log (or the caller) says about the run besides its speed. */
export type RunFacts = Pick<LogMeasurement, "gpus" | "gpuName" | "seqLen" | "globalBatchSequences" | "peakMemoryGB">;

/** The steady-state measurement of `points`, or the problem that stops one. */
export function perStepResult(
  format: LogFormat,
  file: string,
  points: readonly StepPoint[],
  facts: RunFacts,
): LogResult {
  const order = stepOrderProblem(
    points.map((p) => p.step),
    file,
  );
  if (order) return { ok: false, problem: order };
  if (points.length < MIN_LOGGED_STEPS) {
    return problem("log.tooFewSteps", { file, found: points.length, needed: MIN_LOGGED_STEPS });
  }
  const s = steadyState(points);
  return finished({
    format,
    file,
    steps: s.kept,
    warmupStepsSkipped: s.skipped,
    lastStep: s.lastStep,
    tokensPerSecPerGpu: s.tokensPerSecPerGpu,
    basis: "per-step",
    ...(s.stepTimeSec ? { stepTimeSec: s.stepTimeSec } : {}),
    ...(s.tflopsPerGpu !== undefined ? { tflopsPerGpuLogged: s.tflopsPerGpu } : {}),
    ...defined(facts),
  });
}

/** Drops the facts nobody knew, so a measurement has no keys holding undefined. */
export function defined(facts: RunFacts): RunFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as RunFacts;
}

/**
 * The measurement, unless a number in it is not finite and positive. Parsers check each value they
 * read, so this should never refuse; it is here so that a gap in those checks shows as a refused
 * log rather than as NaN in someone's cost estimate.
 */
export function finished(m: LogMeasurement): LogResult {
  const numbers = [
    m.tokensPerSecPerGpu,
    ...(m.stepTimeSec ? [m.stepTimeSec.median, m.stepTimeSec.p10, m.stepTimeSec.p90] : []),
    ...[m.gpus, m.seqLen, m.globalBatchSequences, m.peakMemoryGB, m.tflopsPerGpuLogged].filter((v) => v !== undefined),
  ];
  if (numbers.every((v) => Number.isFinite(v) && v > 0)) return { ok: true, measurement: m };
  return problem("log.noThroughput", { file: m.file, format: m.format, fields: "(no finite positive result)" });
}

/** A caller's count (--gpus, --seq-len) when it is a usable one. */
export function givenCount(v: number | undefined): number | undefined {
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : undefined;
}
