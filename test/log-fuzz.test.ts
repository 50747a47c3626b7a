import { describe, expect, it } from "vitest";
import { parseLog } from "../src/inputs/logs/detect-format.js";
import type { LogResult } from "../src/inputs/logs/log-measurement.js";
import { BASES, variants } from "./helpers/log-variants.js";
import { EN } from "../src/i18n/messages-en.js";

// Malformed variants of every fixture, generated from a fixed seed so a failure reproduces: cut at
// random offsets, fields deleted, NaN losses, lines shuffled, runs duplicated, binary junk, digits
// garbled, empty. Every variant must be refused with a known code or, where the mutation leaves a
// valid log, accepted with finite positive numbers; none may throw. Where a mutation can only make
// the log invalid (a cut mid-line, a NaN loss, a NUL byte, a whole second run), the exact code is
// asserted too.

/** What no answer may contain: an unknown code, a non-finite or non-positive measured number. */
function oracle(result: LogResult): string | undefined {
  if (!result.ok) {
    if (!(result.problem.code in EN)) return `unknown code ${result.problem.code}`;
    const bad = Object.entries(result.problem.args).filter(
      ([, v]) => !(typeof v === "string" || (typeof v === "number" && Number.isFinite(v))),
    );
    return bad.length ? `bad args ${JSON.stringify(bad)}` : undefined;
  }
  const m = result.measurement;
  const positives = {
    tokensPerSecPerGpu: m.tokensPerSecPerGpu,
    steps: m.steps,
    ...(m.stepTimeSec ?? {}),
    gpus: m.gpus,
    seqLen: m.seqLen,
    globalBatchSequences: m.globalBatchSequences,
    peakMemoryGB: m.peakMemoryGB,
    tflopsPerGpuLogged: m.tflopsPerGpuLogged,
  };
  for (const [k, v] of Object.entries(positives)) {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) return `${k} = ${v}`;
  }
  if (!(Number.isInteger(m.warmupStepsSkipped) && m.warmupStepsSkipped >= 0)) return "warmupStepsSkipped";
  if (!(Number.isFinite(m.lastStep) && m.lastStep >= 0)) return "lastStep";
  return undefined;
}

describe("malformed logs", () => {
  const all = variants();

  it("generates at least 200 variants, every base log valid before mutation", () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    for (const base of BASES) expect(parseLog(base.text, base.name, base.options).ok, base.name).toBe(true);
  });

  it("never throws, and answers each with a known code or finite positive numbers", () => {
    const failures: string[] = [];
    const codes = new Map<string, number>();
    for (const v of all) {
      let result: LogResult;
      try {
        result = parseLog(v.text, v.base.name, v.base.options);
      } catch (error) {
        failures.push(`${v.label}: threw ${String(error)}`);
        continue;
      }
      const wrong = oracle(result);
      if (wrong) failures.push(`${v.label}: ${wrong}`);
      const got = result.ok ? "accepted" : result.problem.code;
      if (v.expected && !(v.expected as readonly string[]).includes(got)) {
        failures.push(`${v.label}: expected ${v.expected.join(" or ")}, got ${got}`);
      }
      codes.set(got, (codes.get(got) ?? 0) + 1);
    }
    expect(failures).toEqual([]);
    // The mutations reach the checks they are aimed at, not one catch-all.
    for (const c of ["log.truncated", "log.nanLoss", "log.mixedRuns", "log.unknownFormat", "log.empty"]) {
      expect(codes.get(c) ?? 0, c).toBeGreaterThan(0);
    }
    expect(codes.get("accepted") ?? 0).toBeGreaterThan(0);
  });
});
