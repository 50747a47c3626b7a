import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { bashCompletion } from "../src/cli/completion-command.js";
import { buildProgram } from "../src/cli/run.js";
import { loadCatalog } from "../src/catalog/load.js";
import { specFrom } from "../src/job/spec-from-flags.js";
import { longFlag, OPTIONS } from "../src/job/options.js";
import { displayWidth } from "../src/i18n/width.js";
import { cli, ROOT } from "./helpers/cli.js";
import { parseDelimited } from "./helpers/command-matrix.js";

// One test per complaint of the job-spec issue: each failed before the option table and the typed
// job spec, and passes now.

const JOB = ["--params", "7B", "--tokens", "15B"];

describe("the typed job spec", () => {
  it("flags, a config file and a scenario become typed values with their origin as data", () => {
    const spec = specFrom(
      { params: "70억", tokens: "150억", gpus: "2xH100" },
      { config: { file: "team.json", config: { prices: [], gpuSpecs: [], models: [], profiles: [], pue: 1.3 } } },
    );
    // 70억 = 70 × 10^8 = 7 × 10^9; 150억 = 1.5 × 10^10.
    expect(spec.params).toEqual({ value: 7e9, origin: { kind: "flag" }, text: "70억" });
    expect(spec.tokens?.value).toBe(1.5e10);
    expect(spec.pue).toEqual({ value: 1.3, origin: { kind: "config", file: "team.json", key: "pue" }, text: "1.3" });
  });
  it("a value refused from a config file names the file and key, not a flag the user never typed", async () => {
    const r = await cli(["estimate", ...JOB, "--config", "test/fixtures/hf/../../fixtures/catalog/gpus.json"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^llm-cost: test\/fixtures\/hf\/\.\.\/\.\.\/fixtures\/catalog\/gpus\.json: /);
  });
});

describe("same flags everywhere", () => {
  it("--params 70억 and --tokens 150억 are counts, as --budget 3억5천만 is money", async () => {
    const json = JSON.parse(
      (await cli(["estimate", "--params", "70억", "--tokens", "1.5조", "--gpus", "2xH100", "--format", "json"])).stdout,
    );
    expect(json.inputs.params).toBe(7e9);
    expect(json.inputs.tokens).toBe(1.5e12);
  });
  it("an option of another command says which command takes it", async () => {
    const r = await cli(["estimate", ...JOB, "--gpus", "2xH100", "--claimed-days", "730"]);
    expect(r.stderr).toBe("llm-cost: unknown option '--claimed-days' (it belongs to llm-cost check)\n");
  });
  it("plan takes --gpus like every other command", async () => {
    const r = await cli([
      "plan",
      ...JOB,
      "--strategy",
      "dapt",
      "--gpus",
      "H100,A100",
      "--format",
      "json",
      "--top",
      "1",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).plans[0].gpus.id).toMatch(/^(h100-sxm|a100-sxm-80gb)$/);
  });
  it("compare builds a row from the job's flags, beside named scenarios", async () => {
    const r = await cli([
      "compare",
      "sft-7b",
      ...JOB,
      "--strategy",
      "dapt",
      "--gpus",
      "8xH100",
      "--format",
      "json",
      "--label",
      "mine",
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(["sft-7b", "mine"]);
  });
  it("--lang is a flag of every command, and a Korean locale gets an all-Korean error", async () => {
    for (const command of ["plan", "check", "validate", "gpus", "prices", "models", "scenarios"])
      expect((await cli([command, "--lang", "xx"])).stderr).toMatch(
        /^llm-cost: invalid --lang "xx": expected one of en, ko/,
      );
    const r = await cli(["estimate", ...JOB], { LANG: "ko_KR.UTF-8" });
    expect(r.stderr).toBe("llm-cost: --gpus 값이 필요합니다: GPU를 지정하세요. 예: --gpus 2xH100\n");
  });
  it("plan and check print the report's warnings, as estimate does", async () => {
    const args = ["--params", "7B", "--tokens", "15B", "--gpus", "20000xH100", "--mfu", "0.9"];
    const estimate = (await cli(["estimate", ...args, "--strategy", "dapt"])).stderr;
    const check = (await cli(["check", ...args, "--claimed-days", "730"])).stderr;
    expect(estimate).toMatch(/warning: --mfu 0\.9 is above 0\.7/);
    expect(check).toMatch(/warning: --mfu 0\.9 is above 0\.7/);
    expect(check).toMatch(/warning: 20,000 GPUs is more than any published training run/);
  });
});

describe("a GPU without a price", () => {
  it("still gets time, memory and energy; cost is null in JSON, empty in CSV, — in the table, with one warning", async () => {
    // The fixture catalog has no price for the V100.
    const base = ["estimate", ...JOB, "--gpus", "8xV100", "--strategy", "qlora"];
    const json = await cli([...base, "--format", "json"]);
    expect(json.status, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.estimates[0].costKrw).toBeNull();
    expect(parsed.estimates[0].gpuHours.expected).toBeGreaterThan(0);
    expect(parsed.warnings.map((w: { code: string }) => w.code)).toEqual(["warn.noPrice"]);
    expect(json.stderr.match(/warning/g)).toHaveLength(1);
    const rows = parseDelimited((await cli([...base, "--format", "csv"])).stdout, "csv");
    expect(rows[1]![rows[0]!.indexOf("cost_krw_expected")]).toBe("");
    expect((await cli(base)).stdout).toMatch(/│ qlora .*│\s+— │\s+— │/);
  });
});

describe("readable at 80 columns", () => {
  it.each([
    ["estimate", ...JOB, "--gpus", "2xH100"],
    ["compare", "scratch-7b", "lora-7b", "--gpus", "8xH100"],
    ["plan", ...JOB, "--strategy", "dapt", "--top", "2"],
  ])("%s fits an 80-column terminal in both languages", async (...argv) => {
    for (const lang of ["en", "ko"]) {
      const r = await cli([...argv, "--lang", lang], { COLUMNS: "80" });
      expect(r.status, r.stderr).toBe(0);
      for (const line of r.stdout.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    }
  });
  it("scratch, DAPT, TAPT and SFT rows say they are the same computation", async () => {
    const out = (await cli(["estimate", ...JOB, "--gpus", "2xH100"])).stdout;
    expect(out.match(/= scratch/g)).toHaveLength(3);
  });
});

describe("one option table", () => {
  it("every registered option comes from the table, and every table option of a command is registered", () => {
    const program = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, cwd: ROOT });
    for (const command of program.commands.filter((c) => c.name() !== "completion")) {
      const registered = command.options.map((o) => o.long).filter((l) => l !== "--help");
      const table = OPTIONS.filter((o) => (o.commands as readonly string[]).includes(command.name())).map(longFlag);
      expect(registered, command.name()).toEqual(table);
    }
  });
  it("completion offers the table's values and the catalog's names: no hand-written list", () => {
    const program = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, cwd: ROOT });
    const script = bashCompletion(program);
    for (const option of OPTIONS.filter((o) => o.values))
      expect(script).toContain(`${longFlag(option)}) COMPREPLY=( $(compgen -W "${option.values!.join(" ")}"`);
    for (const gpu of loadCatalog().gpus) expect(script).toContain(gpu.aliases[0] ?? gpu.id);
  });
});

/** Relative imports of every module under src/, resolved to files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith(".ts")) {
        const text = readFileSync(path, "utf8");
        // Static imports only: a dynamic import() loads later and cannot form an initialisation cycle.
        const specs = [...text.matchAll(/^(?:import|export)[^;]*? from "(\.[^"]+)"/gm)].map((m) => m[1]!);
        graph.set(
          path,
          specs.map((s) => resolve(dirname(path), s.replace(/\.js$/, ".ts"))),
        );
      }
    }
  };
  walk(join(ROOT, "src"));
  return graph;
}

describe("the architecture", () => {
  it("has no import cycles", () => {
    const graph = importGraph();
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "visiting") {
        cycles.push([...path.slice(path.indexOf(node)), node].map((p) => p.slice(ROOT.length)).join(" → "));
        return;
      }
      state.set(node, "visiting");
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
  it("the model (pure physics) never names a CLI flag in a message", () => {
    const graph = importGraph();
    const model = [...graph.keys()].filter((p) => p.includes("/src/model/"));
    for (const file of model) {
      const code = readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join("\n");
      expect(code.match(/["`'][^"`'\n]*\s--[a-z][a-z-]+/g), file).toBeNull();
    }
  });
});
