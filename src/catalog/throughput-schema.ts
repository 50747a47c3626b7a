import { z } from "zod";

/** A fitted or cited number with what it rests on. */
const Figure = (schema: z.ZodNumber) => z.strictObject({ value: schema, note: z.string().min(1) });
const IdPairs = z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(1);

/**
 * presets/throughput.json: the throughput model's parameters (src/model/throughput.ts, goodput.ts,
 * efficiency.ts). test/throughput-fit.test.ts refits every fitted figure from the bundled measurements
 * and runs, so the file cannot drift from the evidence.
 */
export const ThroughputFile = z.strictObject({
  $comment: z.string(),
  steadyState: z.strictObject({
    matmulEfficiency: Figure(z.number().positive().max(1)),
    referenceFlopsPerByte: Figure(z.number().positive()),
    balanceExponent: Figure(z.number().min(0).max(2)),
    layerOverheadSeconds: Figure(z.number().min(0).max(0.1)),
    fp8Speedup: Figure(z.number().min(1).max(2)),
    loraEfficiency: Figure(z.number().positive().max(2)),
    qloraEfficiency: Figure(z.number().positive().max(1)),
  }),
  goodput: z.strictObject({
    maxRunOverhead: Figure(z.number().min(0).max(10)),
    halfOverheadGpuDays: Figure(z.number().positive()),
    interruptionsPerGpuHour: Figure(z.number().min(0)),
    hoursLostPerInterruption: Figure(z.number().min(0)),
    startupHours: Figure(z.number().min(0).max(24)),
  }),
  range: z.strictObject({
    singleNode: Figure(z.number().positive().max(2)),
    multiNode: Figure(z.number().positive().max(2)),
    singleNodeUpTo: Figure(z.number().int().positive()),
    multiNodeFrom: Figure(z.number().int().positive()),
  }),
  defaults: z.strictObject({ globalBatchTokens: Figure(z.number().int().positive()) }),
  /** Same-source measurement pairs that isolate one factor each (ids in throughput-measurements.json). */
  pairs: z.strictObject({
    balance: IdPairs,
    fp8: IdPairs,
    lora: IdPairs,
    qlora: IdPairs,
    note: z.string().min(1),
  }),
});
export type ThroughputFile = z.infer<typeof ThroughputFile>;

/** One steady-state measurement (presets/throughput-measurements.json). */
export const ThroughputMeasurement = z
  .strictObject({
    id: z.string().min(1),
    sourceGroup: z.string().min(1),
    gpuType: z.string().min(1),
    gpu: z.string().min(1).nullable(),
    gpuCount: z.number().int().positive().nullable(),
    params: z.number().positive(),
    seqLen: z.number().int().positive().nullable(),
    microBatch: z.number().int().positive().nullable(),
    method: z.string().min(1),
    task: z.enum(["pretraining", "fine-tuning"]),
    fp8: z.boolean(),
    precision: z.string(),
    recompute: z.enum(["none", "selective", "full", "unstated"]),
    tokensPerSecPerGpu: z.number().positive().nullable(),
    use: z.enum(["fit", "excluded"]),
    excludedReason: z.string().min(1).optional(),
    source: z.string().min(1),
    quote: z.string(),
    notes: z.string().optional(),
  })
  .refine((r) => r.use !== "excluded" || r.excludedReason !== undefined, "an excluded row needs excludedReason")
  .refine(
    (r) =>
      r.use !== "fit" ||
      (r.gpu !== null && r.tokensPerSecPerGpu !== null && ["full", "lora", "qlora"].includes(r.method)),
    "a fitted row needs a catalog gpu, a tokens/s figure and a method of full, lora or qlora",
  );
export type ThroughputMeasurement = z.infer<typeof ThroughputMeasurement>;

export const ThroughputMeasurementsFile = z.strictObject({
  $comment: z.string(),
  rows: z.array(ThroughputMeasurement).min(1),
});
