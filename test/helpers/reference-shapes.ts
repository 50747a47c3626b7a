import type { Architecture } from "../../src/model/architecture.js";

/**
 * The reference model of the research notes (docs/formulas.md §1): LLaMA-7B / Llama 2 7B — 32 layers,
 * hidden 4096, 32 heads (MHA), SwiGLU FFN 11008, vocabulary 32000, untied head, RMSNorm, RoPE.
 */
export const LLAMA_7B: Architecture = {
  layers: 32,
  hidden: 4096,
  heads: 32,
  kvHeads: 32,
  headDim: 128,
  ffn: 11008,
  mlp: "gated",
  vocab: 32000,
  tiedEmbeddings: false,
  norm: "rmsnorm",
  normsPerLayer: 2,
  attnBias: "none",
  mlpBias: false,
  positionEmbeddings: 0,
};
