import type { EfficiencyAssumption } from "../model/efficiency.js";
import { formatNumber, formatSignificant } from "../util/number-text.js";

const pct = (x: number): string => `${formatSignificant(x * 100, 2)}%`;

/** The flag a user-given efficiency came from, as the output names it. */
export function efficiencySourceFlag(source: EfficiencyAssumption["source"]): "default" | "--mfu" | "--tokens-per-sec" {
  return source === "default" ? "default" : source === "mfu" ? "--mfu" : "--tokens-per-sec";
}

/**
 * How the whole-run efficiency was arrived at, in one line: steady-state speed (what it is limited by)
 * × goodput, or the user's figure. The range's basis follows it.
 */
export function efficiencyBasis(e: EfficiencyAssumption): string {
  const w = e.wholeRun.expected / e.wholeRun.low;
  const range = `range ×/÷ ${formatSignificant(w, 3)} (80 % of published runs and benchmarks, leave-one-source-out)`;
  if (e.source === "mfu") return `given by --mfu as the whole-run efficiency; ${range}`;
  const good = `goodput ${pct(e.goodput.value)} (lost: run overhead ${pct(e.goodput.runOverheadLoss)}, interruptions ${pct(e.goodput.interruptionLoss)}, start-up ${pct(e.goodput.startupLoss)})`;
  const speed = `${formatNumber(Math.round(e.tokensPerSecPerGpu))} tokens/s per GPU (MFU ${pct(e.steadyState)})`;
  if (e.source === "tokens-per-sec") return `measured ${speed} given by --tokens-per-sec × ${good}; ${range}`;
  const s = e.steady!;
  const limit =
    s.exposedCommunicationSeconds > 0.05 * s.computeSecondsPerStep
      ? `, communication-bound: ${pct(s.exposedCommunicationSeconds / (s.computeSecondsPerStep + s.exposedCommunicationSeconds))} of each step waits on the ${s.link.kind} link`
      : "";
  return `steady state ${speed}${limit} × ${good}; ${range}`;
}
