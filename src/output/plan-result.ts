import type { Message } from "../i18n/message.js";
import type { Duration } from "../job/values/duration.js";
import type { FxAssumption } from "../model/estimate.js";
import type { Money } from "../job/values/money.js";
import { formatNumber } from "../util/number-text.js";
import type { PlanCandidate, PlanLimits, PlanSearch } from "../model/plan-search.js";
import type { EstimateReport } from "../model/report.js";

/** One listed plan: the search's candidate and the full estimate made for it at its count and price. */
export interface PlanRow {
  candidate: PlanCandidate;
  report: EstimateReport;
}

/** Everything `plan` found, for the table and the JSON. */
export interface PlanResult {
  /** An estimate of the job (any GPU) for its inputs: model, tokens, strategy. */
  job: EstimateReport;
  deadline?: Duration;
  budget?: Money;
  search: PlanSearch;
  cheapest: PlanRow[];
  fastest: PlanRow[];
  limits: PlanLimits;
  /** GPU types left out, with why (no price, no offer from the provider). */
  skipped: Array<{ gpu: string; reason: string }>;
  gpuTypes: number;
  priceKind: string;
  provider?: string;
  fx: FxAssumption;
  /** Why nothing qualifies, in words; null when plans were found. */
  explanation: string | null;
}

/** How the candidates were chosen, in words (the JSON and the table footer carry it). */
export function candidatesText(limits: PlanLimits): string {
  return (
    `for each GPU type and each provider's current offer: the fewest GPUs that fit in memory and meet the deadline ` +
    `(whole ${limits.nodeSize}-GPU nodes beyond one), and the count where more GPUs stop paying: doubling from there ` +
    `would cut the wall-clock by less than a quarter, or pass the practical maximum of ${formatNumber(limits.maxGpus)} GPUs ` +
    "(one sequence per GPU from the global batch). GPU-hours grow with the count (communication, interruptions, start-up); " +
    "cheapest = lowest expected cost, fastest = shortest expected wall-clock"
  );
}

/** The warnings of a plan: the job's own, and those of every plan it lists. */
export function planWarnings(result: PlanResult): Message[] {
  return [result.job, ...result.cheapest.map((r) => r.report), ...result.fastest.map((r) => r.report)].flatMap(
    (r) => r.warnings,
  );
}
