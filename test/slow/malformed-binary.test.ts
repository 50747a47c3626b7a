import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotDir } from "../helpers/dir-snapshot.js";
import { Failures } from "../helpers/failures.js";
import { generatedCases, judge, placeFile, report, SEED } from "../helpers/malformed-cases.js";
import { childrenExited, inBatches, spawnCli } from "../helpers/spawn-cli.js";

// The broken files of test/malformed-files.test.ts, a sample of them through the built binary (a
// child process each: slow, so `npm run test:slow`). Every 20th case and every kind at least once,
// minus the 5 MB ones (spawn cost, same code path): a fixed count, the same every run.

const root = mkdtempSync(join(tmpdir(), "llm-cost-malformed-bin-"));
// Removed only after every child has exited, even when the test timed out with children running.
afterAll(async () => {
  await childrenExited();
  rmSync(root, { recursive: true, force: true });
});

describe(`malformed config and scenario files through the built binary (seed ${SEED})`, () => {
  it("a sample behaves as in process: exit 2, one line naming the file and the JSON path, nothing written", async () => {
    const kinds = new Set<string>();
    const sample = generatedCases().filter((c, i) => {
      const first = !kinds.has(c.kind);
      kinds.add(c.kind);
      return !c.kind.startsWith("5 MB") && (first || i % 20 === 0);
    });
    expect(sample.length).toBeGreaterThanOrEqual(50);
    const failures = new Failures();
    await inBatches(sample, Math.max(2, availableParallelism() * 2), async (c, i) => {
      const dir = join(root, String(i));
      mkdirSync(dir);
      placeFile(dir, c);
      const argv = c.target.argv(c.target.file);
      const before = snapshotDir(dir);
      const outcome = await spawnCli(argv, dir);
      const problem = judge(c, outcome, before, snapshotDir(dir));
      if (problem) report(failures, c, outcome, `${c.kind} via ${c.target.name} (binary): ${problem}`, problem);
    });
    if (failures.size)
      expect.fail(
        `${failures.size} kind(s) of failure in ${sample.length} files through the binary:\n\n${failures.report()}`,
      );
  }, 300_000);
});
