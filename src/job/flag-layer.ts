import { PRICE_KINDS, STRATEGY_IDS } from "../catalog/constants.js";
import { UsageError, invalid, usage } from "../errors.js";
import { type Message, msg, type Origin, type Subject, subject } from "../i18n/message.js";
import { parseLoraTargets } from "../model/lora.js";
import { OPTIMIZERS } from "../model/memory.js";
import { parseCorpusSize, parseTokensFlag } from "../model/token-source.js";
import { formatNumber } from "../util/number-text.js";
import { PRECISIONS, RECOMPUTE, ZERO_STAGES } from "./options.js";
import { FROM_FLAG, given, type JobField, type JobFields, type JobLayer } from "./spec.js";
import { parseChoice, parseChoiceList } from "./values/choices.js";
import { LIMITS, parseCount, parseFraction, parsePositiveNumber } from "./values/quantity.js";

/** Whole numbers within bounds ("4096", "4_096"); what a value is, for the message. */
export function parseWholeNumber(value: string, field: string, min: number, max: number, what: Message): number {
  const n = Number(value.trim().replace(/_/g, ""));
  if (!/^\d[\d_]*$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw invalid(
      field,
      value,
      msg("reason.wholeNumber", {
        what,
        min: String(min),
        max: formatNumber(max),
      }),
    );
  return n;
}

/** Vocabulary sizes: the largest released vocabularies are ~256k; 10^8 is far past any. */
const MAX_VOCAB = 1e8;

function wholeTokens(value: string, field: string): number {
  const n = parseCount(value, field, MAX_VOCAB);
  if (!Number.isSafeInteger(n)) throw invalid(field, value, msg("reason.vocabWhole"));
  return n;
}

const orAuto = <T>(value: string, parse: (text: string) => T): T | "auto" =>
  value.trim().toLowerCase() === "auto" ? "auto" : parse(value);

type Parsers = { [K in JobField]?: (text: string) => JobFields[K] };

/**
 * Each job field's parser for text as a flag gives it (config files and scenarios arrive typed and
 * are checked by their schemas). A refused value names the field, which renders as its flag.
 */
const PARSERS: Parsers = {
  model: (t) => t,
  params: (t) => parseCount(t, "params", LIMITS.params),
  activeParams: (t) => parseCount(t, "activeParams", LIMITS.params),
  addVocab: (t) => wholeTokens(t, "addVocab"),
  vocab: (t) => wholeTokens(t, "vocab"),
  tokens: (t) => {
    const parsed = parseTokensFlag(t, "tokens");
    return parsed.kind === "chinchilla" ? "chinchilla" : parsed.tokens;
  },
  corpus: (t) => parseCorpusSize(t, "corpus"),
  bytesPerToken: (t) => parsePositiveNumber(t, "bytesPerToken", msg("what.bytesPerToken"), LIMITS.bytesPerToken),
  corpusLang: (t) => t.trim().toLowerCase(),
  examples: (t) => parseCount(t, "examples"),
  tokensPerExample: (t) => parseCount(t, "tokensPerExample"),
  epochs: (t) => parsePositiveNumber(t, "epochs", msg("what.epochs"), LIMITS.epochs),
  strategy: (t) => parseChoiceList(t, STRATEGY_IDS, "strategy"),
  gpus: (t) => t,
  precision: (t) => parseChoice(t, PRECISIONS, "precision"),
  mfu: (t) => parseFraction(t, "mfu"),
  tokensPerSec: (t) => parsePositiveNumber(t, "tokensPerSec", msg("what.tokensPerSec"), LIMITS.tokensPerSec),
  provider: (t) => t,
  price: (t) => parsePositiveNumber(t, "price", msg("what.price"), LIMITS.usdPerGpuHour),
  priceKind: (t) => parseChoice(t, PRICE_KINDS, "priceKind"),
  fx: (t) => ({
    krwPerUsd: parsePositiveNumber(t, "fx", msg("what.fx"), LIMITS.krwPerUsd),
    date: "given",
    source: "--fx",
  }),
  pue: (t) => {
    const pue = parsePositiveNumber(t, "pue", msg("what.pue"), { max: LIMITS.pue.max });
    if (pue < 1) throw invalid("pue", t, msg("reason.pueBelowOne"));
    return pue;
  },
  grid: (t) =>
    /^\s*[\d.]/.test(t)
      ? parsePositiveNumber(t, "grid", msg("what.grid"), LIMITS.gridGCO2PerKWh)
      : t.trim().toLowerCase(),
  seqLen: (t) => parseWholeNumber(t, "seqLen", 1, 10_000_000, msg("what.seqLen")),
  microBatch: (t) => orAuto(t, (v) => parseWholeNumber(v, "microBatch", 1, 1_000_000, msg("what.microBatch"))),
  recompute: (t) => parseChoice(t, RECOMPUTE, "recompute"),
  tensorParallel: (t) => orAuto(t, (v) => parseWholeNumber(v, "tensorParallel", 1, 64, msg("what.tensorParallel"))),
  // A step of over 10^12 tokens is no real configuration (Llama 3 405B's was 16M).
  globalBatch: (t) => parseCount(t, "globalBatch", 1e12),
  zero: (t) => Number(parseChoice(t, ZERO_STAGES, "zero")) as 0 | 1 | 2 | 3,
  optimizer: (t) => parseChoice(t, OPTIMIZERS, "optimizer"),
  loraRank: (t) => parseWholeNumber(t, "loraRank", 1, 65536, msg("what.loraRank")),
  loraTargets: (t) => parseLoraTargets(t, "loraTargets"),
};

/** A refused value's error, re-addressed to where the value came from (a file and key, a scenario). */
export function withOrigin(error: unknown, field: string, origin: Origin): unknown {
  if (!(error instanceof UsageError) || origin.kind === "flag") return error;
  const said = error.said;
  const about = said.args["subject"];
  if (said.code !== "input.invalid" || typeof about !== "object" || (about as Subject).kind !== "subject") return error;
  const s = about as Subject;
  if (s.origin !== undefined || s.field !== field) return error;
  return new UsageError(msg("input.invalid", { ...said.args, subject: subject(field, origin) }));
}

/** A value as a file or a scenario holds it, as the text a flag would give (lists joined by commas). */
const asText = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "number"
      ? String(value)
      : Array.isArray(value)
        ? value.join(",")
        : undefined;

/**
 * Job fields from any source, each parsed by the one parser its flag uses (numbers from a file are
 * checked exactly as typed ones), typed and tagged with `originOf(field)`. A refused value names
 * its origin: the flag, or the file and key.
 */
export function parseLayer(values: Readonly<Record<string, unknown>>, originOf: (field: string) => Origin): JobLayer {
  const layer: Record<string, unknown> = {};
  for (const [key, parse] of Object.entries(PARSERS) as [JobField, (t: string) => unknown][]) {
    const text = asText(values[key]);
    if (text === undefined) continue;
    const origin = originOf(key);
    try {
      layer[key] = given(parse(text), origin, text);
    } catch (error) {
      throw withOrigin(error, key, origin);
    }
  }
  return layer as JobLayer;
}

/**
 * The job fields a command's flags give, parsed and typed. Booleans commander fills in itself
 * (--no-flash-attn's true) count only when they differ from the default.
 */
export function flagLayer(flags: Readonly<Record<string, unknown>>): JobLayer {
  const layer: Record<string, unknown> = parseLayer(flags, () => FROM_FLAG);
  if (flags["fsdp"] === true) {
    const zero = layer["zero"] as { value: number } | undefined;
    if (zero !== undefined && zero.value !== 3) throw usage("rule.fsdpAgainstZero", { zero: String(zero.value) });
    layer["zero"] = given(3, FROM_FLAG);
  }
  if (flags["flashAttn"] === false) layer["flashAttn"] = given(false, FROM_FLAG);
  if (flags["vat"] === true) layer["vat"] = given(true, FROM_FLAG);
  return layer as JobLayer;
}
