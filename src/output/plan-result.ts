import { type Message, msg } from "../i18n/message.js";
import type { Duration } from "../job/values/duration.js";
import type { FxAssumption } from "../model/estimate.js";
import type { Money } from "../job/values/money.js";
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
  /** GPU types left out, with why (no price, no offer from the provider), rendered per language. */
  skipped: Array<{ gpu: string; reason: Message }>;
  gpuTypes: number;
  priceKind: string;
  provider?: string;
  fx: FxAssumption;
  /** Why nothing qualifies, rendered per language at the edge; null when plans were found. */
  explanation: Message | null;
}

/** How the candidates were chosen, as a message (the JSON and the table footer carry it). */
export function candidatesText(limits: PlanLimits): Message {
  return msg("plan.candidates", { nodeSize: limits.nodeSize, maxGpus: limits.maxGpus });
}

/** The warnings of a plan: the job's own, and those of every plan it lists. */
export function planWarnings(result: PlanResult): Message[] {
  return [result.job, ...result.cheapest.map((r) => r.report), ...result.fastest.map((r) => r.report)].flatMap(
    (r) => r.warnings,
  );
}
