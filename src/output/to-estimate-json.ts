import type { Lang } from "../i18n/lang.js";
import { vatJson } from "./vat-text.js";
import { render } from "../i18n/render.js";
import type { EstimateReport } from "../model/report.js";
import { originJson, warningsJson } from "./provenance-json.js";
import type { EstimateJson } from "./estimate-json.js";
import { efficiencyBasis, efficiencySourceFlag } from "./efficiency-basis.js";
import { say } from "./report-text.js";

// The JSON `estimate --format json` prints. Its schema is ./estimate-json.ts, which only the tests load:
// building zod schemas is kept off the CLI's start-up.

/** Builds the JSON object (pure; printing is the caller's job). */
export function toEstimateJson(report: EstimateReport, lang: Lang = "en"): EstimateJson {
  const { inputs, price, fx, estimates } = report;
  const reference = estimates.find((e) => e.training === "full") ?? estimates[0]!;
  return {
    schemaVersion: 1,
    command: "estimate",
    inputs: {
      model: inputs.model ?? null,
      modelShape: inputs.modelShape,
      shape: { ...inputs.shape },
      vocab: inputs.vocab ?? null,
      addedVocabParams: inputs.addedVocabParams,
      params: inputs.params,
      activeParams: inputs.activeParams,
      tokens: inputs.tokens,
      tokensBasis: render(inputs.tokensBasis, lang),
      gpus: { id: inputs.gpu.id, name: inputs.gpu.name, count: inputs.gpuCount },
      strategies: [...inputs.strategies],
      mfu: inputs.mfu ?? null,
      tokensPerSecPerGpu: inputs.tokensPerSecPerGpu ?? null,
      precision: inputs.precision,
      priceKind: inputs.priceKind,
      provider: inputs.provider ?? null,
      loraRank: inputs.loraRank,
      loraTargets: [...inputs.loraTargets],
      seqLen: inputs.memory.seqLen,
      microBatch: inputs.memory.microBatch,
      recompute: inputs.memory.recompute,
      tensorParallel: inputs.memory.tensorParallel,
      globalBatchTokens: inputs.globalBatchTokens,
      zero: inputs.memory.zero,
      optimizer: inputs.memory.optimizer,
      flashAttention: inputs.memory.flashAttention,
      from: inputs.from ?? null,
    },
    assumptions: {
      mfu: reference.efficiency.wholeRun.expected,
      // A --profile's speed is a measurement like --tokens-per-sec's, but the JSON says whose.
      mfuSource:
        report.origins["tokensPerSec"]?.kind === "profile"
          ? "profile"
          : efficiencySourceFlag(reference.efficiency.source),
      efficiencyBasis: render(efficiencyBasis(reference.efficiency), lang),
      gpuPeakTflops: inputs.gpu.denseTflops16,
      gpuPeakPrecision: say("json.peakPrecision", lang, { precision: inputs.gpu.tensorPrecision }),
      gpuSources: inputs.gpu.sources,
      priceUsdPerGpuHour: price?.usdPerGpuHour ?? null,
      priceProvider: price?.provider ?? null,
      priceKind: price?.kind ?? inputs.priceKind,
      priceDate: price?.date ?? null,
      priceRule: price ? render(price.rule, lang) : null,
      priceSource: price?.source ?? null,
      priceOffers: (price?.offers ?? []).map((o) => ({
        provider: o.provider,
        region: o.region,
        usdPerGpuHour: o.usdPerGpuHour,
        date: o.date,
        source: o.source,
      })),
      krwPerUsd: fx.krwPerUsd,
      fxDate: fx.date,
      fxSource: fx.source,
      ...vatJson(report.vat, lang),
      memoryNote: say("json.memoryNote", lang, { generic: inputs.modelShape === "generic" ? "yes" : undefined }),
      gpuTdpW: report.energy.tdpW,
      pue: report.energy.pue,
      pueSource: report.energy.pueSource,
      gridGCO2PerKWh: report.energy.gCO2PerKWh,
      gridSource: report.energy.gridSource,
      energyNote: say("json.energyNote", lang),
      formulas: report.formulas,
      origins: originJson(report.origins),
    },
    estimates: estimates.map((e) => ({
      strategy: e.strategy,
      name: lang === "ko" ? e.nameKo : e.name,
      description: lang === "ko" ? e.descriptionKo : e.description,
      training: e.training,
      flopsPerToken: e.flopsPerToken,
      flops: e.flops,
      attentionFlopsPerToken: e.attentionFlopsPerToken,
      recomputeFlopsPerToken: e.recomputeFlopsPerToken,
      hardwareFlops: e.hardwareFlops,
      trainableParams: e.trainableParams,
      mfu: e.efficiency.wholeRun,
      steadyStateMfu: e.efficiency.steadyState,
      tokensPerSecPerGpu: e.tokensPerSecPerGpu,
      throughput: {
        goodput: e.efficiency.goodput.value,
        runOverheadLoss: e.efficiency.goodput.runOverheadLoss,
        interruptionLoss: e.efficiency.goodput.interruptionLoss,
        startupLoss: e.efficiency.goodput.startupLoss,
        microBatch: e.memory.microBatch,
        recompute: e.memory.recompute,
        tensorParallel: e.memory.tensorParallel,
        microBatchesPerStep: e.efficiency.steady?.microBatchesPerStep ?? null,
        computeSecondsPerStep: e.efficiency.steady?.computeSecondsPerStep ?? null,
        communicationSecondsPerStep: e.efficiency.steady?.communicationSecondsPerStep ?? null,
        exposedCommunicationSeconds: e.efficiency.steady?.exposedCommunicationSeconds ?? null,
        link: e.efficiency.steady?.link.kind ?? null,
        linkGBs: e.efficiency.steady?.link.nominalGBs ?? null,
      },
      gpuHours: e.gpuHours,
      wallDays: e.wallDays,
      costUsd: e.costUsd,
      costKrw: e.costKrw,
      energyKwh: e.energyKwh,
      co2Kg: e.co2Kg,
      memory: {
        perGpuGB: e.memory.perGpuGB,
        gpuMemoryGB: e.memory.gpuMemoryGB,
        fits: e.memory.fits,
        minGpusToFit: e.memory.minGpusToFit,
        minGpusWithZero3: e.memory.minGpusWithZero3,
        breakdown: e.memory.breakdown,
      },
    })),
    warnings: warningsJson(report.warnings, lang),
  };
}
