// Per-GPU training memory: model states (weights, gradients, optimizer), activations and overheads.
// Sources and worked 7B numbers: docs/formulas.md §4 (§4.1 bytes/param, §4.2 ZeRO, §4.4
// activations, §4.5 LoRA, §4.6 QLoRA, §4.7 overheads). Pure functions only: no I/O.
//
// Units: bytes. GB = 1e9 bytes everywhere in llm-cost (GiB = 2^30 only where a source says so).
//
// Why this is not one of the 2x-apart peer numbers (the peer survey (shared docs/peers.md) §3): the peers disagree
// because each silently picks a different recipe (12 vs 16 vs 18 B/param), an activation formula
// without FlashAttention or with the wrong recompute case, and an unexplained overhead fudge. Here
// every one of those choices is an explicit, named term below, and presets/finetune-measured.json
// checks the sum against measured peaks (src/accuracy/memory-accuracy.ts), each compared on the
// basis its tool measured (allocated / reserved / whole device).

import { countParams, linearShapes, type Architecture } from "./architecture.js";
import type { TrainingKind } from "./flops.js";
import { adapterParams, type LoraTarget } from "./lora.js";

export const OPTIMIZERS = ["adamw", "adamw-bf16", "adamw-8bit", "adafactor", "sgd"] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** none = keep every activation; selective = recompute the attention core (drops the s² term); full = gradient checkpointing per layer. */
export type Recompute = "none" | "selective" | "full";

export interface MemoryRequest {
  /** exact shape (from a preset or genericArchitecture) */
  arch: Architecture;
  /** full | lora | qlora */
  training: TrainingKind;
  /** data-parallel ranks (no TP/PP modelled) */
  gpuCount: number;
  /** sharding stage; FSDP full shard = 3 */
  zero: 0 | 1 | 2 | 3;
  optimizer: Optimizer;
  seqLen: number;
  microBatch: number;
  /** full = gradient checkpointing */
  recompute: Recompute;
  flashAttention: boolean;
  loraRank: number;
  loraTargets: readonly LoraTarget[];
  /** rows added to the vocabulary whose embedding/head rows train even when the base is frozen (0 if none) */
  trainableVocabRows?: number;
  /**
   * Tensor-parallel degree inside a node (Megatron-style, with sequence parallelism; 1 = none): each
   * layer's weights and activations are split over this many GPUs (Korthikanti et al. 2022, Table 2:
   * activations / t), and data parallelism (and ZeRO) runs over gpuCount / t ranks.
   */
  tensorParallel?: number;
  /**
   * The adapter parameters when the caller knows better than this shape's linears (a mixture of
   * experts: one adapter set per expert; src/model/lora.ts moeAdapterParams). One count everywhere.
   */
  adapterParams?: number;
}

/** Bytes per GPU (GB = 1e9 bytes). total = the sum of the five parts. */
export interface MemoryBreakdown {
  /** model weights as stored on this GPU: 16-bit (full, LoRA base), NF4 + constants (QLoRA base), adapters */
  weights: number;
  /** gradients of the trainable parameters */
  gradients: number;
  /** optimizer states, including the fp32 master copy where the recipe keeps one */
  optimizer: number;
  /** saved activations at the peak (start of backward), incl. logits */
  activations: number;
  /** CUDA context + fragmentation margin on activations + ZeRO-3 all-gather buffers */
  overhead: number;
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Constants. Every one is a named, sourced (or explicitly unsourced) term: no hidden fudge.
// ---------------------------------------------------------------------------------------------

/**
 * CUDA context + kernels + cuBLAS/NCCL workspaces, per GPU: 0.5–2 GiB (docs/formulas.md §4.7)
 * (ml-engineering: 0.47 GiB lazy to 0.92 GiB eager on A100; HF model_memory_anatomy measured
 * 1343 MB on a V100, "1-2GB"). 1.5 GB = HF's measured 1.34 GB rounded up for NCCL communicators
 * on multi-GPU runs, inside that range. torch.cuda.max_memory_allocated / _reserved do not see it;
 * nvidia-smi does.
 */
export const CUDA_CONTEXT_BYTES = 1.5e9;

/**
 * Allocator fragmentation / cache margin on activation and temporary memory (the part that is
 * allocated and freed every step). No primary source gives a percentage; 5–15 % is the usual
 * engineering margin (docs/formulas.md §4.7). We take the middle, 10%, and say so. It is part of what torch reports as reserved, not as allocated.
 */
export const FRAGMENTATION_MARGIN = 0.1;

/**
 * Peak bytes per logit element (s·b·V of them) at the start of backward, for the Hugging Face
 * loss path: the bf16 logits kept as the model output (2) + the fp32 log-softmax saved for the
 * backward of cross-entropy (4: the upcast; stas00/ml-engineering's "a factor of 6 instead of 4"
 * counts these two; docs/formulas.md §4.4) + the fp32 gradient of the logits that backward allocates while that saved tensor is
 * still alive (4). Stacks that fuse or chunk the loss (litgpt chunked CE, Liger/CCE, Megatron's
 * fused vocab-parallel CE) need less; pure-fp16 DeepSpeed runs that skip the upcast need ~6–8.
 */
export const LOGITS_BYTES_PER_ELEMENT = 10;

/** NF4 (QLoRA) stores 4 bits per quantised weight: docs/formulas.md §4.6. */
export const NF4_BYTES_PER_PARAM = 0.5;

/**
 * Quantisation constants with double quantisation: 8-bit absmax per 64-block plus an fp32 constant per
 * 256 of those: 8/64 + 32/(64·256) = 0.127 bit/param (QLoRA §3, bitsandbytes Params4bit blocksize 64;
 * docs/formulas.md §4.6). GPTQ Int4 (group 128, fp16 scales + 4-bit zeros, ~0.16 bit/param) is close enough
 * to reuse the same figure.
 */
export const QUANT_CONSTANT_BYTES_PER_PARAM = (8 / 64 + 32 / (64 * 256)) / 8;

/**
 * Each LoRA-adapted linear keeps its own copy of its input for the gradient of A: the dropout output
 * (2 bytes, 16-bit) plus its 1-byte mask with the usual lora_dropout 0.05–0.1 (qlora.py, litgpt, Qwen),
 * or a cast copy of the input when adapters run in another dtype. Frozen base weights need no saved
 * input, so this is on top of the base activations (docs/formulas.md §4.5: adapters, norms, SiLU and
 * attention still need their inputs).
 */
export const ADAPTER_INPUT_COPY_BYTES = 3;

// ---------------------------------------------------------------------------------------------
// Model states
// ---------------------------------------------------------------------------------------------

/** Optimizer-state bytes per trainable parameter, excluding any fp32 master copy. */
function stateBytes(optimizer: Optimizer): number {
  switch (optimizer) {
    case "adamw":
      return 8; // m and v in fp32 (ZeRO paper K = 12 = these 8 + the 4-byte master copy)
    case "adamw-bf16":
      return 4; // m and v in bf16: torch AdamW keeps states in the parameter dtype
    case "adamw-8bit":
      return 2; // bitsandbytes 8-bit m and v (docs/formulas.md §4.1: optimizer states 2 bytes/param)
    case "adafactor":
      return 0; // factored second moment: O(rows + cols) per matrix, ~0 per parameter; no first moment by default
    case "sgd":
      return 4; // one fp32 momentum buffer
  }
}

/**
 * Full training, unsharded, bytes per parameter (docs/formulas.md §4.1):
 * - adamw = mixed-precision AdamW, 16: bf16 weights 2 + bf16 grads 2 + fp32 master 4 + m 4 + v 4
 *   (ZeRO paper, K = 12). Megatron and DeepSpeed keep fp32 gradients too and count 18 (DeepSpeed's
 *   estimator even 20); HF Transformers docs also say 18. We follow the ZeRO paper's 16.
 * - adamw-bf16 = pure bf16 (HF Trainer on a bf16-loaded model, litgpt bf16-true): 2 + 2 + m,v in bf16 4 = 8.
 * - adamw-8bit = 2 + 2 + fp32 master 4 + 8-bit m,v 2 = 10.
 * - adafactor = 2 + 2 + fp32 master 4 + ~0 factored states = 8. HF's perf_train_gpu_one guide says "slightly more
 *   than 4 bytes" of optimizer memory for Adafactor, which is this 4-byte master plus the O(n+m) factors.
 * - sgd (momentum) = 2 + 2 + fp32 master 4 + momentum 4 = 12 (HF doc 4 B of state; cookbook multiplier 8 incl. the fp32 copy).
 */
export function bytesPerParam(optimizer: Optimizer): { weights: number; gradients: number; optimizer: number } {
  const master = optimizer === "adamw-bf16" ? 0 : 4;
  return { weights: 2, gradients: 2, optimizer: master + stateBytes(optimizer) };
}

/**
 * Bytes per trainable LoRA adapter parameter (docs/formulas.md §4.5, §4.6).
 * LoRA (PEFT): adapters are upcast to fp32 (`autocast_adapter_dtype=True`), so weights 4 + grads 4 +
 * optimizer states (Adam 8) = 16, no separate master copy; pure-bf16 runs (adamw-bf16) keep adapters,
 * grads and states in bf16: 2 + 2 + 4 = 8.
 * QLoRA (qlora.py, the reference recipe): LoRA layers are cast to bf16 with --bf16, so bf16 weights 2 +
 * bf16 grads 2 + 32-bit (paged) Adam states 8 = 12 B/param, as in QLoRA's paged 32-bit AdamW (docs/formulas.md §4.6). This is
 * what lets a 65B QLoRA fit one 48 GB card; PEFT-default fp32 adapters would add 4 B per adapter param.
 */
function adapterBytes(
  training: "lora" | "qlora",
  optimizer: Optimizer,
): { weights: number; gradients: number; optimizer: number } {
  const w = training === "qlora" || optimizer === "adamw-bf16" ? 2 : 4;
  return { weights: w, gradients: w, optimizer: stateBytes(optimizer) };
}

interface States {
  weights: number;
  gradients: number;
  optimizer: number;
}

/**
 * ZeRO over N ranks (docs/formulas.md §4.2): stage 1 shards optimizer states, 2 also gradients, 3 also weights.
 * 16 B recipe, 7B, N = 8: ZeRO-1 2Ψ + 2Ψ + 12Ψ/8 = 37.06 GB, ZeRO-2 2Ψ + 14Ψ/8 = 25.27 GB, ZeRO-3 16Ψ/8 = 13.48 GB.
 */
function shard(s: States, zero: 0 | 1 | 2 | 3, n: number): States {
  return {
    weights: zero >= 3 ? s.weights / n : s.weights,
    gradients: zero >= 2 ? s.gradients / n : s.gradients,
    optimizer: zero >= 1 ? s.optimizer / n : s.optimizer,
  };
}

/** Parameters of all linear matrices inside the decoder layers (what NF4 quantises); biases excluded. */
function quantisedLinearParams(arch: Architecture): number {
  let perLayer = 0;
  for (const [dIn, dOut] of Object.values(linearShapes(arch))) perLayer += dIn * dOut;
  return perLayer * arch.layers;
}

// ---------------------------------------------------------------------------------------------
// Activations (docs/formulas.md §4.4, Korthikanti et al. 2022 generalised to the architecture)
// ---------------------------------------------------------------------------------------------

/**
 * Bytes stored per token per decoder layer in 16-bit, with the s×s attention probabilities NOT kept
 * (FlashAttention or selective recompute). Derivation (docs/formulas.md §4.4, Korthikanti et al. 2022 §4 redone for LLaMA layers):
 * - norms: the input of each norm, 2·h per norm module (LLaMA: 2 norms = 4h);
 * - attention: the q/k/v projection input 2h, Q 2·(a·d_head), K and V 2·(g·d_head) each (GQA: g KV heads),
 *   the output-projection input 2·(a·d_head) (also what the flash kernel keeps as its output): 10h for MHA;
 * - gated MLP: input 2h + gate, up, silu(gate) and their product, 4 × 2f = (2 + 8f/h)·h (LLaMA-7B 23.5h);
 *   plain MLP: input 2h + pre- and post-activation 2 × 2f;
 * - no dropout (LLaMA-family models train without it; the GPT block's masks are Korthikanti's extra 1–2 bytes).
 * LLaMA-7B: 4h + 10h + 23.5h = 37.5h, i.e. 37.5·s·b·h per layer = 0.629 GB at s = 4096, b = 1.
 * LoRA and QLoRA use the same figure (docs/formulas.md §4.5: activations are hardly smaller; frozen
 * linears skip their saved input but norms, SiLU, attention and bitsandbytes' 4-bit matmul keep theirs),
 * plus the adapters' own input copies. Equal activations also keep QLoRA ≤ LoRA for every request.
 */
export function layerActivationBytesPerToken(arch: Architecture): number {
  const q = arch.heads * arch.headDim;
  const kv = arch.kvHeads * arch.headDim;
  const norms = 2 * arch.hidden * arch.normsPerLayer;
  const attention = 2 * arch.hidden + 2 * q + 2 * kv + 2 * kv + 2 * q;
  const mlp = arch.mlp === "gated" ? 2 * arch.hidden + 4 * 2 * arch.ffn : 2 * arch.hidden + 2 * 2 * arch.ffn;
  return norms + attention + mlp;
}

/**
 * Softmax probabilities kept per token per layer when attention is materialised: 2 bytes × a heads × s
 * keys, i.e. 2·a·s²·b per layer (no attention dropout, as in LLaMA; Korthikanti's GPT block has 5·a·s²·b:
 * scores 2 + softmax 2 + dropout mask 1).
 */
function attentionScoreBytesPerToken(arch: Architecture, seqLen: number): number {
  return 2 * arch.heads * seqLen;
}

/** Per-token bytes of the private input copies the adapted linears keep (see ADAPTER_INPUT_COPY_BYTES). */
function adapterCopyBytesPerToken(arch: Architecture, targets: readonly LoraTarget[]): number {
  const shapes = linearShapes(arch);
  let bytes = 0;
  for (const t of new Set(targets)) {
    const shape = shapes[t];
    if (shape) bytes += ADAPTER_INPUT_COPY_BYTES * shape[0];
  }
  return bytes;
}

function activationBytes(req: MemoryRequest): number {
  const { arch, seqLen, microBatch } = req;
  const tokens = seqLen * microBatch;
  const base = layerActivationBytesPerToken(arch);
  const scores = req.flashAttention || req.recompute === "selective" ? 0 : attentionScoreBytesPerToken(arch, seqLen);
  const copies = req.training === "full" ? 0 : adapterCopyBytesPerToken(arch, req.loraTargets);
  const oneLayer = base + scores + copies;
  const layers =
    req.recompute === "full"
      ? // gradient checkpointing keeps each layer's input (2h) and recomputes one layer at a time in backward
        arch.layers * 2 * arch.hidden + oneLayer
      : arch.layers * oneLayer;
  // Outside the layers (Korthikanti §4.3): final-norm input 2h + LM-head input 2h, and the logits.
  const outside = 4 * arch.hidden + LOGITS_BYTES_PER_ELEMENT * arch.vocab;
  return tokens * (layers + outside);
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function checkRequest(req: MemoryRequest): void {
  const positiveInt = (name: string, v: number): void => {
    if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  };
  positiveInt("gpuCount", req.gpuCount);
  const t = req.tensorParallel ?? 1;
  positiveInt("tensorParallel", t);
  if (req.gpuCount % t !== 0) throw new RangeError(`tensorParallel ${t} must divide gpuCount ${req.gpuCount}`);
  positiveInt("seqLen", req.seqLen);
  positiveInt("microBatch", req.microBatch);
  if (![0, 1, 2, 3].includes(req.zero)) throw new RangeError(`zero must be 0, 1, 2 or 3, got ${String(req.zero)}`);
  if (!(OPTIMIZERS as readonly string[]).includes(req.optimizer))
    throw new RangeError(`unknown optimizer ${String(req.optimizer)}`);
  if (req.training !== "full") {
    positiveInt("loraRank", req.loraRank);
    if (req.loraTargets.length === 0) throw new RangeError("LoRA needs at least one target module");
  }
  const rows = req.trainableVocabRows ?? 0;
  if (!Number.isInteger(rows) || rows < 0)
    throw new RangeError(`trainableVocabRows must be a non-negative integer, got ${rows}`);
}

/**
 * ZeRO-3 / FSDP all-gather buffers (part of the overhead, like other communication buffers): the
 * gathered unit plus the prefetched next one, in their stored precision (DeepSpeed estimate_zero3:
 * largest_layer_memory = 4 bytes × largest layer params, i.e. 2 copies × 2 bytes; docs/formulas.md §4.2).
 * The unit is a decoder layer or the (16-bit) embedding matrix, whichever is larger. None on one GPU.
 */
function zero3GatherBytes(req: MemoryRequest, layerBytes: number, embeddingBytes: number): number {
  return req.zero === 3 && req.gpuCount > 1 ? 2 * Math.max(layerBytes, embeddingBytes) : 0;
}

/**
 * Peak memory per GPU (docs/formulas.md §4):
 * states (recipe, ZeRO stage) + activations (recompute, FlashAttention, LoRA input copies, logits)
 * + overhead (CUDA context + fragmentation margin on activations + ZeRO-3 gather buffers).
 */
export function memoryPerGpu(req: MemoryRequest): MemoryBreakdown {
  checkRequest(req);
  const { arch, zero } = req;
  const t = req.tensorParallel ?? 1;
  // Data-parallel ranks; model states are split t ways by tensor parallelism before ZeRO shards them
  // over the ranks, so ZeRO-3 still divides them by gpuCount in total.
  const n = req.gpuCount / t;
  const params = countParams(arch);
  const layerParams = params.attentionPerLayer + params.mlpPerLayer + params.normsPerLayer;
  /** bytes per parameter of a decoder layer as stored (and therefore as all-gathered by ZeRO-3) */
  let layerBytesPerParam = 2;
  let states: States;

  if (req.training === "full") {
    // trainableVocabRows are already inside arch.vocab: every row trains.
    const b = bytesPerParam(req.optimizer);
    states = shard(
      {
        weights: (b.weights * params.total) / t,
        gradients: (b.gradients * params.total) / t,
        optimizer: (b.optimizer * params.total) / t,
      },
      zero,
      n,
    );
  } else {
    // Frozen base (docs/formulas.md §4.5 / §4.6): sharded only by ZeRO-3 / FSDP full shard.
    let frozen: number;
    if (req.training === "lora") {
      frozen = 2 * params.total; // bf16
    } else {
      const quantised = quantisedLinearParams(arch);
      // NF4 linears + double-quant constants; embedding, LM head, norms and biases stay 16-bit
      frozen = quantised * (NF4_BYTES_PER_PARAM + QUANT_CONSTANT_BYTES_PER_PARAM) + 2 * (params.total - quantised);
      layerBytesPerParam = NF4_BYTES_PER_PARAM + QUANT_CONSTANT_BYTES_PER_PARAM;
      // Not counted: the transient bf16 copy of one matrix that bitsandbytes dequantises for each matmul
      // (2 bytes × the largest matrix, 0.09 GB at 7B, 0.47 GB at 70B). It lives and dies inside one op,
      // like other temporaries covered by the allocator margin; counting it as a state would also let
      // QLoRA exceed LoRA when LoRA's bf16 base is sharded over very many ZeRO-3 ranks.
    }
    const a = req.adapterParams ?? adapterParams(arch, req.loraRank, req.loraTargets);
    const ab = adapterBytes(req.training, req.optimizer);
    // New vocabulary rows train like full-training parameters: their 16-bit weights are already in the
    // base; add their gradients and optimizer states (master copy included).
    const vocabParams = (req.trainableVocabRows ?? 0) * arch.hidden * (arch.tiedEmbeddings ? 1 : 2);
    const vb = bytesPerParam(req.optimizer);
    const trainable = shard(
      {
        weights: (a * ab.weights) / t,
        gradients: (a * ab.gradients + vocabParams * vb.gradients) / t,
        optimizer: (a * ab.optimizer + vocabParams * vb.optimizer) / t,
      },
      zero,
      n,
    );
    states = {
      weights: (zero >= 3 ? frozen / t / n : frozen / t) + trainable.weights,
      gradients: trainable.gradients,
      optimizer: trainable.optimizer,
    };
  }

  const activations = activationBytes(req) / t;
  const overhead =
    CUDA_CONTEXT_BYTES +
    FRAGMENTATION_MARGIN * activations +
    zero3GatherBytes({ ...req, gpuCount: n }, (layerParams * layerBytesPerParam) / t, (2 * params.embedding) / t);
  const total = states.weights + states.gradients + states.optimizer + activations + overhead;
  return { ...states, activations, overhead, total };
}

/** Smallest data-parallel GPU count whose per-GPU total fits gpuMemoryBytes; null if none ≤ maxGpus. */
export function minGpusToFit(
  req: Omit<MemoryRequest, "gpuCount">,
  gpuMemoryBytes: number,
  maxGpus = 4096,
): number | null {
  if (!(gpuMemoryBytes > 0)) throw new RangeError(`GPU memory must be positive, got ${gpuMemoryBytes}`);
  if (!Number.isInteger(maxGpus) || maxGpus < 1)
    throw new RangeError(`maxGpus must be a positive integer, got ${maxGpus}`);
  return smallestCount(
    (n) => memoryPerGpu({ ...req, gpuCount: n }).total <= gpuMemoryBytes,
    req.zero === 0 ? 1 : maxGpus,
  );
}

/**
 * The smallest n in 1..max with fits(n), searching by halves. One GPU is tried alone: from two
 * GPUs on, sharding only divides states while buffers and activations stay the same, so the
 * per-GPU memory never rises with n and a binary search finds the first fit (12 tries, not 4,096).
 */
export function smallestCount(fits: (n: number) => boolean, max: number): number | null {
  if (fits(1)) return 1;
  if (max < 2 || !fits(max)) return null;
  let [low, high] = [2, max];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}
