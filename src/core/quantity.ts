import { badValue } from "../errors.js";

/** Decimal multipliers for counts of parameters and tokens (SI-style, as papers write them). */
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

const COUNT_FORMS = "expected a positive count such as 7B, 6.7b, 175M, 1.5T, 15k, 7e9, 7000000000 or 7_000_000_000";

/**
 * Parses a count like "7B", "6.7b", "175M", "1.5T", "15k", "7e9", "7000000000" or "7_000_000_000".
 * Underscores and commas are digit separators. The result must be finite and at least 1.
 */
export function parseCount(value: string, flag: string): number {
  const text = value.trim().replace(/[_,]/g, "");
  const match = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([kmbgt])?$/i.exec(text);
  if (!match) throw badValue(flag, value, COUNT_FORMS);
  const [, mantissa = "", exponent, suffix] = match;
  const n = Number(mantissa) * 10 ** Number(exponent ?? 0) * (suffix ? SUFFIX[suffix.toLowerCase()]! : 1);
  if (!Number.isFinite(n)) throw badValue(flag, value, "the number is too large");
  // Below one parameter or one token the question has no meaning (and 0 would divide by zero later).
  if (n < 1) throw badValue(flag, value, "must be at least 1");
  return n;
}

/** Parses a positive real number (a price, an exchange rate). */
export function parsePositiveNumber(value: string, flag: string, what: string): number {
  const text = value.trim().replace(/[_,]/g, "");
  const n = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw badValue(flag, value, `expected ${what} greater than zero`);
  return n;
}

/** Parses a fraction in (0, 1], written as 0.4 or 40%. */
export function parseFraction(value: string, flag: string): number {
  const text = value.trim();
  const percent = text.endsWith("%");
  const body = percent ? text.slice(0, -1) : text;
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  if (!(n > 0 && n <= 1)) throw badValue(flag, value, "expected a fraction greater than 0 and at most 1, e.g. 0.4 or 40%");
  return n;
}
