import type { Lang } from "../i18n/lang.js";
import { displayWidth } from "../i18n/width.js";
import { formatDuration, formatDurationKo } from "./format.js";

/**
 * Durations and ranges as plan, check and estimate's --budget/--deadline lines print them, per
 * language. Korean readers count a long run in years ("약 12.4년", not "약 4,545일") and write a
 * range with one unit and a tilde ("9.3~26일").
 */

/** A duration: "6.3 d" in English; in Korean "약 6.3일", and in years from a year on. */
export function daysText(days: number, lang: Lang): string {
  if (lang === "en") return formatDuration(days);
  // One Korean duration everywhere: the largest unit that reads naturally (format.ts).
  return formatDurationKo(days);
}

/** A duration without "약", for a range's ends. */
const bareKo = (days: number): string => daysText(days, "ko").replace(/^약 /, "");

/**
 * low–high: "2.1 d–5.7 d" in English (each end formatted by `format`); in Korean "2.1~5.7일",
 * the unit said once when both ends share it ("20시간~2.1일" when they do not).
 */
export function rangeText(low: string, high: string, lang: Lang): string {
  if (lang === "en") return `${low}–${high}`;
  const [a, b] = [splitUnit(low), splitUnit(high)];
  return a && b && a[1] === b[1] ? `${a[0]}~${high}` : `${low}~${high}`;
}

/** A range of durations in the language's form. */
export function daysRange(low: number, high: number, lang: Lang): string {
  return lang === "en"
    ? rangeText(formatDuration(low), formatDuration(high), lang)
    : rangeText(bareKo(low), bareKo(high), lang);
}

/** "1.5억" → ["1.5", "억"], "$715" → ["$715", ""]: a number and the unit written after it. */
function splitUnit(text: string): [string, string] | undefined {
  // Dollars keep both marks ("$715~$1.94k"): "$1.71~$4.64k" would read as $1.71 at the low end.
  const match = /^([\d.,]+(?:e\d+)?)\s?(\D*)$/.exec(text);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** "  Label      text": the label padded to `width` terminal columns (Korean letters take two). */
export function labelled(label: string, text: string, width = 15): string {
  return `${label}${" ".repeat(Math.max(1, width - displayWidth(label)))}${text}`;
}
