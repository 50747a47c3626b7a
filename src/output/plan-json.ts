import { z } from "zod";
import { WarningJson } from "./estimate-json.js";

/**
 * The JSON that `plan --format json` prints, as a schema: ./to-plan-json.ts builds it and the tests
 * check it against this. The CLI never imports this module (types aside), keeping zod off its start-up.
 */

const positive = z.number().finite().positive();
const RangeJson = z
  .strictObject({ low: positive, expected: positive, high: positive })
  .refine((r) => r.low <= r.expected && r.expected <= r.high, "expected low <= expected <= high");

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
  label: z.string().optional(),
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
  warnings: z.array(WarningJson),
  assumptions: z.strictObject({
    krwPerUsd: positive,
    fxDate: z.string(),
    fxSource: z.string(),
    constraints: z.string(),
    taxes: z.string(),
    /** Whether every cost (and so the budget's test) includes Korean VAT (--vat), and its rate. */
    vatIncluded: z.boolean(),
    vatRate: positive.max(1),
  }),
});
export type PlanJson = z.infer<typeof PlanJson>;
