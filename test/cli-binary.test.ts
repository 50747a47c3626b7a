import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PRESETS_DIR_ENV } from "../src/cli/catalog-dir.js";
import { BIN, cli, cliBinary, FIXTURE_CATALOG, ROOT } from "./helpers/cli.js";

// The few tests of the built binary itself (bin/llm-cost.js → dist/): what the in-process tests
// cannot see — the bundle and its code cache, the libraries it loads lazily from dist/, the real
// process's exit code and pipes. Every other CLI test runs run(argv, io) in process (helpers/cli.ts).

const JOB = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];

describe("the built binary", () => {
  it("--version prints package.json's version", () => {
    const { status, stdout } = cliBinary(["--version"]);
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { version: string };
    expect(status).toBe(0);
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it("prints the same table as run() in process: 7B × 15B on 2 × H100 is 402만 원 ($2,795) on the fixture catalog", async () => {
    const binary = cliBinary(JOB);
    expect(binary.status).toBe(0);
    // The binary dates the run by the process clock (src/cli.ts): the fixture rate of 2025-12-30 is
    // more than 90 days old on any day from 2026-03-31 on, so it is always warned about here.
    expect(binary.stderr).toMatch(
      /^llm-cost: warning: the exchange rate 1,439 KRW\/USD is dated 2025-12-30, \d+ days ago \(more than 90\): [^\n]+\n$/,
    );
    // The fixture throughput model (worked in test/cli-estimate.test.ts): 7,011.4 tokens/s per GPU,
    // goodput 1 / 1.2 → 713.1 GPU-hours × $3.92 = $2,795 × 1,439 = ₩4,022,000
    expect(binary.stdout).toMatch(/│ dapt +│ +6\.3e20 │ +713 │ +14\.9 d │ +69\.2 GB │ +402만 원 │ +\$2,795 │/);
    expect(binary.stdout).toBe((await cli(JOB)).stdout);
  });

  it("bad input: exit 2 and one line on stderr, nothing on stdout", () => {
    const { status, stdout, stderr } = cliBinary(["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH900"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^llm-cost: invalid --gpus "2xH900": unknown GPU "H900";.*\(did you mean H100\?\)\n$/);
  });

  it("a reader that closes the pipe early (| head -n 1) ends the run quietly", () => {
    const { status, stdout, stderr } = spawnSync(
      "/bin/sh",
      ["-c", `"${process.execPath}" "${BIN}" prices | head -n 1`],
      { encoding: "utf8", env: { ...process.env, [PRESETS_DIR_ENV]: FIXTURE_CATALOG } },
    );
    expect(status).toBe(0);
    expect(stdout.split("\n")).toHaveLength(2);
    expect(stderr).toBe("");
  });

  it("loads the lazily bundled libraries: yaml and zod for --from, chalk for FORCE_COLOR", () => {
    const from = cliBinary([
      "estimate",
      "--from",
      "test/fixtures/trainers/axolotl-qlora.yaml",
      "--tokens",
      "100M",
      "--gpus",
      "1xL40S",
      "--format",
      "json",
    ]);
    expect(from.status).toBe(0);
    expect((JSON.parse(from.stdout) as { inputs: { strategies: string[] } }).inputs.strategies).toEqual(["qlora"]);
    expect(cliBinary(JOB, { FORCE_COLOR: "1" }).stdout).toMatch(/\x1b\[\d+m/);
  });
});
