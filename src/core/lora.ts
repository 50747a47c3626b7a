import { badValue } from "../errors.js";
import { countParams, linearShapes, type Architecture } from "./architecture.js";
import { own } from "./own.js";

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
export function parseLoraTargets(value: string, flag = "--lora-targets"): LoraTarget[] {
  const out = new Set<LoraTarget>();
  for (const raw of value.split(",")) {
    const name = raw
      .trim()
      .toLowerCase()
      .replace(/_proj$/, "");
    const group = own(GROUPS, name);
    if (group) group.forEach((t) => out.add(t));
    else if ((LORA_TARGETS as readonly string[]).includes(name)) out.add(name as LoraTarget);
    else throw badValue(flag, value, `expected a comma list of ${LORA_TARGETS.join(", ")}, or attn, mlp, all`);
  }
  if (out.size === 0) throw badValue(flag, value, "expected at least one target");
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
): number {
  const scale = exact ? 1 : Math.min(1, params / countParams(arch).total);
  // At least one: an adapter has parameters even on a toy model (and nothing trains on zero).
  return Math.max(1, Math.min(Math.round(adapterParams(arch, rank, targets) * scale) + addedVocabParams, params));
}
