import { own } from "../util/own.js";
import type { Trainer } from "./trainer-config.js";

/**
 * Where in each trainer's YAML the values behind the job's fields live: a value from the file is
 * recorded with this path as its origin, so a refused value is reported at its file and YAML path,
 * not as a flag the user never typed. Kept apart from ./trainer-config.ts, which needs zod.
 */
const PATHS: Record<Trainer, Record<string, string>> = {
  axolotl: {
    strategy: "adapter",
    loraRank: "lora_r",
    loraTargets: "lora_target_modules",
    seqLen: "sequence_len",
    microBatch: "micro_batch_size",
    epochs: "num_epochs",
    recompute: "gradient_checkpointing",
    zero: "deepspeed",
    optimizer: "optimizer",
    model: "base_model",
  },
  "llama-factory": {
    strategy: "finetuning_type",
    loraRank: "lora_rank",
    loraTargets: "lora_target",
    seqLen: "cutoff_len",
    microBatch: "per_device_train_batch_size",
    epochs: "num_train_epochs",
    recompute: "disable_gradient_checkpointing",
    zero: "deepspeed",
    optimizer: "optim",
    model: "model_name_or_path",
  },
  torchtune: {
    strategy: "model._component_",
    loraRank: "model.lora_rank",
    loraTargets: "model.lora_attn_modules",
    seqLen: "tokenizer.max_seq_len",
    microBatch: "batch_size",
    epochs: "epochs",
    recompute: "enable_activation_checkpointing",
    optimizer: "optimizer._component_",
    model: "model._component_",
  },
};

/** The YAML path of a job field in a trainer's file ("loraRank" → "lora_r" for axolotl). */
export function trainerPath(trainer: Trainer, field: string): string {
  return own(PATHS[trainer], field) ?? field;
}
