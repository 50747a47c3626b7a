import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type COMMAND_VECTORS, makeFuzzDir as makeDir, vectors } from "./helpers/fuzz-argv.js";
import { cleanEnv, runInProcess } from "./helpers/in-process.js";
import { Failures } from "./helpers/failures.js";
import { KNOWN_BUGS, knownBug } from "./helpers/known-bugs.js";
import { checkOutcome, commandOf, parseDelimited } from "./helpers/output-oracle.js";

// Fuzzing the whole CLI: random and mutated argument vectors (test/helpers/fuzz-argv.ts) through
// run(argv, io) in this process (a sample through the built binary is in
// test/slow/fuzz-binary.test.ts, run by `npm run test:slow`), every run checked by the
// contract in test/helpers/output-oracle.ts: exit 0 with valid output (JSON that passes the
// command's zod schema, CSV with even rows, no NaN / Infinity / negative numbers), or exit 2 with
// exactly one "llm-cost: " line on stderr; never another exit code, a stack trace or a throw.
//
// The seed is fixed, so a failure reproduces: the report prints each failing argv (as a shell line
// and as JSON). To replay one: `await runInProcess(argv, { cwd: makeFuzzDir() })`. Set
// FUZZ_SEED=<n> to explore other vectors, FUZZ_SCALE=<x> to run x times as many.
//
// Failures that a bug listed in test/helpers/known-bugs.ts explains (bugs in src/ reported, not yet
// fixed) are counted and printed instead of failed; each has a reproduction below that is expected
// to fail (`fails: true`) until the bug is fixed, when its entry must go.

const SEED = Number(process.env["FUZZ_SEED"] ?? 0x11c0_5eed);
/**
 * `npm test` runs 60 % of the plan (6,000 vectors); `npm run test:slow` runs this file again with
 * another seed and the other 40 % (test/slow/fuzz-cli-more.test.ts), so CI tries 10,000 in process
 * while `npm test` stays within its time.
 */
const SCALE = Number(process.env["FUZZ_SCALE"] ?? 0.6);

/**
 * Vectors per command and run. Every command gets hundreds; the slow ones (validate renders every
 * published run; plan estimates every GPU type; big models on small GPUs search GPU counts) fewer
 * than the fast ones, keeping the in-process part well under a minute on a 2-core machine.
 */
const PLAN: Record<keyof typeof COMMAND_VECTORS, number> = {
  estimate: 3400,
  compare: 1200,
  check: 1200,
  plan: 500,
  scenarios: 600,
  validate: 250,
  gpus: 350,
  prices: 450,
  models: 350,
  fx: 250,
  calibrate: 300,
  completion: 400,
  none: 450,
  unknown: 850,
};
const TOTAL = Object.values(PLAN).reduce((a, b) => a + b, 0);
/** Removes what a run left in `dir` that was not there before (--out files), checking no temp file was left. */
function restoreDir(dir: string, baseline: ReadonlySet<string>): string[] {
  const added = readdirSync(dir).filter((name) => !baseline.has(name));
  for (const name of added) rmSync(join(dir, name), { recursive: true, force: true });
  return added;
}

/** Failures explained by a known bug (test/helpers/known-bugs.ts): counted and printed, not failed. */
const known = new Map<string, number>();
function record(
  failures: Failures,
  argv: readonly string[],
  problem: string,
  outcome: Parameters<typeof knownBug>[1],
): void {
  const bug = knownBug(problem, outcome);
  if (bug) known.set(bug.id, (known.get(bug.id) ?? 0) + 1);
  else failures.add(argv, problem);
}

/** Working directories, removed at the end. */
const dirs: string[] = [];
const makeFuzzDir = (prefix?: string): string => {
  const dir = makeDir(prefix);
  dirs.push(dir);
  return dir;
};

const unhandled: unknown[] = [];
const onUnhandled = (error: unknown): void => {
  unhandled.push(error);
};
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe(`CLI fuzz, in process: ${Math.round(TOTAL * SCALE)} vectors through run(argv, io) (seed ${SEED})`, () => {
  const dir = makeFuzzDir();
  const baseline = new Set(readdirSync(dir));
  const ran = new Map<string, number>();
  /** Exit codes per family, printed at the end: how many vectors got past the parsing to real output. */
  const exits = new Map<string, string>();

  it.each(Object.keys(PLAN) as Array<keyof typeof PLAN>)(
    "%s",
    async (family) => {
      const failures = new Failures();
      const n = Math.round(PLAN[family] * SCALE);
      const argvs = fc.sample(vectors(family), { seed: SEED + Object.keys(PLAN).indexOf(family), numRuns: n });
      const codes = { ok: 0, usage: 0 };
      for (const [i, argv] of argvs.entries()) {
        // One run in five with a Korean locale: errors and tables are then in Korean.
        const env = cleanEnv(i % 5 === 0 ? "ko_KR.UTF-8" : "en_US.UTF-8");
        const outcome = await runInProcess(argv, { cwd: dir, env });
        const problem = checkOutcome(outcome);
        if (problem) record(failures, argv, problem, outcome);
        if (outcome.code === 0) codes.ok++;
        else codes.usage++;
        const added = restoreDir(dir, baseline);
        const temp = added.filter((name) => name.endsWith(".tmp"));
        if (temp.length) failures.add(argv, `left temporary files: ${temp.join(", ")}`);
        if (added.length && !argv.some((t) => t === "--out" || t.startsWith("--out=")))
          failures.add(argv, `wrote ${added.join(", ")} without --out`);
        const command = commandOf(argv) ?? (family === "unknown" || family === "none" ? family : "other");
        ran.set(command, (ran.get(command) ?? 0) + 1);
      }
      exits.set(family, `${codes.ok} exit 0, ${codes.usage} exit 2`);
      expect(argvs).toHaveLength(n);
      if (failures.size)
        expect.fail(
          `${failures.size} kind(s) of failure in ${n} "${family}" vectors (seed ${SEED}):\n\n${failures.report()}`,
        );
    },
    120_000,
  );

  it("ran every command hundreds of times, and nothing was thrown or rejected outside run()", async () => {
    await new Promise((resolve) => setImmediate(resolve));
    // Every family of the plan ran (commandOf names the command; "none" and "unknown" are their own).
    for (const command of Object.keys(PLAN)) {
      expect(ran.get(command) ?? 0, command).toBeGreaterThanOrEqual(200 * SCALE);
    }
    expect([...ran.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(Math.floor(TOTAL * SCALE));
    expect(unhandled.map(String)).toEqual([]);
    console.info(`fuzz exits by family: ${[...exits].map(([f, e]) => `${f}: ${e}`).join("; ")}`);
    if (known.size)
      console.info(
        `failures explained by known bugs (test/helpers/known-bugs.ts): ${[...known].map(([id, n]) => `${id} ${n}×`).join(", ")}`,
      );
  });
});

// Registered only while a bug is listed: with none open there is nothing to reproduce.
if (KNOWN_BUGS.length > 0)
  describe("known bugs (test/helpers/known-bugs.ts): each reproduction fails until the bug is fixed; then delete its entry", () => {
    it.each(KNOWN_BUGS.map((bug) => [bug.id, bug] as const))("%s", { fails: true }, async (_id, bug) => {
      const dir = makeFuzzDir("llm-cost-known-");
      for (const [name, text] of Object.entries(bug.files ?? {})) writeFileSync(join(dir, name), text);
      const outcome = await runInProcess(bug.repro, { cwd: dir });
      expect(checkOutcome(outcome)).toBeUndefined();
      if (bug.fixed) expect(bug.fixed(outcome)).toBeUndefined();
    });
  });

/** What the fuzzers found once, now fixed: each must keep passing the oracle. */
const FORMER_BUGS: Array<{ id: string; argv: string[]; files?: Record<string, string>; stderr?: RegExp }> = [
  {
    id: "overflow of an extreme --params",
    argv: ["estimate", "--params", "1e300", "--tokens", "15B", "--gpus", "2xH100"],
    stderr: /--params "1e300": too large/,
  },
  {
    id: "a price of 9e-123",
    argv: [
      "check",
      "--params",
      "7B",
      "--tokens",
      "15B",
      "--gpus",
      "2xH100",
      "--claimed-cost",
      "1억원",
      "--price",
      "9e-123",
    ],
    stderr: /--price "9e-123".*at least 0\.001/,
  },
  { id: "help printed on stderr for `llm-cost --`", argv: ["--"], stderr: /^llm-cost: missing command/ },
  {
    id: "a warning before an --out error",
    argv: ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "H100", "--mfu", "0.9", "--out", "."],
    stderr: /^llm-cost: invalid --out "\.": is a directory/,
  },
  {
    id: "control characters quoted from a file",
    argv: ["scenarios", "bad.json"],
    files: { "bad.json": "[\u0000\u001b[31m\r" },
    stderr: /\\u0000\\u001b/,
  },
  {
    id: "a config value blamed on a flag",
    argv: ["estimate", "--params", "7B", "--tokens", "15B"],
    files: { "llm-cost.config.json": JSON.stringify({ gpus: "2xH900" }) },
    stderr: /llm-cost\.config\.json: gpus: "2xH900": unknown GPU/,
  },
  { id: "prices CSV without a header", argv: ["prices", "V100", "--format", "csv"] },
];

describe("former fuzz findings stay fixed", () => {
  it.each(FORMER_BUGS.map((bug) => [bug.id, bug] as const))("%s", async (_id, bug) => {
    const dir = makeFuzzDir("llm-cost-fixed-");
    for (const [name, text] of Object.entries(bug.files ?? {})) writeFileSync(join(dir, name), text);
    const outcome = await runInProcess(bug.argv, { cwd: dir });
    expect(checkOutcome(outcome)).toBeUndefined();
    if (bug.stderr) expect(outcome.stderr).toMatch(bug.stderr);
  });
});

describe("listings: CSV carries every field the JSON has", () => {
  const dir = makeFuzzDir("llm-cost-csv-");
  const columns = async (argv: string[]): Promise<{ csv: string[]; json: string[] }> => {
    const csv = await runInProcess([...argv, "--format", "csv"], { cwd: dir });
    const json = await runInProcess([...argv, "--format", "json"], { cwd: dir });
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    return { csv: parseDelimited(csv.stdout, ",")[0] ?? [], json: [...new Set(rows.flatMap((r) => Object.keys(r)))] };
  };
  it.each([["gpus"], ["models"], ["prices"]])("%s", async (command) => {
    const { csv, json } = await columns([command]);
    expect(csv.sort()).toEqual(json.sort());
  });
  // Once a bug: rowsToCsv took the columns of the first row only, dropping instance and gpusPerInstance.
  it("prices H100", async () => {
    const { csv, json } = await columns(["prices", "H100"]);
    expect(csv.sort()).toEqual(json.sort());
  });
});
