import { invalid } from "../errors.js";
import { msg } from "../i18n/message.js";
import type { StrategyId } from "../catalog/constants.js";
import type { GpuSpec, Strategy } from "../catalog/schemas.js";
import {
  coherentSteadyState,
  efficiencyFor,
  type EfficiencyAssumption,
  type Precision,
  type ThroughputModel,
  type UserSpeed,
} from "./efficiency.js";
import { estimateEnergy, type EnergyAssumption } from "./energy.js";
import type { Architecture } from "./architecture.js";
import {
  estimateMemory,
  fitsMemory,
  type MemoryEstimate,
  type MemorySettings,
  type ResolvedMemorySettings,
} from "./memory-fit.js";
import type { Recompute } from "./memory.js";
import {
  attentionFlopsPerToken,
  flopsFormula,
  flopsPerToken,
  recomputeFlopsPerToken,
  type TrainingKind,
} from "./flops.js";
import type { MoeShape } from "../inputs/hf-config.js";
import type { PriceAssumption } from "../catalog/price-lookup.js";
import { invertRange, mapRange, type Range } from "./range.js";
import { steadyState, type SteadyJob } from "./throughput.js";
import { type VatAssumption, withVat } from "./vat.js";

/** The exchange rate behind every won figure. */
export interface FxAssumption {
  krwPerUsd: number;
  date: string;
  source: string;
  /** The source line with the rate's kind in Korean ("서울 외환시장 주간거래 종가"), when the catalog has it. */
  sourceKo?: string;
}

/** What the throughput of a job depends on (a part of EstimateRequest; the fitter builds it for published runs). */
export interface ThroughputRequest {
  /** Every parameter (memory, trainable count). */
  params: number;
  /** Parameters each token passes through (MoE: routed experts only); FLOPs use these. */
  activeParams: number;
  tokens: number;
  gpu: GpuSpec;
  gpuCount: number;
  /** A user's efficiency over the whole run (--mfu); when absent the model's applies. */
  mfu?: number;
  /** A user's measured training throughput per GPU (--tokens-per-sec), for one strategy. */
  tokensPerSecPerGpu?: number;
  precision: Precision;
  /** The fitted throughput model (presets/throughput.json). */
  throughput: ThroughputModel;
  /** Tokens per optimizer step over all GPUs (data parallelism cannot use more GPUs than it has micro-batches). */
  globalBatchTokens: number;
  /** LoRA adapter parameters for the rank and targets in use (including added vocabulary rows). */
  adapterParams: number;
  /**
   * The adapters a token passes through, when fewer than adapterParams (a mixture of experts: the
   * routed experts' adapters only); LoRA's FLOPs use these, its memory and gradients all of them.
   */
  activeAdapterParams?: number;
  /** Embedding and head parameters added to the vocabulary: inside params, and trained under LoRA. */
  addedVocabParams?: number;
  /** The shape (exact, or the generic one behind --params), for attention FLOPs and memory. */
  arch: Architecture;
  moe?: MoeShape;
  memory: MemorySettings;
}

/** Everything an estimate needs, already parsed and resolved (no defaults are applied here). */
export interface EstimateRequest extends ThroughputRequest {
  strategies: readonly Strategy[];
  energy: EnergyAssumption;
  /** null when no price is known for the GPU: time, memory and energy are estimated, cost is not. */
  price: PriceAssumption | null;
  fx: FxAssumption;
  /** Whether costs include Korean VAT (list prices do not), and its rate. */
  vat: VatAssumption;
}

export interface StrategyEstimate {
  strategy: StrategyId;
  name: string;
  description: string;
  /** The name and description in Korean (--lang ko). */
  nameKo: string;
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
  /** Steady-state training throughput per GPU that the estimate assumes, before goodput losses. */
  tokensPerSecPerGpu: number;
  gpuHours: Range;
  wallDays: Range;
  /** null when the GPU has no price (see EstimateRequest.price). */
  costUsd: Range | null;
  costKrw: Range | null;
  energyKwh: Range;
  co2Kg: Range;
  memory: MemoryEstimate;
}

const SECONDS_PER_HOUR = 3600;

/** Largest micro-batch "auto" tries: past this many sequences the per-layer overhead is long amortised. */
export const MAX_AUTO_MICRO_BATCH = 64;

/** The steady-state job for one kind of training at given micro-batch and recomputation. */
function jobAt(request: ThroughputRequest, training: TrainingKind, settings: ResolvedMemorySettings): SteadyJob {
  const flopsInput = {
    training,
    params: request.activeParams,
    adapterParams: request.activeAdapterParams ?? request.adapterParams,
    trainedBaseParams: request.addedVocabParams ?? 0,
  };
  // Mixture-of-experts runs place experts by expert parallelism: tokens travel to the experts (an
  // all-to-all of activations) instead of every expert's weights and gradients crossing the network,
  // so the data-parallel traffic is about that of the active parameters.
  const communicated = request.activeParams;
  return {
    gpu: request.gpu,
    gpuCount: request.gpuCount,
    shape: request.arch,
    training,
    modelFlopsPerToken: flopsPerToken(flopsInput),
    recomputeFlopsPerToken: recomputeFlopsPerToken(settings.recompute, flopsInput, request.arch, settings.seqLen),
    totalParams: communicated,
    trainableParams: training === "full" ? communicated : request.adapterParams,
    seqLen: settings.seqLen,
    microBatch: settings.microBatch,
    recompute: settings.recompute,
    zero: request.gpuCount === 1 ? 0 : settings.zero,
    tensorParallel: settings.tensorParallel,
    hidden: request.arch.hidden,
    fp8: request.precision === "fp8",
    globalBatchTokens: request.globalBatchTokens,
  };
}

/** Index of the last element for which a monotone (true, then false) predicate holds; -1 when none. */
function lastTrue<T>(xs: readonly T[], ok: (x: T) => boolean): number {
  let lo = -1;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(xs[mid]!)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the first element for which a monotone (false, then true) predicate holds; the last when none. */
function firstTrue<T>(xs: readonly T[], ok: (x: T) => boolean): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(xs[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Tensor-parallel degrees "auto" may use: powers of two within a node that divide the GPUs and the heads. */
function tensorParallelChoices(request: ThroughputRequest): number[] {
  const { tensorParallel } = request.memory;
  // A degree the user fixed applies only where it divides the GPUs (plan and --deadline try counts).
  // Tensor parallelism runs on the node's own fabric: a degree larger than a node is no setting.
  if (tensorParallel !== "auto")
    return request.gpuCount % tensorParallel === 0 && tensorParallel <= request.gpu.node.gpusPerNode
      ? [tensorParallel]
      : [];
  const out: number[] = [];
  for (let t = 1; t <= Math.min(request.gpuCount, request.gpu.node.gpusPerNode, 8); t *= 2)
    if (request.gpuCount % t === 0 && request.arch.heads % t === 0 && request.arch.kvHeads % t === 0) out.push(t);
  return out;
}

/**
 * The steady-state job for one kind of training on this request. A micro-batch, recomputation or
 * tensor-parallel degree of "auto" is what a practitioner tunes to: of the settings that fit memory,
 * the fastest (tensor parallelism 1, 2, 4 or 8 inside a node; recomputation none, selective or full;
 * micro-batch 1, 2, 4, … up to the global batch's share per GPU). When none fits, full recomputation
 * at micro-batch 1 without tensor parallelism, the closest to fitting, and the memory estimate says so.
 */
export function chooseJob(request: ThroughputRequest, training: TrainingKind): ChosenJob {
  // Scratch, DAPT, TAPT and SFT are the same job to the GPUs, and LoRA and QLoRA ask for the full and
  // LoRA jobs too: one request's answers are kept (requests are never changed after they are built).
  let kept = chosenJobs.get(request);
  if (!kept) {
    kept = new Map();
    chosenJobs.set(request, kept);
  }
  let chosen = kept.get(training);
  if (!chosen) {
    chosen = searchJob(request, training);
    kept.set(training, chosen);
  }
  return chosen;
}

type ChosenJob = { job: SteadyJob; settings: ResolvedMemorySettings; fits: boolean };
const chosenJobs = new WeakMap<ThroughputRequest, Map<TrainingKind, ChosenJob>>();

function searchJob(request: ThroughputRequest, training: TrainingKind): ChosenJob {
  // Memory counts the same adapters as the FLOPs (less the new vocabulary rows, which memory counts
  // as trainable rows of their own).
  const settings: MemorySettings = {
    ...request.memory,
    adapterParams: request.adapterParams - (request.addedVocabParams ?? 0),
  };
  const recomputes: Recompute[] = settings.recompute === "auto" ? ["none", "selective", "full"] : [settings.recompute];
  const parallel = tensorParallelChoices(request);
  let best: { settings: ResolvedMemorySettings; job: SteadyJob; speed: number } | undefined;
  for (const tensorParallel of parallel) {
    const shareOfBatch = Math.floor(
      (request.globalBatchTokens * tensorParallel) / (request.gpuCount * settings.seqLen),
    );
    const largest = Math.max(1, Math.min(MAX_AUTO_MICRO_BATCH, shareOfBatch));
    const batches: number[] = [];
    if (settings.microBatch === "auto") for (let b = 1; b <= largest; b *= 2) batches.push(b);
    else batches.push(settings.microBatch);
    for (const recompute of recomputes) {
      const at = (microBatch: number): ResolvedMemorySettings => ({
        ...settings,
        recompute,
        microBatch,
        tensorParallel,
      });
      const fits = (microBatch: number): boolean =>
        fitsMemory(request.arch, request.moe, training, request.gpuCount, request.gpu.memoryGB, at(microBatch));
      const speedAt = (microBatch: number): { job: SteadyJob; speed: number } => {
        const job = jobAt(request, training, at(microBatch));
        return { job, speed: steadyState(job, request.throughput.steadyState).tokensPerSecPerGpu };
      };
      // Memory grows and speed never falls with the micro-batch (the per-layer overhead and the
      // per-micro-batch traffic are spread over more tokens), so: the largest that fits, then the
      // smallest that is as fast (less memory for the same speed).
      const fitting = lastTrue(batches, fits);
      if (fitting < 0) continue;
      const top = speedAt(batches[fitting]!);
      const first = firstTrue(batches.slice(0, fitting + 1), (b) => speedAt(b).speed >= top.speed * (1 - 1e-12));
      const microBatch = batches[first]!;
      const chosen = microBatch === batches[fitting] ? top : speedAt(microBatch);
      if (!best || chosen.speed > best.speed) best = { settings: at(microBatch), job: chosen.job, speed: chosen.speed };
    }
  }
  const chosen: ResolvedMemorySettings = best?.settings ?? {
    ...settings,
    recompute: recomputes[recomputes.length - 1]!,
    microBatch: settings.microBatch === "auto" ? 1 : settings.microBatch,
    tensorParallel: parallel[0] ?? 1,
  };
  return { job: best?.job ?? jobAt(request, training, chosen), settings: chosen, fits: best !== undefined };
}

/** chooseJob with the full memory estimate of the chosen settings (the minimum GPU counts included). */
export function jobFor(request: ThroughputRequest, training: TrainingKind): { job: SteadyJob; memory: MemoryEstimate } {
  // Kept per request like chooseJob's answers: scratch, DAPT, TAPT and SFT share one.
  let kept = estimatedJobs.get(request);
  if (!kept) {
    kept = new Map();
    estimatedJobs.set(request, kept);
  }
  let estimated = kept.get(training);
  if (!estimated) {
    estimated = estimateJob(request, training);
    kept.set(training, estimated);
  }
  return estimated;
}

const estimatedJobs = new WeakMap<ThroughputRequest, Map<TrainingKind, { job: SteadyJob; memory: MemoryEstimate }>>();

function estimateJob(request: ThroughputRequest, training: TrainingKind): { job: SteadyJob; memory: MemoryEstimate } {
  const { job, settings, fits } = chooseJob(request, training);
  const memory = estimateMemory(request.arch, request.moe, training, request.gpuCount, request.gpu.memoryGB, settings);
  return {
    job,
    // Nothing fitted when the search found no setting (a fixed tensor-parallel degree that does not
    // divide the count, say), whatever the fallback setting's own figure.
    memory: fits ? memory : { ...memory, fits: false },
  };
}

/** Steady state (coherent with full training and LoRA), goodput and range for a chosen job. */
function efficiencyOfJob(request: ThroughputRequest, job: SteadyJob): EfficiencyAssumption {
  const perToken = job.modelFlopsPerToken;
  const peakFlops = request.gpu.denseTflops16 * 1e12;
  if (request.tokensPerSecPerGpu !== undefined) {
    // A measured throughput is an efficiency in disguise: tokens/s × FLOPs per token / peak.
    const measuredMfu = (request.tokensPerSecPerGpu * perToken) / peakFlops;
    if (measuredMfu > 1)
      throw invalid(
        "tokensPerSec",
        String(request.tokensPerSecPerGpu),
        msg("reason.tokensPerSecAbovePeak", {
          flopsPerToken: perToken.toExponential(3),
          times: measuredMfu.toFixed(2),
          max: Math.floor(peakFlops / perToken),
        }),
        msg("hint.perNodeOrFp8"),
      );
  }
  const steady = coherentSteadyState(
    job,
    () => chooseJob(request, "full").job,
    () => (job.training === "lora" ? job : chooseJob(request, "lora").job),
    request.throughput.steadyState,
  );
  const user: UserSpeed | undefined =
    request.tokensPerSecPerGpu !== undefined
      ? { kind: "tokens-per-sec", tokensPerSecPerGpu: request.tokensPerSecPerGpu }
      : request.mfu !== undefined
        ? { kind: "mfu", mfu: request.mfu }
        : undefined;
  return efficiencyFor(request.throughput, {
    gpu: request.gpu,
    gpuCount: request.gpuCount,
    tokens: request.tokens,
    modelFlopsPerToken: perToken,
    steady,
    ...(user ? { user } : {}),
  });
}

/** The throughput side of one kind of training: steady state, goodput and memory. */
export function throughputFor(
  request: ThroughputRequest,
  training: TrainingKind,
): { job: SteadyJob; memory: MemoryEstimate; efficiency: EfficiencyAssumption } {
  const { job, memory } = jobFor(request, training);
  return { job, memory, efficiency: efficiencyOfJob(request, job) };
}

/**
 * The expected GPU-hours and days of one kind of training, and whether it fits: the same numbers as
 * estimateStrategy without the memory report's searches, for commands that try many GPU counts (plan).
 */
export function expectedAt(
  request: ThroughputRequest,
  training: TrainingKind,
): { gpuHours: number; wallDays: number; fits: boolean } {
  const { job, fits } = chooseJob(request, training);
  const efficiency = efficiencyOfJob(request, job);
  const gpuHours =
    (job.modelFlopsPerToken * request.tokens) /
    (request.gpu.denseTflops16 * 1e12 * efficiency.wholeRun.expected) /
    SECONDS_PER_HOUR;
  return { gpuHours, wallDays: gpuHours / request.gpuCount / 24, fits };
}

/** Estimates one strategy: FLOPs → throughput → GPU-hours → wall-clock days → dollars → won. Pure arithmetic. */
export function estimateStrategy(request: EstimateRequest, strategy: Strategy): StrategyEstimate {
  const training = strategy.training;
  const { job, memory, efficiency } = throughputFor(request, training);
  const perToken = job.modelFlopsPerToken;
  const flops = perToken * request.tokens;
  const hardwareFlops = (perToken + job.recomputeFlopsPerToken) * request.tokens;
  const peakFlops = request.gpu.denseTflops16 * 1e12;
  // GPU-hours = model FLOPs / (peak × whole-run efficiency): the efficiency already holds the
  // attention, recomputation, communication and goodput losses worked out above.
  const gpuHours = invertRange(efficiency.wholeRun, (e) => flops / (peakFlops * e) / SECONDS_PER_HOUR);
  // GPU-hours already carry every loss we model, so the wall clock is the GPU-hours shared out
  // evenly over the GPUs.
  const wallDays = mapRange(gpuHours, (h) => h / request.gpuCount / 24);
  const price = request.price;
  // The one place a cost is made from a price: every output (and plan's search, through withVat)
  // carries the VAT the same way.
  const costUsd = price === null ? null : mapRange(gpuHours, (h) => withVat(h * price.usdPerGpuHour, request.vat));
  const costKrw = costUsd === null ? null : mapRange(costUsd, (usd) => usd * request.fx.krwPerUsd);
  return {
    strategy: strategy.id,
    name: strategy.name,
    description: strategy.description,
    nameKo: strategy.nameKo,
    descriptionKo: strategy.descriptionKo,
    training,
    flopsPerToken: perToken,
    flops,
    attentionFlopsPerToken: attentionFlopsPerToken(request.arch, job.seqLen),
    recomputeFlopsPerToken: job.recomputeFlopsPerToken,
    hardwareFlops,
    trainableParams: training === "full" ? request.params : request.adapterParams,
    efficiency,
    tokensPerSecPerGpu: efficiency.tokensPerSecPerGpu,
    gpuHours,
    wallDays,
    costUsd,
    costKrw,
    ...estimateEnergy(gpuHours, request.energy),
    memory,
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
    "steady-state tokens/s per GPU = tokens per step / step time; step time = micro-batches x (tokens x hardware FLOPs per token / effective peak + layers x per-layer overhead), overlapped with the data-parallel traffic",
    "hardware FLOPs per token = model FLOPs + attention scores (12 x layers x heads x head dim x sequence length, PaLM) + recomputation (full: one more forward; selective: the attention scores' forward)",
    "effective peak = dense 16-bit peak x matmul efficiency x (peak FLOPs per byte of memory bandwidth / 153)^-balance exponent (x fp8 speed-up, x LoRA / QLoRA factors)",
    "goodput = 1 / ((1 + (GPU-days / K)^p) x (1 + interruptions per GPU-hour x GPUs x hours lost per interruption))",
    "GPU-hours = tokens / steady-state tokens/s per GPU / goodput / 3600 (= model FLOPs / (dense 16-bit peak x whole-run MFU) / 3600)",
    "wall-clock days = GPU-hours / GPU count / 24",
    "cost USD = GPU-hours x USD per GPU-hour (x 1.1 with Korean VAT); cost KRW = cost USD x KRW per USD",
    "energy kWh = GPU-hours x TDP (kW) x PUE; CO2 kg = kWh x grid intensity (kg/kWh)",
  ];
}
