import { readdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type COMMAND_VECTORS, makeFuzzDir, vectors } from "../helpers/fuzz-argv.js";
import { Failures } from "../helpers/failures.js";
import { knownBug } from "../helpers/known-bugs.js";
import { checkOutcome } from "../helpers/output-oracle.js";
import { childrenExited, inBatches, spawnCli } from "../helpers/spawn-cli.js";

// The fuzzer's vectors (test/helpers/fuzz-argv.ts) through the built binary, each in a child
// process: what run() in process cannot show (the bundle, its code cache, the lazily loaded
// libraries, real pipes and exit codes). The same oracle as test/fuzz-cli.test.ts. Slow (a child
// process each), so it runs with `npm run test:slow`, not `npm test`. The sample is a fixed count
// per command (not a time budget), so every run tries the same vectors.

const SEED = Number(process.env["FUZZ_SEED"] ?? 0x11c0_5eed);

/** Vectors per command: mostly the commands users run most. */
const BINARY_PLAN: Array<[keyof typeof COMMAND_VECTORS, number]> = [
  ["estimate", 66],
  ["compare", 25],
  ["check", 25],
  ["plan", 12],
  ["scenarios", 12],
  ["validate", 8],
  ["gpus", 8],
  ["prices", 10],
  ["models", 8],
  ["completion", 8],
  ["none", 10],
  ["unknown", 16],
];
const COUNT = BINARY_PLAN.reduce((a, [, n]) => a + n, 0);

const dir = makeFuzzDir("llm-cost-fuzz-bin-");
// Removed only after every child has exited, even when the test timed out with children running.
afterAll(async () => {
  await childrenExited();
  rmSync(dir, { recursive: true, force: true });
});

describe(`CLI fuzz, built binary: ${COUNT} vectors through node bin/llm-cost.js (seed ${SEED})`, () => {
  it("every run exits 0 with valid output or 2 with one line", async () => {
    const baseline = new Set(readdirSync(dir));
    // A child process cannot take a NUL byte in its arguments.
    const argvs = BINARY_PLAN.flatMap(([family, n], k) =>
      fc.sample(vectors(family), { seed: SEED + 100 + k, numRuns: n }),
    )
      .map((argv) => argv.map((t) => t.replace(/\0/g, "?")))
      // Runs in parallel must not race for one --out file: each gets its own name.
      .map((argv, i) =>
        argv.map((t, j) =>
          argv[j - 1] === "--out" ? `${i}-${t}` : t.startsWith("--out=") ? `--out=${i}-${t.slice(6)}` : t,
        ),
      );
    expect(argvs).toHaveLength(COUNT);
    const failures = new Failures();
    const outcomes = await inBatches(argvs, Math.max(2, availableParallelism() * 2), (argv) => spawnCli(argv, dir));
    for (const outcome of outcomes) {
      const problem = checkOutcome(outcome);
      if (problem && !knownBug(problem, outcome)) failures.add(outcome.argv, problem);
    }
    const added = readdirSync(dir).filter((name) => !baseline.has(name));
    // Only the files --out asked for (named "<i>-…" above); no temporary file.
    expect(added.filter((name) => !/^\d+-/.test(name) || name.endsWith(".tmp"))).toEqual([]);
    if (failures.size)
      expect.fail(
        `${failures.size} kind(s) of failure in ${COUNT} binary runs (seed ${SEED}):\n\n${failures.report()}`,
      );
  }, 300_000);
});
