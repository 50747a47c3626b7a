// Training configs of axolotl, LLaMA-Factory and torchtune → llm-cost options.
// Pure: takes the parsed YAML object and the file name used in error messages.
//
// Defaults filled in for absent fields are each trainer's own (axolotl's pydantic schema,
// LLaMA-Factory's argument dataclasses plus Hugging Face TrainingArguments, torchtune's recipes),
// and every one of them is listed in `assumed` so the output can say what was not in the file.

import { z } from "zod";
import { jsonPath } from "../catalog/zod-error.js";
import { usage } from "../errors.js";
import { shown } from "../util/shown.js";
import { quoted } from "../i18n/message.js";

/** Names from the file as a note lists them: a few, each cut short and with control characters visible. */
const shownList = (names: readonly string[]): string =>
  names
    .slice(0, 8)
    .map((n) => shown(n, 40))
    .join(", ") + (names.length > 8 ? `, and ${names.length - 8} more` : "");
import type { LoraTarget } from "../model/lora.js";
import { own } from "../util/own.js";

/** The trainers whose configs llm-cost reads. */
export type Trainer = "axolotl" | "llama-factory" | "torchtune";
/** Optimizers llm-cost tells apart (they differ in optimizer-state memory). */
export type TrainerOptimizer = "adamw" | "adamw-bf16" | "adamw-8bit" | "adafactor" | "sgd";

/** What a training config says, in llm-cost's terms, and which of its fields that came from. */
export interface TrainerOptions {
  trainer: Trainer;
  /** hub id or torchtune component name as written */
  model?: string;
  strategy?: "sft" | "lora" | "qlora";
  loraRank?: number;
  /** mapped to llm-cost names q, k, v, o, gate, up, down */
  loraTargets?: LoraTarget[];
  seqLen?: number;
  microBatch?: number;
  gradAccum?: number;
  epochs?: number;
  /** gradient (activation) checkpointing */
  recompute?: "none" | "full";
  /** ZeRO stage, from the DeepSpeed config's file name (zero3 → 3) or the FSDP sharding (full shard → 3) */
  zero?: 0 | 1 | 2 | 3;
  optimizer?: TrainerOptimizer;
  /** fields read from the file (dotted YAML paths) */
  used: string[];
  /** fields present in the file that llm-cost does not model */
  ignored: string[];
  /** fields absent from the file whose trainer default was filled in */
  assumed: string[];
  /** one sentence per assumption or approximation, for the output */
  notes: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
// YAML's empty value (`key:`) parses to null; trainers treat it as "not set", and so do we.
const present = (v: unknown): boolean => v !== undefined && v !== null;

/** Which trainer wrote this parsed YAML, from keys only that trainer uses; undefined when none fits. */
export function detectTrainer(obj: unknown): Trainer | undefined {
  if (!isObj(obj)) return undefined;
  // torchtune configs instantiate components: `model: {_component_: torchtune.models…}`.
  const model = obj["model"];
  if (isObj(model) && typeof model["_component_"] === "string") return "torchtune";
  if (Object.hasOwn(obj, "model_name_or_path") || Object.hasOwn(obj, "finetuning_type")) return "llama-factory";
  if (["base_model", "adapter", "micro_batch_size", "sequence_len"].some((key) => Object.hasOwn(obj, key)))
    return "axolotl";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Validation: the types of the fields we read. Other keys pass through untouched.

const num = () => z.number({ error: "expected a number" });
const posInt = () =>
  num().int({ error: "expected a positive integer" }).positive({ error: "expected a positive integer" });
const posNum = () => num().positive({ error: "expected a positive number" });
const bool = () => z.boolean({ error: "expected true or false" });
const str = () => z.string({ error: "expected a string" });
const strOrList = () => z.union([str(), z.array(str())], { error: "expected a string or a list of strings" });
const mapping = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape, { error: "expected a mapping" });
// DeepSpeed is usually a path to its JSON file; an inline mapping may carry zero_optimization.stage.
const deepspeed = () =>
  z.union(
    [
      str(),
      mapping({
        zero_optimization: mapping({
          stage: num()
            .int({ error: "expected 0, 1, 2 or 3" })
            .min(0, { error: "expected 0, 1, 2 or 3" })
            .max(3, { error: "expected 0, 1, 2 or 3" })
            .nullish(),
        }).nullish(),
      }),
    ],
    {
      error: "expected a path to a DeepSpeed config or a mapping",
    },
  );
const fsdp = () =>
  z.union([str(), z.array(str()), bool()], { error: "expected a string, a list of strings or true/false" });

const AxolotlSchema = z.looseObject({
  base_model: str().nullish(),
  adapter: str().nullish(),
  load_in_4bit: bool().nullish(),
  load_in_8bit: bool().nullish(),
  lora_r: posInt().nullish(),
  lora_target_modules: strOrList().nullish(),
  lora_target_linear: bool().nullish(),
  sequence_len: posInt().nullish(),
  micro_batch_size: posInt().nullish(),
  gradient_accumulation_steps: posInt().nullish(),
  num_epochs: posNum().nullish(),
  gradient_checkpointing: z
    .union([bool(), z.enum(["unsloth", "offload"])], { error: 'expected true, false, "unsloth" or "offload"' })
    .nullish(),
  deepspeed: deepspeed().nullish(),
  fsdp: fsdp().nullish(),
  fsdp_version: posInt().nullish(),
  fsdp_config: mapping({
    fsdp_sharding_strategy: str().nullish(),
    sharding_strategy: str().nullish(),
    reshard_after_forward: bool().nullish(),
    fsdp_reshard_after_forward: bool().nullish(),
  }).nullish(),
  optimizer: str().nullish(),
});

const LlamaFactorySchema = z.looseObject({
  model_name_or_path: str().nullish(),
  stage: str().nullish(),
  finetuning_type: z
    .enum(["full", "lora", "freeze", "oft"], { error: "expected one of full, lora, freeze, oft" })
    .nullish(),
  lora_rank: posInt().nullish(),
  lora_target: strOrList().nullish(),
  quantization_bit: posInt().nullish(),
  cutoff_len: posInt().nullish(),
  per_device_train_batch_size: posInt().nullish(),
  gradient_accumulation_steps: posInt().nullish(),
  num_train_epochs: posNum().nullish(),
  disable_gradient_checkpointing: bool().nullish(),
  deepspeed: deepspeed().nullish(),
  fsdp: fsdp().nullish(),
  optim: str().nullish(),
});

const TorchtuneSchema = z.looseObject({
  model: mapping({
    _component_: str(),
    lora_rank: posInt().nullish(),
    lora_attn_modules: z.array(str(), { error: "expected a list of strings" }).nullish(),
    apply_lora_to_mlp: bool().nullish(),
    apply_lora_to_output: bool().nullish(),
    quantize_base: bool().nullish(),
  }),
  tokenizer: mapping({ max_seq_len: posInt().nullish() }).nullish(),
  batch_size: posInt().nullish(),
  gradient_accumulation_steps: posInt().nullish(),
  epochs: posInt().nullish(),
  enable_activation_checkpointing: bool().nullish(),
  optimizer: mapping({ _component_: str().nullish() }).nullish(),
  fsdp_cpu_offload: bool().nullish(),
  fsdp_reshard_after_forward: bool().nullish(),
  fsdp_sharding_strategy: str().nullish(),
});

/** Throws the first schema problem as one line naming the file and the YAML path. */
function validate(schema: z.ZodType, obj: Obj, file: string): void {
  const result = schema.safeParse(obj);
  if (result.success) return;
  const issue = result.error.issues[0];
  throw issue
    ? usage("file.invalidAt", { file: quoted(file), path: jsonPath(issue.path), detail: issue.message })
    : usage("file.invalid", { file: quoted(file) });
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping of used / assumed / ignored fields.

/** Ignored fields listed by name; a file with more (60,000 keys, say) gets a count for the rest. */
const MAX_IGNORED_LISTED = 50;

class Fields {
  readonly used = new Set<string>();
  readonly assumed: string[] = [];
  readonly notes: string[] = [];

  constructor(private readonly root: Obj) {}

  /** The value at a dotted path, or undefined when absent or null; marks the path used when present. */
  get(path: string): unknown {
    let value: unknown = this.root;
    for (const key of path.split(".")) value = isObj(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    if (!present(value)) return undefined;
    this.used.add(path);
    return value;
  }

  /** The value at `path`, or the trainer's default (recorded as assumed, with why) when absent. */
  getOr<T>(path: string, fallback: T, why: string): T {
    const value = this.get(path);
    if (value !== undefined) return value as T;
    this.assume(path, why);
    return fallback;
  }

  /** Whether a value is present at `path`, without marking it used (for mappings only partly read). */
  has(path: string): boolean {
    let value: unknown = this.root;
    for (const key of path.split(".")) value = isObj(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    return present(value);
  }

  assume(path: string, why: string): void {
    this.assumed.push(path);
    this.notes.push(`${path}: ${why}`);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** Present fields not read: whole top-level keys, or the unread keys inside a mapping that was partly read. */
  ignored(): string[] {
    const out: string[] = [];
    const walk = (obj: Obj, prefix: string): void => {
      for (const [key, value] of Object.entries(obj)) {
        if (!present(value)) continue;
        const path = prefix + key;
        if (this.used.has(path)) continue;
        const partlyRead = [...this.used].some((u) => u.startsWith(`${path}.`));
        if (partlyRead && isObj(value)) walk(value, `${path}.`);
        else out.push(path);
      }
    };
    walk(this.root, "");
    // Key names from the file, as the output lists them: visible, short, and not tens of thousands.
    const listed = out.slice(0, MAX_IGNORED_LISTED).map((path) => shown(path, 60));
    if (out.length > MAX_IGNORED_LISTED) listed.push(`... and ${out.length - MAX_IGNORED_LISTED} more`);
    return listed;
  }

  result(
    trainer: Trainer,
    options: Omit<TrainerOptions, "trainer" | "used" | "ignored" | "assumed" | "notes">,
  ): TrainerOptions {
    // Drop undefined values so callers and tests see only what was determined.
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    return {
      trainer,
      ...defined,
      used: [...this.used],
      ignored: this.ignored(),
      assumed: this.assumed,
      notes: this.notes,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Shared mappings.

const ALL_TARGETS: LoraTarget[] = ["q", "k", "v", "o", "gate", "up", "down"];

/**
 * Module names as PEFT and the trainers write them → llm-cost targets. Fused modules map to
 * every projection they hold (Phi-3's qkv_proj, gate_up_proj); Mixtral experts and torchtune's
 * MLP use w1 (gate), w3 (up), w2 (down); torchtune calls the attention output output_proj.
 */
const MODULE_TARGETS: Record<string, LoraTarget[]> = {
  q_proj: ["q"],
  k_proj: ["k"],
  v_proj: ["v"],
  o_proj: ["o"],
  output_proj: ["o"],
  gate_proj: ["gate"],
  up_proj: ["up"],
  down_proj: ["down"],
  qkv_proj: ["q", "k", "v"],
  query_key_value: ["q", "k", "v"],
  gate_up_proj: ["gate", "up"],
  w1: ["gate"],
  w3: ["up"],
  w2: ["down"],
};

/** Maps module names to llm-cost targets in canonical order; unknown names are noted, not fatal. */
function mapTargets(names: readonly string[], fields: Fields, path: string): LoraTarget[] | undefined {
  const out = new Set<LoraTarget>();
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === "") continue;
    if (name === "all" || name === "all-linear" || name === "all_linear") ALL_TARGETS.forEach((t) => out.add(t));
    else if (own(MODULE_TARGETS, name)) own(MODULE_TARGETS, name)!.forEach((t) => out.add(t));
    else unknown.push(name);
  }
  if (unknown.length > 0)
    fields.note(`${path}: ${shownList(unknown)} not modelled (llm-cost sizes adapters on q, k, v, o, gate, up, down)`);
  return out.size > 0 ? ALL_TARGETS.filter((t) => out.has(t)) : undefined;
}

/** Hugging Face TrainingArguments `optim` names (also axolotl's `optimizer`) → llm-cost optimizers. */
const HF_OPTIMIZERS: Record<string, TrainerOptimizer> = {
  adamw_torch: "adamw",
  adamw_torch_fused: "adamw",
  adamw_hf: "adamw",
  adamw_apex_fused: "adamw",
  adamw_torch_xla: "adamw",
  adamw_torch_npu_fused: "adamw",
  // "paged" moves states to CPU under memory pressure; their size is that of 32-bit AdamW.
  paged_adamw_32bit: "adamw",
  adamw_bnb_8bit: "adamw-8bit",
  adamw_8bit: "adamw-8bit",
  paged_adamw_8bit: "adamw-8bit",
  ao_adamw_8bit: "adamw-8bit",
  // torch-optimi keeps optimizer states in the parameters' dtype, bf16 for a bf16 model.
  optimi_adamw: "adamw-bf16",
  adafactor: "adafactor",
  sgd: "sgd",
};

/** torchtune optimizer classes (the last part of `optimizer._component_`) → llm-cost optimizers. */
const TORCH_OPTIMIZERS: Record<string, TrainerOptimizer> = {
  AdamW: "adamw",
  Adam: "adamw",
  PagedAdamW: "adamw",
  PagedAdamW32bit: "adamw",
  AdamW8bit: "adamw-8bit",
  PagedAdamW8bit: "adamw-8bit",
  SGD: "sgd",
  Adafactor: "adafactor",
};

function mapOptimizer(
  name: string,
  table: Record<string, TrainerOptimizer>,
  fields: Fields,
  path: string,
): TrainerOptimizer | undefined {
  const found = own(table, name);
  if (!found)
    fields.note(`${path}: ${shown(name)} has no llm-cost equivalent; the estimate uses its default optimizer`);
  return found;
}

/** ZeRO stage from a DeepSpeed config: its file name (ds_z3_config.json, zero2.json) or an inline stage. */
function zeroFromDeepspeed(value: unknown, fields: Fields, path: string): 0 | 1 | 2 | 3 | undefined {
  if (isObj(value)) {
    const stage = isObj(value["zero_optimization"]) ? value["zero_optimization"]["stage"] : undefined;
    if (typeof stage === "number") return stage as 0 | 1 | 2 | 3;
    fields.note(`${path}: no zero_optimization.stage; ZeRO stage unknown`);
    return undefined;
  }
  const name = String(value).split(/[\\/]/).pop() ?? "";
  // The stage is not read from the file itself (llm-cost reads one file); the conventional names
  // of axolotl (zero1.json … zero3_bf16.json) and LLaMA-Factory (ds_z0_config.json …) carry it.
  const match = /(?:^|[^a-z0-9])(?:z|zero|stage)[_-]?(?:stage)?[_-]?([0-3])(?![0-9])/i.exec(name);
  if (!match) {
    fields.note(`${path}: cannot tell the ZeRO stage from the name "${shown(name)}"`);
    return undefined;
  }
  return Number(match[1]) as 0 | 1 | 2 | 3;
}

/** ZeRO-equivalent stage of an FSDP sharding strategy name (FULL_SHARD, shard_grad_op, …). */
function zeroFromSharding(name: string): 0 | 2 | 3 | undefined {
  const n = name.toLowerCase();
  // HYBRID_SHARD shards fully inside a node; its _ZERO2 variant keeps parameters whole.
  if (n.includes("zero2") || n === "shard_grad_op") return 2;
  if (n === "full_shard" || n === "hybrid_shard") return 3;
  if (n === "no_shard") return 0;
  return undefined;
}

/** ZeRO-equivalent stage of HF/axolotl `fsdp` (a list or space-separated words such as "full_shard auto_wrap"). */
function zeroFromFsdpList(value: unknown): 0 | 2 | 3 | undefined {
  if (value === true) return 3; // TrainingArguments: fsdp=True means full_shard
  if (value === false) return undefined;
  const words = Array.isArray(value) ? value.map(String) : String(value).split(/\s+/);
  for (const word of words) {
    const stage = zeroFromSharding(word);
    if (stage !== undefined) return stage;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Trainers.

function axolotl(obj: Obj, file: string): TrainerOptions {
  validate(AxolotlSchema, obj, file);
  const f = new Fields(obj);
  const model = f.get("base_model") as string | undefined;
  if (model === undefined) f.note("base_model: absent; no model named");

  let strategy: TrainerOptions["strategy"];
  const adapter = f.get("adapter") as string | undefined;
  const in4 = f.get("load_in_4bit") === true;
  const in8 = f.get("load_in_8bit") === true;
  if (adapter === undefined) {
    strategy = "sft";
    f.assume("adapter", "absent: full fine-tuning (sft)");
  } else if (adapter === "qlora" || (adapter === "lora" && in4)) {
    strategy = "qlora";
  } else if (adapter === "lora" && in8) {
    strategy = "qlora";
    f.note("load_in_8bit with adapter lora: an 8-bit frozen base, modelled as qlora (quantised base)");
  } else if (adapter === "lora") {
    strategy = "lora";
  } else {
    // Another PEFT adapter (ia3, prefix tuning…) also trains a little on a frozen base: the nearest
    // strategy llm-cost models is LoRA, rather than pricing every strategy including from scratch.
    strategy = "lora";
    f.note(`adapter: ${shown(adapter)} is not modelled; priced as lora (a frozen base with small adapters)`);
  }

  let loraRank: number | undefined;
  let loraTargets: LoraTarget[] | undefined;
  if (strategy === "lora" || strategy === "qlora") {
    loraRank = f.get("lora_r") as number | undefined;
    if (f.get("lora_target_linear") === true) loraTargets = [...ALL_TARGETS];
    else {
      const modules = f.get("lora_target_modules") as string | string[] | undefined;
      // A string is one module name or, in newer axolotl, a regular expression over module names.
      if (typeof modules === "string" && !/^\w+$/.test(modules)) {
        f.note("lora_target_modules: a regular expression is not expanded; targets left to the default");
      } else if (modules !== undefined) {
        loraTargets = mapTargets(typeof modules === "string" ? [modules] : modules, f, "lora_target_modules");
      }
    }
  }

  const seqLen = f.getOr("sequence_len", 512, "absent: axolotl default 512");
  const microBatch = f.getOr("micro_batch_size", 1, "absent: axolotl default 1");
  const gradAccum = f.getOr("gradient_accumulation_steps", 1, "absent: axolotl default 1");
  const epochs = f.getOr("num_epochs", 1, "absent: axolotl default 1");
  // "unsloth" and "offload" are checkpointing variants (activations offloaded to CPU).
  const gc = f.getOr<boolean | string>("gradient_checkpointing", false, "absent: axolotl default false");
  const recompute = gc === false ? "none" : "full";

  let zero: TrainerOptions["zero"];
  const ds = f.get("deepspeed");
  const fsdpList = f.get("fsdp");
  const fsdpOn = (fsdpList !== undefined && fsdpList !== false) || f.has("fsdp_config");
  if (ds !== undefined) {
    zero = zeroFromDeepspeed(ds, f, "deepspeed");
    if (fsdpOn) f.note("deepspeed and fsdp both set: the DeepSpeed stage is used");
  } else if (fsdpOn) {
    const version = f.get("fsdp_version") ?? f.get("fsdp_config.fsdp_version");
    if (version === 2) {
      // FSDP2 reshards parameters after forward by default (ZeRO-3); without it, ZeRO-2.
      const reshard = (f.get("fsdp_config.reshard_after_forward") ?? f.get("fsdp_config.fsdp_reshard_after_forward")) as
        | boolean
        | undefined;
      zero = reshard === false ? 2 : 3;
    } else {
      const strategyName = (f.get("fsdp_config.fsdp_sharding_strategy") ?? f.get("fsdp_config.sharding_strategy")) as
        | string
        | undefined;
      zero =
        strategyName !== undefined
          ? zeroFromSharding(strategyName)
          : fsdpList !== undefined
            ? zeroFromFsdpList(fsdpList)
            : 3;
    }
  }

  const optName = f.getOr("optimizer", "adamw_torch_fused", "absent: axolotl default adamw_torch_fused");
  const optimizer = mapOptimizer(optName, HF_OPTIMIZERS, f, "optimizer");

  return f.result("axolotl", {
    model,
    strategy,
    loraRank,
    loraTargets,
    seqLen,
    microBatch,
    gradAccum,
    epochs,
    recompute,
    zero,
    optimizer,
  });
}

function llamaFactory(obj: Obj, file: string): TrainerOptions {
  validate(LlamaFactorySchema, obj, file);
  const f = new Fields(obj);
  const model = f.get("model_name_or_path") as string | undefined;
  if (model === undefined) f.note("model_name_or_path: absent; no model named");

  const stage = f.get("stage") as string | undefined;
  if (stage !== undefined && stage !== "sft" && stage !== "pt") {
    f.note(
      `stage: ${shown(stage)} adds reference/reward model passes that llm-cost does not model; priced as supervised training`,
    );
  }

  const type = f.getOr<string>("finetuning_type", "lora", "absent: LLaMA-Factory default lora");
  const bits = f.get("quantization_bit") as number | undefined;
  let strategy: TrainerOptions["strategy"];
  if (type === "full") strategy = "sft";
  else if (type === "freeze") {
    strategy = "sft";
    // Freeze tuning trains only some layers; listed as an assumption because the cost is not modelled.
    f.assume(
      "finetuning_type",
      "freeze (partial-parameter) tuning is not modelled; treated as sft (full fine-tuning), an upper bound",
    );
  } else {
    if (type === "oft") f.assume("finetuning_type", "oft adapters are not modelled; treated as LoRA");
    strategy = bits === undefined ? "lora" : "qlora";
    if (bits !== undefined && bits > 4)
      f.note(`quantization_bit: ${bits}-bit frozen base modelled as qlora (quantised base)`);
  }

  let loraRank: number | undefined;
  let loraTargets: LoraTarget[] | undefined;
  if (strategy === "lora" || strategy === "qlora") {
    loraRank = f.getOr("lora_rank", 8, "absent: LLaMA-Factory default 8");
    const target = f.getOr<string | string[]>("lora_target", "all", "absent: LLaMA-Factory default all");
    loraTargets = mapTargets(Array.isArray(target) ? target : target.split(","), f, "lora_target");
  }

  const seqLen = f.getOr("cutoff_len", 2048, "absent: LLaMA-Factory default 2048");
  const microBatch = f.getOr("per_device_train_batch_size", 8, "absent: Hugging Face TrainingArguments default 8");
  const gradAccum = f.getOr("gradient_accumulation_steps", 1, "absent: Hugging Face TrainingArguments default 1");
  const epochs = f.getOr("num_train_epochs", 3, "absent: Hugging Face TrainingArguments default 3");
  // LLaMA-Factory turns gradient checkpointing on unless told not to.
  const noGc = f.getOr(
    "disable_gradient_checkpointing",
    false,
    "absent: LLaMA-Factory enables gradient checkpointing by default",
  );
  const recompute = noGc ? "none" : "full";

  let zero: TrainerOptions["zero"];
  const ds = f.get("deepspeed");
  const fsdpValue = f.get("fsdp");
  if (ds !== undefined) zero = zeroFromDeepspeed(ds, f, "deepspeed");
  else if (fsdpValue !== undefined) zero = zeroFromFsdpList(fsdpValue);

  const optName = f.getOr("optim", "adamw_torch", "absent: Hugging Face TrainingArguments default adamw_torch");
  const optimizer = mapOptimizer(optName, HF_OPTIMIZERS, f, "optim");

  return f.result("llama-factory", {
    model,
    strategy,
    loraRank,
    loraTargets,
    seqLen,
    microBatch,
    gradAccum,
    epochs,
    recompute,
    zero,
    optimizer,
  });
}

function torchtune(obj: Obj, file: string): TrainerOptions {
  validate(TorchtuneSchema, obj, file);
  const f = new Fields(obj);
  const model = f.get("model._component_") as string;
  // Builders are named full_…/model_…, lora_<model> and qlora_<model> (e.g. qlora_llama3_1_8b).
  const builder = model.split(".").pop() ?? model;
  let strategy: TrainerOptions["strategy"] = builder.startsWith("qlora_")
    ? "qlora"
    : builder.startsWith("lora_")
      ? "lora"
      : "sft";
  // A lora_ builder with quantize_base: True is what the qlora_ builders are.
  if (strategy === "lora" && f.get("model.quantize_base") === true) strategy = "qlora";

  let loraRank: number | undefined;
  let loraTargets: LoraTarget[] | undefined;
  if (strategy !== "sft") {
    loraRank = f.get("model.lora_rank") as number | undefined;
    const attn = (f.get("model.lora_attn_modules") as string[] | undefined) ?? [];
    const mlp = f.get("model.apply_lora_to_mlp") === true;
    loraTargets = mapTargets([...attn, ...(mlp ? ["w1", "w2", "w3"] : [])], f, "model.lora_attn_modules");
    if (f.get("model.apply_lora_to_output") === true)
      f.note("model.apply_lora_to_output: the LoRA on the output head is not counted");
  }

  const seqLen = f.get("tokenizer.max_seq_len") as number | undefined;
  if (seqLen === undefined) f.note("tokenizer.max_seq_len: not set (no truncation); give the sequence length yourself");
  const microBatch = f.get("batch_size") as number | undefined;
  const gradAccum = f.get("gradient_accumulation_steps") as number | undefined;
  const epochs = f.get("epochs") as number | undefined;
  const ac = f.getOr("enable_activation_checkpointing", false, "absent: torchtune recipes default false");
  const recompute = ac ? "full" : "none";

  // torchtune's distributed recipes always shard with FSDP2; their fsdp_* keys mark such a config.
  let zero: TrainerOptions["zero"];
  const offload = f.get("fsdp_cpu_offload");
  const reshard = f.get("fsdp_reshard_after_forward") as boolean | undefined;
  const sharding = f.get("fsdp_sharding_strategy") as string | undefined;
  if (sharding !== undefined) zero = zeroFromSharding(sharding);
  else if (reshard !== undefined) zero = reshard ? 3 : 2;
  else if (offload !== undefined) zero = 3;

  let optimizer: TrainerOptimizer | undefined;
  const optComponent = f.get("optimizer._component_") as string | undefined;
  if (optComponent !== undefined)
    optimizer = mapOptimizer(
      optComponent.split(".").pop() ?? optComponent,
      TORCH_OPTIMIZERS,
      f,
      "optimizer._component_",
    );

  return f.result("torchtune", {
    model,
    strategy,
    loraRank,
    loraTargets,
    seqLen,
    microBatch,
    gradAccum,
    epochs,
    recompute,
    zero,
    optimizer,
  });
}

/**
 * Reads a parsed training config (axolotl, LLaMA-Factory or torchtune YAML). Throws a UsageError
 * naming `file` and the YAML path for a field of the wrong type, or when no trainer is recognised.
 */
export function trainerOptions(obj: unknown, file: string): TrainerOptions {
  const trainer = detectTrainer(obj);
  if (!trainer || !isObj(obj)) {
    throw usage("file.notTrainer", { file: quoted(file) });
  }
  if (trainer === "axolotl") return axolotl(obj, file);
  if (trainer === "llama-factory") return llamaFactory(obj, file);
  return torchtune(obj, file);
}
