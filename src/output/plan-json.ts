import { z } from "zod";
import type { Duration } from "../core/duration.js";
import type { FxAssumption } from "../core/estimate.js";
import type { Money } from "../core/money.js";
import type { PlanCandidate, PlanLimits, PlanSearch } from "../core/plan.js";
import type { EstimateReport } from "../core/report.js";

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
    `(whole ${limits.nodeSize}-GPU nodes beyond one), and the practical maximum of ${limits.maxGpus.toLocaleString("en-US")} GPUs ` +
    "(a 4M-token global batch with one sequence per GPU, at most 4,096). The model has no multi-GPU scaling loss, so one offer costs the same at every count; " +
    "cheapest = lowest expected cost, fastest = shortest expected wall-clock"
  );
}

const positive = z.number().finite().positive();
const RangeJson = z.strictObject({ low: positive, expected: positive, high: positive }).refine((r) => r.low <= r.expected && r.expected <= r.high, "expected low <= expected <= high");

const PlanJsonRow = z.strictObject({
  gpus: z.strictObject({ id: z.string(), name: z.string(), count: z.number().int().positive() }),
  kind: z.enum(["fewest", "most"]),
  provider: z.string(),
  providerName: z.string(),
  region: z.string(),
  priceUsdPerGpuHour: positive,
  priceDate: z.string(),
  priceSource: z.string(),
  wallDays: positive,
  gpuHours: positive,
  costUsd: positive,
  costKrw: positive,
  mfu: positive.max(1),
  memoryPerGpuGB: positive,
  fits: z.boolean(),
  ranges: z.strictObject({ wallDays: RangeJson, gpuHours: RangeJson, costUsd: RangeJson, costKrw: RangeJson }),
});

/** The JSON `plan --format json` prints (schemaVersion 1); plans cheapest first, fastest in their own list. */
export const PlanJson = z.strictObject({
  schemaVersion: z.literal(1),
  command: z.literal("plan"),
  inputs: z.strictObject({
    model: z.string().nullable(),
    params: positive,
    tokens: positive,
    tokensBasis: z.string(),
    strategy: z.string(),
    deadlineDays: positive.nullable(),
    budgetKrw: positive.nullable(),
    budgetUsd: positive.nullable(),
    priceKind: z.string(),
    provider: z.string().nullable(),
  }),
  candidates: z.string(),
  maxGpus: z.number().int().positive(),
  gpuTypesSearched: z.number().int().min(0),
  skipped: z.array(z.strictObject({ gpu: z.string(), reason: z.string() })),
  /** Cheapest first. */
  plans: z.array(PlanJsonRow),
  /** Fastest first. */
  fastest: z.array(PlanJsonRow),
  binding: z.array(z.enum(["memory", "deadline", "budget"])),
  explanation: z.string().nullable(),
  assumptions: z.strictObject({ krwPerUsd: positive, fxDate: z.string(), fxSource: z.string(), constraints: z.string(), taxes: z.string() }),
});
export type PlanJson = z.infer<typeof PlanJson>;

function planRowJson({ candidate: c, report }: PlanRow): z.infer<typeof PlanJsonRow> {
  const e = report.estimates[0]!;
  return {
    gpus: { id: c.gpu.id, name: report.inputs.gpu.name, count: c.count },
    kind: c.kind,
    provider: c.offer.provider,
    providerName: c.offer.providerName,
    region: c.offer.region,
    priceUsdPerGpuHour: c.offer.usdPerGpuHour,
    priceDate: c.offer.date,
    priceSource: c.offer.source,
    wallDays: e.wallDays.expected,
    gpuHours: e.gpuHours.expected,
    costUsd: e.costUsd.expected,
    costKrw: e.costKrw.expected,
    mfu: e.efficiency.wholeRun.expected,
    memoryPerGpuGB: e.memory.perGpuGB,
    fits: e.memory.fits,
    ranges: { wallDays: e.wallDays, gpuHours: e.gpuHours, costUsd: e.costUsd, costKrw: e.costKrw },
  };
}

/** Builds the plan JSON (pure). */
export function toPlanJson(result: PlanResult): PlanJson {
  const { inputs } = result.job;
  return {
    schemaVersion: 1,
    command: "plan",
    inputs: {
      model: inputs.model ?? null,
      params: inputs.params,
      tokens: inputs.tokens,
      tokensBasis: inputs.tokensBasis,
      strategy: result.job.estimates[0]!.strategy,
      deadlineDays: result.deadline?.days ?? null,
      budgetKrw: result.budget?.krw ?? null,
      budgetUsd: result.budget?.usd ?? null,
      priceKind: result.priceKind,
      provider: result.provider ?? null,
    },
    candidates: candidatesText(result.limits),
    maxGpus: result.limits.maxGpus,
    gpuTypesSearched: result.gpuTypes,
    skipped: result.skipped,
    plans: result.cheapest.map(planRowJson),
    fastest: result.fastest.map(planRowJson),
    binding: result.search.binding,
    explanation: result.explanation,
    assumptions: {
      krwPerUsd: result.fx.krwPerUsd,
      fxDate: result.fx.date,
      fxSource: result.fx.source,
      constraints: "deadline and budget are met by the expected wall-clock and cost; each plan's ranges say how far a real run may fall from them",
      taxes: "prices exclude VAT and sales tax (Korean VAT is 10% where it applies)",
    },
  };
}
