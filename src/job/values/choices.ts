import { didYouMean, invalid } from "../../errors.js";
import { msg, quoted, type Subject } from "../../i18n/message.js";
import { closest } from "../../util/suggest.js";

/** Parses one value that must be one of `allowed` (any case), with a "did you mean" hint. */
export function parseChoice<T extends string>(value: string, allowed: readonly T[], flag: Subject | string): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (found) return found;
  const guess = closest(value, allowed);
  throw invalid(flag, value, msg("reason.oneOf", { choices: allowed }), didYouMean(guess));
}

/** Parses a comma list of choices ("all" = every one), keeping the catalog order and dropping repeats. */
export function parseChoiceList<T extends string>(value: string, allowed: readonly T[], flag: Subject | string): T[] {
  const parts = value
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw invalid(flag, value, msg("reason.commaList", { choices: allowed }));
  if (parts.some((p) => p.toLowerCase() === "all")) return [...allowed];
  const picked = new Set(
    parts.map((p) => {
      try {
        return parseChoice(p, allowed, flag);
      } catch {
        const guess = closest(p, allowed);
        throw invalid(
          flag,
          value,
          msg("reason.unknownInList", { item: quoted(p, 40), choices: allowed }),
          didYouMean(guess),
        );
      }
    }),
  );
  return allowed.filter((a) => picked.has(a));
}
