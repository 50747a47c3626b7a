import { invalid } from "../errors.js";
import { msg, type Subject } from "../i18n/message.js";
import { countParams, linearShapes, type Architecture } from "./architecture.js";
import type { MoeShape } from "../inputs/hf-config.js";
import { own } from "../util/own.js";

/** The linear layers LoRA can adapt, by their LLaMA names. */
export const LORA_TARGETS = ["q", "k", "v", "o", "gate", "up", "down"] as const;
export type LoraTarget = (typeof LORA_TARGETS)[number];

/** Shorthands: attn = the four attention projections; all = every linear layer (QLoRA's default). */
const GROUPS: Record<string, readonly LoraTarget[]> = {
  attn: ["q", "k", "v", "o"],
  mlp: ["gate", "up", "down"],
  all: LORA_TARGETS,
};

/** The default rank: 16 is the common middle of the 8–64 range used in practice (PEFT, axolotl examples). */
export const DEFAULT_LORA_RANK = 16;

/** Parses "q,v", "attn", "all" or "attn,gate" into a list of targets without duplicates. */
export function parseLoraTargets(value: string, flag: Subject | string = "loraTargets"): LoraTarget[] {
  const out = new Set<LoraTarget>();
  for (const raw of value.split(",")) {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/_proj$/, "");
    const group = own(GROUPS, name);
    if (group) group.forEach((t) => out.add(t));
    else if ((LORA_TARGETS as readonly string[]).includes(name)) out.add(name as LoraTarget);
    else throw invalid(flag, value, msg("reason.loraTargets", { choices: LORA_TARGETS }));
  }
  if (out.size === 0) throw invalid(flag, value, msg("reason.loraTargetsEmpty"));
  return [...out];
}

/**
 * Trainable adapter parameters: each adapted d_in × d_out matrix gets A (r × d_in) and B (d_out × r),
 * i.e. r·(d_in + d_out) per layer (Hu et al. 2021). A plain MLP has no gate, so "gate" adds nothing there.
 */
export function adapterParams(arch: Architecture, rank: number, targets: readonly LoraTarget[]): number {
  const shapes = linearShapes(arch);
  let perLayer = 0;
  for (const target of targets) {
    const shape = shapes[target];
    if (shape) perLayer += rank * (shape[0] + shape[1]);
  }
  return perLayer * arch.layers;
}

/**
 * The trainable parameters of a LoRA job as the estimate counts them: the adapters, plus embedding
 * and head rows added to the vocabulary (they start untrained, so they train too). A generic shape
 * (behind a bare --params) can be bigger than a tiny model — its 32k vocabulary alone is 49M
 * parameters — so its adapters scale down with it; LoRA then never costs more than full training.
 */
export function trainableLoraParams(
  arch: Architecture,
  exact: boolean,
  params: number,
  rank: number,
  targets: readonly LoraTarget[],
  addedVocabParams = 0,
  moe?: MoeShape,
): number {
  const scale = exact ? 1 : Math.min(1, params / countParams(arch).total);
  const adapters = moe ? moeAdapterParams(arch, moe, rank, targets) : adapterParams(arch, rank, targets);
  // At least one: an adapter has parameters even on a toy model (and nothing trains on zero).
  return Math.max(1, Math.min(Math.round(adapters * scale) + addedVocabParams, params));
}

/**
 * LoRA adapter parameters of a mixture-of-experts model: the attention adapters of every layer, and
 * in each sparse layer one set of MLP adapters per expert — each expert is its own gate/up/down
 * matrices (PEFT targets them all by name), so 8 experts carry 8 sets; layers outside the sparse
 * block (moeLayers) keep one dense MLP. The router is not adapted. Mixtral 8×7B at r 16, all linear:
 * 32 × (425,984 + 8 × 884,736) = 240,123,904.
 */
export function moeAdapterParams(
  arch: Architecture,
  moe: MoeShape,
  rank: number,
  targets: readonly LoraTarget[],
): number {
  const attention = adapterParams({ ...arch, layers: 1 }, rank, targets.filter(isAttention));
  const mlpTargets = targets.filter((t) => !isAttention(t));
  const expertMlp = (ffn: number): number => adapterParams({ ...arch, ffn, layers: 1 }, rank, mlpTargets);
  const sparseLayers = moe.moeLayers ?? arch.layers;
  const sparseMlp = moe.experts * expertMlp(moe.expertFfn) + moe.sharedExperts * expertMlp(moe.sharedExpertFfn);
  return arch.layers * attention + sparseLayers * sparseMlp + (arch.layers - sparseLayers) * expertMlp(arch.ffn);
}

function isAttention(t: LoraTarget): boolean {
  return t === "q" || t === "k" || t === "v" || t === "o";
}
