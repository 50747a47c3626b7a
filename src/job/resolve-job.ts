import type { Catalog } from "../catalog/load.js";
import { findModel } from "../catalog/find-model.js";
import { gpuDisplayName, parseGpuSelection } from "../catalog/gpus.js";
import { resolvePrice } from "../catalog/price-lookup.js";
import { STRATEGY_IDS, type StrategyId } from "../catalog/constants.js";
import { modelFromFile } from "../catalog/throughput-model.js";
import { didYouMean, invalid, usage } from "../errors.js";
import { type Message, msg, type Origin, subject } from "../i18n/message.js";
import { mapHubModelToPreset } from "../inputs/hub-model.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { countParams, genericArchitecture, withVocab, type Architecture } from "../model/architecture.js";
import type { EnergyAssumption } from "../model/energy.js";
import type { FxAssumption } from "../model/estimate.js";
import { FX_STALE_DAYS, fxAgeDays } from "../model/fx-age.js";
import type { VatAssumption } from "../model/vat.js";
import type { MoeShape } from "../inputs/hf-config.js";
import { DEFAULT_LORA_RANK, trainableLoraParams } from "../model/lora.js";
import type { MemorySettings } from "../model/memory-fit.js";
import { buildReport, type EstimateReport, type ResolvedInputs } from "../model/report.js";
import {
  chinchillaTokens,
  corpusLanguageTokens,
  GIVEN_TOKENS,
  corpusTokens,
  sftTokens,
  type TokenCount,
} from "../model/token-source.js";
import { formatNumber } from "../util/number-text.js";
import { closest } from "../util/suggest.js";
import { withProfileSpeed } from "./apply-profile.js";
import { withOrigin } from "./flag-layer.js";
import { asWritten, type Given, givenFields, type JobField, type JobSpec } from "./spec.js";

export const DEFAULT_SEQ_LEN = 4096;
const DEFAULT: Origin = { kind: "default" };

/** The model: a preset, a config.json, or a bare size (with a generic shape). */
interface ResolvedModel {
  id?: string;
  arch: Architecture;
  /** true when the shape is exact (a preset or config.json); false for the generic shape behind --params. */
  exact: boolean;
  params: number;
  /** Parameters one token passes through (MoE: the routed experts only); FLOPs use these. */
  activeParams: number;
  moe?: MoeShape;
  /** Embedding + head parameters added to a preset's vocabulary (they train in every strategy). */
  addedVocabParams: number;
  addedVocabRows: number;
  vocab?: number;
}

const about = (spec: JobSpec, field: JobField) => subject(field, spec[field]?.origin);

function conflict(spec: JobSpec, first: JobField, second: JobField, what: Message) {
  return usage("input.conflict", { first: about(spec, first), second: about(spec, second), what });
}

function missing(field: JobField, reason: Message) {
  return usage("input.missing", { subject: subject(field), reason });
}

/**
 * A mixture of experts from its two sizes ("109B, 17B active"): the generic shape of the active
 * parameters, whose MLP is one of several experts holding the rest. FLOPs and attention follow the
 * active parameters, memory every parameter: E = 1 + (total − active) / (one expert's MLP × layers).
 */
function mixtureOfExperts(params: number, active: Given<number>): ResolvedModel {
  if (active.value > params)
    throw invalid(
      subject("activeParams", active.origin),
      asWritten(active),
      msg("reason.activeAboveTotal", { params: formatNumber(params) }),
    );
  const arch = genericArchitecture(active.value);
  const expertParams = countParams(arch).mlpPerLayer * arch.layers;
  const moe: MoeShape = {
    experts: 1 + (params - active.value) / expertParams,
    expertsPerToken: 1,
    expertFfn: arch.ffn,
    sharedExperts: 0,
    sharedExpertFfn: 0,
  };
  return { arch, exact: false, params, activeParams: active.value, moe, addedVocabParams: 0, addedVocabRows: 0 };
}

/** The preset a trainer's YAML names, when no model was given otherwise. */
function trainerModel(spec: JobSpec, catalog: Catalog): Given<string> | undefined {
  const trainer = spec.files?.trainer;
  if (!trainer?.options.model || spec.model || spec.params || spec.files?.hf) return undefined;
  const preset = mapHubModelToPreset(trainer.options.model, catalog.models);
  if (preset === undefined)
    throw usage("file.trainerModelUnknown", { file: trainer.file, model: trainer.options.model });
  return { value: preset, origin: { kind: "trainer", file: trainer.file, key: "model" } };
}

function resolveModel(spec: JobSpec, catalog: Catalog): ResolvedModel {
  const hf = spec.files?.hf;
  const model = spec.model ?? trainerModel(spec, catalog);
  if (model && spec.params) throw conflict(spec, "model", "params", msg("what.model"));
  if (spec.vocab && spec.addVocab) throw conflict(spec, "vocab", "addVocab", msg("what.vocabulary"));
  if (hf !== undefined) {
    if (model || spec.params)
      throw usage("input.conflict", {
        first: about(spec, model ? "model" : "params"),
        second: subject("modelConfig"),
        what: msg("what.model"),
      });
    if (spec.vocab || spec.addVocab) throw usage("rule.vocabWithConfig");
    return {
      id: hf.file,
      arch: hf.model.arch,
      exact: true,
      params: hf.model.totalParams,
      activeParams: hf.model.activeParams,
      ...(hf.model.moe ? { moe: hf.model.moe } : {}),
      addedVocabParams: 0,
      addedVocabRows: 0,
      vocab: hf.model.arch.vocab,
    };
  }
  if (model === undefined) {
    if (spec.vocab || spec.addVocab) throw usage("rule.vocabNeedsModel");
    if (!spec.params) throw missing("params", msg("missing.params"));
    const params = spec.params.value;
    if (spec.activeParams) return mixtureOfExperts(params, spec.activeParams);
    return {
      arch: genericArchitecture(params),
      exact: false,
      params,
      activeParams: params,
      addedVocabParams: 0,
      addedVocabRows: 0,
    };
  }
  if (spec.activeParams) throw usage("rule.activeWithParams");
  const preset = findModel(catalog.models, model.value, subject("model", model.origin));
  let arch: Architecture = preset.arch;
  if (spec.vocab || spec.addVocab) {
    const vocab = spec.vocab ? spec.vocab.value : preset.arch.vocab + spec.addVocab!.value;
    if (vocab < preset.arch.vocab)
      throw invalid(
        about(spec, "vocab"),
        spec.vocab ? asWritten(spec.vocab) : "",
        msg("reason.vocabBelowModel", { vocab: preset.arch.vocab }),
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

/**
 * The token count from exactly one source: tokens (a count, or "chinchilla" = 20 per parameter),
 * corpus with bytes per token or a corpus language, or examples × tokens per example × epochs.
 */
function resolveTokens(spec: JobSpec, params: number, catalog: Catalog): TokenCount {
  const sources = (["tokens", "corpus", "examples"] as const).filter((f) => spec[f] !== undefined);
  if (sources.length > 1) throw conflict(spec, sources[0]!, sources[1]!, msg("what.tokenCount"));
  if (!spec.corpus && (spec.bytesPerToken || spec.corpusLang))
    throw usage("input.needs", {
      subject: about(spec, spec.bytesPerToken ? "bytesPerToken" : "corpusLang"),
      needed: subject("corpus"),
      example: "--corpus 61GB",
    });
  if (!spec.examples && (spec.tokensPerExample || spec.epochs))
    throw usage("input.needs", {
      subject: about(spec, spec.tokensPerExample ? "tokensPerExample" : "epochs"),
      needed: subject("examples"),
      example: "--examples 50k",
    });
  if (spec.corpus) {
    if (spec.bytesPerToken && spec.corpusLang)
      throw conflict(spec, "bytesPerToken", "corpusLang", msg("what.bytesPerTokenBoth"));
    if (spec.bytesPerToken) return corpusTokens(spec.corpus.value, spec.bytesPerToken.value);
    if (!spec.corpusLang)
      throw usage("input.needs", {
        subject: about(spec, "corpus"),
        needed: `--bytes-per-token N / --corpus-lang`,
        example: Object.keys(catalog.corpusLanguages).join("|"),
      });
    return corpusLanguageTokens(
      spec.corpus.value,
      catalog.corpusLanguages,
      spec.corpusLang.value,
      about(spec, "corpusLang"),
    );
  }
  if (spec.examples) {
    if (!spec.tokensPerExample) throw missing("tokensPerExample", msg("missing.tokensPerExample"));
    return sftTokens({
      examples: spec.examples.value,
      tokensPerExample: spec.tokensPerExample.value,
      epochs: spec.epochs?.value ?? 1,
    });
  }
  if (!spec.tokens) throw missing("tokens", msg("missing.tokens"));
  return spec.tokens.value === "chinchilla"
    ? chinchillaTokens(params)
    : { tokens: spec.tokens.value, basis: GIVEN_TOKENS };
}

/** PUE and grid intensity: given values over presets/energy.json. A grid is g/kWh or a preset's name. */
function resolveEnergy(spec: JobSpec, catalog: Catalog, tdpW: number): EnergyAssumption {
  const presets = catalog.energy;
  const pue = spec.pue?.value ?? presets.pue.default;
  const pueSource = spec.pue ? "given" : `${presets.pue.note} (${presets.pue.source}, ${presets.pue.date})`;
  const grid = spec.grid?.value ?? presets.defaultGrid;
  if (typeof grid === "number") return { tdpW, pue, pueSource, gCO2PerKWh: grid, gridSource: "given" };
  const named = presets.grids.find((g) => g.id === grid);
  if (!named) {
    const ids = presets.grids.map((g) => g.id);
    throw invalid(about(spec, "grid"), grid, msg("reason.grid", { choices: ids }), didYouMean(closest(grid, ids)));
  }
  return {
    tdpW,
    pue,
    pueSource,
    gCO2PerKWh: named.gCO2PerKWh,
    gridSource: `${named.id}: ${named.note} (${named.source}, ${named.date})`,
    gridLabel: `${named.id}, ${named.date}`,
    ...(named.nameKo ? { gridLabelKo: `${named.nameKo}, ${named.date}` } : {}),
  };
}

/**
 * Settings that decide memory (and recomputation FLOPs), with stated defaults: sequence 4096
 * (Llama 2's context), micro-batch, recomputation and tensor parallelism auto (the fastest setting
 * that fits), FlashAttention on, mixed-precision AdamW, and full sharding (ZeRO-3 / FSDP) whenever
 * there is more than one GPU.
 */
function memorySettings(spec: JobSpec, gpuCount: number, model: ResolvedModel): MemorySettings {
  return {
    seqLen: spec.seqLen?.value ?? DEFAULT_SEQ_LEN,
    microBatch: spec.microBatch?.value ?? "auto",
    recompute: spec.recompute?.value ?? "auto",
    tensorParallel: spec.tensorParallel?.value ?? "auto",
    zero: spec.zero?.value ?? (gpuCount > 1 ? 3 : 0),
    optimizer: spec.optimizer?.value ?? "adamw",
    flashAttention: spec.flashAttn?.value ?? true,
    loraRank: spec.loraRank?.value ?? DEFAULT_LORA_RANK,
    loraTargets: spec.loraTargets?.value ?? ["q", "k", "v", "o", "gate", "up", "down"],
    addedVocabRows: model.addedVocabRows,
  };
}

/** The Llama-2 tokenizer's vocabulary, which the corpus language "ko" was measured with. */
const LLAMA2_VOCAB = 32_000;

/**
 * Corpus language "ko" counts Korean bytes with the Llama-2 32k tokenizer (1.62 bytes per token); a
 * model whose vocabulary was expanded for Korean splits the same text into 2.5× fewer tokens, and
 * the reverse holds for ko-expanded on an unexpanded vocabulary: either is a 2.5× error in tokens.
 */
function tokenizerWarning(lang: string | undefined, vocab: number, addedRows: number): Message | undefined {
  const expanded = addedRows > 0 || vocab > LLAMA2_VOCAB;
  if (lang === "ko" && expanded) return msg("warn.corpusKoExpanded", { vocab: String(vocab) });
  if (lang === "ko-expanded" && !expanded) return msg("warn.corpusKoNotExpanded", { vocab: String(vocab) });
  return undefined;
}

/**
 * A rate older than FX_STALE_DAYS on the day the edge read (spec.today), whether the catalog's or a
 * config file's; a --fx typed without a date has none to age, and without today nothing is checked.
 */
function staleFx(fx: FxAssumption, today: string | undefined): Message | undefined {
  const days = today === undefined ? undefined : fxAgeDays(fx.date, today);
  if (days === undefined || days <= FX_STALE_DAYS) return undefined;
  return msg("warn.staleFx", { rate: formatNumber(fx.krwPerUsd), date: fx.date, days, max: FX_STALE_DAYS });
}

/** The origin of every input the report used: given ones as given, the rest as defaults. */
function originsOf(spec: JobSpec): Record<string, Origin> {
  const origins: Record<string, Origin> = {};
  for (const [field, value] of givenFields(spec)) origins[field] = value.origin;
  for (const field of ["gpus", "price", "fx", "vat", "pue", "grid", "mfu"]) origins[field] ??= DEFAULT;
  return origins;
}

/** The resolution itself; resolveJob below re-addresses its errors. */
function resolve(spec: JobSpec, baseCatalog: Catalog): EstimateReport {
  if (spec.profile) {
    // A saved profile becomes the job's measured speed (scaled to this job when it must be).
    const { spec: measured, note } = withProfileSpeed(spec, baseCatalog, (s) => resolve(s, baseCatalog));
    const report = resolve(measured, baseCatalog);
    if (note) report.warnings.push(note);
    return report;
  }
  const catalog = mergeConfig(baseCatalog, spec.files?.config);
  const model = resolveModel(spec, catalog);
  const { tokens, basis: tokensBasis } = resolveTokens(spec, model.params, catalog);
  if (!spec.gpus) throw missing("gpus", msg("missing.gpus"));
  const { gpu, count } = parseGpuSelection(spec.gpus.value, catalog.gpus, about(spec, "gpus"));
  const strategyIds: StrategyId[] = spec.strategy?.value ?? [...STRATEGY_IDS];
  if (spec.mfu && spec.tokensPerSec) throw conflict(spec, "mfu", "tokensPerSec", msg("what.speed"));
  if (spec.tokensPerSec && strategyIds.length !== 1) throw usage("rule.tokensPerSecOneStrategy");
  const precision = spec.precision?.value ?? "bf16";
  if (precision === "fp8" && gpu.fp8DenseTflops === null)
    throw invalid(
      about(spec, "precision"),
      asWritten(spec.precision!),
      msg("reason.noFp8", { gpu: gpuDisplayName(gpu) }),
    );
  const priceKind = spec.priceKind?.value ?? "on-demand";
  if (spec.price && spec.provider) throw conflict(spec, "price", "provider", msg("what.aPrice"));
  if (spec.price && spec.priceKind) throw usage("rule.priceKindWithPrice");
  const price = resolvePrice(
    catalog.prices,
    gpuDisplayName(gpu),
    {
      gpuId: gpu.id,
      kind: priceKind,
      ...(spec.provider ? { provider: spec.provider.value } : {}),
      ...(spec.price ? { usdPerGpuHour: spec.price.value } : {}),
    },
    about(spec, "provider"),
  );
  const fx: FxAssumption = spec.fx
    ? { ...spec.fx.value }
    : {
        krwPerUsd: catalog.fx.default.krwPerUsd,
        date: catalog.fx.default.date,
        source: `${catalog.fx.default.kind}; ${catalog.fx.default.source}`,
        ...(catalog.fx.default.kindKo
          ? { sourceKo: `${catalog.fx.default.kindKo}; ${catalog.fx.default.source}` }
          : {}),
      };
  const tax = catalog.tax.vat;
  const vat: VatAssumption = { included: spec.vat?.value ?? false, rate: tax.rate, source: tax.law };
  const energy = resolveEnergy(spec, catalog, gpu.tdpW);
  const memory = memorySettings(spec, count, model);
  // New vocabulary rows start untrained, so they train even under LoRA: count them as trainable.
  const adaptersOf = (moe: MoeShape | undefined): number =>
    trainableLoraParams(
      model.arch,
      model.exact,
      model.params,
      memory.loraRank,
      [...memory.loraTargets],
      model.addedVocabParams,
      moe,
    );
  const adapters = adaptersOf(model.moe);
  // A token passes through its routed experts' adapters only: those set LoRA's FLOPs.
  const activeAdapters = model.moe ? adaptersOf({ ...model.moe, experts: model.moe.expertsPerToken }) : adapters;
  const globalBatchTokens = spec.globalBatch?.value ?? catalog.throughput.defaults.globalBatchTokens.value;
  const mfu = spec.mfu?.value;
  const tokensPerSec = spec.tokensPerSec?.value;
  const trainer = spec.files?.trainer;
  const inputs: ResolvedInputs = {
    globalBatchTokens,
    params: model.params,
    activeParams: model.activeParams,
    tokens,
    tokensBasis,
    gpu,
    gpuCount: count,
    strategies: strategyIds,
    priceKind,
    loraRank: memory.loraRank,
    loraTargets: [...memory.loraTargets],
    precision,
    ...(model.id === undefined ? {} : { model: model.id }),
    modelShape: model.exact ? "exact" : "generic",
    shape: model.arch,
    memory,
    ...(model.vocab === undefined ? {} : { vocab: model.vocab }),
    addedVocabParams: model.addedVocabParams,
    ...(mfu === undefined ? {} : { mfu }),
    ...(tokensPerSec === undefined ? {} : { tokensPerSecPerGpu: tokensPerSec }),
    ...(spec.provider && price ? { provider: price.provider } : {}),
    ...(trainer
      ? {
          from: {
            file: trainer.file,
            trainer: trainer.options.trainer,
            used: trainer.options.used,
            ignored: trainer.options.ignored,
            assumed: trainer.options.assumed,
            notes: trainer.options.notes,
          },
        }
      : {}),
  };
  const report = buildReport(inputs, originsOf(spec), {
    params: model.params,
    activeParams: model.activeParams,
    tokens,
    gpu,
    gpuCount: count,
    strategies: catalog.strategies.filter((s) => strategyIds.includes(s.id)),
    price,
    fx,
    vat,
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
  if (price === null) report.warnings.push(msg("warn.noPrice", { kind: priceKind, gpu: gpuDisplayName(gpu) }));
  const tokenizer = tokenizerWarning(spec.corpusLang?.value, model.arch.vocab, model.addedVocabRows);
  if (tokenizer) report.warnings.push(tokenizer);
  if (spec.tokens?.value === "chinchilla" && strategyIds.some((s) => s !== "scratch"))
    report.warnings.push(msg("warn.chinchillaNotScratch"));
  const stale = staleFx(fx, spec.today);
  if (stale) report.warnings.push(stale);
  return report;
}

/**
 * One job, from its typed spec to the estimate report: pure (the files were read at the edge).
 * Every command runs through it: estimate and check once, compare once per scenario, plan once per
 * GPU type and listed plan, with the count and price it chose as typed values. A refused value is
 * re-addressed to where it came from (a file and key, a scenario).
 */
export function resolveJob(spec: JobSpec, catalog: Catalog): EstimateReport {
  try {
    return resolve(spec, catalog);
  } catch (error) {
    for (const [field, value] of givenFields(spec)) {
      const readdressed = withOrigin(error, field, value.origin);
      if (readdressed !== error) throw readdressed;
    }
    throw error;
  }
}
