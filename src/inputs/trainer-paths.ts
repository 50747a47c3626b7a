import { UsageError, shown } from "../errors.js";
import { own } from "../util/own.js";
import type { Trainer } from "./trainer-config.js";

/**
 * Where in each trainer's YAML the values behind estimate's flags live, so that a value from the
 * file that a flag's parser refuses is reported at its file and YAML path, not as a flag the user
 * never typed. Kept apart from ./trainer-config.ts, which needs zod.
 */
const PATHS: Record<Trainer, Record<string, string>> = {
  axolotl: {
    "--strategy": "adapter",
    "--lora-rank": "lora_r",
    "--lora-targets": "lora_target_modules",
    "--seq-len": "sequence_len",
    "--micro-batch": "micro_batch_size",
    "--epochs": "num_epochs",
    "--recompute": "gradient_checkpointing",
    "--zero": "deepspeed",
    "--optimizer": "optimizer",
    "--model": "base_model",
  },
  "llama-factory": {
    "--strategy": "finetuning_type",
    "--lora-rank": "lora_rank",
    "--lora-targets": "lora_target",
    "--seq-len": "cutoff_len",
    "--micro-batch": "per_device_train_batch_size",
    "--epochs": "num_train_epochs",
    "--recompute": "disable_gradient_checkpointing",
    "--zero": "deepspeed",
    "--optimizer": "optim",
    "--model": "model_name_or_path",
  },
  torchtune: {
    "--strategy": "model._component_",
    "--lora-rank": "model.lora_rank",
    "--lora-targets": "model.lora_attn_modules",
    "--seq-len": "tokenizer.max_seq_len",
    "--micro-batch": "batch_size",
    "--epochs": "epochs",
    "--recompute": "enable_activation_checkpointing",
    "--optimizer": "optimizer._component_",
    "--model": "model._component_",
  },
};

/** "--seq-len" → "seqLen", the key commander gives the flag's value. */
const keyOf = (flag: string): string => flag.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * The error a flag's parser raised, re-addressed to the trainer file when the value came from it
 * (the flag was not typed: `typed` holds the flags the user gave), else the error unchanged.
 */
export function blameTrainerFile(
  error: unknown,
  trainer: { file: string; trainer: Trainer } | undefined,
  typed: Readonly<Record<string, unknown>>,
): unknown {
  if (!trainer || !(error instanceof UsageError)) return error;
  const match = /^invalid (--[\w-]+) (")/.exec(error.message);
  if (!match) return error;
  const flag = match[1]!;
  const path = own(PATHS[trainer.trainer], flag);
  if (path === undefined || typed[keyOf(flag)] !== undefined) return error;
  return new UsageError(`${shown(trainer.file)}: ${path}: ${error.message.slice(match[0].length - 1)}`);
}
