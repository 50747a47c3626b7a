/**
 * Number formatting for humans. Machine formats (json, csv, tsv) never use these: they print raw
 * numbers. Korean money follows how Korean readers count: 조 (1e12), 억 (1e8), 만 (1e4).
 */

import { formatNumber, formatSignificant } from "../util/number-text.js";

const grouped = (n: number): string => formatNumber(Math.round(n));

/**
 * Won in 억/만 form: 250,000,000 → "2억 5,000만 원", 21,600,000 → "2,160만 원", 4,321 → "4,321 원",
 * 1.2e12 → "1조 2,000억 원". From 1억 up the two largest units are shown; below 1억, whole 만.
 * The smaller unit is rounded, carrying into the larger one (1억 9,999.6만 → "2억 원").
 */
export function formatKrw(won: number): string {
  if (!Number.isFinite(won) || won < 0) throw new RangeError(`formatKrw: ${won}`);
  // From 1경 (10^16) the 억/만 split loses precision (beyond 2^53): use powers of ten instead.
  if (won >= 1e16) return `${formatSci(won)} 원`;
  // Compare after rounding so 9,999.6 won reads "1만 원", not "10,000 원".
  if (Math.round(won) < 1e4) return `${grouped(won)} 원`;
  // Below 10만 a whole 만 would be up to 33 % off (14,999 → 1만): keep 만 and hundreds of 원.
  if (Math.round(won / 100) < 1e3) {
    const hundreds = Math.round(won / 100);
    const [man, rest] = [Math.floor(hundreds / 100), (hundreds % 100) * 100];
    return rest === 0 ? `${man}만 원` : `${man}만 ${grouped(rest)} 원`;
  }
  if (Math.round(won / 1e4) < 1e4) return `${grouped(won / 1e4)}만 원`;
  const [big, bigName, small, smallName] =
    Math.round(won / 1e8) >= 1e4 ? [1e12, "조", 1e8, "억"] : [1e8, "억", 1e4, "만"];
  // Round to a whole number of the smaller unit, then split; this carries cleanly.
  const inSmall = Math.round(won / small);
  const ratio = big / small;
  const major = Math.floor(inSmall / ratio);
  const minor = inSmall - major * ratio;
  const head = `${grouped(major)}${bigName}`;
  return minor === 0 ? `${head} 원` : `${head} ${grouped(minor)}${smallName} 원`;
}

/** Won in one unit with 3 significant digits, for ranges: 18,700,000 → "1,870만", 2.5e8 → "2.5억". */
export function formatKrwShort(won: number): string {
  if (won >= 1e16) return formatSci(won);
  if (won < 1e4) return `${grouped(won)}원`;
  if (won < 1e5) return `${significant(won / 1e4, 2)}만`;
  if (won < 1e8) return `${grouped(won / 1e4)}만`;
  if (won < 1e12) return `${significant(won / 1e8, 3)}억`;
  return `${significant(won / 1e12, 3)}조`;
}

/** Dollars: "$1,060" below a million, then "$12.3M", "$4.56B". */
export function formatUsd(usd: number): string {
  if (usd >= 1e12) return `$${formatSci(usd)}`;
  if (usd < 1) return `$${usd.toFixed(2)}`;
  if (usd < 1e6) return `$${grouped(usd)}`;
  if (usd < 1e9) return `$${significant(usd / 1e6, 3)}M`;
  return `$${significant(usd / 1e9, 3)}B`;
}

/** Dollars with 3 significant digits, for ranges: "$1.3k", "$850", "$12.3M". */
export function formatUsdShort(usd: number): string {
  if (usd < 0.01) return "<$0.01";
  if (usd >= 1e12) return `$${formatSci(usd)}`;
  if (usd < 1000) return `$${significant(usd, 3)}`;
  if (usd < 1e6) return `$${significant(usd / 1e3, 3)}k`;
  if (usd < 1e9) return `$${significant(usd / 1e6, 3)}M`;
  return `$${significant(usd / 1e9, 3)}B`;
}

/** n with `digits` significant digits and no trailing zeros: 6.30 → "6.3", 1234 → "1,234" when digits ≥ 4. */
export function significant(n: number, digits: number): string {
  if (n === 0) return "0";
  // Tiny values (a one-token job) in powers of ten, not twenty decimal places.
  if (Math.abs(n) < 1e-3) return formatSci(n);
  const rounded = Number(n.toPrecision(digits));
  if (Math.abs(rounded) >= 10 ** digits) return grouped(rounded);
  return formatSignificant(rounded, digits);
}

/** Scientific notation with up to 3 significant digits: 6.3e20, 4.21e20, 1e3. */
export function formatSci(n: number): string {
  if (n > 0 && n < 1000 && n >= 1e-3) return significant(n, 3);
  if (n === 0) return "0";
  const [mantissa = "", exponent = ""] = n.toExponential(2).split("e");
  return `${String(Number(mantissa))}e${Number(exponent)}`;
}

/** A count of parameters or tokens: 6.74B, 175M, 15k, 1.5T, 999. */
export function formatCount(n: number): string {
  if (n >= 1e15) return formatSci(n);
  if (n >= 1e12) return `${significant(n / 1e12, 3)}T`;
  if (n >= 1e9) return `${significant(n / 1e9, 3)}B`;
  if (n >= 1e6) return `${significant(n / 1e6, 3)}M`;
  if (n >= 1e3) return `${significant(n / 1e3, 3)}k`;
  return significant(n, 3);
}

/** GPU-hours: whole hours from 100 up, 3 significant digits below ("0.0012" for a one-token job). */
export function formatHours(hours: number): string {
  if (hours > 0 && hours < 0.001) return "<0.001";
  if (hours >= 1e15) return formatSci(hours);
  return hours >= 100 ? grouped(hours) : significant(hours, 3);
}

/**
 * A wall-clock duration given in days, in the unit that reads best: "730 d", "8.9 d", "5.2 h",
 * "12 min", "3.4 s". Never negative (callers pass durations ≥ 0).
 */
export function formatDuration(days: number): string {
  if (days >= 1e6) return `${formatSci(days)} d`;
  if (days >= 100) return `${grouped(days)} d`;
  if (days >= 1) return `${significant(days, 2 + (days >= 10 ? 1 : 0))} d`;
  const hours = days * 24;
  if (hours >= 1) return `${significant(hours, 2)} h`;
  const minutes = hours * 60;
  if (minutes >= 1) return `${significant(minutes, 2)} min`;
  const seconds = minutes * 60;
  return seconds < 1 ? "<1 s" : `${significant(seconds, 2)} s`;
}

/** A Korean duration as a number and its unit, before 약 or a range joins them: [12.4, "년"]. */
type KoDuration = readonly [number: string, unit: string];

/**
 * A month is read as 30 days, as --deadline reads 개월 (3개월 = 90일); a year is the mean calendar
 * year, so that a long run's years do not drift by a leap day every four.
 */
const DAYS_PER_MONTH = 30;
const DAYS_PER_YEAR = 365.2425;

/**
 * The largest unit a Korean reader would say the duration in: hours under a day, days under about
 * two months (people count "45일", not "1.5개월"), months under a year, then years. Two significant
 * digits, three from 10 up in days and years (as the English "14.9 d"): "12.4년", "3.5개월", "26일".
 */
function koParts(days: number): KoDuration | undefined {
  if (days >= DAYS_PER_YEAR) {
    const years = days / DAYS_PER_YEAR;
    if (years >= 1e6) return [formatSci(years), "년"];
    return [years >= 100 ? grouped(years) : significant(years, years >= 10 ? 3 : 2), "년"];
  }
  if (days >= 60) return [significant(days / DAYS_PER_MONTH, 2), "개월"];
  if (days >= 10) return [grouped(days), "일"];
  if (days >= 1) return [significant(days, 2), "일"];
  const hours = days * 24;
  if (hours >= 1) return [significant(hours, 2), "시간"];
  const minutes = hours * 60;
  if (minutes >= 1) return [significant(minutes, 2), "분"];
  const seconds = minutes * 60;
  return seconds < 1 ? undefined : [significant(seconds, 2), "초"];
}

/**
 * A duration in Korean, as people say it: "약 12.4년", "약 3.5개월", "약 15일", "약 5.2시간", "약 12분",
 * "약 3초". (약 = about: every duration here is an estimate.)
 */
export function formatDurationKo(days: number): string {
  const parts = koParts(days);
  return parts === undefined ? "1초 미만" : `약 ${parts[0]}${parts[1]}`;
}

/**
 * A range of durations in Korean with "~": the unit once when both ends share it ("9.3~26일"),
 * else on each end ("45일~3.5개월").
 */
export function formatDurationRangeKo(low: number, high: number): string {
  const [a, b] = [koParts(low), koParts(high)];
  const text = (p: KoDuration | undefined): string => (p === undefined ? "1초 미만" : `${p[0]}${p[1]}`);
  if (a !== undefined && b !== undefined && a[1] === b[1]) return `${a[0]}~${b[0]}${b[1]}`;
  return `${text(a)}~${text(b)}`;
}
