/**
 * Numbers as `toLocaleString("en-US", …)` writes them ("1,234.5"), without ICU: the first
 * toLocaleString in a process loads ICU's locale data, which costs about a quarter of a bare
 * `node -e 0` start, more than the whole rest of an estimate's arithmetic (see `npm run bench`).
 * test/number-text.test.ts checks these against Intl on random and edge-case numbers.
 *
 * Like ICU, they round the shortest decimal that reads back as the same double (so 1.005 has two
 * fraction digits 1.01, as written, not the 1.00 of toFixed), halves away from zero.
 */

/** The shortest round-trip decimal of |n|: its digits, and where the point goes (1234.5 → "12345", 4). */
function decimalDigits(n: number): { digits: string; point: number } {
  const [mantissa = "0", exponent = "0"] = Math.abs(n).toExponential().split("e");
  return { digits: mantissa.replace(".", ""), point: Number(exponent) + 1 };
}

/** Rounds `digits` (point as above) to its first `keep` digits, halves up; zero when nothing is kept. */
function roundDigits(digits: string, point: number, keep: number): { digits: string; point: number } {
  if (keep >= digits.length) return { digits, point };
  if (keep < 0 || (keep === 0 && digits[0]! < "5")) return { digits: "0", point: 1 };
  const kept = digits.slice(0, keep).split("").map(Number);
  if (digits[keep]! >= "5") {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i]! += 1;
    else return { digits: `1${kept.join("")}`, point: point + 1 };
  }
  return { digits: kept.join(""), point };
}

/** Groups a string of integer digits in threes: "1234567" → "1,234,567". */
function groupThousands(integer: string): string {
  const head = integer.length % 3 || 3;
  let out = integer.slice(0, head);
  for (let i = head; i < integer.length; i += 3) out += `,${integer.slice(i, i + 3)}`;
  return out;
}

/** Lays out rounded digits: grouped integer part, fraction without trailing zeros, sign kept (ICU prints "-0"). */
function layout(negative: boolean, digits: string, point: number): string {
  const significant = digits.replace(/0+$/, "");
  const integer = point <= 0 ? "0" : significant.slice(0, point).padEnd(point, "0");
  const fraction = point < 0 ? "0".repeat(-point) + significant : significant.slice(point);
  return `${negative ? "-" : ""}${groupThousands(integer)}${fraction ? `.${fraction}` : ""}`;
}

/** Special values as ICU writes them: "NaN", "∞", "-∞"; undefined for finite numbers. */
function special(n: number): string | undefined {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "-∞";
  return undefined;
}

const isNegative = (n: number): boolean => n < 0 || Object.is(n, -0);

/** = n.toLocaleString("en-US", { maximumFractionDigits }): 1234.5678 → "1,234.568" (default 3 digits, ICU's). */
export function formatNumber(n: number, maximumFractionDigits = 3): string {
  const odd = special(n);
  if (odd !== undefined) return odd;
  const { digits, point } = decimalDigits(n);
  const rounded = roundDigits(digits, point, point + maximumFractionDigits);
  return layout(isNegative(n), rounded.digits, rounded.point);
}

/** = n.toLocaleString("en-US", { maximumSignificantDigits }): 1234.5 with 3 → "1,230", 0.012345 → "0.0123". */
export function formatSignificant(n: number, maximumSignificantDigits: number): string {
  const odd = special(n);
  if (odd !== undefined) return odd;
  if (n === 0) return isNegative(n) ? "-0" : "0";
  const { digits, point } = decimalDigits(n);
  const rounded = roundDigits(digits, point, maximumSignificantDigits);
  return layout(isNegative(n), rounded.digits, rounded.point);
}
