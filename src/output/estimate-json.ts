import { z } from "zod";
import { InverseJson } from "./inverse-json.js";

/**
 * The JSON that `estimate --format json` prints (schemaVersion 1). Other tools read these field
 * names: add fields freely, never rename or remove one without bumping schemaVersion.
 * ./to-estimate-json.ts builds it; this schema is what the tests check it against. The CLI never
 * imports this module (types aside), so building the schema stays off its start-up.
 * Units: FLOPs are raw FLOPs; hours and days are wall-clock or GPU time as named; money is USD/KRW.
 */
const positive = z.number().finite().positive();
const RangeJson = z
  .strictObject({ low: positive, expected: positive, high: positive })
  .refine((r) => r.low <= r.expected && r.expected <= r.high, "expected low <= expected <= high");

/** Where an input came from (src/output/provenance-json.ts). */
export const OriginJsonSchema = z.union([
  z.strictObject({ kind: z.literal("flag"), flag: z.string().startsWith("--") }),
  z.strictObject({ kind: z.literal("default") }),
  z.strictObject({ kind: z.literal("plan") }),
  z.strictObject({ kind: z.enum(["config", "trainer"]), file: z.string(), key: z.string() }),
  z.strictObject({ kind: z.literal("scenario"), id: z.string(), file: z.string(), key: z.string() }),
  z.strictObject({ kind: z.literal("profile"), name: z.string(), file: z.string() }),
]);
export const WarningJson = z.strictObject({ code: z.string(), message: z.string() });

export const EstimateJson = z.strictObject({
  /** With --label: the run's name, to stack outputs. */
  label: z.string().optional(),
  schemaVersion: z.literal(1),
  command: z.literal("estimate"),
  inputs: z.strictObject({
    model: z.string().nullable(),
    modelShape: z.enum(["exact", "generic"]),
    shape: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    vocab: z.number().int().positive().nullable(),
    addedVocabParams: z.number().int().min(0),
    params: positive,
    activeParams: positive,
    tokens: positive,
    tokensBasis: z.string(),
    gpus: z.strictObject({ id: z.string(), name: z.string(), count: z.number().int().positive() }),
    strategies: z.array(z.string()).min(1),
    mfu: positive.max(1).nullable(),
    tokensPerSecPerGpu: positive.nullable(),
    precision: z.enum(["bf16", "fp8"]),
    priceKind: z.string(),
    provider: z.string().nullable(),
    loraRank: z.number().int().positive(),
    loraTargets: z.array(z.string()).min(1),
    seqLen: z.number().int().positive(),
    /** "auto": chosen per strategy (see each estimate's throughput block). */
    microBatch: z.union([z.number().int().positive(), z.literal("auto")]),
    recompute: z.enum(["auto", "none", "selective", "full"]),
    tensorParallel: z.union([z.number().int().positive(), z.literal("auto")]),
    globalBatchTokens: z.number().int().positive(),
    zero: z.number().int().min(0).max(3),
    optimizer: z.string(),
    flashAttention: z.boolean(),
    from: z
      .strictObject({
        file: z.string(),
        trainer: z.string(),
        used: z.array(z.string()),
        ignored: z.array(z.string()),
        assumed: z.array(z.string()),
        notes: z.array(z.string()),
      })
      .nullable(),
  }),
  assumptions: z.strictObject({
    mfu: positive.max(1),
    mfuSource: z.enum(["default", "--mfu", "--tokens-per-sec", "profile"]),
    efficiencyBasis: z.string(),
    gpuPeakTflops: positive,
    gpuPeakPrecision: z.string(),
    gpuSources: z.array(z.string()),
    /** null when no price is known for the GPU (cost is then null too, and a warning says so). */
    priceUsdPerGpuHour: positive.nullable(),
    priceProvider: z.string().nullable(),
    priceKind: z.string(),
    priceDate: z.string().nullable(),
    priceRule: z.string().nullable(),
    priceSource: z.string().nullable(),
    priceOffers: z.array(
      z.strictObject({
        provider: z.string(),
        region: z.string(),
        usdPerGpuHour: positive,
        date: z.string(),
        source: z.string(),
      }),
    ),
    krwPerUsd: positive,
    fxDate: z.string(),
    fxSource: z.string(),
    taxes: z.string(),
    /** Whether every cost includes Korean VAT (--vat), and its rate (presets/tax.json). */
    vatIncluded: z.boolean(),
    vatRate: positive.max(1),
    memoryNote: z.string(),
    gpuTdpW: positive,
    pue: z.number().min(1),
    pueSource: z.string(),
    gridGCO2PerKWh: positive,
    gridSource: z.string(),
    energyNote: z.string(),
    formulas: z.array(z.string()).min(1),
    /** Where each input came from: a flag, a file and key, a scenario, or the default. */
    origins: z.record(z.string(), OriginJsonSchema),
  }),
  estimates: z
    .array(
      z.strictObject({
        strategy: z.string(),
        name: z.string(),
        description: z.string(),
        training: z.enum(["full", "lora", "qlora"]),
        flopsPerToken: positive,
        flops: positive,
        attentionFlopsPerToken: positive,
        recomputeFlopsPerToken: z.number().finite().min(0),
        hardwareFlops: positive,
        trainableParams: positive,
        mfu: RangeJson,
        steadyStateMfu: positive.max(1),
        tokensPerSecPerGpu: positive,
        throughput: z.strictObject({
          /** Share of paid GPU time in productive steps, and what the rest is lost to. */
          goodput: positive.max(1),
          runOverheadLoss: z.number().min(0).max(1),
          interruptionLoss: z.number().min(0).max(1),
          startupLoss: z.number().min(0).max(1),
          /** The settings the steady state was worked out at (resolved from "auto"). */
          microBatch: z.number().int().positive(),
          recompute: z.enum(["none", "selective", "full"]),
          tensorParallel: z.number().int().positive(),
          /** Steady-state model breakdown; null when the user gave the speed (--mfu, --tokens-per-sec). */
          microBatchesPerStep: positive.nullable(),
          computeSecondsPerStep: positive.nullable(),
          communicationSecondsPerStep: z.number().finite().min(0).nullable(),
          exposedCommunicationSeconds: z.number().finite().min(0).nullable(),
          link: z.enum(["intra-node", "inter-node"]).nullable(),
          linkGBs: positive.nullable(),
        }),
        gpuHours: RangeJson,
        wallDays: RangeJson,
        costUsd: RangeJson.nullable(),
        costKrw: RangeJson.nullable(),
        energyKwh: RangeJson,
        co2Kg: RangeJson,
        memory: z.strictObject({
          perGpuGB: positive,
          gpuMemoryGB: positive,
          fits: z.boolean(),
          minGpusToFit: z.number().int().positive().nullable(),
          minGpusWithZero3: z.number().int().positive().nullable(),
          breakdown: z.strictObject({
            weights: positive,
            gradients: z.number().finite().min(0),
            optimizer: z.number().finite().min(0),
            activations: positive,
            overhead: positive,
          }),
        }),
      }),
    )
    .min(1),
  /** Each warning's stable code and its text in the output's language. */
  warnings: z.array(WarningJson),
  /** Only with --budget / --deadline: what the budget buys, how many GPUs the deadline needs. */
  inverse: InverseJson.optional(),
});
export type EstimateJson = z.infer<typeof EstimateJson>;
