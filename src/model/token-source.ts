import type { CorpusLanguage, CorpusLanguages } from "../catalog/corpus-schema.js";
import { didYouMean, invalid } from "../errors.js";
import { type Message, msg, type Subject } from "../i18n/message.js";
import { formatNumber } from "../util/number-text.js";
import { parseCount } from "../job/values/quantity.js";
import { closest } from "../util/suggest.js";
import { own } from "../util/own.js";

/**
 * Ways to arrive at the training token count other than typing it: a compute-optimal rule, a
 * corpus size with a bytes-per-token figure, or an SFT data set's shape. Each returns the count
 * with its arithmetic as a message (the numbers, not the sentence), so each output says how the
 * number was made in its own language.
 */

/** A token count and the arithmetic that produced it, as a message rendered at the edge. */
export interface TokenCount {
  tokens: number;
  basis: Message;
}

/** The basis of a count the user typed (--tokens 15B). */
export const GIVEN_TOKENS: Message = msg("tokens.given");

/**
 * Hoffmann et al. 2022 (Chinchilla), Table 3: compute-optimal projections of 8.0B tokens for 400M
 * parameters, 20.2B for 1B and 205.1B for 10B, i.e. about 20 tokens per parameter. The paper
 * states no such constant; 20 is a reading of that table (docs/formulas.md §5.2).
 */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** n with at most 4 significant digits and a k/M/B/T suffix: 134.8B, 153.6M, 14.99B. */
function compact(n: number): string {
  const scales: Array<[number, string]> = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  const [scale, suffix] = scales.find(([s]) => n >= s) ?? [1, ""];
  return `${formatNumber(Number((n / scale).toPrecision(4)), 3)}${suffix}`;
}

const grouped = (n: number): string => formatNumber(n, 2);

/** Core functions get already-parsed numbers; a bad one is a bug in the caller, not user input. */
function requirePositive(name: string, n: number): void {
  if (!(Number.isFinite(n) && n > 0)) throw new RangeError(`${name} must be a finite number > 0, got ${n}`);
}

/** Compute-optimal tokens for training `params` parameters from scratch: 20 per parameter. */
export function chinchillaTokens(params: number): TokenCount {
  requirePositive("params", params);
  const tokens = CHINCHILLA_TOKENS_PER_PARAM * params;
  return {
    tokens,
    basis: msg("tokens.chinchilla", {
      perParam: String(CHINCHILLA_TOKENS_PER_PARAM),
      params: compact(params),
      tokens: compact(tokens),
    }),
  };
}

/** Decimal units are powers of 1000 (GB = 10^9 bytes), binary ones powers of 1024 (GiB = 2^30 bytes). */
const BYTE_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  pib: 2 ** 50,
};

const CORPUS_FORMS = msg("reason.corpusForms");

/**
 * Parses a corpus size into bytes: "61GB", "61 GB", "1.5TB", "500MB", "61GiB". GB, TB, MB are
 * decimal (10^9, 10^12, 10^6 bytes) as disks and data-set cards use them; GiB, TiB, MiB are binary.
 */
export function parseCorpusSize(value: string, flag: Subject | string): number {
  const text = value.trim();
  if (/^[-−]/.test(text)) throw invalid(flag, value, msg("reason.sizePositive"));
  const match = /^(\d[\d,_]*(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([a-z]*)$/i.exec(text);
  if (!match) throw invalid(flag, value, CORPUS_FORMS);
  const [, mantissa = "", exponent, unitText = ""] = match;
  const number = mantissa.replace(/[,_]/g, "");
  if (!unitText) throw invalid(flag, value, CORPUS_FORMS, msg("hint.unitMissing", { guess: `${number}GB` }));
  const unit = own(BYTE_UNITS, unitText.toLowerCase());
  if (unit === undefined) {
    // "61G" is most likely GB, but GiB is possible too; name both rather than guess.
    const prefix = /^[kmgtp]$/i.test(unitText) ? unitText.toUpperCase() : undefined;
    const hint = prefix
      ? msg("hint.gibOrGb", { decimal: `${number}${prefix}B`, binary: `${number}${prefix}iB` })
      : undefined;
    throw invalid(flag, value, CORPUS_FORMS, hint);
  }
  const bytes = Number(number) * 10 ** Number(exponent ?? 0) * unit;
  if (!Number.isFinite(bytes)) throw invalid(flag, value, msg("reason.sizeTooLarge"));
  if (bytes <= 0) throw invalid(flag, value, msg("reason.sizePositive"));
  return bytes;
}

/** Tokens in a corpus of `bytes` UTF-8 bytes at `bytesPerToken`: 61 GB at 4.07 → 14.99B tokens. */
export function corpusTokens(bytes: number, bytesPerToken: number): TokenCount {
  requirePositive("bytes", bytes);
  requirePositive("bytesPerToken", bytesPerToken);
  const tokens = bytes / bytesPerToken;
  return {
    tokens,
    basis: msg("tokens.corpus", {
      bytes: grouped(bytes),
      bytesPerToken: grouped(bytesPerToken),
      tokens: compact(tokens),
    }),
  };
}

/** Finds a language preset by id (case-insensitive), or throws naming the known ids and the closest. */
export function findCorpusLanguage(languages: CorpusLanguages, id: string, flag: Subject | string): CorpusLanguage {
  const wanted = id.trim().toLowerCase();
  const found = Object.hasOwn(languages, wanted) ? languages[wanted] : undefined;
  if (found) return found;
  const ids = Object.keys(languages);
  const guess = closest(wanted, ids);
  throw invalid(flag, id, msg("reason.corpusLang", { choices: ids }), didYouMean(guess));
}

/** Tokens in a corpus of `bytes` in the language preset `id`; the basis names the tokenizer and whether the figure is measured. */
export function corpusLanguageTokens(
  bytes: number,
  languages: CorpusLanguages,
  id: string,
  flag: Subject | string,
): TokenCount {
  const language = findCorpusLanguage(languages, id, flag);
  const { tokens, basis } = corpusTokens(bytes, language.bytesPerToken);
  return {
    tokens,
    basis: msg("tokens.corpusLanguage", {
      corpus: basis,
      id: id.trim().toLowerCase(),
      language: language.name,
      tokenizer: language.tokenizer,
      measured: language.status === "measured" ? "yes" : undefined,
    }),
  };
}

/** The shape of a supervised fine-tuning data set. */
export interface SftData {
  examples: number;
  /** Every token through the network: prompt, answer and padding. */
  tokensPerExample: number;
  epochs: number;
}

/** Tokens processed by SFT: examples × tokens per example × epochs (50k × 1,024 × 3 = 153.6M). */
export function sftTokens({ examples, tokensPerExample, epochs }: SftData): TokenCount {
  requirePositive("examples", examples);
  requirePositive("tokensPerExample", tokensPerExample);
  requirePositive("epochs", epochs);
  const tokens = examples * tokensPerExample * epochs;
  return {
    tokens,
    basis: msg("tokens.sft", {
      examples: grouped(examples),
      tokensPerExample: grouped(tokensPerExample),
      epochs: grouped(epochs),
      tokens: compact(tokens),
    }),
  };
}

/** What --tokens asked for: a count, or the Chinchilla rule applied to the model's parameters. */
export type TokensFlag = { kind: "count"; tokens: number } | { kind: "chinchilla" };

const TOKENS_FORMS = msg("reason.tokensForms");

/** Parses --tokens: "chinchilla" (any case) or a count in parseCount's forms. */
export function parseTokensFlag(value: string, flag: Subject | string): TokensFlag {
  const text = value.trim();
  if (text.toLowerCase() === "chinchilla") return { kind: "chinchilla" };
  // A word is a misspelt rule name, not a malformed count: answer with the rule in the message.
  if (/^[a-z][a-z-]*$/i.test(text)) {
    const guess = closest(text, ["chinchilla"]);
    throw invalid(flag, value, TOKENS_FORMS, didYouMean(guess));
  }
  return { kind: "count", tokens: parseCount(value, flag) };
}
