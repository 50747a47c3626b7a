import { expect } from "vitest";
import { runInProcess, type RunOutcome } from "./in-process.js";

/**
 * Shared checks of the hostile-input tests (issue 16): every hostile input ends in one short line
 * on stderr with exit 2, or in output rendered safely, within the time and memory a user would
 * accept; never a throw, a stack trace or a write to the real process streams.
 */

/** Property names an object literal inherits (the fuzzer's list): user text equal to one must read as unknown. */
export { PROPERTY_NAMES } from "./fuzz-argv.js";

/** The most a one-line error may be, in characters (the "~200", with room for a list of choices). */
export const MAX_LINE = 240;
/** Wall-clock and peak-memory growth allowed for one hostile input. */
export const MAX_MS = 2000;
export const MAX_BYTES = 200 * 1024 * 1024;

/** C0 and C1 control characters other than the line break (and the tab and CR that TSV/CSV use). */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface Measured extends RunOutcome {
  ms: number;
  /** How much the process's peak resident memory grew during the run (0 when the peak was not passed). */
  peakGrowth: number;
}

/** Runs argv in process in `cwd`, timing it and recording how far it pushed the peak resident memory. */
export async function measure(argv: readonly string[], cwd: string): Promise<Measured> {
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const start = performance.now();
  const outcome = await runInProcess(argv, { cwd });
  const ms = performance.now() - start;
  const peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore;
  return { ...outcome, ms, peakGrowth };
}

/** Asserts a refusal: exit 2, nothing on stdout, one short line on stderr matching `pattern`, fast and small. */
export function expectRefused(outcome: Measured, pattern?: RegExp): void {
  const context = `${JSON.stringify(outcome.argv).slice(0, 300)}\n${outcome.stderr.slice(0, 500)}`;
  expect(outcome.thrown, context).toBeUndefined();
  expect(outcome.leaked, context).toBe("");
  expect(outcome.code, context).toBe(2);
  expect(outcome.stdout, context).toBe("");
  expect(outcome.stderr.endsWith("\n"), context).toBe(true);
  const line = outcome.stderr.slice(0, -1);
  expect(line.includes("\n"), context).toBe(false);
  expect(line.length, context).toBeLessThanOrEqual(MAX_LINE);
  expect(CONTROL.test(line), context).toBe(false);
  expect(line, context).not.toMatch(/\bat \S+ \(|TypeError|RangeError|ReferenceError|\[object |function /);
  if (pattern) expect(line, context).toMatch(pattern);
  expectBounded(outcome);
}

/** Asserts the run stayed inside the time and memory bounds. */
export function expectBounded(outcome: Measured): void {
  expect(outcome.ms, `${JSON.stringify(outcome.argv).slice(0, 200)} took ${outcome.ms} ms`).toBeLessThan(MAX_MS);
  expect(outcome.peakGrowth, `${JSON.stringify(outcome.argv).slice(0, 200)} grew the peak memory`).toBeLessThan(
    MAX_BYTES,
  );
}

/** Asserts a run ended in exit 0 or a clean refusal, never a throw, with no control characters shown raw. */
export function expectHandled(outcome: Measured): void {
  const context = `${JSON.stringify(outcome.argv).slice(0, 300)}\n${outcome.stderr.slice(0, 500)}`;
  expect(outcome.thrown, context).toBeUndefined();
  if (outcome.code === 2) {
    expectRefused(outcome);
    return;
  }
  expect(outcome.code, context).toBe(0);
  expect(CONTROL.test(outcome.stdout.replace(/\u001b\[[0-9;]*m/g, "")), context).toBe(false);
  expectBounded(outcome);
}
