import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseModelCatalog } from "../src/catalog/model-schema.js";
import { parseYaml, readYamlFile } from "../src/inputs/read-yaml-file.js";
import { mapHubModelToPreset } from "../src/inputs/hub-model.js";
import { detectTrainer, trainerOptions, type TrainerOptions } from "../src/inputs/trainer-config.js";

// Fixtures follow each project's documented example configs (read 2026-11-27 through the code index):
//   axolotl-qlora.yaml        axolotl-ai-cloud/axolotl examples/llama-3/qlora.yml
//   axolotl-full.yaml         axolotl-ai-cloud/axolotl examples/llama-3/fft-8b-liger-fsdp.yaml
//   llamafactory-qlora.yaml   hiyouga/LLaMA-Factory examples/train_qlora/llama3_lora_sft_otfq.yaml
//   llamafactory-lora.yaml    hiyouga/LLaMA-Factory examples/train_lora/llama3_lora_sft_ds3.yaml
//   torchtune-qlora.yaml      pytorch/torchtune recipes/configs/llama3_1/8B_qlora_single_device.yaml
//   torchtune-lora.yaml       pytorch/torchtune recipes/configs/llama3_1/8B_lora.yaml
// Defaults checked against the trainers' sources: axolotl schemas (sequence_len 512, micro_batch_size 1,
// gradient_accumulation_steps 1, num_epochs 1, gradient_checkpointing false, optimizer adamw_torch_fused);
// LLaMA-Factory (finetuning_type lora, lora_rank 8, lora_target all, cutoff_len 2048,
// disable_gradient_checkpointing false) and Hugging Face TrainingArguments (per_device_train_batch_size 8,
// gradient_accumulation_steps 1, num_train_epochs 3, optim adamw_torch).

const FIXTURES = fileURLToPath(new URL("./fixtures/trainers/", import.meta.url));

function load(name: string): TrainerOptions {
  const file = path.join(FIXTURES, name);
  return trainerOptions(readYamlFile(file, "--from"), name);
}
const sorted = (list: readonly string[]) => [...list].sort();

const catalog = parseModelCatalog(
  JSON.parse(fs.readFileSync(new URL("../presets/models.json", import.meta.url), "utf8")),
  "presets/models.json",
);
const presets = catalog.models;

describe("detectTrainer", () => {
  it("recognises each trainer by its own keys", () => {
    const read = (name: string) => readYamlFile(path.join(FIXTURES, name), "--from");
    expect(detectTrainer(read("axolotl-qlora.yaml"))).toBe("axolotl");
    expect(detectTrainer(read("axolotl-full.yaml"))).toBe("axolotl");
    expect(detectTrainer(read("llamafactory-qlora.yaml"))).toBe("llama-factory");
    expect(detectTrainer(read("llamafactory-lora.yaml"))).toBe("llama-factory");
    expect(detectTrainer(read("torchtune-qlora.yaml"))).toBe("torchtune");
    expect(detectTrainer(read("torchtune-lora.yaml"))).toBe("torchtune");
    expect(detectTrainer({ learning_rate: 1e-4 })).toBeUndefined();
    expect(detectTrainer("base_model: x")).toBeUndefined();
    expect(detectTrainer(null)).toBeUndefined();
  });
});

describe("QLoRA fixtures: rank 32, 4096 tokens, micro-batch 2, gradient checkpointing", () => {
  it("axolotl (load_in_4bit, adapter qlora, lora_target_linear)", () => {
    const o = load("axolotl-qlora.yaml");
    expect(o).toMatchObject({
      trainer: "axolotl",
      model: "NousResearch/Meta-Llama-3.1-8B",
      strategy: "qlora",
      loraRank: 32,
      loraTargets: ["q", "k", "v", "o", "gate", "up", "down"],
      seqLen: 4096,
      microBatch: 2,
      gradAccum: 4,
      epochs: 4,
      recompute: "full",
      optimizer: "adamw", // paged_adamw_32bit: 32-bit AdamW states
    });
    expect(o.zero).toBeUndefined(); // deepspeed:, fsdp: and fsdp_config: are empty
    expect(sorted(o.used)).toEqual(
      sorted([
        "base_model",
        "adapter",
        "load_in_4bit",
        "load_in_8bit",
        "lora_r",
        "lora_target_linear",
        "sequence_len",
        "micro_batch_size",
        "gradient_accumulation_steps",
        "num_epochs",
        "gradient_checkpointing",
        "optimizer",
      ]),
    );
    // Empty values (lora_model_dir:, wandb_project:, deepspeed: …) are neither used nor ignored.
    expect(sorted(o.ignored)).toEqual(
      sorted([
        "model_type",
        "tokenizer_type",
        "datasets",
        "val_set_size",
        "output_dir",
        "sample_packing",
        "pad_to_sequence_len",
        "lora_alpha",
        "lora_dropout",
        "lr_scheduler",
        "learning_rate",
        "bf16",
        "tf32",
        "flash_attention",
        "warmup_steps",
        "special_tokens",
      ]),
    );
    expect(o.assumed).toEqual([]);
    expect(mapHubModelToPreset(o.model!, presets)).toBe("llama-3.1-8b");
  });

  it("LLaMA-Factory (quantization_bit 4, finetuning_type lora; checkpointing is its default)", () => {
    const o = load("llamafactory-qlora.yaml");
    expect(o).toMatchObject({
      trainer: "llama-factory",
      model: "meta-llama/Meta-Llama-3-8B-Instruct",
      strategy: "qlora",
      loraRank: 32,
      loraTargets: ["q", "k", "v", "o", "gate", "up", "down"],
      seqLen: 4096,
      microBatch: 2,
      gradAccum: 8,
      epochs: 3,
      recompute: "full",
      optimizer: "adamw",
    });
    expect(sorted(o.used)).toEqual(
      sorted([
        "model_name_or_path",
        "stage",
        "finetuning_type",
        "quantization_bit",
        "lora_rank",
        "lora_target",
        "cutoff_len",
        "per_device_train_batch_size",
        "gradient_accumulation_steps",
        "num_train_epochs",
      ]),
    );
    expect(sorted(o.ignored)).toEqual(
      sorted([
        "quantization_method",
        "do_train",
        "dataset",
        "template",
        "max_samples",
        "preprocessing_num_workers",
        "output_dir",
        "logging_steps",
        "save_steps",
        "learning_rate",
        "lr_scheduler_type",
        "warmup_ratio",
        "bf16",
      ]),
    );
    expect(sorted(o.assumed)).toEqual(["disable_gradient_checkpointing", "optim"]);
    expect(o.notes.join("\n")).toMatch(/enables gradient checkpointing by default/);
    // Llama 3 8B shares Llama 3.1 8B's shape; the preset lists meta-llama/Meta-Llama-3-8B.
    expect(mapHubModelToPreset(o.model!, presets)).toBe("llama-3.1-8b");
  });

  it("torchtune (qlora_ builder, lora_attn_modules + apply_lora_to_mlp, tokenizer.max_seq_len)", () => {
    const o = load("torchtune-qlora.yaml");
    expect(o).toMatchObject({
      trainer: "torchtune",
      model: "torchtune.models.llama3_1.qlora_llama3_1_8b",
      strategy: "qlora",
      loraRank: 32,
      loraTargets: ["q", "k", "v", "o", "gate", "up", "down"],
      seqLen: 4096,
      microBatch: 2,
      gradAccum: 16,
      epochs: 1,
      recompute: "full",
      optimizer: "adamw",
    });
    expect(o.zero).toBeUndefined(); // a single-device config: no FSDP
    expect(sorted(o.used)).toEqual(
      sorted([
        "model._component_",
        "model.lora_rank",
        "model.lora_attn_modules",
        "model.apply_lora_to_mlp",
        "model.apply_lora_to_output",
        "tokenizer.max_seq_len",
        "batch_size",
        "gradient_accumulation_steps",
        "epochs",
        "enable_activation_checkpointing",
        "optimizer._component_",
      ]),
    );
    // Inside mappings that were partly read, the unread keys are listed one by one.
    expect(sorted(o.ignored)).toEqual(
      sorted([
        "model.lora_alpha",
        "model.lora_dropout",
        "tokenizer._component_",
        "tokenizer.path",
        "checkpointer",
        "resume_from_checkpoint",
        "dataset",
        "shuffle",
        "optimizer.fused",
        "optimizer.weight_decay",
        "optimizer.lr",
        "lr_scheduler",
        "loss",
        "compile",
        "device",
        "dtype",
        "enable_activation_offloading",
      ]),
    );
    expect(o.assumed).toEqual([]);
    expect(mapHubModelToPreset(o.model!, presets)).toBe("llama-3.1-8b");
  });
});

describe("other fixtures", () => {
  it("axolotl full fine-tune with FSDP full_shard → sft, ZeRO-3, num_epochs assumed", () => {
    const o = load("axolotl-full.yaml");
    expect(o).toMatchObject({
      strategy: "sft",
      seqLen: 2048,
      microBatch: 1,
      gradAccum: 8,
      epochs: 1,
      recompute: "full",
      zero: 3,
      optimizer: "adamw",
    });
    expect(o.loraRank).toBeUndefined();
    expect(o.loraTargets).toBeUndefined();
    expect(sorted(o.used)).toEqual(
      sorted([
        "base_model",
        "sequence_len",
        "micro_batch_size",
        "gradient_accumulation_steps",
        "gradient_checkpointing",
        "fsdp",
        "fsdp_config.fsdp_sharding_strategy",
        "optimizer",
      ]),
    );
    expect(sorted(o.ignored)).toEqual(
      sorted([
        "datasets",
        "chat_template",
        "val_set_size",
        "output_dir",
        "sample_packing",
        "lr_scheduler",
        "learning_rate",
        "bf16",
        "gradient_checkpointing_kwargs",
        "fsdp_config.fsdp_offload_params",
        "fsdp_config.fsdp_state_dict_type",
        "fsdp_config.fsdp_transformer_layer_cls_to_wrap",
      ]),
    );
    expect(sorted(o.assumed)).toEqual(["adapter", "num_epochs"]);
    expect(mapHubModelToPreset(o.model!, presets)).toBe("llama-3.2-1b");
  });

  it("LLaMA-Factory LoRA with DeepSpeed ZeRO-3 by file name, q,v targets, rank assumed", () => {
    const o = load("llamafactory-lora.yaml");
    expect(o).toMatchObject({
      strategy: "lora",
      loraRank: 8,
      loraTargets: ["q", "v"],
      seqLen: 2048,
      microBatch: 1,
      gradAccum: 2,
      epochs: 3,
      recompute: "none",
      zero: 3,
      optimizer: "adamw-8bit",
    });
    expect(o.assumed).toEqual(["lora_rank"]);
    expect(o.used).toContain("deepspeed");
    expect(sorted(o.ignored)).toEqual(
      sorted(["trust_remote_code", "do_train", "dataset", "template", "output_dir", "learning_rate", "bf16"]),
    );
    expect(mapHubModelToPreset(o.model!, presets)).toBe("qwen2.5-7b");
  });

  it("torchtune distributed LoRA: q,v only, no max_seq_len, FSDP → ZeRO-3, 8-bit paged AdamW", () => {
    const o = load("torchtune-lora.yaml");
    expect(o).toMatchObject({
      strategy: "lora",
      loraRank: 8,
      loraTargets: ["q", "v"],
      microBatch: 2,
      gradAccum: 32,
      epochs: 1,
      recompute: "none",
      zero: 3,
      optimizer: "adamw-8bit",
    });
    expect(o.seqLen).toBeUndefined();
    expect(o.notes.join("\n")).toMatch(/tokenizer\.max_seq_len: not set/);
    expect(o.used).toContain("fsdp_cpu_offload");
    expect(sorted(o.ignored)).toEqual(
      sorted([
        "output_dir",
        "tokenizer",
        "model.lora_alpha",
        "model.lora_dropout",
        "dataset",
        "shuffle",
        "optimizer.lr",
        "device",
        "dtype",
      ]),
    );
  });
});

describe("mappings", () => {
  it("LLaMA-Factory freeze is not modelled: treated as sft, listed as assumed", () => {
    const o = trainerOptions(
      { model_name_or_path: "Qwen/Qwen2.5-7B", finetuning_type: "freeze", lora_rank: 16 },
      "train.yaml",
    );
    expect(o.strategy).toBe("sft");
    expect(o.assumed).toContain("finetuning_type");
    expect(o.notes.join("\n")).toMatch(/freeze .* not modelled; treated as sft/);
    expect(o.ignored).toContain("lora_rank"); // not read for a non-LoRA run
  });

  it("LLaMA-Factory with nothing but a model: its defaults (LoRA rank 8 on all linear layers)", () => {
    const o = trainerOptions({ model_name_or_path: "meta-llama/Llama-3.1-8B" }, "train.yaml");
    expect(o).toMatchObject({
      strategy: "lora",
      loraRank: 8,
      loraTargets: ["q", "k", "v", "o", "gate", "up", "down"],
      seqLen: 2048,
      microBatch: 8,
      gradAccum: 1,
      epochs: 3,
      recompute: "full",
      optimizer: "adamw",
    });
    expect(sorted(o.assumed)).toEqual(
      sorted([
        "finetuning_type",
        "lora_rank",
        "lora_target",
        "cutoff_len",
        "per_device_train_batch_size",
        "gradient_accumulation_steps",
        "num_train_epochs",
        "disable_gradient_checkpointing",
        "optim",
      ]),
    );
  });

  it("ZeRO stage from DeepSpeed file names and FSDP settings", () => {
    const lf = (extra: Record<string, unknown>) =>
      trainerOptions({ model_name_or_path: "m", finetuning_type: "full", ...extra }, "train.yaml");
    expect(lf({ deepspeed: "examples/deepspeed/ds_z0_config.json" }).zero).toBe(0);
    expect(lf({ deepspeed: "examples/deepspeed/ds_z2_offload_config.json" }).zero).toBe(2);
    expect(lf({ deepspeed: "deepspeed_configs/zero1.json" }).zero).toBe(1);
    expect(lf({ deepspeed: "C:\\cfg\\zero3_bf16_cpuoffload_all.json" }).zero).toBe(3);
    expect(lf({ deepspeed: { zero_optimization: { stage: 2 } } }).zero).toBe(2);
    expect(() => lf({ deepspeed: { zero_optimization: { stage: 4 } } })).toThrow(
      "train.yaml: deepspeed.zero_optimization.stage: expected 0, 1, 2 or 3",
    );
    const unknown = lf({ deepspeed: "ds_config.json" });
    expect(unknown.zero).toBeUndefined();
    expect(unknown.notes.join("\n")).toMatch(/cannot tell the ZeRO stage/);
    expect(lf({ fsdp: "shard_grad_op auto_wrap" }).zero).toBe(2);
    expect(lf({ fsdp: "full_shard auto_wrap offload" }).zero).toBe(3);

    const ax = (extra: Record<string, unknown>) => trainerOptions({ base_model: "m", ...extra }, "train.yaml");
    expect(ax({ fsdp_version: 2, fsdp_config: { reshard_after_forward: true } }).zero).toBe(3);
    expect(ax({ fsdp_version: 2, fsdp_config: { reshard_after_forward: false } }).zero).toBe(2);
    expect(ax({ fsdp: ["full_shard"], fsdp_config: { fsdp_sharding_strategy: "SHARD_GRAD_OP" } }).zero).toBe(2);

    expect(
      trainerOptions(
        { model: { _component_: "torchtune.models.llama3_1.llama3_1_8b" }, fsdp_reshard_after_forward: false },
        "t.yaml",
      ).zero,
    ).toBe(2);
  });

  it("torchtune builders: full_, lora_, qlora_, and lora_ with quantize_base", () => {
    const tt = (model: Record<string, unknown>) => trainerOptions({ model }, "t.yaml").strategy;
    expect(tt({ _component_: "torchtune.models.llama3_1.llama3_1_8b" })).toBe("sft");
    expect(tt({ _component_: "torchtune.models.llama3_1.lora_llama3_1_8b" })).toBe("lora");
    expect(tt({ _component_: "torchtune.models.llama3_1.qlora_llama3_1_8b" })).toBe("qlora");
    expect(tt({ _component_: "torchtune.models.llama3_1.lora_llama3_1_8b", quantize_base: true })).toBe("qlora");
  });

  it("optimizers", () => {
    const ax = (optimizer: string) => trainerOptions({ base_model: "m", optimizer }, "train.yaml");
    expect(ax("adamw_torch").optimizer).toBe("adamw");
    expect(ax("adamw_bnb_8bit").optimizer).toBe("adamw-8bit");
    expect(ax("paged_adamw_8bit").optimizer).toBe("adamw-8bit");
    expect(ax("optimi_adamw").optimizer).toBe("adamw-bf16");
    expect(ax("adafactor").optimizer).toBe("adafactor");
    expect(ax("sgd").optimizer).toBe("sgd");
    const lion = ax("lion_8bit");
    expect(lion.optimizer).toBeUndefined();
    expect(lion.notes.join("\n")).toMatch(/optimizer: lion_8bit has no llm-cost equivalent/);
    expect(trainerOptions({ base_model: "m" }, "train.yaml")).toMatchObject({
      optimizer: "adamw",
      recompute: "none",
      seqLen: 512,
      microBatch: 1,
    });
  });

  it("axolotl adapters and target modules", () => {
    const ax = (extra: Record<string, unknown>) => trainerOptions({ base_model: "m", ...extra }, "train.yaml");
    expect(ax({ adapter: "lora", lora_r: 16 }).strategy).toBe("lora");
    expect(ax({ adapter: "lora", load_in_4bit: true }).strategy).toBe("qlora");
    expect(ax({ adapter: "lora", load_in_8bit: true }).strategy).toBe("qlora");
    expect(ax({ adapter: "lora", lora_target_modules: ["q_proj", "v_proj", "gate_proj"] }).loraTargets).toEqual([
      "q",
      "v",
      "gate",
    ]);
    // Phi-3's fused modules hold several projections each.
    expect(
      ax({ adapter: "lora", lora_target_modules: ["qkv_proj", "o_proj", "gate_up_proj", "down_proj"] }).loraTargets,
    ).toEqual(["q", "k", "v", "o", "gate", "up", "down"]);
    const odd = ax({ adapter: "lora", lora_target_modules: ["q_proj", "lm_head"] });
    expect(odd.loraTargets).toEqual(["q"]);
    expect(odd.notes.join("\n")).toMatch(/lm_head not modelled/);
    expect(ax({ gradient_checkpointing: "unsloth" }).recompute).toBe("full");
    expect(ax({ adapter: "lora", lora_target_modules: "v_proj" }).loraTargets).toEqual(["v"]);
    const regex = ax({ adapter: "lora", lora_target_modules: "model.layers.*.self_attn.(q|v)_proj" });
    expect(regex.loraTargets).toBeUndefined();
    expect(regex.notes.join("\n")).toMatch(/regular expression is not expanded/);
  });

  it("mapHubModelToPreset: hub ids, mirrors, suffixes and torchtune builders", () => {
    expect(mapHubModelToPreset("meta-llama/Llama-3.1-8B", presets)).toBe("llama-3.1-8b");
    expect(mapHubModelToPreset("meta-llama/llama-3.1-8b-instruct", presets)).toBe("llama-3.1-8b");
    expect(mapHubModelToPreset("unsloth/Llama-3.2-1B-Instruct", presets)).toBe("llama-3.2-1b");
    expect(mapHubModelToPreset("casperhansen/llama-3-70b-fp16", presets)).toBe("llama-3.1-70b");
    expect(mapHubModelToPreset("google/gemma-2-9b-it", presets)).toBe("gemma-2-9b");
    expect(mapHubModelToPreset("torchtune.models.llama3_1.lora_llama3_1_8b", presets)).toBe("llama-3.1-8b");
    expect(mapHubModelToPreset("torchtune.models.llama3_2.qlora_llama3_2_1b", presets)).toBe("llama-3.2-1b");
    expect(mapHubModelToPreset("torchtune.models.llama2.lora_llama2_7b", presets)).toBe("llama-2-7b");
    expect(mapHubModelToPreset("torchtune.models.qwen2_5.lora_qwen2_5_7b_instruct", presets)).toBe("qwen2.5-7b");
    expect(mapHubModelToPreset("torchtune.models.qwen2_5.qwen2_5_0_5b", presets)).toBe("qwen2.5-0.5b");
    expect(mapHubModelToPreset("torchtune.models.gemma2.gemma2_9b", presets)).toBe("gemma-2-9b");
    expect(mapHubModelToPreset("my-org/my-private-model", presets)).toBeUndefined();
  });
});

describe("errors name the file and the YAML path", () => {
  it("a wrong type", () => {
    expect(() => trainerOptions({ base_model: "m", adapter: "lora", lora_r: "32" }, "train.yaml")).toThrow(
      "train.yaml: lora_r: expected a number",
    );
    expect(() => trainerOptions({ base_model: "m", lora_r: 0 }, "train.yaml")).toThrow(
      "train.yaml: lora_r: expected a positive integer",
    );
    expect(() => trainerOptions({ base_model: "m", micro_batch_size: 1.5 }, "train.yaml")).toThrow(
      "train.yaml: micro_batch_size: expected a positive integer",
    );
    expect(() =>
      trainerOptions(
        { model: { _component_: "torchtune.models.llama3_1.lora_llama3_1_8b", lora_rank: "x" } },
        "t.yaml",
      ),
    ).toThrow("t.yaml: model.lora_rank: expected a number");
    expect(() => trainerOptions({ model: { _component_: "x" }, tokenizer: { max_seq_len: "4k" } }, "t.yaml")).toThrow(
      "t.yaml: tokenizer.max_seq_len: expected a number",
    );
    expect(() => trainerOptions({ model_name_or_path: "m", finetuning_type: "qlora" }, "lf.yaml")).toThrow(
      "lf.yaml: finetuning_type: expected one of full, lora, freeze, oft",
    );
    expect(() => trainerOptions({ base_model: "m", lora_target_modules: [1, 2] }, "train.yaml")).toThrow(
      "train.yaml: lora_target_modules: expected a string or a list of strings",
    );
  });

  it("a wrong type in a fixture read from disk", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llm-cost-yaml-"));
    const file = path.join(dir, "train.yaml");
    const text = fs
      .readFileSync(path.join(FIXTURES, "axolotl-qlora.yaml"), "utf8")
      .replace("lora_r: 32", "lora_r: thirty-two");
    fs.writeFileSync(file, text);
    expect(() => trainerOptions(readYamlFile(file, "--from"), "train.yaml")).toThrow(
      "train.yaml: lora_r: expected a number",
    );
  });

  it("a file that is no trainer's config", () => {
    expect(() => trainerOptions({ learning_rate: 1e-4 }, "train.yaml")).toThrow(
      "train.yaml: not an axolotl, LLaMA-Factory or torchtune config (expected base_model, model_name_or_path or model._component_)",
    );
    expect(() => trainerOptions(["a"], "train.yaml")).toThrow(/^train\.yaml: not an axolotl/);
  });

  it("broken YAML names the file and the line", () => {
    expect(() => parseYaml("base_model: m\nlora_r: [32\nsequence_len: 4096\n", "train.yaml")).toThrow(
      /^train\.yaml: line 3: Flow sequence/,
    );
    expect(() => parseYaml("base_model: m\nbase_model: n\n", "train.yaml")).toThrow(
      "train.yaml: line 2: Map keys must be unique",
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llm-cost-yaml-"));
    const file = path.join(dir, "broken.yaml");
    fs.writeFileSync(file, "model:\n  _component_: torchtune.models.llama3_1.lora_llama3_1_8b\n lora_rank: 8\n");
    let message = "";
    try {
      readYamlFile(file, "--from");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.startsWith(`${file}: line 3: `)).toBe(true);
    expect(message).not.toContain("\n");
  });

  it("a missing file names the flag", () => {
    expect(() => readYamlFile("/nonexistent/train.yaml", "--from")).toThrow(
      'invalid --from "/nonexistent/train.yaml": no such file',
    );
  });
});
