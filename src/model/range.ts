/** An estimate with its range: low ≤ expected ≤ high, in the quantity's own unit. */
export interface Range {
  low: number;
  expected: number;
  high: number;
}

/** Applies f to each point; f must be increasing so the order is kept. */
export function mapRange(range: Range, f: (x: number) => number): Range {
  return { low: f(range.low), expected: f(range.expected), high: f(range.high) };
}

/**
 * Turns a range of efficiencies into a range of a cost that falls as efficiency rises
 * (GPU-hours, days): the low cost comes from the high efficiency.
 */
export function invertRange(efficiency: Range, costAtEfficiency: (e: number) => number): Range {
  return {
    low: costAtEfficiency(efficiency.high),
    expected: costAtEfficiency(efficiency.expected),
    high: costAtEfficiency(efficiency.low),
  };
}
