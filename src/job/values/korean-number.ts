import { type Message, msg } from "../../i18n/message.js";
import { formatNumber } from "../../util/number-text.js";
import { own } from "../../util/own.js";

/**
 * Numbers the way Korean readers count, in groups of four digits: 3억, 2억 5000만, 5천만, 1.5조.
 * Money (won) and counts (parameters, tokens: 70억, 150억) share this reading.
 */

/** Korean large units: each groups four digits (만 = 10^4, 억 = 10^8, 조 = 10^12). */
const BIG_UNITS: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
/** Korean small units, used inside a four-digit group: 5천만 = 5 × 1,000 × 10,000. */
const SMALL_UNITS: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };

export const KOREAN_UNIT = /[조억만천백십]/;
const NUMBER = String.raw`(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;

export type KoreanNumber = { ok: true; value: number } | { ok: false; hint: Message };

const grouped = (n: number): string => formatNumber(n, 0);

/**
 * Reads groups of (number, unit) from large to small, each unit once, e.g. "2억5000만", "2억 5천만",
 * "1조 2000억", "천만". A unit with no number before it counts once (만 = 10,000), as Korean reads
 * it. `trailingPlain` allows a last bare group ("1억 2345만 6789" after 원); without it, "3억 5000"
 * is more likely a slip for "3억5000만" and is refused.
 */
export function parseKoreanNumber(body: string, trailingPlain: boolean): KoreanNumber {
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
    if (!match || match.index !== at) return { ok: false, hint: msg("hint.koCannotRead", { rest: text.slice(at) }) };
    const piece = match[0];
    const big = own(BIG_UNITS, piece);
    const small = own(SMALL_UNITS, piece);
    if (big === undefined && small === undefined) {
      if (pending !== undefined) return { ok: false, hint: msg("hint.koTwoNumbers") };
      pending = Number(piece.replace(/[,_]/g, ""));
      if (group > 0 && pending >= lastSmall)
        return { ok: false, hint: msg("hint.koTooLargeAfter", { piece, group: grouped(group) }) };
    } else if (small !== undefined) {
      if (small >= lastSmall) return { ok: false, hint: msg("hint.koSmallOrder", { piece }) };
      group += (pending ?? 1) * small;
      lastSmall = small;
      pending = undefined;
    } else if (big !== undefined) {
      if (big >= lastBig) {
        const hint =
          big === lastBig ? msg("hint.koBigTwice", { piece }) : msg("hint.koBigOrder", { piece, before: lastBigName });
        return { ok: false, hint };
      }
      const value = group === 0 && pending === undefined ? 1 : group + (pending ?? 0);
      // After 억, the 만 group must stay below 1억: "2억15000만" is a typo, not 3.5억.
      if (Number.isFinite(lastBig) && value * big >= lastBig)
        return { ok: false, hint: msg("hint.koFold", { value: `${grouped(value)}${piece}`, before: lastBigName }) };
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
    if (!trailingPlain) return { ok: false, hint: msg("hint.koTrailing", { guess: `${body.trim()}만` }) };
    if (rest >= 1e4)
      return { ok: false, hint: msg("hint.koBelowTenThousand", { rest: grouped(rest), before: lastBigName }) };
  }
  return { ok: true, value: total + rest };
}
