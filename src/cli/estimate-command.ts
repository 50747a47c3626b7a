import type { Command } from "commander";
import { loadCatalog, type Catalog } from "../catalog/load.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { CONFIG_FILE_NAME, loadUserConfig, type LoadedConfig } from "../inputs/user-config.js";
import { PRICE_KINDS, STRATEGY_IDS } from "../catalog/constants.js";
import { countParams, genericArchitecture, withVocab, type Architecture } from "../model/architecture.js";
import type { Precision } from "../model/efficiency.js";
import type { EnergyAssumption } from "../model/energy.js";
import type { HfModel, MoeShape } from "../inputs/hf-config.js";
import { architectureFromHfConfig } from "../inputs/hf-config.js";
import { findModel } from "../catalog/find-model.js";
import type { MemorySettings } from "../model/memory-fit.js";
import { OPTIMIZERS } from "../model/memory.js";
import { formatNumber } from "../util/number-text.js";
import type { LoraTarget } from "../model/lora.js";
import { readJsonFile } from "../inputs/read-json-file.js";
import { mapHubModelToPreset } from "../inputs/hub-model.js";
import type { TrainerOptions } from "../inputs/trainer-config.js";
import {
  chinchillaTokens,
  corpusLanguageTokens,
  corpusTokens,
  parseCorpusSize,
  parseTokensFlag,
  sftTokens,
  type TokenCount,
} from "../model/token-source.js";
import { closest } from "../util/suggest.js";
import { parseGpuSelection } from "../catalog/gpus.js";
import { DEFAULT_LORA_RANK, parseLoraTargets, trainableLoraParams } from "../model/lora.js";
import { resolvePrice } from "../catalog/price-lookup.js";
import { LIMITS, parseCount, parseFraction, parsePositiveNumber } from "../job/values/quantity.js";
import { buildReport, type EstimateReport, type ResolvedInputs } from "../model/report.js";
import { modelFromFile } from "../catalog/throughput-model.js";
import { UsageError, badValue, shown } from "../errors.js";
import { blameTrainerFile } from "../inputs/trainer-paths.js";
import { renderDelimited } from "../output/delimited.js";
import { toEstimateJson } from "../output/to-estimate-json.js";
import type { JobFlags, PassThroughFlags } from "./scenario-flags.js";
import { CURRENCIES, renderEstimateTable, type Currency } from "../output/estimate-table.js";
import { renderHtmlReport, reportFromEstimate } from "../output/html-report.js";
import { writeOutput } from "./write-output.js";
import type { Lang } from "../i18n/lang.js";
import { localizeWarning } from "../i18n/errors.js";
import { LANGS, langFromEnv } from "../i18n/lang.js";
import { renderEstimateMarkdown } from "../output/estimate-markdown.js";
import { renderExplain } from "../output/explain.js";
import type { Paint } from "../output/paint.js";
import { buildInverse } from "./estimate-inverse.js";
import type { InverseJson } from "../output/inverse-json.js";
import { renderInverseLines } from "../output/inverse-lines.js";
import { gpuDisplayName } from "../catalog/gpus.js";
import { parseChoice, parseChoiceList } from "../job/values/choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";

export const FORMATS = ["table", "json", "csv", "tsv", "markdown", "html"] as const;
export const PRECISIONS: readonly Precision[] = ["bf16", "fp8"];

/** The raw strings commander hands us; every one is parsed and checked here. */
interface EstimateFlags extends JobFlags, PassThroughFlags {
  modelConfig?: string;
  from?: string;
  tokensPerSec?: string;
  precision: string;
  pue?: string;
  grid?: string;
  microBatch?: string;
  recompute?: string;
  tensorParallel?: string;
  globalBatch?: string;
  zero?: string;
  fsdp?: boolean;
  optimizer?: string;
  flashAttn: boolean;
  format: string;
  out?: string;
  force?: boolean;
  lang?: string;
  currency?: string;
  explain?: boolean;
  budget?: string;
  deadline?: string;
  color: boolean;
}

function required(value: string | undefined, flag: string, example: string): string {
  if (value === undefined) throw new UsageError(`missing ${flag}: ${example}`);
  return value;
}

/** The model: a preset (--model, optionally with a grown vocabulary) or a bare size (--params). */
interface ResolvedModel {
  id?: string;
  arch: Architecture;
  /** true when the shape is exact (a preset or config.json); false for the generic shape behind --params. */
  exact: boolean;
  params: number;
  /** Parameters one token passes through (MoE: the routed experts only); FLOPs use these. */
  activeParams: number;
  moe?: MoeShape;
  /** Embedding + head parameters added by --add-vocab / --vocab (they train in every strategy). */
  addedVocabParams: number;
  /** Vocabulary rows added to the preset. */
  addedVocabRows: number;
  vocab?: number;
}

/**
 * A mixture of experts from its two sizes ("109B, 17B active"): the generic shape of the active
 * parameters, whose MLP is one of several experts holding the rest. FLOPs and attention follow the
 * active parameters, memory every parameter: E = 1 + (total − active) / (one expert's MLP × layers)
 * experts of the active shape's MLP width, one routed per token.
 */
function mixtureOfExperts(params: number, activeText: string): ResolvedModel {
  const active = parseCount(activeText, "--active-params", LIMITS.params);
  if (active > params)
    throw badValue(
      "--active-params",
      activeText,
      `at most --params (${formatNumber(params)}): a token passes through part of the model`,
    );
  const arch = genericArchitecture(active);
  const expertParams = countParams(arch).mlpPerLayer * arch.layers;
  const moe: MoeShape = {
    experts: 1 + (params - active) / expertParams,
    expertsPerToken: 1,
    expertFfn: arch.ffn,
    sharedExperts: 0,
    sharedExpertFfn: 0,
  };
  return { arch, exact: false, params, activeParams: active, moe, addedVocabParams: 0, addedVocabRows: 0 };
}

function resolveModel(flags: EstimateFlags, catalog: Catalog, hf?: HfModel): ResolvedModel {
  const sizes = [
    flags.model !== undefined && "--model",
    flags.params !== undefined && "--params",
    hf !== undefined && "--model-config",
  ].filter(Boolean);
  if (sizes.length > 1) throw new UsageError(`${sizes.join(" and ")} both give the model: use one of them`);
  if (flags.vocab !== undefined && flags.addVocab !== undefined)
    throw new UsageError("--vocab and --add-vocab both set the vocabulary: use one of them");
  if (hf !== undefined) {
    if (flags.vocab !== undefined || flags.addVocab !== undefined)
      throw new UsageError("--vocab and --add-vocab work with --model; edit vocab_size in the config.json instead");
    return {
      id: flags.modelConfig,
      arch: hf.arch,
      exact: true,
      params: hf.totalParams,
      activeParams: hf.activeParams,
      ...(hf.moe ? { moe: hf.moe } : {}),
      addedVocabParams: 0,
      addedVocabRows: 0,
      vocab: hf.arch.vocab,
    };
  }
  if (flags.model === undefined) {
    if (flags.vocab !== undefined || flags.addVocab !== undefined)
      throw new UsageError("--vocab and --add-vocab need --model (the vocabulary of a bare --params size is unknown)");
    const params = parseCount(
      required(
        flags.params,
        "--params",
        "give the model size (e.g. --params 7B), a preset (e.g. --model llama-2-7b) or --model-config config.json",
      ),
      "--params",
      LIMITS.params,
    );
    if (flags.activeParams !== undefined) return mixtureOfExperts(params, flags.activeParams);
    return {
      arch: genericArchitecture(params),
      exact: false,
      params,
      activeParams: params,
      addedVocabParams: 0,
      addedVocabRows: 0,
    };
  }
  if (flags.activeParams !== undefined)
    throw new UsageError(
      "--active-params goes with --params (e.g. --params 109B --active-params 17B); a preset or config.json knows its own",
    );
  const preset = findModel(catalog.models, flags.model);
  let arch: Architecture = preset.arch;
  if (flags.vocab !== undefined || flags.addVocab !== undefined) {
    const vocab =
      flags.vocab !== undefined
        ? parseWholeCount(flags.vocab, "--vocab")
        : preset.arch.vocab + parseWholeCount(flags.addVocab!, "--add-vocab");
    if (vocab < preset.arch.vocab)
      throw badValue(
        "--vocab",
        flags.vocab ?? "",
        `must be at least the model's own vocabulary (${preset.arch.vocab})`,
      );
    arch = withVocab(preset.arch, vocab);
  }
  const params = countParams(arch).total;
  return {
    id: preset.id,
    arch,
    exact: true,
    params,
    activeParams: params,
    addedVocabParams: params - countParams(preset.arch).total,
    addedVocabRows: arch.vocab - preset.arch.vocab,
    vocab: arch.vocab,
  };
}

/** Vocabulary sizes: the largest released vocabularies are ~256k; 10^8 is far past any. */
const MAX_VOCAB = 1e8;

function parseWholeCount(value: string, flag: string): number {
  const n = parseCount(value, flag, MAX_VOCAB);
  if (!Number.isSafeInteger(n)) throw badValue(flag, value, "expected a whole number of tokens, e.g. 14k or 14336");
  return n;
}

/** Where each assumption came from: a flag, the config file, or the built-in presets. */
export type AssumptionSources = Record<"gpus" | "price" | "fx" | "pue" | "grid" | "efficiency", string>;

/**
 * Fills flags the user did not give from the config file (built-in < config < flags) and records
 * where each came from, so the JSON can say which source every assumption has.
 */
function withConfig(
  flags: EstimateFlags,
  loaded: LoadedConfig | undefined,
): { flags: EstimateFlags; sources: AssumptionSources } {
  const from = (flag: unknown, inConfig: unknown): string =>
    flag !== undefined ? "flag" : inConfig !== undefined && loaded ? `config: ${loaded.file}` : "built-in";
  const config = loaded?.config;
  const sources: AssumptionSources = {
    gpus: from(flags.gpus, config?.gpus),
    price:
      flags.price !== undefined || flags.provider !== undefined
        ? "flag"
        : config && (config.provider !== undefined || config.prices.length > 0)
          ? `config: ${loaded!.file}`
          : "built-in",
    fx: from(flags.fx, config?.fx),
    pue: from(flags.pue, config?.pue),
    grid: from(flags.grid, config?.grid),
    efficiency: flags.mfu !== undefined || flags.tokensPerSec !== undefined ? "flag" : "built-in",
  };
  if (!config) return { flags, sources };
  const merged: EstimateFlags = { ...flags };
  merged.gpus ??= config.gpus;
  if (merged.price === undefined) merged.provider ??= config.provider;
  merged.priceKind ??= config.priceKind;
  merged.pue ??= config.pue === undefined ? undefined : String(config.pue);
  merged.grid ??= config.grid === undefined ? undefined : String(config.grid);
  return { flags: merged, sources };
}

/**
 * Runs a parse of a value that may have come from the config file; if it did and the value is
 * rejected, the error names the file and the key instead of a flag the user never typed.
 */
function blameConfig<T>(source: string, key: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError) || !source.startsWith("config: ")) throw error;
    throw new UsageError(
      `${source.slice("config: ".length)}: ${key}: ${error.message.replace(/^invalid --[\w-]+ /, "")}`,
    );
  }
}

/** The files an estimate can read, already parsed by the CLI layer. */
export interface EstimateFiles {
  config?: LoadedConfig;
  hf?: HfModel;
  trainer?: { file: string; options: TrainerOptions };
}

/**
 * Fills flags the user did not give from a trainer YAML (--from): flags on the command line
 * override the file; the model maps to a preset when its hub id matches one.
 */
function withTrainer(
  flags: EstimateFlags,
  trainer: EstimateFiles["trainer"],
  catalog: Catalog,
  hasModelConfig: boolean,
): EstimateFlags {
  if (!trainer) return flags;
  const o = trainer.options;
  const merged: EstimateFlags = { ...flags };
  merged.strategy ??= o.strategy;
  merged.loraRank ??= o.loraRank === undefined ? undefined : String(o.loraRank);
  merged.loraTargets ??= o.loraTargets?.join(",");
  merged.seqLen ??= o.seqLen === undefined ? undefined : String(o.seqLen);
  merged.microBatch ??= o.microBatch === undefined ? undefined : String(o.microBatch);
  merged.recompute ??= o.recompute;
  if (merged.zero === undefined && !merged.fsdp && o.zero !== undefined) merged.zero = String(o.zero);
  merged.optimizer ??= o.optimizer;
  if (merged.examples !== undefined) merged.epochs ??= o.epochs === undefined ? undefined : String(o.epochs);
  const sized = merged.model !== undefined || merged.params !== undefined || hasModelConfig;
  if (!sized && o.model !== undefined) {
    const preset = mapHubModelToPreset(o.model, catalog.models);
    if (preset === undefined) {
      throw new UsageError(
        `${shown(trainer.file)}: model "${shown(o.model)}" matches no preset: give its config.json with --model-config (or --model / --params)`,
      );
    }
    merged.model = preset;
  }
  return merged;
}

export function resolveEstimate(
  rawFlags: EstimateFlags,
  baseCatalog: Catalog,
  files: EstimateFiles = {},
): EstimateReport {
  try {
    return resolveFlags(rawFlags, baseCatalog, files);
  } catch (error) {
    const trainer = files.trainer && { file: files.trainer.file, trainer: files.trainer.options.trainer };
    throw blameTrainerFile(error, trainer, rawFlags as unknown as Record<string, unknown>);
  }
}

function resolveFlags(rawFlags: EstimateFlags, baseCatalog: Catalog, files: EstimateFiles): EstimateReport {
  const loaded = files.config;
  const hf = files.hf;
  const catalog = mergeConfig(baseCatalog, loaded);
  const configured = withConfig(rawFlags, loaded);
  const sources = configured.sources;
  const flags = withTrainer(configured.flags, files.trainer, catalog, hf !== undefined);
  const model = resolveModel(flags, catalog, hf);
  const params = model.params;
  const { tokens, basis: tokensBasis } = resolveTokens(flags, model.params, catalog);
  const { gpu, count } = blameConfig(sources.gpus, "gpus", () =>
    parseGpuSelection(required(flags.gpus, "--gpus", "give the GPUs, e.g. --gpus 2xH100"), catalog.gpus),
  );
  const strategyIds = parseChoiceList(flags.strategy ?? "all", STRATEGY_IDS, "--strategy");
  const mfu = flags.mfu === undefined ? undefined : parseFraction(flags.mfu, "--mfu");
  const tokensPerSec =
    flags.tokensPerSec === undefined
      ? undefined
      : parsePositiveNumber(
          flags.tokensPerSec,
          "--tokens-per-sec",
          "measured training tokens per second per GPU",
          LIMITS.tokensPerSec,
        );
  if (mfu !== undefined && tokensPerSec !== undefined)
    throw new UsageError("--mfu and --tokens-per-sec both set the speed: use one of them");
  if (tokensPerSec !== undefined && strategyIds.length !== 1) {
    throw new UsageError("--tokens-per-sec is the speed of one job: give exactly one --strategy (the one you timed)");
  }
  const precision = parseChoice(flags.precision, PRECISIONS, "--precision");
  if (precision === "fp8" && gpu.fp8DenseTflops === null) {
    throw badValue("--precision", flags.precision, `${gpu.aliases[0] ?? gpu.id} has no fp8 tensor cores; use bf16`);
  }
  const priceKind = parseChoice(flags.priceKind ?? "on-demand", PRICE_KINDS, "--price-kind");
  const usd =
    flags.price === undefined
      ? undefined
      : parsePositiveNumber(flags.price, "--price", "a price in USD per GPU-hour", LIMITS.usdPerGpuHour);
  if (usd !== undefined && flags.provider !== undefined)
    throw new UsageError("--price and --provider both set a price: give one of them");
  if (usd !== undefined && rawFlags.priceKind !== undefined)
    throw new UsageError(
      "--price-kind picks a catalog price; with --price you give the price yourself: drop one of them",
    );
  const krwPerUsd =
    flags.fx === undefined
      ? undefined
      : parsePositiveNumber(flags.fx, "--fx", "won per US dollar, e.g. 1439", LIMITS.krwPerUsd);
  const loraRank = flags.loraRank === undefined ? DEFAULT_LORA_RANK : parseRank(flags.loraRank);
  const loraTargets = parseLoraTargets(flags.loraTargets ?? "all");

  // Only a provider named in the config file is the config's to blame; other price errors are not.
  const providerSource =
    rawFlags.provider === undefined && loaded?.config.provider !== undefined ? sources.price : "flag";
  const price = blameConfig(providerSource, "provider", () =>
    resolvePrice(catalog.prices, gpu.aliases[0] ?? gpu.id, {
      gpuId: gpu.id,
      kind: priceKind,
      ...(flags.provider === undefined ? {} : { provider: flags.provider }),
      ...(usd === undefined ? {} : { usdPerGpuHour: usd }),
    }),
  );
  const configFx = loaded?.config.fx;
  const fx =
    krwPerUsd !== undefined
      ? { krwPerUsd, date: "given", source: "--fx flag" }
      : configFx
        ? { krwPerUsd: configFx.krwPerUsd, date: configFx.date, source: `${loaded!.file}: ${configFx.source}` }
        : {
            krwPerUsd: catalog.fx.default.krwPerUsd,
            date: catalog.fx.default.date,
            source: `${catalog.fx.default.kind}; ${catalog.fx.default.source}`,
          };
  const energy = resolveEnergy(flags, catalog, gpu.tdpW);
  const memory = resolveMemorySettings(flags, count, loraRank, loraTargets, model);
  // New vocabulary rows start untrained, so they train even under LoRA: count them as trainable.
  const adapters = trainableLoraParams(
    model.arch,
    model.exact,
    params,
    loraRank,
    loraTargets,
    model.addedVocabParams,
    model.moe,
  );
  // A token passes through its routed experts' adapters only: those set LoRA's FLOPs.
  const activeAdapters = model.moe
    ? trainableLoraParams(model.arch, model.exact, params, loraRank, loraTargets, model.addedVocabParams, {
        ...model.moe,
        experts: model.moe.expertsPerToken,
      })
    : adapters;
  const strategies = catalog.strategies.filter((s) => strategyIds.includes(s.id));
  const globalBatchTokens = resolveGlobalBatch(flags, catalog);
  const inputs: ResolvedInputs = {
    globalBatchTokens,
    params,
    activeParams: model.activeParams,
    tokens,
    tokensBasis,
    gpu,
    gpuCount: count,
    strategies: strategyIds,
    priceKind,
    loraRank,
    loraTargets,
    precision,
    ...(model.id === undefined ? {} : { model: model.id }),
    modelShape: model.exact ? "exact" : "generic",
    shape: model.arch,
    memory,
    ...(model.vocab === undefined ? {} : { vocab: model.vocab }),
    addedVocabParams: model.addedVocabParams,
    ...(mfu === undefined ? {} : { mfu }),
    ...(tokensPerSec === undefined ? {} : { tokensPerSecPerGpu: tokensPerSec }),
    ...(flags.provider === undefined ? {} : { provider: price.provider }),
  };
  const from = files.trainer
    ? {
        file: files.trainer.file,
        trainer: files.trainer.options.trainer,
        used: files.trainer.options.used,
        ignored: files.trainer.options.ignored,
        assumed: files.trainer.options.assumed,
        notes: files.trainer.options.notes,
      }
    : undefined;
  const report = buildReport({ ...inputs, ...(from ? { from } : {}) }, sources, {
    params,
    activeParams: model.activeParams,
    tokens,
    gpu,
    gpuCount: count,
    strategies,
    price,
    fx,
    adapterParams: adapters,
    ...(activeAdapters < adapters ? { activeAdapterParams: activeAdapters } : {}),
    addedVocabParams: model.addedVocabParams,
    precision,
    throughput: modelFromFile(catalog.throughput),
    globalBatchTokens,
    energy,
    arch: model.arch,
    memory,
    ...(model.moe ? { moe: model.moe } : {}),
    ...(mfu === undefined ? {} : { mfu }),
    ...(tokensPerSec === undefined ? {} : { tokensPerSecPerGpu: tokensPerSec }),
  });
  const tokenizerNote = corpusTokenizerWarning(flags.corpusLang, model.arch.vocab, model.addedVocabRows);
  if (tokenizerNote) report.warnings.push(tokenizerNote);
  if (flags.tokens?.trim().toLowerCase() === "chinchilla" && strategyIds.some((s) => s !== "scratch")) {
    report.warnings.push(
      "--tokens chinchilla is a from-scratch rule (20 tokens per parameter); continued pretraining and fine-tuning use far fewer tokens",
    );
  }
  return report;
}

/** The Llama-2 tokenizer's vocabulary, which --corpus-lang ko's bytes per token were measured with. */
const LLAMA2_VOCAB = 32_000;

/**
 * --corpus-lang ko counts Korean bytes with the Llama-2 32k tokenizer (1.62 bytes per token); a model
 * whose vocabulary was expanded for Korean splits the same text into 2.5× fewer tokens, and the
 * reverse holds for ko-expanded on an unexpanded vocabulary. Either mismatch is a 2.5× error in tokens.
 */
function corpusTokenizerWarning(lang: string | undefined, vocab: number, addedRows: number): string | undefined {
  const expanded = addedRows > 0 || vocab > LLAMA2_VOCAB;
  if (lang?.trim().toLowerCase() === "ko" && expanded)
    return `--corpus-lang ko is the Llama-2 32k tokenizer's 1.62 bytes per token, but this model's vocabulary has ${vocab} entries: for a vocabulary expanded for Korean use --corpus-lang ko-expanded (about 4.07) or --bytes-per-token measured on your tokenizer`;
  if (lang?.trim().toLowerCase() === "ko-expanded" && !expanded)
    return `--corpus-lang ko-expanded assumes a vocabulary expanded for Korean (about 46k entries), but this model's has ${vocab}: use --corpus-lang ko, or --bytes-per-token measured on your tokenizer`;
  return undefined;
}

/** PUE and grid intensity: flags over presets/energy.json. --grid takes g/kWh or a preset name. */
function resolveEnergy(flags: EstimateFlags, catalog: Catalog, tdpW: number): EnergyAssumption {
  const presets = catalog.energy;
  const pue =
    flags.pue === undefined
      ? presets.pue.default
      : parsePositiveNumber(flags.pue, "--pue", "a power usage effectiveness from 1 to 3, e.g. 1.1", LIMITS.pue);
  if (pue < 1) throw badValue("--pue", flags.pue ?? "", "PUE is at least 1 (all power reaching the GPUs), e.g. 1.1");
  const pueSource =
    flags.pue === undefined
      ? `${presets.pue.note} (${presets.pue.source}, ${presets.pue.date})`
      : "--pue flag or config";
  const gridName = flags.grid ?? presets.defaultGrid;
  const named = presets.grids.find((g) => g.id === gridName.trim().toLowerCase());
  if (named)
    return {
      tdpW,
      pue,
      pueSource,
      gCO2PerKWh: named.gCO2PerKWh,
      gridSource: `${named.id}: ${named.note} (${named.source}, ${named.date})`,
      gridLabel: `${named.id}, ${named.date}`,
    };
  if (!/^[\d.]/.test(gridName.trim())) {
    const ids = presets.grids.map((g) => g.id);
    const guess = closest(gridName, ids);
    throw badValue(
      "--grid",
      gridName,
      `expected grams of CO2 per kWh (e.g. 417.3) or one of ${ids.join(", ")}`,
      guess ? `did you mean ${guess}?` : undefined,
    );
  }
  const grams = parsePositiveNumber(gridName, "--grid", "grams of CO2 per kWh, e.g. 417.3", LIMITS.gridGCO2PerKWh);
  return { tdpW, pue, pueSource, gCO2PerKWh: grams, gridSource: "--grid flag or config" };
}

/**
 * The token count from exactly one source: --tokens (a count, or "chinchilla" = 20 per parameter),
 * --corpus with --bytes-per-token or --corpus-lang, or --examples × --tokens-per-example × --epochs.
 */
function resolveTokens(flags: EstimateFlags, params: number, catalog: Catalog): TokenCount {
  const given = [
    flags.tokens !== undefined && "--tokens",
    flags.corpus !== undefined && "--corpus",
    flags.examples !== undefined && "--examples",
  ].filter(Boolean);
  if (given.length > 1) throw new UsageError(`${given.join(" and ")} both give the token count: use one of them`);
  if (flags.corpus === undefined && (flags.bytesPerToken !== undefined || flags.corpusLang !== undefined)) {
    throw new UsageError("--bytes-per-token and --corpus-lang need --corpus (the corpus size, e.g. 61GB)");
  }
  if (flags.examples === undefined && (flags.tokensPerExample !== undefined || flags.epochs !== undefined)) {
    throw new UsageError("--tokens-per-example and --epochs need --examples (e.g. --examples 50k)");
  }
  if (flags.corpus !== undefined) {
    const bytes = parseCorpusSize(flags.corpus, "--corpus");
    if (flags.bytesPerToken !== undefined && flags.corpusLang !== undefined)
      throw new UsageError("--bytes-per-token and --corpus-lang both set the bytes per token: use one of them");
    if (flags.bytesPerToken !== undefined)
      return corpusTokens(
        bytes,
        parsePositiveNumber(
          flags.bytesPerToken,
          "--bytes-per-token",
          "bytes per token, e.g. 4.07",
          LIMITS.bytesPerToken,
        ),
      );
    if (flags.corpusLang === undefined) {
      throw new UsageError(
        `--corpus needs --bytes-per-token N or --corpus-lang ${Object.keys(catalog.corpusLanguages).join("|")}`,
      );
    }
    return corpusLanguageTokens(bytes, catalog.corpusLanguages, flags.corpusLang, "--corpus-lang");
  }
  if (flags.examples !== undefined) {
    const examples = parseCount(flags.examples, "--examples");
    const tokensPerExample = parseCount(
      required(
        flags.tokensPerExample,
        "--tokens-per-example",
        "give the average tokens per example, prompt and answer included, e.g. 1024",
      ),
      "--tokens-per-example",
    );
    const epochs =
      flags.epochs === undefined
        ? 1
        : parsePositiveNumber(flags.epochs, "--epochs", "a number of passes over the data, e.g. 3", LIMITS.epochs);
    return sftTokens({ examples, tokensPerExample, epochs });
  }
  const tokensFlag = parseTokensFlag(
    required(
      flags.tokens,
      "--tokens",
      "give the training tokens (e.g. --tokens 15B, --tokens chinchilla), --corpus 61GB or --examples 50k",
    ),
    "--tokens",
  );
  return tokensFlag.kind === "chinchilla"
    ? chinchillaTokens(params)
    : { tokens: tokensFlag.tokens, basis: "given with --tokens" };
}

export const RECOMPUTE = ["auto", "none", "selective", "full"] as const;
export const DEFAULT_SEQ_LEN = 4096;

/**
 * Settings that decide memory (and recomputation FLOPs), with stated defaults: sequence 4096
 * (Llama 2's context), micro-batch 1, full recomputation (gradient checkpointing, what trainers
 * switch on for billion-parameter models), FlashAttention on, mixed-precision AdamW, and full
 * sharding (ZeRO-3 / FSDP) whenever there is more than one GPU.
 */
function resolveMemorySettings(
  flags: EstimateFlags,
  gpuCount: number,
  loraRank: number,
  loraTargets: LoraTarget[],
  model: ResolvedModel,
): MemorySettings {
  if (flags.fsdp && flags.zero !== undefined && flags.zero !== "3")
    throw new UsageError(`--fsdp is full sharding (ZeRO-3): it contradicts --zero ${flags.zero}`);
  const zeroText = flags.fsdp ? "3" : flags.zero;
  const zero =
    zeroText === undefined
      ? gpuCount > 1
        ? 3
        : 0
      : (Number(parseChoice(zeroText, ["0", "1", "2", "3"] as const, "--zero")) as 0 | 1 | 2 | 3);
  return {
    seqLen:
      flags.seqLen === undefined
        ? DEFAULT_SEQ_LEN
        : parseWholeNumber(flags.seqLen, "--seq-len", 1, 10_000_000, "a sequence length in tokens, e.g. 4096"),
    microBatch:
      flags.microBatch === undefined || flags.microBatch.trim().toLowerCase() === "auto"
        ? "auto"
        : parseWholeNumber(
            flags.microBatch,
            "--micro-batch",
            1,
            1_000_000,
            "sequences per GPU per step, e.g. 1, or auto",
          ),
    recompute: parseChoice(flags.recompute ?? "auto", RECOMPUTE, "--recompute"),
    tensorParallel: parseTensorParallel(flags.tensorParallel),
    zero,
    optimizer: parseChoice(flags.optimizer ?? "adamw", OPTIMIZERS, "--optimizer"),
    flashAttention: flags.flashAttn,
    loraRank,
    loraTargets,
    addedVocabRows: model.addedVocabRows,
  };
}

/**
 * --tensor-parallel: auto (the default), or a degree. One that does not divide the GPU count fits no
 * setting (the estimate says so and warns), so that plan and --deadline can try any count with it.
 */
function parseTensorParallel(value: string | undefined): number | "auto" {
  if (value === undefined || value.trim().toLowerCase() === "auto") return "auto";
  return parseWholeNumber(value, "--tensor-parallel", 1, 64, "a tensor-parallel degree such as 1, 2, 4 or 8, or auto");
}

/** Tokens per optimizer step: the flag, or presets/throughput.json's default (Llama 2's 4M tokens). */
function resolveGlobalBatch(flags: EstimateFlags, catalog: Catalog): number {
  if (flags.globalBatch === undefined) return catalog.throughput.defaults.globalBatchTokens.value;
  // A step of over 10^12 tokens is no real configuration (Llama 3 405B's was 16M).
  return parseCount(flags.globalBatch, "--global-batch", 1e12);
}

function parseWholeNumber(value: string, flag: string, min: number, max: number, what: string): number {
  const n = Number(value.trim().replace(/_/g, ""));
  if (!/^\d[\d_]*$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw badValue(flag, value, `expected ${what} (a whole number from ${min} to ${formatNumber(max)})`);
  return n;
}

function parseRank(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 65536) {
    throw badValue("--lora-rank", value, "expected a whole number from 1 to 65536, e.g. 16");
  }
  return n;
}

/** Renders a report in one of the output formats (pure). */
function renderEstimate(
  report: EstimateReport,
  format: (typeof FORMATS)[number],
  options: { lang: Lang; currency: Currency; explain: boolean; paint: Paint; inverse?: InverseJson | undefined },
): string {
  // --budget / --deadline: an "inverse" block in the JSON, lines under the table or Markdown.
  const inverse = options.inverse;
  const under = inverse ? `\n${renderInverseLines(inverse, gpuDisplayName(report.inputs.gpu))}` : "";
  switch (format) {
    case "json":
      return `${JSON.stringify(inverse ? { ...toEstimateJson(report), inverse } : toEstimateJson(report), null, 2)}\n`;
    case "markdown":
      return renderEstimateMarkdown(report) + under;
    case "html":
      return renderHtmlReport(reportFromEstimate(report));
    case "table":
      return (
        renderEstimateTable(report, options.paint, options) +
        under +
        (options.explain ? `\n${renderExplain(report)}` : "")
      );
    default:
      return renderDelimited(report, format);
  }
}

/** --from: a trainer's YAML as estimate options. yaml and zod are imported only here, off every other start-up. */
async function readTrainer(file: string, cwd: string): Promise<NonNullable<EstimateFiles["trainer"]>> {
  const [{ readYamlFile }, { trainerOptions }] = await Promise.all([
    import("../inputs/read-yaml-file.js"),
    import("../inputs/trainer-config.js"),
  ]);
  return { file, options: trainerOptions(readYamlFile(file, "--from", cwd), file) };
}

/** Registers `estimate` on the program; the action renders to io and leaves exit code 0. */
export function addEstimateCommand(program: Command, io: Io): void {
  program
    .command("estimate")
    .description("FLOPs, GPU-hours, wall-clock days and cost in won and dollars for each training strategy")
    .option(
      "--model <name>",
      "a model preset (llama-2-7b, qwen2.5-7b, ...; list them with llm-cost models) instead of --params",
    )
    .option(
      "--from <path>",
      "a training config (axolotl, LLaMA-Factory or torchtune YAML): strategy, LoRA, sequence, batch, recompute, sharding; flags override it",
    )
    .option("--model-config <path>", "a Hugging Face config.json: the exact architecture (dense or mixture-of-experts)")
    .option("--params <count>", "model parameters: 7B, 6.7b, 175M, 1.5T, 7e9, 7_000_000_000")
    .option(
      "--active-params <count>",
      "with --params, for a mixture of experts: parameters each token passes through (109B with 17B active): FLOPs use these, memory all",
    )
    .option("--add-vocab <count>", "tokens added to the model's vocabulary (e.g. 14k): embedding and head grow")
    .option("--vocab <count>", "the new vocabulary size (e.g. 46336), instead of --add-vocab")
    .option(
      "--tokens <count>",
      "training tokens: 15B, 300M, 1.5T, 15k, 1.5e10, or chinchilla (20 per parameter, a from-scratch rule)",
    )
    .option(
      "--corpus <size>",
      "corpus size instead of --tokens: 61GB, 1.5TB, 500MB, 61GiB (GB = 1e9 bytes, GiB = 2^30)",
    )
    .option("--bytes-per-token <n>", "with --corpus: bytes per token of your tokenizer, e.g. 4.07")
    .option(
      "--corpus-lang <lang>",
      "with --corpus: ko (Llama-2 tokenizer, 1.62 B/token), ko-expanded (~46k vocab, 4.07), en (4.2), code (2.85)",
    )
    .option("--examples <count>", "SFT data instead of --tokens: number of examples, e.g. 50k")
    .option("--tokens-per-example <n>", "with --examples: average tokens per example, prompt and answer included")
    .option("--epochs <n>", "with --examples: passes over the data (default 1)")
    .option("--gpus <spec>", "GPUs: 2xH100, 8xA100-40GB, H100 (one GPU); list them with llm-cost gpus")
    .option("--strategy <list>", `comma list of ${STRATEGY_IDS.join(",")} or all (default: all)`)
    .option("--mfu <fraction>", "efficiency override, 0 < x <= 1 (e.g. 0.4 or 40%); default: calibrated model")
    .option(
      "--tokens-per-sec <n>",
      "your measured training tokens/s per GPU (one --strategy): replaces the default efficiency",
    )
    .option("--precision <p>", "matmul precision: bf16 or fp8 (Hopper and newer)", "bf16")
    .option(
      "--provider <name>",
      "take the price from this provider (aws, gcp, azure, lambda, runpod, coreweave, elice, ...)",
    )
    .option("--price <usd>", "price in USD per GPU-hour (overrides the catalog)")
    .option("--price-kind <kind>", `price kind: ${PRICE_KINDS.join(", ")} (default: "on-demand")`)
    .option(
      "--fx <krw>",
      "won per US dollar (default: the newest dated rate of the catalog, with its date in the output)",
    )
    .option("--pue <x>", "data-centre power usage effectiveness for energy (default: 1.15, cloud hyperscale)")
    .option("--grid <g>", "grid carbon intensity in g CO2/kWh, or korea (417.3, default) or us (385)")
    .option("--lora-rank <r>", `LoRA rank for lora/qlora (default ${DEFAULT_LORA_RANK})`)
    .option("--lora-targets <list>", "LoRA target layers: q,k,v,o,gate,up,down, attn, mlp or all (default all)")
    .option("--seq-len <n>", `sequence length for memory and attention FLOPs (default ${DEFAULT_SEQ_LEN})`)
    .option(
      "--micro-batch <n>",
      "sequences per GPU per micro-batch (default auto: with --recompute auto, the fastest setting that fits memory)",
    )
    .option(
      "--recompute <mode>",
      "activation recomputation: auto (default), none, selective or full (gradient checkpointing)",
    )
    .option(
      "--tensor-parallel <t>",
      "tensor-parallel degree inside a node (default auto: with --recompute auto, the fastest setting that fits memory)",
    )
    .option(
      "--global-batch <tokens>",
      "tokens per optimizer step over all GPUs (default 4M, i.e. 4,194,304): sets gradient accumulation and how many GPUs data parallelism can use",
    )
    .option("--zero <stage>", "ZeRO sharding stage 0-3 (default: 3 with more than one GPU, else 0)")
    .option("--fsdp", "FSDP full sharding (= --zero 3)")
    .option("--optimizer <name>", `${OPTIMIZERS.join(", ")} (default adamw: mixed precision, 16 bytes/param)`)
    .option("--no-flash-attn", "attention without FlashAttention (stores the T×T scores)")
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "table")
    .option("--config <path>", `config file (default: ./${CONFIG_FILE_NAME} when present)`)
    .option("--explain", "after the table, the derivation of each figure with the numbers filled in")
    .option(
      "--budget <money>",
      "what a budget buys at these GPUs: tokens, and the Chinchilla-optimal size (3억, 2.5억, $40k)",
    )
    .option(
      "--deadline <duration>",
      "GPUs of this type needed to finish in time (90d, 12w, 3mo), and whether they fit memory",
    )
    .option("--lang <lang>", "table language: en or ko (default: from LANG, e.g. ko_KR.UTF-8 → ko)")
    .option("--currency <c>", "money columns in the table: both, krw or usd (default both)")
    .option("--out <file>", "write the output to a file (atomically) instead of stdout")
    .option("--force", "with --out: replace an existing file")
    .option("--no-color", "plain output even at a terminal")
    .action(async (flags: EstimateFlags) => {
      const format = parseChoice(flags.format, FORMATS, "--format");
      if (flags.force && (flags.out === undefined || flags.out === "-"))
        throw new UsageError("--force replaces the file --out writes: give --out FILE too");
      // "--out -" is the usual spelling of standard output.
      if (flags.out === "-") delete flags.out;
      const currency = parseChoice(flags.currency ?? "both", CURRENCIES, "--currency");
      const langFlag = flags.lang === undefined ? undefined : parseChoice(flags.lang, LANGS, "--lang");
      const hf =
        flags.modelConfig === undefined
          ? undefined
          : architectureFromHfConfig(readJsonFile(flags.modelConfig, "--model-config", io.cwd), flags.modelConfig);
      const trainer = flags.from === undefined ? undefined : await readTrainer(flags.from, io.cwd);
      const config = await loadUserConfig(flags.config, io.cwd);
      const files = { ...(config ? { config } : {}), ...(hf ? { hf } : {}), ...(trainer ? { trainer } : {}) };
      const report = resolveEstimate(flags, loadCatalog(), files);
      const inverse = buildInverse(flags, format, report, (gpus) =>
        resolveEstimate({ ...flags, gpus }, loadCatalog(), files),
      );
      const lang = langFlag ?? config?.config.lang ?? langFromEnv(io.env);
      const text = renderEstimate(report, format, {
        lang,
        currency,
        explain: flags.explain === true,
        paint: await paintFor(io, flags.color && flags.out === undefined),
        inverse,
      });
      // Write first: a failed --out is then the only line on stderr, with no warning before it.
      const written = flags.out === undefined ? undefined : writeOutput(io.cwd, flags.out, text, flags.force === true);
      for (const warning of report.warnings)
        io.stderr(`llm-cost: ${lang === "ko" ? "경고" : "warning"}: ${localizeWarning(warning, lang)}\n`);
      if (written === undefined) io.stdout(text);
      else io.stderr(`llm-cost: wrote ${written}\n`);
    });
}
