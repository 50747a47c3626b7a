import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompareJson } from "../src/output/compare-json.js";
import { cli } from "./helpers/cli.js";

// scratch-7b-chinchilla: the from-scratch job on 134.8B tokens, whose figures are worked by hand below.
const SEED = ["scratch-7b-chinchilla", "llama-2-ko-dapt", "sft-7b", "lora-7b"];
/** The widest line in terminal columns (box-drawing borders are one column; the top border spans the table). */
const widest = (text: string): number =>
  Math.max(...text.split("\n").map((l) => (/^[┌├└]/.test(l) ? [...l].length : 0)));

describe("llm-cost scenarios", () => {
  it("lists every bundled scenario within 100 columns; json carries every field", async () => {
    const { status, stdout } = await cli(["scenarios"]);
    expect(status).toBe(0);
    for (const id of [...SEED, "scratch-7b", "korean-tapt-7b", "sft-13b", "qlora-7b"])
      expect(stdout).toContain(`│ ${id} `);
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    const rows = JSON.parse((await cli(["scenarios", "--format", "json"])).stdout) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r["id"] === "llama-2-ko-dapt")).toMatchObject({
      addVocab: 14336,
      corpus: "61GB",
      bytesPerToken: 4.07,
      strategy: "dapt",
      origin: "presets/scenarios.json",
    });
  });

  it("validates a user's file and says where it is wrong", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-cli-scen-"));
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify([
        { id: "a", title: "A", params: "7B", strategy: "dapt", tokens: "15B" },
        { id: "b", title: "B", strategy: "sft", tokens: "1B" },
      ]),
    );
    const { status, stderr, stdout } = await cli(["scenarios", "bad.json"], {}, dir);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("llm-cost: bad.json: [1].params: give exactly one of model or params\n");
  });
});

describe("llm-cost compare", () => {
  it("json: one estimate per scenario, the same fields as estimate's, numbers worked by hand", async () => {
    const { status, stdout, stderr } = await cli(["compare", ...SEED, "--gpus", "8xH100", "--format", "json"]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const json = CompareJson.parse(JSON.parse(stdout));
    expect(json.scenarios.map((s) => [s.name, s.strategy, s.gpus.count])).toEqual([
      ["scratch-7b-chinchilla", "scratch", 8],
      ["llama-2-ko-dapt", "dapt", 8],
      ["sft-7b", "sft", 8],
      ["lora-7b", "lora", 8],
    ]);
    const [scratch, dapt, sft, lora] = json.scenarios;
    // scratch: 20 × 6,738,415,616 = 134.77B tokens; 6·N·D = 5.4487e21 FLOPs
    expect(scratch!.tokens).toBe(134_768_312_320);
    expect(scratch!.estimate.flops / 5.44875e21).toBeCloseTo(1, 4);
    // dapt: 61e9 / 4.07 = 14.988B tokens on 6,855,856,128 parameters: 6.16522e20 FLOPs. On the fixture
    // throughput model (test/fixtures/catalog/throughput.json): effective peak 989.4e12 × 0.5 ×
    // (295.343 / 153)^-0.5 = 3.56062e14; hardware FLOPs per token 6 × 6,855,856,128 + 12 × 32 × 4096 ×
    // 4096 = 4.75776e10; a micro-batch of 4096 tokens takes 0.547322 s (ZeRO-3 over NVLink, 0.1 s, hides
    // under it) → 7,483.7 tokens/s per GPU; 14.988e9 / 7,483.7 / 3,600 = 556.30 steady GPU-hours, / goodput
    // (1 / 1.2) = 667.56; × $3.92 = $2,616.85; × 1,439 = ₩3,765,645
    expect(dapt!.estimate.flops / 6.16522e20).toBeCloseTo(1, 5);
    expect(dapt!.estimate.gpuHours.expected).toBeCloseTo(667.56, 1);
    expect(dapt!.estimate.costUsd!.expected).toBeCloseTo(2616.85, 0);
    expect(dapt!.estimate.costKrw!.expected / 3_765_645).toBeCloseTo(1, 4);
    // sft at 1,024-token sequences: 6 × 6,738,415,616 × 153.6M = 6.2101e18 FLOPs; hardware FLOPs per token
    // 4.04305e10 + 12 × 32 × 4096 × 1024 = 4.20411e10; 1,024 × 4.20411e10 / 3.56062e14 = 0.120906 s per
    // micro-batch → 8,469.5 tokens/s; 153.6e6 / 8,469.5 / 3,600 × 1.2 = 6.045 GPU-hours
    expect(sft!.estimate.flops / 6.21012e18).toBeCloseTo(1, 5);
    expect(sft!.estimate.gpuHours.expected).toBeCloseTo(6.045, 2);
    // lora r16 on every linear layer: 32 × (4 × 16 × 8,192 + 3 × 16 × 15,104) = 39,976,960 adapters;
    // (4 × 6,738,415,616 + 6 × 39,976,960) × 153.6M = 27,193,524,224 × 153.6M = 4.17693e18
    expect(lora!.estimate.flops / 4.17693e18).toBeCloseTo(1, 5);
    expect(lora!.estimate.trainableParams).toBe(39_976_960);
    for (const s of json.scenarios) {
      expect(s.assumptions.krwPerUsd).toBe(1439);
      expect(s.estimate.memory.fits, s.name).toBe(true);
    }
  });

  it("table: a row per scenario with tokens, FLOPs, ranges, memory and fit, within 100 columns", async () => {
    const { status, stdout } = await cli(["compare", ...SEED, "qlora-7b"]);
    expect(status).toBe(0);
    for (const id of [...SEED, "qlora-7b"]) expect(stdout).toMatch(new RegExp(`│ ${id}\\s+│`));
    expect(stdout).toContain("135B tokens");
    expect(stdout).toContain("6.17e20 FLOPs"); // llama-2-ko-dapt, from its own 2 × H100
    expect(stdout).toMatch(/dapt · 2 × H100/);
    expect(stdout).toMatch(/qlora · 1 × RTX4090/);
    // RTX 4090: RunPod's $0.34 (2026-09-25); Vast.ai's $0.40 (2025-05-29) is more than a year old.
    expect(stdout).toMatch(/RTX4090 \$0\.34 per GPU-hour/);
    expect(stdout).toContain("fits");
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    for (const line of stdout.split("\n").filter((l) => !/[│┌├└]/.test(l)))
      expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it("csv, markdown and --chart", async () => {
    const csv = (await cli(["compare", "sft-7b", "sft-13b", "--format", "csv"])).stdout.split("\r\n");
    // The shared spreadsheet columns (estimate's), then the scenario's own.
    expect(csv[0]).toMatch(/^label,model,params,active_params,tokens,strategy,gpu,gpus,provider,/);
    expect(csv[0]).toMatch(/,scenario,title$/);
    expect(csv[1]).toMatch(/^,llama-2-7b,6738415616,6738415616,153600000,sft,/);
    expect(csv[2]).toMatch(/^,llama-2-13b,13015864320,13015864320,153600000,sft,/);
    expect(csv[1]).toMatch(/,sft-7b,/);
    expect((await cli(["compare", "sft-7b", "--format", "markdown"])).stdout).toMatch(/^\| Scenario \| Strategy \|/);
    const chart = (await cli(["compare", "sft-7b", "sft-13b", "--chart"])).stdout;
    expect(chart).toContain("Expected cost (KRW)");
    expect(chart).toMatch(/^sft-13b +█+/m);
  });

  it("pass-through flags: --price and --fx change every row", async () => {
    const json = CompareJson.parse(
      JSON.parse(
        (await cli(["compare", "sft-7b", "lora-7b", "--price", "2", "--fx", "1000", "--format", "json"])).stdout,
      ),
    );
    for (const s of json.scenarios) {
      expect(s.estimate.costUsd!.expected).toBeCloseTo(s.estimate.gpuHours.expected * 2, 9);
      expect(s.estimate.costKrw!.expected).toBeCloseTo(s.estimate.costUsd!.expected * 1000, 6);
    }
  });

  it("a user's file joins the bundled scenarios; bad names and files are exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-cli-cmp-"));
    writeFileSync(
      join(dir, "mine.json"),
      JSON.stringify({ id: "mine-7b", title: "my DAPT", params: "7B", strategy: "dapt", tokens: "15B" }),
    );
    const json = CompareJson.parse(
      JSON.parse(
        (await cli(["compare", "sft-7b", "mine.json", "--gpus", "2xH100", "--format", "json"], {}, dir)).stdout,
      ),
    );
    expect(json.scenarios.map((s) => [s.name, s.origin])).toEqual([
      ["sft-7b", "presets/scenarios.json"],
      ["mine-7b", "mine.json"],
    ]);
    expect(json.scenarios[1]!.estimate.flops).toBe(6.3e20); // 6 × 7e9 × 15e9

    const noGpus = await cli(["compare", "mine.json"], {}, dir);
    expect(noGpus.status).toBe(2);
    expect(noGpus.stderr).toBe(
      'llm-cost: scenario "mine-7b" (mine.json): it names no GPUs: give --gpus, e.g. --gpus 8xH100\n',
    );
    const unknown = await cli(["compare", "lora7b"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/invalid scenario "lora7b": .*did you mean lora-7b\?/);
    const missing = await cli(["compare", "nope.json"], {}, dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/invalid scenario file "nope\.json": no such file/);
  });
});
