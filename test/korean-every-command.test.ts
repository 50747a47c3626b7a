import { describe, expect, it } from "vitest";
import { readPreset } from "../src/catalog/load.js";
import { cli } from "./helpers/cli.js";
import { INVOCATIONS } from "./helpers/command-matrix.js";
import { englishWords } from "./helpers/english-words.js";

// Issue #14: every command in every format under --lang ko. The human formats of estimate and
// compare (test/korean-estimate.test.ts), plan and check (test/korean-plan-check.test.ts) and the
// listings and validate (test/korean-listings.test.ts) are checked in their own files with the
// names their evidence cites; this file covers the rest: fx and calibrate, and the text written for
// people inside the machine formats (warnings, notes, verdicts) of every command that has any.

/** Text as a reader reads it: wrapped lines joined, table rules gone. */
const readable = (text: string): string => text.replace(/[\s│┌┐└┘├┤┬┴┼─]+/g, " ");

/** The dated exchange-rate points are quoted as their sources give them (a kind such as "close"). */
function fxPhrases(): string[] {
  const fx = readPreset("fx.json") as { default: Record<string, string>; history: Array<Record<string, string>> };
  return [fx.default, ...fx.history].flatMap((p) => [p["kind"] ?? "", p["source"] ?? ""]);
}

async function korean(argv: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await cli([...argv, "--lang", "ko"]);
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe("fx and calibrate --lang ko: no English left", () => {
  it.each([["table"], ["markdown"]])("fx %s", async (format) => {
    const { stdout, stderr } = await korean([...INVOCATIONS.fx, "--format", format]);
    // A table wraps a quoted kind or source across lines, so the words of those quotes are allowed one by one.
    const quoted = new Set(fxPhrases().flatMap((p) => p.match(/[A-Za-z][A-Za-z'-]+/g) ?? []));
    expect(englishWords(readable(stdout + stderr), fxPhrases()).filter((w) => !quoted.has(w))).toEqual([]);
  });
  it.each([["table"], ["markdown"]])("calibrate %s", async (format) => {
    const { stdout, stderr } = await korean([...INVOCATIONS.calibrate, "--format", format]);
    // The log's file name and its format's name (Megatron-LM) are ids; TFLOP/s is a unit.
    const text = readable(stdout + stderr).replace(/\bTFLOP\/s\b/g, " ");
    // per-step is the measurement's basis id (JSON and CSV carry the same).
    expect(englishWords(text, ["test/fixtures/logs/megatron-stdout.log", "Megatron-LM/NeMo", "per-step"])).toEqual([]);
  });
});

/** The string values of a JSON document under keys written for people. */
function humanText(value: unknown, key = ""): string[] {
  const HUMAN =
    /^(message|summary|explanation|rangeBasis|usdPerGpuHourBasis|tokensBasis|efficiencyBasis|priceRule|taxes|memoryNote|energyNote|constraints|note|reason|description|title|text)$/;
  if (typeof value === "string") return HUMAN.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => humanText(v, key));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => humanText(v, k));
  return [];
}

describe("the people's text inside --format json is Korean too", () => {
  it.each([
    ["estimate", [...INVOCATIONS.estimate, "--mfu", "0.9", "--strategy", "dapt"]],
    ["compare", INVOCATIONS.compare],
    ["plan", INVOCATIONS.plan],
    ["check", INVOCATIONS.check],
  ])("%s", async (_name, argv) => {
    const { stdout, stderr } = await korean([...argv, "--format", "json"]);
    const text = humanText(JSON.parse(stdout));
    expect(text.length).toBeGreaterThan(0);
    // Bundled scenario titles are English data; their Korean twins are titleKo (listed by scenarios).
    const scenarioTitles = (readPreset("scenarios.json") as { scenarios: Array<{ title: string }> }).scenarios.map(
      (s) => s.title,
    );
    expect(englishWords(readable(text.join("\n") + stderr), scenarioTitles)).toEqual([]);
  });
});
