import { invalid } from "../../errors.js";
import { type Message, msg, type Subject } from "../../i18n/message.js";
import { render } from "../../i18n/render.js";
import { KOREAN_UNIT, parseKoreanNumber } from "./korean-number.js";
import { formatNumber } from "../../util/number-text.js";
import { own } from "../../util/own.js";

/**
 * Amounts of money as users type them: won the way Korean readers count (3억, 2억 5000만, 5천만),
 * won or dollars in digits with a currency mark (₩300,000,000, 300000000원, $40k, 40,000 USD).
 * A number without a currency is refused, because "300000000" and "40000" differ by ×1,439.
 */

/** The currency a user wrote an amount in. */
export type Currency = "KRW" | "USD";

/** An amount in both currencies; `currency` is the one the user wrote. */
export interface Money {
  krw: number;
  usd: number;
  currency: Currency;
  /** The won per dollar it was converted at. */
  krwPerUsd: number;
  /** The amount restated with its conversion, in English (the JSON): "₩300,000,000 (= $208,478 at 1,439 KRW/USD)". */
  text: string;
}

const FORMS = msg("reason.moneyForms");

/** Dollar suffixes. Won takes no SI suffix: "300M원" could be read as 300만 (man), 10,000× less. */
const USD_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };

const NUMBER = String.raw`(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const KRW_PREFIX = /^(?:₩|￦|krw(?=[\s\d.]))\s*/i;
const KRW_SUFFIX = /\s*(?:원|krw|won)$/i;
const USD_PREFIX = /^(?:us\$|\$|usd(?=[\s\d.]))\s*/i;
const USD_SUFFIX_WORD = /\s*usd$/i;

const grouped = (n: number, fractionDigits = 0): string => formatNumber(n, fractionDigits);
/** Dollars to the cent below $100, whole dollars above, so a small budget does not read "$0". */
const dollars = (usd: number): string => `$${grouped(usd, usd < 100 ? 2 : 0)}`;

/** A plain decimal number: digits with , or _ separators, an optional fraction and exponent. */
function plainNumber(text: string): number | undefined {
  if (!new RegExp(`^${NUMBER}$`, "i").test(text)) return undefined;
  return Number(text.replace(/[,_]/g, ""));
}

/** 10^18 won (100경, about 7 × 10^14 dollars): more than all the world's money; bigger is a typo. */
export const MAX_KRW = 1e18;

/** Throws unless the amount is a finite number above zero and at most MAX_KRW in won. */
function checkAmount(amount: number, value: string, flag: Subject | string): void {
  if (!Number.isFinite(amount) || amount > MAX_KRW) throw invalid(flag, value, msg("reason.moneyTooLarge"));
  if (amount > 0 && amount < 0.01) throw invalid(flag, value, msg("reason.moneyTooSmall"));
  if (amount <= 0) throw invalid(flag, value, msg("reason.moneyPositive"));
}

/** Reads the number of dollars after the $ / USD marks are removed: "40k", "1.2M", "40,000". */
function parseDollars(body: string, value: string, flag: Subject | string): number {
  const match = new RegExp(`^(${NUMBER})\\s*([kmb])?$`, "i").exec(body);
  if (!match) throw invalid(flag, value, FORMS);
  const [, digits = "", suffix] = match;
  return Number(digits.replace(/[,_]/g, "")) * (suffix ? own(USD_SUFFIX, suffix.toLowerCase())! : 1);
}

/** Reads won after the ₩ / 원 / KRW marks are removed: Korean units or plain digits. */
function parseWon(body: string, endsWithWon: boolean, value: string, flag: Subject | string): number {
  if (KOREAN_UNIT.test(body)) {
    const result = parseKoreanNumber(body, endsWithWon);
    if (!result.ok) throw invalid(flag, value, FORMS, result.hint);
    return result.value;
  }
  const won = plainNumber(body);
  if (won !== undefined) return won;
  const suffixed = new RegExp(`^${NUMBER}\\s*[kmb]$`, "i").test(body);
  throw invalid(flag, value, FORMS, suffixed ? msg("hint.wonNoSuffix") : undefined);
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
export function parseMoney(value: string, flag: Subject | string, krwPerUsd: number): Money {
  // The rate comes from presets or an already-checked --fx; a bad one here is a bug, not user input.
  if (!(Number.isFinite(krwPerUsd) && krwPerUsd > 0)) throw new RangeError(`parseMoney: krwPerUsd ${krwPerUsd}`);
  const trimmed = value.trim();
  if (!trimmed) throw invalid(flag, value, FORMS);
  if (/^[-−]/.test(trimmed) || /^(?:₩|￦|\$|us\$)\s*[-−]/i.test(trimmed)) {
    throw invalid(flag, value, msg("reason.moneyPositive"));
  }
  const trailingDollar = new RegExp(`^(${NUMBER}\\s*[kmb]?)\\s*\\$$`, "i").exec(trimmed);
  if (trailingDollar) throw invalid(flag, value, FORMS, msg("hint.dollarFirst", { guess: `$${trailingDollar[1]}` }));

  const marked = splitCurrency(trimmed);
  if (marked === "both") throw invalid(flag, value, FORMS, msg("hint.bothCurrencies"));
  const { body, endsWithWon } = marked;
  // Korean units can only mean won, so "3억" needs no mark; bare digits could be either.
  const currency = marked.currency ?? (KOREAN_UNIT.test(body) ? "KRW" : undefined);
  if (currency === undefined) {
    const hint: Message | undefined =
      plainNumber(body) === undefined ? undefined : msg("hint.wonOrDollars", { won: `${body}원`, dollars: body });
    throw invalid(flag, value, FORMS, hint);
  }

  const amount = currency === "USD" ? parseDollars(body, value, flag) : parseWon(body, endsWithWon, value, flag);
  checkAmount(amount, value, flag);
  const krw = currency === "USD" ? amount * krwPerUsd : amount;
  const usd = currency === "USD" ? amount : amount / krwPerUsd;
  checkAmount(krw, value, flag);
  const money = { krw, usd, currency, krwPerUsd };
  return { ...money, text: render(moneySaid(money), "en") };
}

/**
 * The amount restated with its conversion, as a message: the amount as written first, then the
 * other currency and the rate. Won are a message of their own, so each language writes them its
 * way (₩300,000,000; 3억 원); dollars to the cent below $100.
 */
export function moneySaid(m: Omit<Money, "text">): Message {
  const won = msg("said.won", { krw: String(m.krw) });
  const [amount, converted] = m.currency === "USD" ? [dollars(m.usd), won] : [won, dollars(m.usd)];
  return msg("said.money", { amount, converted, rate: grouped(m.krwPerUsd, 2) });
}
