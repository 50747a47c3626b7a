import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectRefused, measure } from "./helpers/hostile.js";

// Issue 16, class 6 (in process): --out never changes a file it may not, keeps a replaced file's
// permissions, and uses temporary names no earlier run can have taken.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "llm-cost-hostile-out-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const estimate = (params: string, ...more: string[]) => [
  "estimate",
  "--params",
  params,
  "--tokens",
  "1B",
  "--gpus",
  "H100",
  "--format",
  "json",
  ...more,
];
const files = () => readdirSync(dir).sort();

describe("--out", () => {
  it.each([0o600, 0o640, 0o444, 0o755])("--force keeps a replaced file's mode %o", async (mode) => {
    writeFileSync(join(dir, "r.json"), "old");
    chmodSync(join(dir, "r.json"), mode);
    const outcome = await measure(estimate("7B", "--out", "r.json", "--force"), dir);
    expect(outcome.stderr).toMatch(/^llm-cost: wrote \S+r\.json\n$/);
    expect(outcome.code).toBe(0);
    expect(statSync(join(dir, "r.json")).mode & 0o7777).toBe(mode);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).inputs.params).toBe(7e9);
    expect(files()).toEqual(["r.json"]);
  });

  it("a new file gets the usual mode for new files (the umask), not a copy of anything", async () => {
    const outcome = await measure(estimate("7B", "--out", "new.json"), dir);
    expect(outcome.code).toBe(0);
    expect(statSync(join(dir, "new.json")).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it("temporary files of killed earlier runs, under any pid, neither block a write nor are touched", async () => {
    const stale = [process.pid, 1, 42].map((pid) => `.r.json.${pid}.tmp`);
    for (const name of stale) writeFileSync(join(dir, name), "left by a killed run");
    const outcome = await measure(estimate("7B", "--out", "r.json"), dir);
    expect(outcome.stderr).toMatch(/^llm-cost: wrote \S+r\.json\n$/);
    expect(outcome.code).toBe(0);
    expect(files()).toEqual([...stale, "r.json"].sort());
    for (const name of stale) expect(readFileSync(join(dir, name), "utf8")).toBe("left by a killed run");
  });

  it.each(["r.json", "sub/../r.json", "./r.json"])("without --force an existing %s is left as it was", async (path) => {
    writeFileSync(join(dir, "r.json"), "mine");
    chmodSync(join(dir, "r.json"), 0o600);
    expectRefused(await measure(estimate("7B", "--out", path), dir), /the file exists; add --force/);
    expect(readFileSync(join(dir, "r.json"), "utf8")).toBe("mine");
    expect(statSync(join(dir, "r.json")).mode & 0o777).toBe(0o600);
    expect(files()).toEqual(["r.json"]);
  });
});
