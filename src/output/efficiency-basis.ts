import { type Message, msg } from "../i18n/message.js";
import type { EfficiencyAssumption } from "../model/efficiency.js";
import { formatNumber, formatSignificant } from "../util/number-text.js";

const pct = (x: number): string => `${formatSignificant(x * 100, 2)}%`;

/** Where the whole-run efficiency came from, as the JSON names it. */
export function efficiencySourceFlag(source: EfficiencyAssumption["source"]): "default" | "--mfu" | "--tokens-per-sec" {
  return source === "default" ? "default" : source === "mfu" ? "--mfu" : "--tokens-per-sec";
}

/**
 * How the whole-run efficiency was arrived at, in one line: steady-state speed (what it is limited by)
 * × goodput, or the user's figure. The range's basis follows it.
 */
export function efficiencyBasis(e: EfficiencyAssumption): Message {
  const range = msg("basis.range", { factor: formatSignificant(e.wholeRun.expected / e.wholeRun.low, 3) });
  if (e.source === "mfu") return msg("basis.given", { range });
  const goodput = msg("basis.goodput", {
    goodput: pct(e.goodput.value),
    overhead: pct(e.goodput.runOverheadLoss),
    interruptions: pct(e.goodput.interruptionLoss),
    startup: pct(e.goodput.startupLoss),
  });
  const speed = { tokens: formatNumber(Math.round(e.tokensPerSecPerGpu)), mfu: pct(e.steadyState) };
  if (e.source === "tokens-per-sec") return msg("basis.measured", { ...speed, goodput, range });
  const s = e.steady!;
  const bound =
    s.exposedCommunicationSeconds > 0.05 * s.computeSecondsPerStep
      ? msg("basis.communicationBound", {
          share: pct(s.exposedCommunicationSeconds / (s.computeSecondsPerStep + s.exposedCommunicationSeconds)),
          link: s.link.kind,
        })
      : undefined;
  return msg("basis.model", { ...speed, bound, goodput, range });
}
