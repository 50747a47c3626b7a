import { badValue, shown } from "../../errors.js";
import { closest } from "../../util/suggest.js";

/** Parses one value that must be one of `allowed` (any case), with a "did you mean" hint. */
export function parseChoice<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (found) return found;
  const guess = closest(value, allowed);
  throw badValue(flag, value, `expected one of ${allowed.join(", ")}`, guess ? `did you mean ${guess}?` : undefined);
}

/** Parses a comma list of choices ("all" = every one), keeping the catalog order and dropping repeats. */
export function parseChoiceList<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const parts = value
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw badValue(flag, value, `expected a comma list of ${allowed.join(", ")} (or all)`);
  if (parts.some((p) => p.toLowerCase() === "all")) return [...allowed];
  const picked = new Set(
    parts.map((p) => {
      try {
        return parseChoice(p, allowed, flag);
      } catch {
        const guess = closest(p, allowed);
        throw badValue(
          flag,
          value,
          `unknown "${shown(p, 40)}"; expected a comma list of ${allowed.join(", ")} (or all)`,
          guess ? `did you mean ${guess}?` : undefined,
        );
      }
    }),
  );
  return allowed.filter((a) => picked.has(a));
}
