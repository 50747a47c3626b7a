import type { Outcome } from "./output-oracle.js";

/**
 * Bugs the fuzzers found in src/ that are reported but not fixed by the tests' author (they sit in
 * files under active change). A fuzz failure that one of these explains is counted and printed, not
 * failed, so that the fuzzers keep guarding everything else; each bug also has a minimal
 * reproduction that test/fuzz-cli.test.ts runs with `it.fails`: when the bug is fixed that test
 * starts failing, and the entry (and its `it.fails`) must be deleted, which makes the fuzzers strict
 * about it again.
 */
export interface KnownBug {
  id: string;
  /** What goes wrong, where (file and cause), and the fix proposed. */
  summary: string;
  /** A minimal argv that shows it (run in-process in an empty directory, or with `files` written first). */
  repro: string[];
  files?: Record<string, string>;
  /** Whether a failure is this bug: the oracle's problem text, the run, and the input (argv and any file's text). */
  matches: (problem: string, outcome: Outcome, input: string) => boolean;
  /** What the reproduction must show once fixed (default: test/helpers/output-oracle.ts checkOutcome passes). */
  fixed?: (outcome: Outcome) => string | undefined;
}

/** The input holds a number of magnitude ≥ 1e15 or ≤ 1e-15 written with an exponent (1e300, 7e-312), or 16+ digits. */
export function hasExtremeNumber(input: string): boolean {
  for (const [, , exponent] of input.matchAll(/(\d+(?:\.\d*)?|\.\d+)e([+-]?\d+)/gi))
    if (Math.abs(Number(exponent)) >= 15) return true;
  return /\d{16,}/.test(input.replace(/[,_]/g, ""));
}

// Empty: the six bugs the fuzzers first found (overflow of extreme inputs, help printed on stderr,
// a warning before an --out error, control characters quoted from files, config values blamed on
// flags, prices CSV without a header) are fixed, and the fuzzers are strict about them again.
export const KNOWN_BUGS: KnownBug[] = [];

/** The known bug that explains a failure, if any. */
export function knownBug(problem: string, outcome: Outcome, input = outcome.argv.join(" ")): KnownBug | undefined {
  return KNOWN_BUGS.find((bug) => bug.matches(problem, outcome, input));
}
