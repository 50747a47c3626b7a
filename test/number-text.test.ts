import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, formatSignificant } from "../src/util/number-text.js";

// formatNumber / formatSignificant stand in for toLocaleString("en-US", ...) so that the CLI never
// loads ICU. They must agree with it exactly, on every double: Intl is the oracle here.
const RUNS = { seed: 0x1c0, numRuns: 20_000 } as const;

/** Doubles of every size, halves (ties) and short decimals, where rounding goes wrong first. */
const numbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 8 })).map(([n, places]) => n / 10 ** places),
  fc
    .tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 6 }))
    .map(([n, places]) => (n + 0.5) / 10 ** places),
);

const EDGES = [
  0,
  -0,
  0.5,
  1.005,
  2.5,
  -2.5,
  9.9995,
  99_999.5,
  1439,
  1e21,
  1.5e-7,
  5e-324,
  Number.MAX_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

describe("formatNumber", () => {
  it("matches toLocaleString('en-US', { maximumFractionDigits }) for 0-3 digits and the default", () => {
    for (const n of EDGES) {
      expect(formatNumber(n)).toBe(n.toLocaleString("en-US"));
      for (const digits of [0, 1, 2, 3])
        expect(formatNumber(n, digits)).toBe(n.toLocaleString("en-US", { maximumFractionDigits: digits }));
    }
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 3 }), (n, digits) => {
        expect(formatNumber(n, digits)).toBe(n.toLocaleString("en-US", { maximumFractionDigits: digits }));
      }),
      RUNS,
    );
  });
});

describe("formatSignificant", () => {
  it("matches toLocaleString('en-US', { maximumSignificantDigits }) for 1-6 digits", () => {
    for (const n of EDGES) {
      for (const digits of [1, 2, 3, 4])
        expect(formatSignificant(n, digits)).toBe(n.toLocaleString("en-US", { maximumSignificantDigits: digits }));
    }
    fc.assert(
      fc.property(numbers, fc.integer({ min: 1, max: 6 }), (n, digits) => {
        expect(formatSignificant(n, digits)).toBe(n.toLocaleString("en-US", { maximumSignificantDigits: digits }));
      }),
      RUNS,
    );
  });
});
