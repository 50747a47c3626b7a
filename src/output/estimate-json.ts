import { z } from "zod";
import type { EstimateReport } from "../core/report.js";

/**
 * The JSON that `estimate --format json` prints (schemaVersion 1). Other tools read these field
 * names: add fields freely, never rename or remove one without bumping schemaVersion.
 * Units: FLOPs are raw FLOPs; hours and days are wall-clock or GPU time as named; money is USD/KRW.
 */
const positive = z.number().finite().positive();
const RangeJson = z.strictObject({ low: positive, expected: positive, high: positive }).refine(
  (r) => r.low <= r.expected && r.expected <= r.high,
  "expected low <= expected <= high",
);

export const EstimateJson = z.strictObject({
  schemaVersion: z.literal(1),
  command: z.literal("estimate"),
  inputs: z.strictObject({
    model: z.string().nullable(),
    vocab: z.number().int().positive().nullable(),
    addedVocabParams: z.number().int().min(0),
    params: positive,
    tokens: positive,
    gpus: z.strictObject({ id: z.string(), name: z.string(), count: z.number().int().positive() }),
    strategies: z.array(z.string()).min(1),
    mfu: positive.max(1).nullable(),
    tokensPerSecPerGpu: positive.nullable(),
    precision: z.enum(["bf16", "fp8"]),
    priceKind: z.string(),
    provider: z.string().nullable(),
    loraRank: z.number().int().positive(),
    loraTargets: z.array(z.string()).min(1),
  }),
  assumptions: z.strictObject({
    mfu: positive.max(1),
    mfuSource: z.enum(["default", "--mfu", "--tokens-per-sec"]),
    efficiencyBasis: z.string(),
    gpuPeakTflops: positive,
    gpuPeakPrecision: z.string(),
    gpuSources: z.array(z.string()),
    priceUsdPerGpuHour: positive,
    priceProvider: z.string(),
    priceKind: z.string(),
    priceDate: z.string(),
    priceRule: z.string(),
    priceSource: z.string(),
    priceOffers: z.array(
      z.strictObject({ provider: z.string(), region: z.string(), usdPerGpuHour: positive, date: z.string(), source: z.string() }),
    ),
    krwPerUsd: positive,
    fxDate: z.string(),
    fxSource: z.string(),
    taxes: z.string(),
    gpuTdpW: positive,
    pue: z.number().min(1),
    pueSource: z.string(),
    gridGCO2PerKWh: positive,
    gridSource: z.string(),
    energyNote: z.string(),
    formulas: z.array(z.string()).min(1),
    sources: z.record(z.string(), z.string()),
  }),
  estimates: z.array(
    z.strictObject({
      strategy: z.string(),
      name: z.string(),
      description: z.string(),
      training: z.enum(["full", "lora", "qlora"]),
      flopsPerToken: positive,
      flops: positive,
      trainableParams: positive,
      mfu: RangeJson,
      steadyStateMfu: positive.max(1),
      tokensPerSecPerGpu: positive,
      gpuHours: RangeJson,
      wallDays: RangeJson,
      costUsd: RangeJson,
      costKrw: RangeJson,
      energyKwh: RangeJson,
      co2Kg: RangeJson,
    }),
  ).min(1),
  warnings: z.array(z.string()),
});
export type EstimateJson = z.infer<typeof EstimateJson>;

/** Builds the JSON object (pure; printing is the caller's job). */
export function toEstimateJson(report: EstimateReport): EstimateJson {
  const { inputs, price, fx, estimates } = report;
  const reference = estimates.find((e) => e.training === "full") ?? estimates[0]!;
  return {
    schemaVersion: 1,
    command: "estimate",
    inputs: {
      model: inputs.model ?? null,
      vocab: inputs.vocab ?? null,
      addedVocabParams: inputs.addedVocabParams,
      params: inputs.params,
      tokens: inputs.tokens,
      gpus: { id: inputs.gpu.id, name: inputs.gpu.name, count: inputs.gpuCount },
      strategies: [...inputs.strategies],
      mfu: inputs.mfu ?? null,
      tokensPerSecPerGpu: inputs.tokensPerSecPerGpu ?? null,
      precision: inputs.precision,
      priceKind: inputs.priceKind,
      provider: inputs.provider ?? null,
      loraRank: inputs.loraRank,
      loraTargets: [...inputs.loraTargets],
    },
    assumptions: {
      mfu: reference.efficiency.wholeRun.expected,
      mfuSource: reference.efficiency.source,
      efficiencyBasis: reference.efficiency.basis,
      gpuPeakTflops: inputs.gpu.denseTflops16,
      gpuPeakPrecision: `dense ${inputs.gpu.tensorPrecision} (no 2:4 sparsity)`,
      gpuSources: inputs.gpu.sources,
      priceUsdPerGpuHour: price.usdPerGpuHour,
      priceProvider: price.provider,
      priceKind: price.kind,
      priceDate: price.date,
      priceRule: price.rule,
      priceSource: price.source,
      priceOffers: price.offers.map((o) => ({ provider: o.provider, region: o.region, usdPerGpuHour: o.usdPerGpuHour, date: o.date, source: o.source })),
      krwPerUsd: fx.krwPerUsd,
      fxDate: fx.date,
      fxSource: fx.source,
      taxes: "prices exclude VAT and sales tax (Korean VAT is 10% where it applies)",
      gpuTdpW: report.energy.tdpW,
      pue: report.energy.pue,
      pueSource: report.energy.pueSource,
      gridGCO2PerKWh: report.energy.gCO2PerKWh,
      gridSource: report.energy.gridSource,
      energyNote: "GPU energy at rated TDP x PUE: overstates a partly busy GPU, leaves out host CPUs and network beyond PUE",
      formulas: report.formulas,
      sources: report.sources,
    },
    estimates: estimates.map((e) => ({
      strategy: e.strategy,
      name: e.name,
      description: e.description,
      training: e.training,
      flopsPerToken: e.flopsPerToken,
      flops: e.flops,
      trainableParams: e.trainableParams,
      mfu: e.efficiency.wholeRun,
      steadyStateMfu: e.efficiency.steadyState,
      tokensPerSecPerGpu: e.tokensPerSecPerGpu,
      gpuHours: e.gpuHours,
      wallDays: e.wallDays,
      costUsd: e.costUsd,
      costKrw: e.costKrw,
      energyKwh: e.energyKwh,
      co2Kg: e.co2Kg,
    })),
    warnings: report.warnings,
  };
}
