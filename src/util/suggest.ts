/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment):
 * "lroa" is one typo away from "lora", as a reader sees it.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Values longer than this get no "did you mean": no name llm-cost knows is half as long. */
export const MAX_SUGGEST_INPUT = 64;

/**
 * The closest candidate to `input`, if it is close enough to be a plausible typo
 * (distance at most a third of the longer string, and at least 1 edit allowed).
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  // The distance costs length × length per candidate: a long value (a pasted file, 1 MB) would take
  // minutes, and is no typo of a short name anyway.
  if (input.length > MAX_SUGGEST_INPUT) return undefined;
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  if (bestDistance <= limit) return best;
  // A unique candidate that starts with what was typed ("solar" → solar-10.7b) is the likely one.
  const prefixed = needle.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(needle)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
