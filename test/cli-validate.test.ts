import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

interface ValidateJson {
  summary: {
    runs: number;
    medianAbsError: number;
    shareInsideRange: number;
    meanHighOverLow: number;
    constantMedianAbsError: number;
  };
  baseline: { medianAbsError: number };
  runs: Array<{ id: string; use: string; excludedReason?: string; inside?: boolean }>;
}

const validateJson = (await cli(["validate", "--format", "json"])).stdout;

describe("llm-cost validate", () => {
  const json = JSON.parse(validateJson) as ValidateJson;

  it("meets the accuracy targets out of sample: median |error| ≤ 20 %, ≥ 80 % inside the range, high/low ≤ 2.5", async () => {
    expect(json.summary.runs).toBe(26);
    expect(json.summary.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(json.summary.shareInsideRange).toBeGreaterThanOrEqual(0.8);
    expect(json.summary.meanHighOverLow).toBeLessThanOrEqual(2.5);
  });
  it("beats the constant-40 % calculator and the plain per-family median", async () => {
    expect(json.summary.medianAbsError).toBeLessThan(json.summary.constantMedianAbsError);
    expect(json.summary.medianAbsError).toBeLessThan(json.baseline.medianAbsError);
  });
  it("lists every bundled run, each excluded one with its reason", async () => {
    expect(json.runs).toHaveLength(75);
    for (const run of json.runs.filter((r) => r.use === "excluded")) expect(run.excludedReason, run.id).toBeTruthy();
  });
  it("table and csv render", async () => {
    const table = await cli(["validate"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/median \|error\| 18\.2%/);
    expect(table.stdout).toMatch(/dbrx: hours = project-window upper bound/);
    const csv = (await cli(["validate", "--format", "csv"])).stdout.split("\r\n").filter(Boolean);
    expect(csv).toHaveLength(27);
  });
});

describe("llm-cost validate --memory and --speed", () => {
  interface Json {
    memory: {
      summary: {
        rows: number;
        medianAbsError: number;
        shareWithin25: number;
        boundRows: number;
        boundsRespected: number;
      };
    };
    finetuneSpeed: { rows: unknown[]; medianAbsError: number; shareInsideRange: number };
  }
  const json = JSON.parse(validateJson) as Json;
  it("memory: median |error| ≤ 20 % and ≥ 70 % within ±25 % on the bundled measured runs; every bound respected", async () => {
    expect(json.memory.summary.rows).toBeGreaterThanOrEqual(40);
    expect(json.memory.summary.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(json.memory.summary.shareWithin25).toBeGreaterThanOrEqual(0.7);
    expect(json.memory.summary.boundsRespected).toBe(json.memory.summary.boundRows);
  });
  it("speed: 31 fine-tuning runs predicted out of sample", async () => {
    expect(json.finetuneSpeed.rows).toHaveLength(31);
    expect(json.finetuneSpeed.medianAbsError).toBeLessThan(0.35);
  });
  it("--memory prints only the memory table; --speed only the speed table; both fit 100 columns", async () => {
    const memory = (await cli(["validate", "--memory"])).stdout;
    expect(memory).toMatch(/^Memory: measured peak per GPU/);
    expect(memory).toMatch(/│ qlora-guanaco-65b-48gb\s+│ qlora\s+│\s+≤48 │\s+46\.9 │ bound ok │/);
    expect(memory).not.toMatch(/Published full runs/);
    const speed = (await cli(["validate", "--speed"])).stdout;
    expect(speed).toMatch(/^Fine-tuning speed/);
    for (const line of [...memory.split("\n"), ...speed.split("\n")])
      expect([...line].length, line).toBeLessThanOrEqual(100);
    expect((await cli(["validate", "--memory", "--format", "csv"])).stdout.split("\r\n")[0]).toBe(
      "id,training,kind,basis,measured_gb,estimated_gb,error,respects_bound",
    );
  });
});
