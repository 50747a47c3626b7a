import type { GpuSpec } from "../catalog/schemas.js";
import {
  allGatherSeconds,
  allReduceSeconds,
  BYTES_PER_16BIT_VALUE,
  collectiveLink,
  type Link,
} from "./communication.js";
import { attentionFlopsPerToken, type AttentionShape, type TrainingKind } from "./flops.js";
import { NF4_BYTES_PER_PARAM, QUANT_CONSTANT_BYTES_PER_PARAM, type Recompute } from "./memory.js";

/**
 * Steady-state training throughput per GPU: how fast training steps run, before restarts, evaluation
 * and other whole-run losses (those are goodput, ./goodput.ts). Pure arithmetic, no I/O.
 *
 * One step of one GPU = k micro-batches of m = sequence × micro-batch tokens, then the data-parallel
 * exchange. Each micro-batch costs
 *   compute  = m × hardware FLOPs per token / effective peak  +  layers × per-layer overhead
 * where hardware FLOPs = model FLOPs (6·N, or 4·N + 6·adapters) + attention scores (12·L·H·Q·s, PaLM
 * App. B) + recomputation; and the effective peak is
 *   dense 16-bit peak × E × (R / R₀)^−α  (× the fp8 speed-up, × the LoRA / QLoRA factors)
 * with R = peak FLOPs per byte of memory bandwidth. Each parameter has one physical job:
 * - E: the share of peak that large matmul-dominated training reaches on a GPU balanced like the A100;
 * - α: GPUs with more FLOPs per byte of bandwidth (H100: 295, A100-80GB: 153) lose more time in the
 *   memory-bound work between matmuls (norms, activations, optimizer, attention softmax);
 * - per-layer overhead: fixed time per layer per micro-batch (kernel launches, framework work) that
 *   small micro-batches and small models cannot hide;
 * - fp8 speed-up: fp8 doubles only the matmul peak; measured on same-source bf16/fp8 pairs;
 * - LoRA / QLoRA factors: adapter kernels and 4-bit dequantisation, from measured pairs on one GPU.
 * Communication (./communication.ts) overlaps with compute: ZeRO-3 / FSDP gathers the weights for the
 * forward and the backward of every micro-batch and reduce-scatters the gradients; ZeRO 0–2 all-reduce
 * the gradients once per step, hidden behind the last micro-batch's backward (two thirds of its compute).
 * Tensor parallelism of degree t inside a node (Megatron with sequence parallelism) splits each layer's
 * matmuls over t GPUs and adds, per layer and micro-batch, four all-gathers and four reduce-scatters of
 * the layer's activations (two of each forward, two backward: Korthikanti et al. 2022 §4.2.2), which sit
 * on the critical path; data parallelism then runs over n / t ranks, each holding 1 / t of the weights.
 */

/** The fitted parameters (presets/throughput.json, fitted by src/accuracy/throughput-fitting.ts). */
export interface SteadyStateParams {
  matmulEfficiency: number;
  referenceFlopsPerByte: number;
  balanceExponent: number;
  layerOverheadSeconds: number;
  fp8Speedup: number;
  loraEfficiency: number;
  qloraEfficiency: number;
}

/** One training job as the steady-state model sees it. */
export interface SteadyJob {
  gpu: GpuSpec;
  gpuCount: number;
  shape: AttentionShape;
  training: TrainingKind;
  /** Model FLOPs per token (6·N, or 4·N + 6·adapters): the MFU basis. */
  modelFlopsPerToken: number;
  /** Extra FLOPs per token that recomputation adds. */
  recomputeFlopsPerToken: number;
  /** Every parameter, for the weights ZeRO-3 gathers. */
  totalParams: number;
  /** Parameters with gradients, for the gradient exchange. */
  trainableParams: number;
  seqLen: number;
  microBatch: number;
  recompute: Recompute;
  zero: 0 | 1 | 2 | 3;
  /** Tensor-parallel degree inside a node (1 = none). */
  tensorParallel: number;
  /** Model width, for the activations tensor parallelism exchanges. */
  hidden: number;
  fp8: boolean;
  /** Tokens per optimizer step over all GPUs. */
  globalBatchTokens: number;
}

export interface SteadyState {
  tokensPerSecPerGpu: number;
  /** Model FLOPs delivered / dense 16-bit peak during steps. */
  mfu: number;
  hardwareFlopsPerToken: number;
  microBatchesPerStep: number;
  computeSecondsPerStep: number;
  communicationSecondsPerStep: number;
  /** Seconds per step the communication adds beyond what overlaps with compute. */
  exposedCommunicationSeconds: number;
  link: Link;
}

/** Share of a micro-batch's compute that is backward, behind which a gradient all-reduce can hide. */
const BACKWARD_SHARE = 2 / 3;

/** Peak FLOPs per byte of memory bandwidth; a GPU without a bandwidth figure is taken as balanced like the reference. */
export function flopsPerByte(gpu: GpuSpec, params: SteadyStateParams): number {
  return gpu.bandwidthTBs === null ? params.referenceFlopsPerByte : gpu.denseTflops16 / gpu.bandwidthTBs;
}

/** Effective FLOP/s per GPU for this job's arithmetic. */
export function effectivePeak(job: Pick<SteadyJob, "gpu" | "training" | "fp8">, params: SteadyStateParams): number {
  const balance = (flopsPerByte(job.gpu, params) / params.referenceFlopsPerByte) ** -params.balanceExponent;
  const kind =
    job.training === "full"
      ? 1
      : job.training === "lora"
        ? params.loraEfficiency
        : params.loraEfficiency * params.qloraEfficiency;
  return job.gpu.denseTflops16 * 1e12 * params.matmulEfficiency * balance * (job.fp8 ? params.fp8Speedup : 1) * kind;
}

/** Bytes per weight that ZeRO-3 gathers: 16-bit, or NF4 plus its constants for a QLoRA base. */
function gatheredBytesPerParam(training: TrainingKind): number {
  return training === "qlora" ? NF4_BYTES_PER_PARAM + QUANT_CONSTANT_BYTES_PER_PARAM : BYTES_PER_16BIT_VALUE;
}

/** The steady-state model for one job (see the module comment). */
export function steadyState(job: SteadyJob, params: SteadyStateParams): SteadyState {
  const tokensPerMicroBatch = job.seqLen * job.microBatch;
  const hardwareFlopsPerToken =
    job.modelFlopsPerToken + attentionFlopsPerToken(job.shape, job.seqLen) + job.recomputeFlopsPerToken;
  const t = job.tensorParallel;
  const intraNode = collectiveLink(job.gpu, Math.min(t, job.gpu.node.gpusPerNode));
  // Tensor parallelism: the micro-batch is shared by t GPUs, each doing 1 / t of every matmul.
  const tensorParallelSeconds =
    t > 1
      ? 8 * job.shape.layers * allGatherSeconds(tokensPerMicroBatch * job.hidden * BYTES_PER_16BIT_VALUE, t, intraNode)
      : 0;
  const computePerMicroBatch =
    (tokensPerMicroBatch * hardwareFlopsPerToken) / t / effectivePeak(job, params) +
    job.shape.layers * params.layerOverheadSeconds +
    tensorParallelSeconds;
  // Data parallelism over n / t ranks; at least one micro-batch per step, more when the global batch
  // asks for gradient accumulation.
  const dataRanks = job.gpuCount / t;
  const microBatchesPerStep = Math.max(1, job.globalBatchTokens / (dataRanks * tokensPerMicroBatch));
  const dpLink = collectiveLink(job.gpu, job.gpuCount);
  // Across nodes the t data-parallel groups of a node share its network cards.
  const link = dpLink.kind === "inter-node" ? { ...dpLink, bytesPerSecond: dpLink.bytesPerSecond / t } : dpLink;
  const gradientBytes = (job.trainableParams * BYTES_PER_16BIT_VALUE) / t;
  const computeSecondsPerStep = microBatchesPerStep * computePerMicroBatch;
  let communicationSecondsPerStep: number;
  let stepSeconds: number;
  if (job.zero === 3 && dataRanks > 1) {
    // Weights gathered for the forward and again for the backward; gradients reduce-scattered.
    const weightBytes = (job.totalParams * gatheredBytesPerParam(job.training)) / t;
    const perMicroBatch =
      2 * allGatherSeconds(weightBytes, dataRanks, link) + allGatherSeconds(gradientBytes, dataRanks, link);
    communicationSecondsPerStep = microBatchesPerStep * perMicroBatch;
    stepSeconds = microBatchesPerStep * Math.max(computePerMicroBatch, perMicroBatch);
  } else {
    communicationSecondsPerStep = allReduceSeconds(gradientBytes, dataRanks, link);
    stepSeconds =
      computeSecondsPerStep + Math.max(0, communicationSecondsPerStep - BACKWARD_SHARE * computePerMicroBatch);
  }
  // Each GPU of a tensor-parallel group works on the same tokens: a GPU's share is 1 / t of them.
  const tokensPerSecPerGpu = (microBatchesPerStep * tokensPerMicroBatch) / t / stepSeconds;
  return {
    tokensPerSecPerGpu,
    mfu: (tokensPerSecPerGpu * job.modelFlopsPerToken) / (job.gpu.denseTflops16 * 1e12),
    hardwareFlopsPerToken,
    microBatchesPerStep,
    computeSecondsPerStep,
    communicationSecondsPerStep,
    exposedCommunicationSeconds: stepSeconds - computeSecondsPerStep,
    link,
  };
}
