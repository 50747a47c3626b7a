import type { Architecture } from "./architecture.js";
import type { TrainingKind } from "./flops.js";
import type { MoeShape } from "../inputs/hf-config.js";
import type { LoraTarget } from "./lora.js";
import {
  memoryPerGpu,
  smallestCount,
  type MemoryBreakdown,
  type MemoryRequest,
  type Optimizer,
  type Recompute,
} from "./memory.js";

/** Training settings that decide memory, as resolved from flags (or their stated defaults). */
export interface MemorySettings {
  seqLen: number;
  /** auto = chosen per strategy with the recomputation: the fastest pair that fits (src/model/estimate.ts). */
  microBatch: number | "auto";
  /** auto = see microBatch. */
  recompute: Recompute | "auto";
  /** Tensor-parallel degree inside a node; auto = see microBatch. */
  tensorParallel: number | "auto";
  zero: 0 | 1 | 2 | 3;
  optimizer: Optimizer;
  flashAttention: boolean;
  loraRank: number;
  loraTargets: readonly LoraTarget[];
  /** Vocabulary rows added to a preset (they train even under LoRA). */
  addedVocabRows: number;
  /**
   * LoRA adapter parameters as the estimate counts them (without new vocabulary rows), so memory
   * and FLOPs use one count; absent, memory counts the shape's linears.
   */
  adapterParams?: number;
}

/** Settings with micro-batch and recomputation decided. */
export type ResolvedMemorySettings = MemorySettings & {
  microBatch: number;
  recompute: Recompute;
  tensorParallel: number;
};

/** Memory per GPU for one strategy, in GB (1e9 bytes), and whether it fits. */
export interface MemoryEstimate {
  /** The recomputation the estimate uses (what "auto" resolved to). */
  recompute: Recompute;
  /** Sequences per GPU per micro-batch (what "auto" resolved to). */
  microBatch: number;
  /** Tensor-parallel degree (what "auto" resolved to). */
  tensorParallel: number;
  perGpuGB: number;
  gpuMemoryGB: number;
  fits: boolean;
  /** Fewest GPUs of this type that fit under the sharding in use (null: none up to 4096). */
  minGpusToFit: number | null;
  /** Fewest GPUs that fit with ZeRO-3 / FSDP full sharding, for the advice line (null: none). */
  minGpusWithZero3: number | null;
  breakdown: { weights: number; gradients: number; optimizer: number; activations: number; overhead: number };
}

const GB = 1e9;

/**
 * The shape whose dense parameter count equals an MoE model's total (all experts' MLPs folded into
 * one wide MLP): weights, gradients and optimizer states scale with every expert.
 */
function totalShape(arch: Architecture, moe: MoeShape): Architecture {
  return { ...arch, ffn: moe.experts * moe.expertFfn + moe.sharedExperts * moe.sharedExpertFfn };
}

/** The shape one token passes through: only the routed and shared experts hold activations. */
function activeShape(arch: Architecture, moe: MoeShape): Architecture {
  return { ...arch, ffn: moe.expertsPerToken * moe.expertFfn + moe.sharedExperts * moe.sharedExpertFfn };
}

function breakdownFor(request: MemoryRequest, moe: MoeShape | undefined): MemoryBreakdown {
  if (!moe) return memoryPerGpu(request);
  const states = memoryPerGpu({ ...request, arch: totalShape(request.arch, moe) });
  const active = memoryPerGpu({ ...request, arch: activeShape(request.arch, moe) });
  // States from every expert; activations (and the margin on them) from the experts a token uses.
  const overhead = states.overhead - 0.1 * states.activations + 0.1 * active.activations;
  const total = states.weights + states.gradients + states.optimizer + active.activations + overhead;
  return { ...states, activations: active.activations, overhead, total };
}

/** Whether the job fits the GPU's memory (the cheap part of estimateMemory, for searching settings). */
export function fitsMemory(
  arch: Architecture,
  moe: MoeShape | undefined,
  training: TrainingKind,
  gpuCount: number,
  gpuMemoryGB: number,
  settings: ResolvedMemorySettings,
): boolean {
  return totalBytes(memoryRequest(arch, training, gpuCount, settings), moe) <= gpuMemoryGB * GB;
}

/**
 * Per-GPU bytes by request: the total does not depend on the GPU type, and plan asks the same
 * question for every type in the catalog, so the answers are kept (a few thousand at most per run).
 */
const totals = new Map<string, number>();
const MAX_KEPT_TOTALS = 20_000;

function totalBytes(request: MemoryRequest, moe: MoeShape | undefined): number {
  const a = request.arch;
  const key = [
    a.layers,
    a.hidden,
    a.heads,
    a.kvHeads,
    a.headDim,
    a.ffn,
    a.mlp,
    a.vocab,
    a.tiedEmbeddings,
    a.norm,
    a.normsPerLayer,
    a.attnBias,
    a.mlpBias,
    a.positionEmbeddings,
    request.training,
    request.gpuCount,
    request.zero,
    request.optimizer,
    request.seqLen,
    request.microBatch,
    request.recompute,
    request.flashAttention,
    request.loraRank,
    request.loraTargets.join("+"),
    request.trainableVocabRows ?? 0,
    request.tensorParallel ?? 1,
    request.adapterParams ?? -1,
    moe
      ? [
          moe.experts,
          moe.expertsPerToken,
          moe.expertFfn,
          moe.sharedExperts,
          moe.sharedExpertFfn,
          moe.moeLayers ?? -1,
        ].join("+")
      : "",
  ].join(",");
  let total = totals.get(key);
  if (total === undefined) {
    if (totals.size >= MAX_KEPT_TOTALS) totals.clear();
    total = breakdownFor(request, moe).total;
    totals.set(key, total);
  }
  return total;
}

function memoryRequest(
  arch: Architecture,
  training: TrainingKind,
  gpuCount: number,
  settings: ResolvedMemorySettings,
): MemoryRequest {
  return {
    arch,
    training,
    gpuCount,
    zero: gpuCount === 1 ? 0 : settings.zero,
    optimizer: settings.optimizer,
    seqLen: settings.seqLen,
    microBatch: settings.microBatch,
    recompute: settings.recompute,
    flashAttention: settings.flashAttention,
    loraRank: settings.loraRank,
    loraTargets: settings.loraTargets,
    trainableVocabRows: settings.addedVocabRows,
    tensorParallel: settings.tensorParallel,
    ...(settings.adapterParams === undefined ? {} : { adapterParams: settings.adapterParams }),
  };
}

/**
 * Memory per GPU for a strategy on a cluster, whether it fits the GPU's memory, and how many GPUs
 * would. The GPU's memory is taken as its marketed size in GB (80 GB = 80e9 bytes), about 7 % below
 * the physical 80 GiB: that gap is the headroom the allocator and framework need.
 */
export function estimateMemory(
  arch: Architecture,
  moe: MoeShape | undefined,
  training: TrainingKind,
  gpuCount: number,
  gpuMemoryGB: number,
  settings: ResolvedMemorySettings,
): MemoryEstimate {
  const request = memoryRequest(arch, training, gpuCount, settings);

  const b = breakdownFor(request, moe);
  const capacity = gpuMemoryGB * GB;
  // The advice counts ("needs ≥ N GPUs") are for data parallelism alone: any count qualifies.
  const { gpuCount: _n, ...withoutCount } = { ...request, tensorParallel: 1 };
  // The same search as minGpusToFit, through the kept totals (commands ask it for many similar jobs).
  const fitsAt = (zero: 0 | 1 | 2 | 3): number | null =>
    smallestCount((n) => totalBytes({ ...withoutCount, zero, gpuCount: n }, moe) <= capacity, zero === 0 ? 1 : 4096);
  return {
    recompute: settings.recompute,
    microBatch: settings.microBatch,
    tensorParallel: settings.tensorParallel,
    perGpuGB: b.total / GB,
    gpuMemoryGB,
    fits: b.total <= capacity,
    minGpusToFit: fitsAt(request.zero),
    minGpusWithZero3: fitsAt(3),
    breakdown: {
      weights: b.weights / GB,
      gradients: b.gradients / GB,
      optimizer: b.optimizer / GB,
      activations: b.activations / GB,
      overhead: b.overhead / GB,
    },
  };
}
