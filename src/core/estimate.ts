import { UsageError } from "../errors.js";
import type { StrategyId } from "../catalog/constants.js";
import type { EfficiencyFile, GpuSpec, Strategy } from "../catalog/schemas.js";
import { efficiencyFor, type EfficiencyAssumption, type Precision } from "./efficiency.js";
import { estimateEnergy, type EnergyAssumption } from "./energy.js";
import type { Architecture } from "./architecture.js";
import { estimateMemory, type MemoryEstimate, type MemorySettings } from "./fit.js";
import {
  attentionFlopsPerToken,
  flopsFormula,
  flopsPerToken,
  recomputeFlopsPerToken,
  type TrainingKind,
} from "./flops.js";
import type { MoeShape } from "./hf-config.js";
import type { PriceAssumption } from "./price.js";
import { invertRange, mapRange, type Range } from "./range.js";

/** The exchange rate behind every won figure. */
export interface FxAssumption {
  krwPerUsd: number;
  date: string;
  source: string;
}

/** Everything an estimate needs, already parsed and resolved (no defaults are applied here). */
export interface EstimateRequest {
  /** Every parameter (memory, trainable count). */
  params: number;
  /** Parameters each token passes through (MoE: routed experts only); FLOPs use these. */
  activeParams: number;
  tokens: number;
  gpu: GpuSpec;
  gpuCount: number;
  strategies: readonly Strategy[];
  /** A user's efficiency (--mfu); when absent the calibrated default applies. */
  mfu?: number;
  /** A user's measured training throughput per GPU (--tokens-per-sec), for one strategy. */
  tokensPerSecPerGpu?: number;
  precision: Precision;
  efficiency: EfficiencyFile;
  energy: EnergyAssumption;
  price: PriceAssumption;
  fx: FxAssumption;
  /** LoRA adapter parameters for the rank and targets in use (including added vocabulary rows). */
  adapterParams: number;
  /** Embedding and head parameters added to the vocabulary: inside params, and trained under LoRA. */
  addedVocabParams?: number;
  /** The shape (exact, or the generic one behind --params), for attention FLOPs and memory. */
  arch: Architecture;
  moe?: MoeShape;
  memory: MemorySettings;
}

export interface StrategyEstimate {
  strategy: StrategyId;
  name: string;
  description: string;
  /** The description in Korean (--lang ko). */
  descriptionKo: string;
  training: TrainingKind;
  /** Model FLOPs per token (6·N or LoRA's 4·N + 6·adapters), the basis of the efficiency. */
  flopsPerToken: number;
  flops: number;
  /** Attention-score FLOPs (PaLM's 12·L·H·Q·T per token), reported separately. */
  attentionFlopsPerToken: number;
  /** Extra FLOPs per token from recomputation (hardware FLOPs = model + these). */
  recomputeFlopsPerToken: number;
  /** FLOPs the GPUs execute: (model + recompute) × tokens (for hardware FLOPs utilisation). */
  hardwareFlops: number;
  trainableParams: number;
  efficiency: EfficiencyAssumption;
  /** Steady-state training throughput per GPU that the estimate assumes, before whole-run overhead. */
  tokensPerSecPerGpu: number;
  gpuHours: Range;
  wallDays: Range;
  costUsd: Range;
  costKrw: Range;
  energyKwh: Range;
  co2Kg: Range;
  memory: MemoryEstimate;
}

const SECONDS_PER_HOUR = 3600;

/** Estimates one strategy: FLOPs → GPU-hours → wall-clock days → dollars → won. Pure arithmetic. */
export function estimateStrategy(request: EstimateRequest, strategy: Strategy): StrategyEstimate {
  const training = strategy.training;
  const trainedBaseParams = request.addedVocabParams ?? 0;
  const perToken = flopsPerToken({
    training,
    params: request.activeParams,
    adapterParams: request.adapterParams,
    trainedBaseParams,
  });
  const flops = perToken * request.tokens;
  const flopsInput = {
    training,
    params: request.activeParams,
    adapterParams: request.adapterParams,
    trainedBaseParams,
  };
  const recompute = recomputeFlopsPerToken(request.memory.recompute, flopsInput, request.arch, request.memory.seqLen);
  const hardwareFlops = (perToken + recompute) * request.tokens;
  const peakFlops = request.gpu.denseTflops16 * 1e12;
  // A measured throughput is an efficiency in disguise: tokens/s × FLOPs per token / peak.
  const measuredMfu =
    request.tokensPerSecPerGpu === undefined ? undefined : (request.tokensPerSecPerGpu * perToken) / peakFlops;
  if (measuredMfu !== undefined && measuredMfu > 1) {
    throw new UsageError(
      `invalid --tokens-per-sec "${request.tokensPerSecPerGpu}": at ${perToken.toExponential(3)} FLOPs per token that is ${measuredMfu.toFixed(2)}x the GPU's dense peak; at most ${Math.floor(peakFlops / perToken)} tokens/s per GPU (was it measured per node, or in fp8?)`,
    );
  }
  const efficiency = efficiencyFor(request.efficiency, {
    gpu: request.gpu,
    gpuCount: request.gpuCount,
    strategy: strategy.id,
    precision: request.precision,
    ...(request.mfu === undefined ? {} : { userMfu: request.mfu, userSource: "--mfu" as const }),
    ...(measuredMfu === undefined ? {} : { userMfu: measuredMfu, userSource: "--tokens-per-sec" as const }),
  });
  // MFU counts model FLOPs only (Korthikanti et al. §6.3; PaLM App. B): recomputation costs time by
  // lowering MFU, and the calibrated efficiency comes from runs that mostly recomputed. So GPU-hours
  // follow model FLOPs; the recomputed work shows in hardwareFlops.
  const gpuHours = invertRange(efficiency.wholeRun, (e) => flops / (peakFlops * e) / SECONDS_PER_HOUR);
  // GPU-hours already carry every loss we model (including any multi-GPU scaling loss in the
  // efficiency), so the wall clock is the GPU-hours shared out evenly over the GPUs.
  const wallDays = mapRange(gpuHours, (h) => h / request.gpuCount / 24);
  const costUsd = mapRange(gpuHours, (h) => h * request.price.usdPerGpuHour);
  const costKrw = mapRange(costUsd, (usd) => usd * request.fx.krwPerUsd);
  return {
    strategy: strategy.id,
    name: strategy.name,
    description: strategy.description,
    descriptionKo: strategy.descriptionKo,
    training,
    flopsPerToken: perToken,
    flops,
    attentionFlopsPerToken: attentionFlopsPerToken(request.arch, request.memory.seqLen),
    recomputeFlopsPerToken: recompute,
    hardwareFlops,
    trainableParams: training === "full" ? request.params : request.adapterParams,
    efficiency,
    tokensPerSecPerGpu: (peakFlops * efficiency.steadyState) / perToken,
    gpuHours,
    wallDays,
    costUsd,
    costKrw,
    ...estimateEnergy(gpuHours, request.energy),
    memory: estimateMemory(request.arch, request.moe, training, request.gpuCount, request.gpu.memoryGB, request.memory),
  };
}

/** Estimates every requested strategy. */
export function estimate(request: EstimateRequest): StrategyEstimate[] {
  return request.strategies.map((strategy) => estimateStrategy(request, strategy));
}

/** The formulas behind the numbers, in words, for the JSON and the table footer. */
export function formulas(trainings: readonly TrainingKind[]): string[] {
  const lines = [...new Set(trainings.map((t) => flopsFormula(t === "qlora" ? "lora" : t)))];
  return [
    ...lines,
    "FLOPs = FLOPs per token x tokens",
    "GPU-hours = model FLOPs / (dense 16-bit peak x MFU) / 3600 (MFU counts model FLOPs: recomputation lowers MFU, it is not added to FLOPs)",
    "hardware FLOPs = model FLOPs + recomputation (full: one more forward, +2 x N per token; selective: +4 x layers x heads x head dim x sequence length)",
    "attention FLOPs (12 x layers x heads x head dim x sequence length per token, PaLM) are reported separately: the calibrated efficiency is on the 6 x N basis, so their time is already inside it",
    "wall-clock days = GPU-hours / GPU count / 24",
    "cost USD = GPU-hours x USD per GPU-hour; cost KRW = cost USD x KRW per USD",
    "energy kWh = GPU-hours x TDP (kW) x PUE; CO2 kg = kWh x grid intensity (kg/kWh)",
  ];
}
