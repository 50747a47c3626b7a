import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { Failures } from "./helpers/failures.js";
import { cleanEnv, runInProcess } from "./helpers/in-process.js";
import {
  BASE_CONFIG,
  BASE_SCENARIOS,
  canMakeUnreadable,
  generatedCases,
  known,
  runCases,
  SEED,
  TARGETS,
  unreadableCases,
} from "./helpers/malformed-cases.js";
import { checkOutcome } from "./helpers/output-oracle.js";

// Over a thousand broken config and scenario files (test/helpers/malformed-cases.ts), in-process:
// each must end in exit 2 with one line naming the file and the JSON path, and write nothing. A
// sample through the built binary runs with `npm run test:slow` (test/slow/malformed-binary.test.ts).

describe(`malformed config and scenario files (seed ${SEED})`, () => {
  const cases = generatedCases();

  it(`${cases.length} broken files in-process: exit 2, one line naming the file and the JSON path, nothing written`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const failures = new Failures();
    await runCases(cases, failures);
    if (known.size)
      console.info(
        `failures explained by known bugs (test/helpers/known-bugs.ts): ${[...known].map(([id, n]) => `${id} ${n}×`).join(", ")}`,
      );
    if (failures.size)
      expect.fail(
        `${failures.size} kind(s) of failure in ${cases.length} files (seed ${SEED}):\n\n${failures.report()}`,
      );
  }, 120_000);

  // Tests here run as root, and root reads a chmod 000 file (permissions do not bind it): the
  // case cannot be made, so it is skipped rather than faked. As any other user it runs.
  it.skipIf(!canMakeUnreadable())("an unreadable file (chmod 000): exit 2 naming the file", async () => {
    const failures = new Failures();
    await runCases(unreadableCases, failures);
    if (failures.size) expect.fail(failures.report());
  });

  it("the valid files these are made from are accepted (so each broken one is broken by its mutation)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-malformed-ok-"));
    for (const target of TARGETS) {
      for (const doc of target.reads === "config" ? [BASE_CONFIG] : BASE_SCENARIOS) {
        mkdirSync(dirname(join(dir, target.file)), { recursive: true });
        writeFileSync(join(dir, target.file), JSON.stringify(doc));
        const outcome = await runInProcess(target.argv(target.file), { cwd: dir, env: cleanEnv() });
        expect(checkOutcome(outcome), `${target.name}: ${outcome.stderr}`).toBeUndefined();
        expect(outcome.code, `${target.name}: ${outcome.stderr}`).toBe(0);
        rmSync(join(dir, "out.json"), { force: true });
      }
      rmSync(join(dir, target.file));
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
