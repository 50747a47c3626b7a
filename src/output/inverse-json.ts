import { z } from "zod";

/**
 * The "inverse" block of `estimate --budget/--deadline --format json`: what a budget buys and how
 * many GPUs a deadline needs. Built by src/cli/estimate-inverse.ts from the estimate itself.
 */
const positive = z.number().finite().positive();
const RangeJson = z
  .strictObject({ low: positive, expected: positive, high: positive })
  .refine((r) => r.low <= r.expected && r.expected <= r.high, "expected low <= expected <= high");

/** The optional "inverse" field of estimate's JSON. */
export const InverseJson = z.strictObject({
  budget: z
    .strictObject({
      text: z.string(),
      krw: positive,
      usd: positive,
      usdPerGpuHour: positive,
      /** GPU-hours the budget rents at that price (exact: no efficiency in it). */
      gpuHours: positive,
      gpuCount: z.number().int().positive(),
      /** Wall-clock days those GPU-hours take on the given GPUs. */
      wallDays: positive,
      strategies: z.array(z.strictObject({ strategy: z.string(), tokens: RangeJson })).min(1),
      /** Chinchilla-optimal model for that compute, from the scratch (or first full-training) strategy; null if none was estimated. */
      chinchilla: z
        .strictObject({
          strategy: z.string(),
          mfu: RangeJson,
          computeFlops: RangeJson,
          params: RangeJson,
          tokens: RangeJson,
          rule: z.string(),
        })
        .nullable(),
      /** With --deadline too: GPUs needed to spend the whole budget within it. */
      gpusToSpendByDeadline: z.number().int().positive().nullable(),
    })
    .optional(),
  deadline: z
    .strictObject({
      text: z.string(),
      days: positive,
      gpu: z.strictObject({ id: z.string(), name: z.string() }),
      strategies: z
        .array(
          z.strictObject({
            strategy: z.string(),
            gpuHours: positive,
            /**
             * The fewest GPUs (1–8, then whole nodes up to plan's practical maximum: one sequence
             * per GPU from the global batch) that fit in memory and finish in time at the expected
             * figure; the range at the optimistic and pessimistic ends. null: no such count does.
             */
            gpusNeeded: z.number().int().positive().nullable(),
            gpusNeededRange: RangeJson.nullable(),
            wallDays: positive.nullable(),
            perGpuGB: positive.nullable(),
            /** Whether the job fits in memory at gpusNeeded (null: not checked above the GPU count limit). */
            fits: z.boolean().nullable(),
            minGpusWithZero3: z.number().int().positive().nullable(),
          }),
        )
        .min(1),
    })
    .optional(),
});
export type InverseJson = z.infer<typeof InverseJson>;
