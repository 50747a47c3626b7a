/**
 * Training FLOPs per token. One multiply-add is 2 FLOPs; every weight matrix runs three GEMMs per
 * training step: forward (2 FLOPs per parameter per token), data gradient (2) and weight gradient (2)
 * — Kaplan et al. 2020 §2.1 and Megatron-LM's FLOP counter. So full training costs 6·N per token.
 *
 * LoRA freezes the base: its weights need no weight gradient, but the data gradient must still flow
 * through every frozen layer back to the first adapter, so the base costs 4·N per token. The adapters
 * are ordinary trainable weights: 6 FLOPs per adapter parameter per token (docs/formulas.md §3.3).
 * QLoRA runs the same matmuls after dequantising the 4-bit weights to bf16, so its FLOPs equal
 * LoRA's; the dequantisation shows up as time (a slowdown factor), not as FLOPs.
 */

export type TrainingKind = "full" | "lora" | "qlora";

/** FLOPs per parameter per token for weights that train (forward + data gradient + weight gradient). */
export const TRAINED_FLOPS_PER_PARAM = 6;
/** FLOPs per parameter per token for frozen weights (forward + data gradient, no weight gradient). */
export const FROZEN_FLOPS_PER_PARAM = 4;

export interface FlopsInput {
  training: TrainingKind;
  /** Parameters that do matmuls per token (the whole model for a dense model). */
  params: number;
  /** LoRA adapter parameters (ignored for full training). */
  adapterParams: number;
  /**
   * Parameters inside `params` that train under LoRA too (embedding and head rows added to the
   * vocabulary): they are counted in adapterParams at 6 FLOPs, so not again as frozen.
   */
  trainedBaseParams?: number;
}

/** Model FLOPs per training token, without recomputation. */
export function flopsPerToken({ training, params, adapterParams, trainedBaseParams = 0 }: FlopsInput): number {
  if (training === "full") return TRAINED_FLOPS_PER_PARAM * params;
  return FROZEN_FLOPS_PER_PARAM * (params - trainedBaseParams) + TRAINED_FLOPS_PER_PARAM * adapterParams;
}

/** The formula behind flopsPerToken, in words, for the JSON's "formulas" block and --explain. */
export function flopsFormula(training: TrainingKind): string {
  return training === "full"
    ? "FLOPs per token = 6 x N (forward 2N + data gradient 2N + weight gradient 2N)"
    : "FLOPs per token = 4 x N + 6 x adapter params (frozen base: forward + data gradient; adapters train)";
}

/** The shape fields the attention FLOPs need (a subset of Architecture). */
export interface AttentionShape {
  layers: number;
  heads: number;
  headDim: number;
}

/**
 * Attention-score FLOPs per training token (PaLM, Chowdhery et al. 2022, App. B): 12·L·H·Q·T —
 * QKᵀ and attention·V over the full T×T matrix, forward plus twice that backward, no causal halving.
 * The throughput model (./throughput.ts) counts their time; MFU stays on the 6·N basis, as is usual.
 */
export function attentionFlopsPerToken(shape: AttentionShape, seqLen: number): number {
  return 12 * shape.layers * shape.heads * shape.headDim * seqLen;
}

/**
 * Extra FLOPs per token that recomputation adds on top of model FLOPs (Korthikanti et al. 2022 §5):
 * full recompute reruns the whole forward (2 per parameter, trained or frozen, plus the attention
 * scores' forward, 4·L·H·Q·T); selective recomputes only the attention core's forward, 4·L·H·Q·T.
 */
export function recomputeFlopsPerToken(
  recompute: "none" | "selective" | "full",
  input: FlopsInput,
  shape: AttentionShape,
  seqLen: number,
): number {
  if (recompute === "full")
    return (
      2 * input.params +
      (input.training === "full" ? 0 : 2 * input.adapterParams) +
      attentionFlopsPerToken(shape, seqLen) / 3
    );
  if (recompute === "selective") return attentionFlopsPerToken(shape, seqLen) / 3;
  return 0;
}
