import { availableParallelism } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { MATRIX, parseDelimited } from "../helpers/command-matrix.js";
import { childrenExited, inBatches, spawnCli } from "../helpers/spawn-cli.js";

// Every command × every format × both languages through the built binary (bundle, code cache,
// lazily loaded libraries, real pipes and exit codes): what the in-process matrix
// (test/every-command.test.ts) cannot show. A child process each, so it runs with `npm run test:slow`.

afterAll(childrenExited);

describe("every command × every format × both languages (built binary)", () => {
  it(`${MATRIX.length} invocations exit 0 and print their format`, async () => {
    const outcomes = await inBatches(MATRIX, Math.max(2, availableParallelism()), (m) => spawnCli(m.argv, ROOT));
    const failures: string[] = [];
    outcomes.forEach((o, i) => {
      const m = MATRIX[i]!;
      const name = m.argv.join(" ");
      if (o.code !== 0) return failures.push(`${name}: exit ${o.code}: ${o.stderr.slice(0, 200)}`);
      try {
        if (m.format === "json") JSON.parse(o.stdout);
        if (m.format === "csv" || m.format === "tsv") {
          const rows = parseDelimited(o.stdout, m.format);
          if (rows.length < 2 || rows.some((r) => r.length !== rows[0]!.length)) throw new Error("ragged rows");
        }
        if (m.format === "html" && !o.stdout.startsWith("<!doctype html>")) throw new Error("not an HTML page");
        if (m.format === "markdown" && !/^\|.*\|$/m.test(o.stdout)) throw new Error("no Markdown table");
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    });
    expect(failures).toEqual([]);
  });
});
