import { formatNumber } from "../../util/number-text.js";
import { daysText } from "../../output/plan-check-units.js";
import type { Args } from "../catalogue-types.js";

/**
 * English: the sentences of `plan`, `check`, estimate's --budget/--deadline lines, and the restated
 * durations and amounts they quote. Numbers, durations and money arrive formatted by the renderer;
 * the Korean twin is ../ko/plan-check.ts.
 */

const plural = (count: string | undefined, one: string, many: string): string => (count === "1" ? one : many);
const UNIT_NAMES: Record<string, [string, string]> = {
  day: ["day", "days"],
  week: ["week", "weeks"],
  hour: ["hour", "hours"],
  month: ["month", "months"],
  year: ["year", "years"],
};
const UNIT_NOTES: Record<string, string> = {
  month: "a month counted as 30 days",
  year: "a year counted as 365 days",
};

export const PLAN_CHECK_EN = {
  // --- Values restated: "3 months = 90 days (a month counted as 30 days)", "₩300,000,000 (= $208,478 at 1,439 KRW/USD)".
  "said.duration": (a: Args) => {
    const [one, many] = UNIT_NAMES[a.unit ?? "day"] ?? ["day", "days"];
    const said = `${a.count} ${plural(a.count, one, many)}`;
    if (a.unit === "day") return said;
    const inDays = `${said} = ${a.days} ${plural(a.days, "day", "days")}`;
    const note = UNIT_NOTES[a.unit ?? ""];
    return note ? `${inDays} (${note})` : inDays;
  },
  "said.money": (a: Args) => `${a.amount} (= ${a.converted} at ${a.rate} KRW/USD)`,
  /** A duration from its raw number of days, so the language picks the unit ("6.3 d", "약 6.3일"). */
  "said.days": (a: Args) => daysText(Number(a.days), "en"),
  /** Won from the raw amount: "₩300,000,000" in English, "3억 원" in Korean. */
  "said.won": (a: Args) => `₩${formatNumber(Number(a.krw), 0)}`,
  "said.strategy": (a: Args) => `${a.id}`,
  "said.priceKind": (a: Args) => `${a.kind}`,

  // --- plan: the title, the two rankings, and how the plans were chosen.
  "plan.title": (a: Args) =>
    `Plan: ${a.strategy} of ${a.params} parameters${a.model ? ` (${a.model})` : ""} × ${a.tokens} tokens` +
    `${a.constraints ? `; ${a.constraints}` : ""}`,
  "plan.deadline": (a: Args) => `deadline ${a.deadline}`,
  "plan.budget": (a: Args) => `budget ${a.budget}`,
  "plan.cheapest": () => "Cheapest (fewest GPUs that fit and meet the deadline)",
  "plan.fastest": (a: Args) => `Fastest (where more GPUs stop paying${a.budget ? ", within the budget" : ""})`,
  "plan.cheapestShort": () => "Cheapest",
  "plan.fastestShort": () => "Fastest",
  "plan.howChosen": () => "How the plans were chosen",
  "plan.label.searched": () => "Searched",
  "plan.label.candidates": () => "Candidates",
  "plan.label.constraints": () => "Constraints",
  "plan.label.efficiency": () => "Efficiency",
  "plan.label.exchange": () => "Exchange",
  "plan.searched": (a: Args) =>
    `${a.count} GPU types with a current ${a.kind} price${a.provider ? ` from ${a.provider}` : ""}${a.skipped ?? ""}`,
  "plan.skipped": (a: Args) => `; ${a.reason}: ${a.gpus}`,
  "plan.skip.noPrice": (a: Args) => `no current ${a.kind} price`,
  "plan.skip.noOffer": (a: Args) => `no ${a.kind} offer from ${a.provider}`,
  "plan.candidates": (a: Args) =>
    `for each GPU type and each provider's current offer: the fewest GPUs that fit in memory and meet the deadline ` +
    `(whole ${a.nodeSize}-GPU nodes beyond one), and the count where more GPUs stop paying: doubling from there ` +
    `would cut the wall-clock by less than a quarter, or pass the practical maximum of ${a.maxGpus} GPUs ` +
    "(one sequence per GPU from the global batch). GPU-hours grow with the count (communication, interruptions, start-up); " +
    "cheapest = lowest expected cost, fastest = shortest expected wall-clock",
  "plan.constraints": () => "met by the expected wall-clock and cost; the second line of each cell is the range",
  "plan.efficiency": () =>
    "each GPU type and count estimated in full: steady-state speed from its compute, memory bandwidth and fabric, times goodput (llm-cost validate shows how well this predicts)",
  "plan.exchange": (a: Args) => `${a.rate} KRW per USD (${a.date}); ${a.costs ?? "costs exclude VAT"}`,
  "plan.markdownFooter": (a: Args) => {
    const costs = a.costs ?? "costs exclude VAT";
    return `${costs.charAt(0).toUpperCase()}${costs.slice(1)}; ${a.rate} KRW per USD (${a.date}).`;
  },
  "plan.head.gpus": () => "GPUs",
  "plan.head.provider": () => "Provider",
  "plan.head.providerPrice": () => "Provider, $/GPU-h",
  "plan.md.gpus": () => "gpus",
  "plan.md.provider": () => "provider",
  "plan.md.price": () => "$/GPU-hour",
  "plan.md.gpuHours": () => "GPU-hours",
  "plan.md.wallClock": () => "wall-clock",
  "plan.md.costKrw": () => "cost (KRW)",
  "plan.md.costUsd": () => "cost (USD)",
  "plan.json.constraints": () =>
    "deadline and budget are met by the expected wall-clock and cost; each plan's ranges say how far a real run may fall from them",
  // The HTML report of a plan.
  "plan.html.title": (a: Args) => `Plan: ${a.strategy} of ${a.params} parameters × ${a.tokens} tokens`,
  "plan.html.noConstraints": () => "no deadline or budget",
  "plan.html.labelHeading": () => "Plan",
  "plan.html.row": (a: Args) => `${a.ranking} ${a.rank}: ${a.count} × ${a.gpu}`,
  "plan.html.cheapest": () => "cheapest",
  "plan.html.fastest": () => "fastest",
  "plan.html.offer": (a: Args) => `${a.provider}, $${a.price} per GPU-hour (${a.date})`,
  "plan.html.exchangeLabel": () => "Exchange rate",
  "plan.html.exchange": (a: Args) => `${a.rate} KRW per USD (${a.date}; ${a.source})`,

  // --- plan: why nothing qualifies.
  "plan.why.memory": (a: Args) =>
    `Nothing fits in memory: no priced GPU type holds the job at up to ${a.maxGpus} GPUs with ZeRO-3. Try lora or qlora, a shorter --seq-len, a smaller --micro-batch or --recompute full.`,
  "plan.why.offer": (a: Args) => `${a.count} × ${a.gpu} from ${a.provider} at $${a.price}/GPU-hour`,
  "plan.why.deadline": (a: Args) =>
    `The deadline binds: the fastest plan that fits takes ${a.duration} (${a.offer}${a.atMax ? ", the most GPUs the global batch keeps busy" : ", where more GPUs stop paying"}): extend --deadline to at least ${a.days} days.`,
  "plan.why.budget": (a: Args) =>
    `The budget binds: nothing costs ${a.budget ?? "that"} or less at any GPU count. The cheapest plan that fits${a.within ? ` and finishes within ${a.within}` : ""} costs ${a.cost} (${a.usd}; ${a.offer}): raise --budget to at least ${a.atLeast}.`,
  "plan.why.jointly": (a: Args) =>
    "The deadline and the budget bind together: each can be met, not both." +
    (a.cheapCost
      ? ` The cheapest plan that meets the deadline costs ${a.cheapCost} (${a.cheapOffer}): raise --budget to at least ${a.cheapAtLeast}.`
      : "") +
    (a.fastDuration
      ? ` The fastest plan within the budget takes ${a.fastDuration} (${a.fastOffer}): extend --deadline to at least ${a.fastDays} days.`
      : ""),
  "plan.why.none": (a: Args) => `No plan qualifies. ${[a.deadline, a.budget, a.jointly].filter(Boolean).join(" ")}`,
  "plan.why.unpriced": () => "No plan qualifies: no GPU type in the search has a price (give --price with --gpu).",

  // --- check: a claimed duration or cost against the estimate.
  "check.title": (a: Args) =>
    `Claim check: ${a.strategy} of ${a.params} parameters${a.model ? ` (${a.model})` : ""} × ${a.tokens} tokens on ${a.count} × ${a.gpu}`,
  "check.label.estimate": () => "Estimate",
  "check.label.implies": () => "Implies",
  "check.label.published": () => "Published",
  "check.label.trains": () => "Trains",
  "check.label.verdict": () => "Verdict",
  "check.label.tax": () => "Tax",
  /** A claimed cost read without and with Korean VAT: which matches better. */
  "check.tax": (a: Args) =>
    `the claim matches the cost ${a.closer ? `with VAT ${a.rate} %` : "without VAT"} better (without VAT: ${a.without}; with VAT ${a.rate} %: ${a.with})`,
  "check.taxReading": (a: Args) => `${a.expected} expected, ${a.judged}`,
  "check.estimate": (a: Args) =>
    `${a.flops} FLOPs; ${a.gpuHours} GPU-hours (${a.gpuHoursRange}); ${a.days} (${a.daysRange}); ${a.cost ?? "no price"} at MFU ${a.mfu} (${a.mfuRange})`,
  "check.cost": (a: Args) => `${a.krw} (${a.usd})`,
  "check.claimedDays": (a: Args) => `Claimed time ${a.text}`,
  "check.claimedCost": (a: Args) => `Claimed cost ${a.text}`,
  "check.impliesDays": (a: Args) =>
    `MFU ${a.mfu} = ${a.flops} FLOPs / (${a.peak} TFLOPS × ${a.count} GPUs × ${a.days} days × 86,400 s)`,
  "check.publishedFamily": (a: Args) =>
    `${a.below === "0" ? `below all ${a.runs}` : a.below === a.runs ? `above all ${a.runs}` : `above ${a.below} of ${a.runs}`} ` +
    `published ${a.family} full runs (${a.min}–${a.max}, median ${a.median}); `,
  "check.published": (a: Args) => `${a.family ?? ""}all ${a.runs} full runs: ${a.min}–${a.max}`,
  "check.trains": (a: Args) =>
    `${a.tokens} tokens (${a.range}) in that time at the default efficiency, against the ${a.given} given`,
  "check.verdictDays": (a: Args) =>
    `${a.summary}: the default range for this job is MFU ${a.range}; ${a.times} from the expected ${a.mfu} (${a.days})`,
  "check.impliesCost": (a: Args) =>
    `$${a.usd} per GPU-hour (${a.basis}; current offers ${a.offers})${a.tokens ? `; at the default efficiency and price it trains ${a.tokens} tokens (${a.range}) against the ${a.given} given` : ""}`,
  "check.verdictCost": (a: Args) =>
    `${a.summary}: a plausible cost is ${a.range} (${a.basis}); ${a.times} from the expected ${a.expected}`,
  "check.verdict": (a: Args) =>
    `Verdict: ${a.summary}${a.which ? ` (the claim furthest from its range: ${a.which})` : ""}`,
  "check.which": (a: Args) => `${a.claim}`,
  "check.factorNote": () =>
    "×N = how far the implied figure is from the nearest end of the plausible range (1 inside it); the ratio to the expected value is shown too.",
  /** A judgement: "plausible", "pessimistic by ×28". */
  "check.judged": (a: Args) => (a.verdict === "plausible" ? "plausible" : `${a.verdict} by ×${a.factor}`),
  "check.impossible": (a: Args) => `impossible: MFU ${a.mfu} is above the GPU's peak`,
  "check.rangeBasisDays": (a: Args) => `the default efficiency range for ${a.strategy} on ${a.count} GPUs (${a.basis})`,
  "check.rangeBasisCost": (a: Args) =>
    `GPU-hours ${a.low}–${a.high} × $${a.offerLow}–$${a.offerHigh} per GPU-hour${a.vat ? ` × ${a.vat} VAT` : ""}`,
  "check.priceBasisExpected": (a: Args) => `the claimed cost over the expected ${a.gpuHours} GPU-hours`,
  "check.priceBasisClaimed": (a: Args) => `the claimed cost over the claimed ${a.count} GPUs × ${a.days} days × 24 h`,
  "check.tokensBasisDays": (a: Args) =>
    `tokens the claimed ${a.count} GPUs × ${a.days} days train at the default efficiency`,
  "check.tokensBasisCost": () => "tokens the claimed cost trains at the default efficiency and price",
  "check.publishedNote": () =>
    "whole-run efficiency (6·N·D / (GPU-hours × peak)) of the published full pretraining runs in presets/published-runs.json",
  "check.md.claim": () => "claim",
  "check.md.claimed": () => "claimed",
  "check.md.verdict": () => "verdict",
  "check.md.basis": () => "basis",

  // --- estimate --budget / --deadline: the lines under the table.
  "inverse.label.budget": () => "Budget",
  "inverse.label.deadline": () => "Deadline",
  "inverse.label.within": (a: Args) => `In ${a.deadline}`,
  "inverse.budget": (a: Args) =>
    `${a.budget} rents ${a.gpuHours} GPU-hours at $${a.price} per GPU-hour: ${a.days} on ${a.count} × ${a.gpu}`,
  "inverse.trains": (a: Args) => `trains ${a.tokens} tokens (${a.range})`,
  "inverse.chinchilla": (a: Args) =>
    `that compute (${a.flops} FLOPs at ${a.strategy}'s MFU ${a.mfu}) is compute-optimal for a ` +
    `${a.params}-parameter model on ${a.tokens} tokens (${a.range} parameters): ` +
    "N = √(C / 120) from C = 6·N·D and D = 20·N, a rule for training from scratch only",
  "inverse.spend": (a: Args) => `spending it all takes ${a.count} × ${a.gpu} (GPU-hours / 24 / days)`,
  "inverse.deadline": (a: Args) =>
    `${a.deadline}: the fewest GPUs that fit in memory and finish within ${a.days} days, each count estimated in full (range: at the optimistic and pessimistic ends)`,
  "inverse.noCount": (a: Args) => `no count of ${a.gpu} that the global batch keeps busy finishes in time and fits`,
  "inverse.needs": (a: Args) => `${a.count} × ${a.gpu}${a.range ? ` (${a.range})` : ""} → ${a.days}; ${a.memory}`,
  "inverse.notChecked": () => "memory not checked at that count",
  "inverse.fits": (a: Args) => `fits (${a.gb} GB per GPU)`,
  "inverse.tooBig": (a: Args) =>
    `does not fit (${a.gb} GB per GPU)${a.zero3 ? `: needs ≥ ${a.zero3} with ZeRO-3` : ": no count holds it"}`,
} satisfies Record<string, (a: Args) => string>;
