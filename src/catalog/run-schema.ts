import { z } from "zod";

/** Which calibration group a run's hardware belongs to (other = no calibration, kept for reference). */
export const RUN_FAMILIES = ["a100", "hopper", "tpu", "v100", "other"] as const;

/** One published training run or throughput benchmark (presets/published-runs.json). */
export const PublishedRun = z
  .strictObject({
    id: z.string().min(1),
    model: z.string().min(1),
    org: z.string(),
    strategy: z.string().min(1),
    runType: z.string().min(1),
    paramsTotal: z.number().positive().nullable(),
    /** Parameters active per token (MoE); equals paramsTotal for dense models. */
    paramsActive: z.number().positive().nullable(),
    tokens: z.number().positive().nullable(),
    seqLen: z.number().positive().nullable(),
    gpuType: z.string(),
    family: z.enum(RUN_FAMILIES),
    /** Dense 16-bit peak per device used for the data's implied MFU. */
    peakTflops: z.number().positive().nullable(),
    gpuCount: z.number().positive().nullable(),
    gpuHours: z.number().positive().nullable(),
    gpuHoursBasis: z.string().nullable(),
    precision: z.string(),
    fp8: z.boolean(),
    impliedMfu: z.number().positive().nullable(),
    use: z.enum(["full-run", "benchmark", "excluded"]),
    excludedReason: z.string().optional(),
    flag: z.string().optional(),
    notes: z.string().optional(),
    confidence: z.string(),
    source: z.string().min(1),
    quote: z.string(),
  })
  .refine((r) => r.use !== "excluded" || (r.excludedReason ?? "").length > 0, "an excluded run needs excludedReason")
  .refine(
    (r) =>
      r.use !== "full-run" ||
      (r.paramsActive !== null && r.tokens !== null && r.gpuHours !== null && r.peakTflops !== null),
    "a full run needs paramsActive, tokens, gpuHours and peakTflops",
  );
export type PublishedRun = z.infer<typeof PublishedRun>;

export const PublishedRunsFile = z.strictObject({ $comment: z.string(), runs: z.array(PublishedRun).min(1) });
