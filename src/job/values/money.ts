import { badValue } from "../../errors.js";
import { formatNumber } from "../../util/number-text.js";
import { own } from "../../util/own.js";

/**
 * Amounts of money as users type them: won the way Korean readers count (3억, 2억 5000만, 5천만),
 * won or dollars in digits with a currency mark (₩300,000,000, 300000000원, $40k, 40,000 USD).
 * A number without a currency is refused, because "300000000" and "40000" differ by ×1,439.
 */

/** The currency a user wrote an amount in. */
export type Currency = "KRW" | "USD";

/** An amount in both currencies; `currency` is the one the user wrote, `text` restates it in full. */
export interface Money {
  krw: number;
  usd: number;
  currency: Currency;
  text: string;
}

/** Every form parseMoney accepts, for error messages. */
export const MONEY_FORMS =
  "expected an amount such as 3억, 2.5억, 5000만, 2억5000만, 2억 5000만, 2억5천만, 1조, ₩300,000,000, 300000000원, 300,000,000 KRW, $40k, $1.2M, 40000usd or 40,000 USD";

/** Korean large units: each groups four digits (만 = 10^4, 억 = 10^8, 조 = 10^12). */
const BIG_UNITS: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
/** Korean small units, used inside a four-digit group: 5천만 = 5 × 1,000 × 10,000. */
const SMALL_UNITS: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };
/** Dollar suffixes. Won takes no SI suffix: "300M원" could be read as 300만 (man), 10,000× less. */
const USD_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

const NUMBER = String.raw`(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const KRW_PREFIX = /^(?:₩|￦|krw(?=[\s\d.]))\s*/i;
const KRW_SUFFIX = /\s*(?:원|krw|won)$/i;
const USD_PREFIX = /^(?:us\$|\$|usd(?=[\s\d.]))\s*/i;
const USD_SUFFIX_WORD = /\s*usd$/i;
const KOREAN_UNIT = /[조억만천백십]/;

const grouped = (n: number, fractionDigits = 0): string => formatNumber(n, fractionDigits);
/** Dollars to the cent below $100, whole dollars above, so a small budget does not read "$0". */
const dollars = (usd: number): string => `$${grouped(usd, usd < 100 ? 2 : 0)}`;

/** A plain decimal number: digits with , or _ separators, an optional fraction and exponent. */
function plainNumber(text: string): number | undefined {
  if (!new RegExp(`^${NUMBER}$`, "i").test(text)) return undefined;
  return Number(text.replace(/[,_]/g, ""));
}

type KoreanResult = { ok: true; won: number } | { ok: false; hint: string };

/**
 * Reads a Korean-style amount: groups of (number, unit) from large to small, each unit once,
 * e.g. "2억5000만", "2억 5천만", "1조 2000억", "천만". A unit with no number before it counts once
 * (만 원 = 10,000 won), as Korean reads it. `endsWithWon` allows a last bare group ("1억 2345만
 * 6789원"); without 원, "3억 5000" is more likely a slip for "3억5000만" and is refused.
 */
function parseKorean(body: string, endsWithWon: boolean): KoreanResult {
  // Spaces may sit next to a unit ("2억 5000만", "2 억"), nowhere else ("3 5억" is two numbers).
  const text = body.replace(/\s*([조억만천백십])\s*/g, "$1");
  const token = new RegExp(`${NUMBER}|[조억만천백십]`, "iy");
  let total = 0;
  let group = 0; // the four-digit group being read, below the next large unit
  let pending: number | undefined; // a number waiting for its unit
  let lastBig = Number.POSITIVE_INFINITY;
  let lastSmall = Number.POSITIVE_INFINITY;
  let lastBigName = "";
  while (token.lastIndex < text.length) {
    const at = token.lastIndex;
    const match = token.exec(text);
    if (!match || match.index !== at) return { ok: false, hint: `cannot read "${text.slice(at)}"` };
    const piece = match[0];
    const big = own(BIG_UNITS, piece);
    const small = own(SMALL_UNITS, piece);
    if (big === undefined && small === undefined) {
      if (pending !== undefined) return { ok: false, hint: "two numbers in a row" };
      pending = Number(piece.replace(/[,_]/g, ""));
      if (group > 0 && pending >= lastSmall)
        return { ok: false, hint: `${piece} is too large after ${grouped(group)}` };
    } else if (small !== undefined) {
      if (small >= lastSmall)
        return { ok: false, hint: `${piece} is out of order: units go 천, 백, 십 within a group, each once` };
      group += (pending ?? 1) * small;
      lastSmall = small;
      pending = undefined;
    } else if (big !== undefined) {
      if (big >= lastBig) {
        const why = big === lastBig ? `${piece} appears twice` : `${piece} comes after ${lastBigName}`;
        return { ok: false, hint: `${why}; units go 조, 억, 만 from large to small, each once` };
      }
      const value = group === 0 && pending === undefined ? 1 : group + (pending ?? 0);
      // After 억, the 만 group must stay below 1억: "2억15000만" is a typo, not 3.5억.
      if (Number.isFinite(lastBig) && value * big >= lastBig) {
        return {
          ok: false,
          hint: `${grouped(value)}${piece} is 1${lastBigName} or more; fold it into the ${lastBigName} part`,
        };
      }
      total += value * big;
      lastBig = big;
      lastBigName = piece;
      group = 0;
      pending = undefined;
      lastSmall = Number.POSITIVE_INFINITY;
    }
  }
  const rest = group + (pending ?? 0);
  if (rest > 0 && Number.isFinite(lastBig)) {
    if (!endsWithWon) return { ok: false, hint: `did you mean ${body.trim()}만? a trailing plain number needs 원` };
    if (rest >= 1e4) return { ok: false, hint: `${grouped(rest)} after ${lastBigName} must be below 10,000` };
  }
  return { ok: true, won: total + rest };
}

/** 10^18 won (100경, about 7 × 10^14 dollars): more than all the world's money; bigger is a typo. */
export const MAX_KRW = 1e18;

/** Throws unless the amount is a finite number above zero and at most MAX_KRW in won. */
function checkAmount(amount: number, value: string, flag: string): void {
  if (!Number.isFinite(amount) || amount > MAX_KRW)
    throw badValue(flag, value, "the amount is too large: at most 10^18 won");
  if (amount > 0 && amount < 0.01) throw badValue(flag, value, "the amount is too small: at least 0.01");
  if (amount <= 0) throw badValue(flag, value, "the amount must be greater than zero");
}

/** Reads the number of dollars after the $ / USD marks are removed: "40k", "1.2M", "40,000". */
function parseDollars(body: string, value: string, flag: string): number {
  const match = new RegExp(`^(${NUMBER})\\s*([kmb])?$`, "i").exec(body);
  if (!match) throw badValue(flag, value, MONEY_FORMS);
  const [, digits = "", suffix] = match;
  return Number(digits.replace(/[,_]/g, "")) * (suffix ? own(USD_SUFFIX, suffix.toLowerCase())! : 1);
}

/** Reads won after the ₩ / 원 / KRW marks are removed: Korean units or plain digits. */
function parseWon(body: string, endsWithWon: boolean, value: string, flag: string): number {
  if (KOREAN_UNIT.test(body)) {
    const result = parseKorean(body, endsWithWon);
    if (!result.ok) throw badValue(flag, value, MONEY_FORMS, result.hint);
    return result.won;
  }
  const won = plainNumber(body);
  if (won !== undefined) return won;
  const suffixed = new RegExp(`^${NUMBER}\\s*[kmb]$`, "i").test(body);
  const hint = suffixed
    ? "won takes no k/M/B suffix (M could be misread as 만): write 억/만 or all the digits"
    : undefined;
  throw badValue(flag, value, MONEY_FORMS, hint);
}

const PREFIXES: ReadonlyArray<[RegExp, Currency]> = [
  [USD_PREFIX, "USD"],
  [KRW_PREFIX, "KRW"],
];
const SUFFIXES: ReadonlyArray<[RegExp, Currency]> = [
  [USD_SUFFIX_WORD, "USD"],
  [KRW_SUFFIX, "KRW"],
];

/** Removes the first mark in `marks` that `text` carries, and says which currency it names. */
function stripMark(text: string, marks: ReadonlyArray<[RegExp, Currency]>): [Currency | undefined, string] {
  for (const [pattern, currency] of marks) if (pattern.test(text)) return [currency, text.replace(pattern, "")];
  return [undefined, text];
}

interface Marked {
  currency: Currency | undefined;
  body: string;
  /** The amount ended in 원/KRW/won, which makes a last bare group of digits plainly won. */
  endsWithWon: boolean;
}

/** Takes off one leading and one trailing currency mark (₩, KRW, US$, $, USD, 원, won); "both" if they disagree. */
function splitCurrency(text: string): Marked | "both" {
  const [before, rest] = stripMark(text, PREFIXES);
  const [after, body] = stripMark(rest, SUFFIXES);
  if (before !== undefined && after !== undefined && before !== after) return "both";
  return { currency: before ?? after, body: body.trim(), endsWithWon: after === "KRW" };
}

/**
 * Parses a budget in won or dollars and converts it at `krwPerUsd` (won per dollar):
 * "2억5000만" → 250,000,000 won; "$40k" at 1,439 → 57,560,000 won. Korean units (조, 억, 만, 천)
 * mean won without a mark; digits need ₩, 원, KRW, $ or USD. The amount must be finite and > 0.
 */
export function parseMoney(value: string, flag: string, krwPerUsd: number): Money {
  // The rate comes from presets or an already-checked --fx; a bad one here is a bug, not user input.
  if (!(Number.isFinite(krwPerUsd) && krwPerUsd > 0)) throw new RangeError(`parseMoney: krwPerUsd ${krwPerUsd}`);
  const trimmed = value.trim();
  if (!trimmed) throw badValue(flag, value, MONEY_FORMS);
  if (/^[-−]/.test(trimmed) || /^(?:₩|￦|\$|us\$)\s*[-−]/i.test(trimmed)) {
    throw badValue(flag, value, "the amount must be greater than zero");
  }
  const trailingDollar = new RegExp(`^(${NUMBER}\\s*[kmb]?)\\s*\\$$`, "i").exec(trimmed);
  if (trailingDollar) throw badValue(flag, value, MONEY_FORMS, `the $ goes first: did you mean $${trailingDollar[1]}?`);

  const marked = splitCurrency(trimmed);
  if (marked === "both") throw badValue(flag, value, MONEY_FORMS, "it names both won and dollars");
  const { body, endsWithWon } = marked;
  // Korean units can only mean won, so "3억" needs no mark; bare digits could be either.
  const currency = marked.currency ?? (KOREAN_UNIT.test(body) ? "KRW" : undefined);
  if (currency === undefined) {
    const hint =
      plainNumber(body) === undefined
        ? undefined
        : `a number alone has no currency: did you mean ${body}원 or $${body}?`;
    throw badValue(flag, value, MONEY_FORMS, hint);
  }

  const amount = currency === "USD" ? parseDollars(body, value, flag) : parseWon(body, endsWithWon, value, flag);
  checkAmount(amount, value, flag);
  const krw = currency === "USD" ? amount * krwPerUsd : amount;
  const usd = currency === "USD" ? amount : amount / krwPerUsd;
  checkAmount(krw, value, flag);
  const rate = `${grouped(krwPerUsd, 2)} KRW/USD`;
  const text =
    currency === "USD"
      ? `${dollars(usd)} (= ₩${grouped(krw)} at ${rate})`
      : `₩${grouped(krw)} (= ${dollars(usd)} at ${rate})`;
  return { krw, usd, currency, text };
}
