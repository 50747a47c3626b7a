import type { Command } from "commander";
import type { Catalog } from "../catalog/load.js";
import type { LoadedScenario } from "../inputs/scenarios.js";
import type { Scenario } from "../inputs/scenario-schema.js";
import { CONFIG_FILE_NAME } from "../inputs/user-config.js";
import type { EstimateReport } from "../model/report.js";
import { UsageError, shown } from "../errors.js";
import { resolveEstimate, type EstimateFiles } from "./estimate-command.js";

/** The flags `resolveEstimate` takes, as commander would hand them to `estimate`. */
export type EstimateFlags = Parameters<typeof resolveEstimate>[0];

/** The job's own flags (model, data, strategy, shape), shared by estimate, plan and check. */
export interface JobFlags {
  model?: string;
  params?: string;
  /** With --params, a mixture of experts: the parameters each token passes through. */
  activeParams?: string;
  addVocab?: string;
  vocab?: string;
  tokens?: string;
  corpus?: string;
  bytesPerToken?: string;
  corpusLang?: string;
  examples?: string;
  tokensPerExample?: string;
  epochs?: string;
  strategy?: string;
  seqLen?: string;
  loraRank?: string;
  loraTargets?: string;
}

/** Flags that compare, plan and check pass through to every estimate they make. */
export interface PassThroughFlags {
  gpus?: string;
  provider?: string;
  price?: string;
  priceKind?: string;
  fx?: string;
  mfu?: string;
  config?: string;
}

/** estimate's defaults for the flags commander always fills in. */
export const ESTIMATE_DEFAULTS = { precision: "bf16", flashAttn: true, format: "table", color: false } as const;

/** Registers the job's model and data options (as estimate's) on plan and check. */
export function addJobOptions(command: Command): Command {
  return command
    .option("--model <name>", "a model preset (llama-2-7b, ...; list them with llm-cost models) instead of --params")
    .option("--params <count>", "model parameters: 7B, 6.7b, 175M")
    .option("--active-params <count>", "with --params, for a mixture of experts: parameters each token passes through")
    .option("--add-vocab <count>", "tokens added to the model's vocabulary (e.g. 14336)")
    .option("--vocab <count>", "the new vocabulary size, instead of --add-vocab")
    .option("--tokens <count>", "training tokens: 15B, 300M, or chinchilla")
    .option("--corpus <size>", "corpus size instead of --tokens: 61GB (with --bytes-per-token or --corpus-lang)")
    .option("--bytes-per-token <n>", "with --corpus: bytes per token, e.g. 4.07")
    .option("--corpus-lang <lang>", "with --corpus: ko, ko-expanded, en or code")
    .option("--examples <count>", "SFT data instead of --tokens: number of examples")
    .option("--tokens-per-example <n>", "with --examples: average tokens per example")
    .option("--epochs <n>", "with --examples: passes over the data (default 1)");
}

/** Registers the pass-through options on a command (same wording as estimate's). */
export function addPassThroughOptions(command: Command, withGpus = true): Command {
  if (withGpus)
    command.option(
      "--gpus <spec>",
      "GPUs for every estimate: 2xH100, 8xA100-40GB, H100 (one GPU); list them with llm-cost gpus",
    );
  return command
    .option("--provider <name>", "take the price from this provider (aws, gcp, lambda, runpod, elice, ...)")
    .option("--price <usd>", "price in USD per GPU-hour (overrides the catalog)")
    .option("--price-kind <kind>", 'price kind: on-demand, spot or reserved (default: "on-demand")')
    .option(
      "--fx <krw>",
      "won per US dollar (default: the newest dated rate of the catalog, with its date in the output)",
    )
    .option("--mfu <fraction>", "efficiency override, 0 < x <= 1 (e.g. 0.4 or 40%); default: calibrated model")
    .option("--config <path>", `config file (default: ./${CONFIG_FILE_NAME} when present)`);
}

const text = (value: string | number | undefined): string | undefined =>
  value === undefined ? undefined : String(value);

/**
 * A scenario as estimate's flags: its model, strategy, token source and settings, with the
 * pass-through flags on top (a --gpus given on the command line wins over the scenario's GPUs).
 */
export function scenarioFlags(s: Scenario, pass: PassThroughFlags): EstimateFlags {
  const entries: Record<string, string | undefined> = {
    model: s.model,
    params: text(s.params),
    addVocab: text(s.addVocab),
    vocab: text(s.vocab),
    strategy: s.strategy,
    tokens: text(s.tokens),
    corpus: s.corpus,
    bytesPerToken: text(s.bytesPerToken),
    corpusLang: s.corpusLang,
    examples: text(s.examples),
    tokensPerExample: text(s.tokensPerExample),
    epochs: text(s.epochs),
    seqLen: text(s.seqLen),
    microBatch: text(s.microBatch),
    recompute: s.recompute,
    loraRank: text(s.loraRank),
    loraTargets: Array.isArray(s.loraTargets) ? s.loraTargets.join(",") : s.loraTargets,
    gpus: pass.gpus ?? s.gpus,
    provider: pass.provider,
    price: pass.price,
    priceKind: pass.priceKind,
    fx: pass.fx,
    mfu: pass.mfu,
  };
  // Absent keys, not keys set to undefined: resolveEstimate's `??=` merging treats both alike, but
  // the flags then read the same as commander's.
  const defined = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
  return { ...ESTIMATE_DEFAULTS, ...defined };
}

/** Runs one scenario through the one estimate path; a bad value names the scenario and its file. */
export function estimateScenario(
  loaded: LoadedScenario,
  pass: PassThroughFlags,
  catalog: Catalog,
  files: EstimateFiles,
): EstimateReport {
  const { scenario, origin } = loaded;
  try {
    return resolveEstimate(scenarioFlags(scenario, pass), catalog, files);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const hint = /^missing --gpus/.test(error.message)
      ? "it names no GPUs: give --gpus, e.g. --gpus 8xH100"
      : error.message;
    throw new UsageError(`scenario "${scenario.id}" (${shown(origin)}): ${hint}`);
  }
}
