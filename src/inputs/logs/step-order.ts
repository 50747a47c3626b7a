// Step order: a log is one run whose step numbers only grow. A drop back to (or below) the first
// logged step is a second run appended to the same file (torchtune's DiskLogger and shell `>>`
// append); any other drop or repeat is a shuffled or spliced log. Both are refused: a median over
// two runs' steps measures neither.

import type { LogProblem } from "./log-measurement.js";
import { problem } from "./log-measurement.js";

/** The first ordering problem in `steps`, or undefined when they strictly increase. */
export function stepOrderProblem(steps: readonly number[], file: string): LogProblem | undefined {
  const drops = steps.flatMap((s, i) => (i > 0 && s <= steps[i - 1]! ? [i] : []));
  if (drops.length === 0) return undefined;
  const first = drops[0]!;
  const args = { file, step: steps[first]!, previous: steps[first - 1]! };
  // Restarts: every drop goes back to the start. Between drops each segment increases by
  // construction (a drop is where it stops increasing), so only the targets need checking.
  const restarts = drops.every((i) => steps[i]! <= steps[0]!);
  return restarts
    ? problem("log.mixedRuns", { ...args, reason: "restart", detail: "" }).problem
    : problem("log.nonMonotonicSteps", args).problem;
}
