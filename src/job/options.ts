import { PRICE_KINDS, STRATEGY_IDS } from "../catalog/constants.js";
import { LANGS } from "../i18n/lang.js";
import { OPTIMIZERS } from "../model/memory.js";

/**
 * The one table of llm-cost's options. Commander's options (src/cli/register-options.ts), the
 * shell completion and docs/options.md are all generated from it, so a flag has one name, one help
 * text and one stated default everywhere it is taken. Defaults are applied by the resolver (so
 * that a value's origin says whether the user gave it); `defaultText` only states them.
 */
export const COMMANDS = [
  "estimate",
  "compare",
  "plan",
  "check",
  "scenarios",
  "validate",
  "gpus",
  "prices",
  "models",
  "fx",
  "calibrate",
] as const;
export type CommandName = (typeof COMMANDS)[number];

export type OptionGroup = "job" | "hardware" | "price" | "memory" | "energy" | "command" | "output";

export interface OptionSpec {
  /** The name commander gives the value (camelCase of the flag; negated flags name the positive). */
  readonly key: string;
  /** As commander takes it: "--gpus <spec>", "--no-color". */
  readonly flags: string;
  readonly group: OptionGroup;
  readonly help: string;
  readonly defaultText?: string;
  /** A fixed set of values (completion offers them; the parser checks them). */
  readonly values?: readonly string[];
  readonly commands: readonly CommandName[];
}

/** The commands that price one job: they take every job, hardware, price, memory and energy flag. */
export const JOB_COMMANDS: readonly CommandName[] = ["estimate", "compare", "plan", "check"];
/** The job flags calibrate takes too: what the log cannot say (the model), or to check what it says. */
const CALIBRATED: readonly CommandName[] = [...JOB_COMMANDS, "calibrate"];
const ALL: readonly CommandName[] = COMMANDS;

export const FORMATS = ["table", "json", "csv", "tsv", "markdown", "html"] as const;
export type Format = (typeof FORMATS)[number];
export const RECOMPUTE = ["auto", "none", "selective", "full"] as const;
export const PRECISIONS = ["bf16", "fp8"] as const;
export const CURRENCIES = ["both", "krw", "usd"] as const;
export const ZERO_STAGES = ["0", "1", "2", "3"] as const;

const job = (key: string, flags: string, help: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({
  key,
  flags,
  group: "job",
  help,
  commands: JOB_COMMANDS,
  ...extra,
});
const of =
  (group: OptionGroup) =>
  (key: string, flags: string, help: string, extra: Partial<OptionSpec> = {}) =>
    job(key, flags, help, { group, ...extra });
const hardware = of("hardware");
const price = of("price");
const memory = of("memory");
const energy = of("energy");
const own =
  (commands: readonly CommandName[]) =>
  (key: string, flags: string, help: string, extra: Partial<OptionSpec> = {}) =>
    job(key, flags, help, { group: "command", commands, ...extra });

export const OPTIONS: readonly OptionSpec[] = [
  job(
    "model",
    "--model <name>",
    "a model preset (llama-2-7b, qwen2.5-7b, ...; llm-cost models lists them) instead of --params",
    { commands: CALIBRATED },
  ),
  job("params", "--params <count>", "model parameters: 7B, 6.7b, 175M, 1.5T, 7e9, 70억", { commands: CALIBRATED }),
  job(
    "activeParams",
    "--active-params <count>",
    "with --params, for a mixture of experts: parameters each token passes through (109B with 17B active): FLOPs use these, memory all",
  ),
  job(
    "modelConfig",
    "--model-config <path>",
    "a Hugging Face config.json: the exact architecture (dense or mixture-of-experts)",
  ),
  job(
    "from",
    "--from <path>",
    "a training config (axolotl, LLaMA-Factory or torchtune YAML): strategy, LoRA, sequence, batch, recompute, sharding; flags override it",
  ),
  job("addVocab", "--add-vocab <count>", "tokens added to the model's vocabulary (e.g. 14k): embedding and head grow"),
  job("vocab", "--vocab <count>", "the new vocabulary size (e.g. 46336), instead of --add-vocab"),
  job(
    "tokens",
    "--tokens <count>",
    "training tokens: 15B, 300M, 1.5T, 150억, 1.5조, or chinchilla (20 per parameter, a from-scratch rule)",
    { commands: CALIBRATED },
  ),
  job(
    "corpus",
    "--corpus <size>",
    "corpus size instead of --tokens: 61GB, 1.5TB, 500MB, 61GiB (GB = 1e9 bytes, GiB = 2^30)",
  ),
  job("bytesPerToken", "--bytes-per-token <n>", "with --corpus: bytes per token of your tokenizer, e.g. 4.07"),
  job(
    "corpusLang",
    "--corpus-lang <lang>",
    "with --corpus: ko (Llama-2 tokenizer, 1.62 B/token), ko-expanded (~46k vocab, 4.07), en (4.2), code (2.85)",
    { values: ["ko", "ko-expanded", "en", "code"] },
  ),
  job("examples", "--examples <count>", "SFT data instead of --tokens: number of examples, e.g. 50k"),
  job(
    "tokensPerExample",
    "--tokens-per-example <n>",
    "with --examples: average tokens per example, prompt and answer included",
  ),
  job("epochs", "--epochs <n>", "with --examples: passes over the data", { defaultText: "1" }),
  job(
    "strategy",
    "--strategy <list>",
    `the job: ${STRATEGY_IDS.join(", ")}; estimate and compare take a comma list or all, plan and check one`,
    {
      defaultText: "all (plan: required; check and calibrate: dapt)",
      values: ["all", ...STRATEGY_IDS],
      commands: CALIBRATED,
    },
  ),

  hardware(
    "gpus",
    "--gpus <spec>",
    "GPUs: 2xH100, 8xA100-40GB, H100 (one GPU); plan and compare: GPU types, comma-separated, with an optional count; llm-cost gpus lists them",
    { commands: CALIBRATED },
  ),
  hardware("precision", "--precision <p>", "matmul precision: bf16 or fp8 (Hopper and newer)", {
    defaultText: "bf16",
    values: PRECISIONS,
  }),
  hardware("mfu", "--mfu <fraction>", "efficiency override, 0 < x <= 1 (e.g. 0.4 or 40%)", {
    defaultText: "the calibrated throughput model",
  }),
  hardware(
    "tokensPerSec",
    "--tokens-per-sec <n>",
    "your measured training tokens/s per GPU (one --strategy): replaces the throughput model",
  ),
  hardware(
    "profile",
    "--profile <name>",
    "a speed measured by llm-cost calibrate --save, from the config file: replaces the throughput model (scaled by it to another GPU count or sequence length)",
  ),

  price(
    "provider",
    "--provider <name>",
    "take the price from this provider (aws, gcp, azure, lambda, runpod, elice, ...)",
  ),
  price("price", "--price <usd>", "your price in USD per GPU-hour (overrides the catalog)"),
  price("priceKind", "--price-kind <kind>", `price kind: ${PRICE_KINDS.join(", ")}`, {
    defaultText: "on-demand",
    values: PRICE_KINDS,
  }),
  price("fx", "--fx <krw>", "won per US dollar", {
    defaultText: "the newest dated rate of the catalog, with its date in the output",
  }),
  price("vat", "--vat", "add Korean VAT (10 %, 부가가치세법 제30조) to every cost; list prices exclude it", {
    defaultText: 'off (also "vat": true in the config file)',
  }),

  memory("seqLen", "--seq-len <n>", "sequence length for memory and attention FLOPs", {
    defaultText: "4096 (calibrate: the log's, when it says)",
    commands: CALIBRATED,
  }),
  memory("microBatch", "--micro-batch <n>", "sequences per GPU per micro-batch, or auto", {
    defaultText: "auto: with --recompute auto, the fastest setting that fits memory",
  }),
  memory(
    "recompute",
    "--recompute <mode>",
    "activation recomputation: auto, none, selective or full (gradient checkpointing)",
    {
      defaultText: "auto",
      values: RECOMPUTE,
    },
  ),
  memory("tensorParallel", "--tensor-parallel <t>", "tensor-parallel degree inside a node, or auto", {
    defaultText: "auto",
  }),
  memory(
    "globalBatch",
    "--global-batch <tokens>",
    "tokens per optimizer step over all GPUs: sets gradient accumulation and how many GPUs data parallelism can use",
    { defaultText: "4M (4,194,304)" },
  ),
  memory("zero", "--zero <stage>", "ZeRO sharding stage 0-3", {
    defaultText: "3 with more than one GPU, else 0",
    values: ZERO_STAGES,
  }),
  memory("fsdp", "--fsdp", "FSDP full sharding (= --zero 3)"),
  memory("optimizer", "--optimizer <name>", OPTIMIZERS.join(", "), {
    defaultText: "adamw: mixed precision, 16 bytes/param",
    values: OPTIMIZERS,
  }),
  memory("flashAttn", "--no-flash-attn", "attention without FlashAttention (stores the T×T scores)"),
  memory("loraRank", "--lora-rank <r>", "LoRA rank for lora and qlora", { defaultText: "16" }),
  memory("loraTargets", "--lora-targets <list>", "LoRA target layers: q,k,v,o,gate,up,down, attn, mlp or all", {
    defaultText: "all",
  }),

  energy("pue", "--pue <x>", "data-centre power usage effectiveness for energy", {
    defaultText: "1.15, cloud hyperscale",
  }),
  energy("grid", "--grid <g>", "grid carbon intensity in g CO2/kWh, or korea or us", { defaultText: "korea (417.3)" }),

  job("config", "--config <path>", "config file: defaults, your own GPUs, models and negotiated prices", {
    group: "price",
    defaultText: "./llm-cost.config.json when present",
    commands: [...CALIBRATED, "gpus", "prices", "models", "fx"],
  }),

  own(["estimate"])(
    "explain",
    "--explain",
    "after the table, the derivation of each figure with the numbers filled in",
  ),
  own(["estimate", "plan"])(
    "budget",
    "--budget <money>",
    "spend at most: 3억, 2.5억, 5000만, $40k (estimate: what it buys on these GPUs; plan: a limit)",
  ),
  own(["estimate", "plan"])(
    "deadline",
    "--deadline <duration>",
    "finish within: 90d, 12w, 3mo, 90일 (estimate: the GPUs needed; plan: a limit)",
  ),
  own(["plan"])("top", "--top <n>", "how many plans to list in each ranking", { defaultText: "5" }),
  own(["check"])("claimedDays", "--claimed-days <duration>", "the claimed wall-clock time: 730 (days), 2y, 90d, 12w"),
  own(["check"])("claimedCost", "--claimed-cost <money>", "the claimed cost: 2.5억, 3억, 5000만, $40k"),
  own(["compare"])(
    "chart",
    "--chart",
    "after the table, bar charts of the expected cost in won and the wall-clock days",
  ),
  own(["validate"])(
    "memory",
    "--memory",
    "only the memory check: measured peak memory of fine-tuning runs vs the memory model",
  ),
  own(["validate"])("speed", "--speed", "only the speed check: measured tokens/s per GPU vs the steady-state model"),
  own(["scenarios"])("long", "--long", "with each scenario's description and source"),
  own(["calibrate"])(
    "log",
    "--log <files...>",
    "training logs to measure (Hugging Face trainer_state.json, torchtune, Megatron-LM/NeMo stdout, W&B history CSV); one or more, each measured on its own",
  ),
  own(["calibrate"])(
    "column",
    "--column <field=name,...>",
    "W&B CSV: the column that holds a field when its name is custom, e.g. tokensPerSecPerGpu=perf/tps_gpu (fields: step, loss, tokensPerSecPerGpu, tokensSeen, runtime, stepTime, peakMemoryGiB, tflopsPerGpu)",
  ),
  own(["calibrate"])(
    "save",
    "--save <name>",
    "store the measured speed as a profile in the config file (--config, else ./llm-cost.config.json), for --profile",
  ),

  out("format", "--format <format>", "output format (html: estimate, compare and plan)", {
    defaultText: "from the --out file's extension, else table",
    values: FORMATS,
  }),
  out(
    "out",
    "--out <file>",
    "write the output to this file (atomically) instead of stdout; .csv, .tsv, .json, .md, .html set the format",
  ),
  out("force", "--force", "with --out: replace an existing file"),
  out("lang", "--lang <lang>", "language of tables, warnings and errors: en or ko", {
    defaultText: "from LANG, e.g. ko_KR.UTF-8 → ko",
    values: LANGS,
  }),
  out("currency", "--currency <c>", "money columns in tables: both, krw or usd", {
    defaultText: "both",
    values: CURRENCIES,
    commands: JOB_COMMANDS,
  }),
  out(
    "label",
    "--label <name>",
    "a first column (CSV, TSV) and field (JSON) naming this run, to stack runs into one sheet",
  ),
  out("header", "--no-header", "CSV and TSV without the header row (to append to a sheet)"),
  out("color", "--no-color", "plain output even at a terminal (also NO_COLOR)"),
];

function out(key: string, flags: string, help: string, extra: Partial<OptionSpec> = {}): OptionSpec {
  return { key, flags, group: "output", help, commands: ALL, ...extra };
}

/** The options a command takes, in table order. */
export function optionsOf(command: CommandName): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands.includes(command));
}

/** The long flag of an option: "--gpus <spec>" → "--gpus". */
export function longFlag(option: OptionSpec): string {
  return option.flags.split(" ")[0]!;
}

/** The commands that take a long flag ("--claimed-days" → ["check"]), for "it belongs to llm-cost check". */
export function commandsTaking(flag: string): readonly CommandName[] {
  return OPTIONS.find((o) => longFlag(o) === flag)?.commands ?? [];
}
