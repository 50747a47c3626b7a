import { z } from "zod";
import { WarningJson } from "./estimate-json.js";

/**
 * The JSON `check --format json` prints (schemaVersion 1): the job's estimate, what each claim
 * implies, where that sits against the default model's range and the published runs, and a verdict.
 * factor = the implied figure's ratio to the nearest end of the plausible range (1 inside it);
 * factorVsExpected = its ratio to the expected value (whichever way round is ≥ 1).
 */
const positive = z.number().finite().positive();
const RangeJson = z
  .strictObject({ low: positive, expected: positive, high: positive })
  .refine((r) => r.low <= r.expected && r.expected <= r.high, "expected low <= expected <= high");
const Verdict = z.enum(["plausible", "optimistic", "pessimistic", "impossible"]);

const Published = z.strictObject({
  runs: z.number().int().positive(),
  min: positive,
  median: positive,
  max: positive,
  below: z.number().int().min(0),
});

/** A cost claim judged against the estimate's costs without or with VAT. */
const VatReading = z.strictObject({
  /** The plausible range and expected cost, USD, on this reading. */
  range: z.strictObject({ low: positive, high: positive }),
  expected: positive,
  verdict: Verdict,
  factor: z.number().finite().min(1),
  factorVsExpected: z.number().finite().min(1),
});

const Claim = z.strictObject({
  claim: z.enum(["days", "cost"]),
  /** The claim as the user wrote it, restated. */
  text: z.string(),
  /** Days, or USD. */
  value: positive,
  /** The implied MFU (days) or the claimed cost in USD (cost), judged against `range`. */
  judged: positive,
  range: z.strictObject({ low: positive, high: positive }),
  rangeBasis: z.string(),
  verdict: Verdict,
  factor: z.number().finite().min(1),
  factorVsExpected: z.number().finite().min(1),
  summary: z.string(),
  /**
   * A cost claim read both ways, since a quoted figure seldom says whether it includes VAT: the
   * verdict against costs without VAT and with it, and which reading the claim matches better
   * (the smaller factor, then the nearer expected value). null for a duration claim.
   */
  vat: z
    .strictObject({
      rate: positive.max(1),
      excluded: VatReading,
      included: VatReading,
      closer: z.enum(["excluded", "included"]),
    })
    .nullable(),
});

/** The whole check, as printed by `check --format json`. */
export const CheckJson = z.strictObject({
  label: z.string().optional(),
  warnings: z.array(WarningJson).optional(),
  schemaVersion: z.literal(1),
  command: z.literal("check"),
  inputs: z.strictObject({
    model: z.string().nullable(),
    params: positive,
    tokens: positive,
    tokensBasis: z.string(),
    strategy: z.string(),
    gpus: z.strictObject({
      id: z.string(),
      name: z.string(),
      count: z.number().int().positive(),
      peakTflops: positive,
    }),
    claimedDays: positive.nullable(),
    claimedCostKrw: positive.nullable(),
    claimedCostUsd: positive.nullable(),
  }),
  estimate: z.strictObject({
    flops: positive,
    mfu: RangeJson,
    gpuHours: RangeJson,
    wallDays: RangeJson,
    /** null when the GPU has no price (a duration claim is still judged). */
    costUsd: RangeJson.nullable(),
    costKrw: RangeJson.nullable(),
    priceUsdPerGpuHour: positive.nullable(),
    priceRule: z.string().nullable(),
    offersUsdPerGpuHour: z.strictObject({ low: positive, high: positive }).nullable(),
    krwPerUsd: positive,
    fxDate: z.string(),
    /** Whether the estimate's costs (and the verdict above) include Korean VAT (--vat), and its rate. */
    vatIncluded: z.boolean(),
    vatRate: positive.max(1),
  }),
  implied: z.strictObject({
    /** FLOPs / (peak × GPUs × claimed days × 86,400). */
    mfu: positive.nullable(),
    /** GPUs × claimed days × 24. */
    gpuHours: positive.nullable(),
    /** Claimed cost / GPU-hours (the claimed days' if given, else the expected). */
    usdPerGpuHour: positive.nullable(),
    usdPerGpuHourBasis: z.string().nullable(),
    /**
     * Tokens the claim trains at the default efficiency: in the claimed GPU-hours when a duration is
     * claimed (the most useful reading of "2 years"), else for the claimed cost at the default price.
     */
    tokens: RangeJson.nullable(),
    tokensBasis: z.string().nullable(),
  }),
  claims: z.array(Claim).min(1),
  /** The verdict of the claim furthest outside its range (plausible when all are inside). */
  verdict: Verdict,
  factor: z.number().finite().min(1),
  verdictClaim: z.enum(["days", "cost"]),
  summary: z.string(),
  published: z.strictObject({
    family: z.string(),
    familyRuns: Published.nullable(),
    allRuns: Published,
    note: z.string(),
  }),
});
export type CheckJson = z.infer<typeof CheckJson>;
export type CheckClaimJson = z.infer<typeof Claim>;
