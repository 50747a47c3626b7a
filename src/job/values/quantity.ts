import { invalid } from "../../errors.js";
import { type Message, msg, type Subject } from "../../i18n/message.js";
import { parseKoreanNumber, KOREAN_UNIT } from "./korean-number.js";
import { own } from "../../util/own.js";

/** Decimal multipliers for counts of parameters and tokens (SI-style, as papers write them). */
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/**
 * The largest count accepted: 10^18, about 70,000 times Llama 3's 15T tokens. Bigger numbers answer
 * no real question and would overflow the arithmetic that follows (FLOPs, money in won).
 */
export const MAX_COUNT = 1e18;

/**
 * Parses a count like "7B", "6.7b", "175M", "1.5T", "15k", "7e9", "7000000000" or "7_000_000_000".
 * Underscores and commas are digit separators. The result must be at least 1 and at most `max`.
 */
export function parseCount(value: string, flag: Subject | string, max = MAX_COUNT): number {
  const text = value.trim().replace(/[_,]/g, "");
  // Korean readers count in groups of four digits: 70억 = 7,000,000,000, 1.5조 = 1.5 × 10^12.
  if (KOREAN_UNIT.test(text)) return checkCount(parseKoreanCount(text, value, flag), value, flag, max);
  const match = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([kmbgt])?$/i.exec(text);
  if (!match) throw invalid(flag, value, msg("reason.count"));
  const [, mantissa = "", exponent, suffix] = match;
  const n = Number(mantissa) * 10 ** Number(exponent ?? 0) * (suffix ? own(SUFFIX, suffix.toLowerCase())! : 1);
  return checkCount(n, value, flag, max);
}

function parseKoreanCount(text: string, value: string, flag: Subject | string): number {
  const result = parseKoreanNumber(text, true);
  if (!result.ok) throw invalid(flag, value, msg("reason.count"), result.hint);
  return result.value;
}

/** A count at least 1, at most `max`, and whole. */
function checkCount(n: number, value: string, flag: Subject | string, max: number): number {
  if (!Number.isFinite(n) || n > max)
    throw invalid(flag, value, msg("reason.tooLargeCount", { max: max.toExponential() }));
  // Below one parameter or one token the question has no meaning (and 0 would divide by zero later).
  if (n < 1) throw invalid(flag, value, msg("reason.atLeastOne"));
  // Parameters, tokens and examples are whole: 6.7B is 6,700,000,000, but 1.5 is a typo.
  const whole = Math.round(n);
  if (Math.abs(n - whole) > 1e-6 * n) throw invalid(flag, value, msg("reason.wholeCount"));
  return whole;
}

/** Plausible bounds for a number: outside them it is a typo, and it would overflow what follows. */
export interface Bounds {
  min?: number;
  max: number;
}

/** Parses a positive real number (a price, an exchange rate) within `bounds`. */
export function parsePositiveNumber(value: string, flag: Subject | string, what: Message, bounds: Bounds): number {
  const text = value.trim().replace(/[_,]/g, "");
  const n = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw invalid(flag, value, msg("reason.positive", { what }));
  if (n > bounds.max) throw invalid(flag, value, msg("reason.atMost", { what, max: String(bounds.max) }));
  if (bounds.min !== undefined && n < bounds.min)
    throw invalid(flag, value, msg("reason.atLeast", { what, min: String(bounds.min) }));
  return n;
}

/** The bounds of each number a user can give, with why: none of them is a real limit of the world. */
export const LIMITS = {
  /** 10^15 parameters, 500 times the largest published model. */
  params: 1e15,
  /** USD per GPU-hour: the catalog spans $0.34–$14; a tenth of a cent is free for any purpose. */
  usdPerGpuHour: { min: 0.001, max: 1e4 },
  /** won per dollar: 1,439 in 2025; 100,000 leaves room for any currency used as "won". */
  krwPerUsd: { min: 1, max: 1e5 },
  /** bytes per token: measured tokenizers give 1.6–4.2; a byte-level model 1. */
  bytesPerToken: { min: 0.1, max: 1e3 },
  /** tokens per second per GPU: the GPU's peak is checked later; this only stops overflow. */
  tokensPerSec: { min: 0.001, max: 1e9 },
  /** passes over the data. */
  epochs: { max: 1e6 },
  /** data-centre PUE: 1 (all power to IT) to 3 (the worst surveyed). */
  pue: { min: 1, max: 3 },
  /** grams of CO2 per kWh: coal-fired grids are about 1,000. */
  gridGCO2PerKWh: { max: 1e4 },
} as const;

/** Parses a fraction in (0, 1], written as 0.4 or 40%. */
export function parseFraction(value: string, flag: Subject | string): number {
  const text = value.trim();
  const percent = text.endsWith("%");
  const body = percent ? text.slice(0, -1) : text;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  // Below 0.1 % no training run is that slow: it is a typo (0.4 meant, 0.004 typed).
  if (!(n >= 0.001 && n <= 1)) throw invalid(flag, value, msg("reason.fraction"));
  return n;
}
