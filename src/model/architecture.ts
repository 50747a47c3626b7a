// Decoder-only transformer shapes and their exact parameter counts.
// Formulas: docs/formulas.md §1.1 (LLaMA-7B worked numbers in §1.2), generalised for
// GQA, separate head_dim, biases, LayerNorm, plain (2-matrix) MLPs and learned positions.
// Pure functions only: no I/O.

/** "gated" = 3-matrix GLU MLP (SwiGLU/GeGLU: gate, up, down); "plain" = 2-matrix MLP (up, down). */
export type MlpKind = "gated" | "plain";

/** Shape of a decoder-only transformer, as read from a Hugging Face config.json. */
export interface Architecture {
  /** num_hidden_layers */
  layers: number;
  /** hidden_size (d_model) */
  hidden: number;
  /** num_attention_heads (query heads) */
  heads: number;
  /** num_key_value_heads (== heads for MHA, < heads for GQA, 1 for MQA) */
  kvHeads: number;
  /** per-head dimension; usually hidden/heads, but not always (Gemma 2: 256 with hidden 3584) */
  headDim: number;
  /** intermediate_size of the MLP */
  ffn: number;
  mlp: MlpKind;
  /** vocab_size as configured (the embedding matrix rows, padding included) */
  vocab: number;
  /** true when the LM head reuses the input embedding matrix */
  tiedEmbeddings: boolean;
  /** rmsnorm has a weight vector only; layernorm has weight + bias */
  norm: "rmsnorm" | "layernorm";
  /** norm modules per decoder layer (LLaMA 2; Gemma 2 has 4: pre/post attention and pre/post MLP) */
  normsPerLayer: number;
  /** "qkv": bias on q, k, v projections (Qwen2); "all": also on the output projection (GPT-NeoX) */
  attnBias: "none" | "qkv" | "all";
  /** bias on every MLP linear */
  mlpBias: boolean;
  /** rows of a learned absolute position table; 0 for RoPE/ALiBi */
  positionEmbeddings: number;
}

/** Parameter counts by component; per-layer figures are for one decoder layer. */
export interface ParamBreakdown {
  /** input token embedding, vocab × hidden */
  embedding: number;
  /** LM head, vocab × hidden when untied, 0 when tied */
  head: number;
  attentionPerLayer: number;
  mlpPerLayer: number;
  normsPerLayer: number;
  finalNorm: number;
  /** learned absolute position table */
  positionEmbeddings: number;
  /** everything (Chinchilla convention) */
  total: number;
  /**
   * Parameters that take part in a matmul, i.e. that cost FLOPs (torchtitan's
   * "nparams for matmul"): total minus the embedding and position lookups. With tied
   * embeddings the shared matrix is still multiplied by the LM head, so it stays in.
   */
  matmul: number;
  /** Kaplan's N: total minus embedding, head and position embeddings */
  nonEmbedding: number;
}

/** Per-vector size of one norm module: weight, plus bias for LayerNorm. */
function normSize(arch: Architecture): number {
  return arch.norm === "layernorm" ? 2 * arch.hidden : arch.hidden;
}

/** Attention parameters of one layer: Wq, Wk, Wv, Wo plus biases (docs/formulas.md §1.1, with GQA). */
function attentionParams(arch: Architecture): number {
  const q = arch.heads * arch.headDim;
  const kv = arch.kvHeads * arch.headDim;
  let n = arch.hidden * q + 2 * arch.hidden * kv + q * arch.hidden;
  if (arch.attnBias === "qkv" || arch.attnBias === "all") n += q + 2 * kv;
  if (arch.attnBias === "all") n += arch.hidden;
  return n;
}

/** MLP parameters of one layer: 3 matrices when gated, 2 when plain, plus biases. */
function mlpParams(arch: Architecture): number {
  const matrices = arch.mlp === "gated" ? 3 : 2;
  let n = matrices * arch.hidden * arch.ffn;
  // Every matrix that projects to ffn has an ffn-long bias; the down projection has a hidden-long one.
  if (arch.mlpBias) n += (matrices - 1) * arch.ffn + arch.hidden;
  return n;
}

/** Exact parameter count of a decoder-only transformer, broken down by component. */
export function countParams(arch: Architecture): ParamBreakdown {
  const embedding = arch.vocab * arch.hidden;
  const head = arch.tiedEmbeddings ? 0 : embedding;
  const attentionPerLayer = attentionParams(arch);
  const mlpPerLayer = mlpParams(arch);
  const normsPerLayer = arch.normsPerLayer * normSize(arch);
  const finalNorm = normSize(arch);
  const positionEmbeddings = arch.positionEmbeddings * arch.hidden;
  const layersTotal = arch.layers * (attentionPerLayer + mlpPerLayer + normsPerLayer);
  const total = embedding + head + layersTotal + finalNorm + positionEmbeddings;
  // The LM-head matmul always runs over vocab × hidden weights, tied or not.
  const matmul = layersTotal + finalNorm + embedding;
  const nonEmbedding = layersTotal + finalNorm;
  return {
    embedding,
    head,
    attentionPerLayer,
    mlpPerLayer,
    normsPerLayer,
    finalNorm,
    positionEmbeddings,
    total,
    matmul,
    nonEmbedding,
  };
}

/** The same shape with a different vocabulary size (vocabulary expansion, e.g. Llama-2-ko: 32000 → 46336). */
export function withVocab(arch: Architecture, vocab: number): Architecture {
  if (!Number.isInteger(vocab) || vocab <= 0) {
    throw new RangeError(`vocabulary size must be a positive integer, got ${vocab}`);
  }
  return { ...arch, vocab };
}

/**
 * Per-layer linear shapes (for LoRA adapter sizing): name -> [dIn, dOut].
 * Attention: q, k, v, o. MLP: gate, up, down when gated; up, down when plain.
 * These are the logical projections; checkpoints that fuse them (GPT-NeoX query_key_value,
 * Phi-3 qkv_proj / gate_up_proj) hold the same weights in one matrix.
 */
export function linearShapes(arch: Architecture): Record<string, [number, number]> {
  const q = arch.heads * arch.headDim;
  const kv = arch.kvHeads * arch.headDim;
  const shapes: Record<string, [number, number]> = {
    q: [arch.hidden, q],
    k: [arch.hidden, kv],
    v: [arch.hidden, kv],
    o: [q, arch.hidden],
  };
  if (arch.mlp === "gated") shapes["gate"] = [arch.hidden, arch.ffn];
  shapes["up"] = [arch.hidden, arch.ffn];
  shapes["down"] = [arch.ffn, arch.hidden];
  return shapes;
}

/**
 * Widths of common LLaMA-style models with their nominal sizes; genericArchitecture picks one.
 * Sources of the widths: GPT-3 paper Table 2.1 (768, 1024, 12288), Llama 3.2 1B/3B (2048, 3072),
 * LLaMA/Llama 2 7B/13B/70B (4096, 5120, 8192), Llama 3.1 405B (16384), Megatron-LM 1T (25600).
 */
const WIDTH_LADDER: ReadonlyArray<{ nominal: number; hidden: number }> = [
  { nominal: 125e6, hidden: 768 },
  { nominal: 350e6, hidden: 1024 },
  { nominal: 1.2e9, hidden: 2048 },
  { nominal: 3e9, hidden: 3072 },
  { nominal: 7e9, hidden: 4096 },
  { nominal: 13e9, hidden: 5120 },
  { nominal: 70e9, hidden: 8192 },
  { nominal: 175e9, hidden: 12288 },
  { nominal: 405e9, hidden: 16384 },
  { nominal: 1e12, hidden: 25600 },
];

const GENERIC_VOCAB = 32000;
const GENERIC_HEAD_DIM = 128;

/**
 * A LLaMA-like shape of roughly `params` parameters, for when the user gives only --params.
 *
 * Rule: take the hidden width of the ladder rung whose nominal size is nearest to `params` on a
 * log scale; heads = hidden / 128 (MHA, head dim 128); ffn = 8/3 · hidden rounded UP to a multiple
 * of 256 (the LLaMA rule: 4096 → 11008, 5120 → 13824); gated MLP, vocab 32000, untied embeddings,
 * RMSNorm, RoPE. Then the layer count is whatever makes the total closest to `params` (at least 1).
 * The result is within ~10% of `params` from ~100M parameters up; below that the fixed vocabulary
 * dominates and the shape is only indicative.
 */
export function genericArchitecture(params: number): Architecture {
  if (!Number.isFinite(params) || params <= 0) {
    throw new RangeError(`parameter count must be a positive number, got ${params}`);
  }
  let rung = WIDTH_LADDER[0]!;
  for (const candidate of WIDTH_LADDER) {
    if (Math.abs(Math.log(candidate.nominal / params)) < Math.abs(Math.log(rung.nominal / params))) {
      rung = candidate;
    }
  }
  const hidden = rung.hidden;
  const shape: Architecture = {
    layers: 1,
    hidden,
    heads: hidden / GENERIC_HEAD_DIM,
    kvHeads: hidden / GENERIC_HEAD_DIM,
    headDim: GENERIC_HEAD_DIM,
    ffn: Math.ceil((8 * hidden) / 3 / 256) * 256,
    mlp: "gated",
    vocab: GENERIC_VOCAB,
    tiedEmbeddings: false,
    norm: "rmsnorm",
    normsPerLayer: 2,
    attnBias: "none",
    mlpBias: false,
    positionEmbeddings: 0,
  };
  const base = countParams(shape);
  const perLayer = base.attentionPerLayer + base.mlpPerLayer + base.normsPerLayer;
  const fixed = base.total - perLayer; // embedding + head + final norm
  const layers = Math.max(1, Math.round((params - fixed) / perLayer));
  return { ...shape, layers };
}
