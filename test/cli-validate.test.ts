import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

interface ValidateJson {
  summary: { runs: number; medianAbsError: number; shareInsideRange: number; meanHighOverLow: number; constantMedianAbsError: number };
  baseline: { medianAbsError: number };
  runs: Array<{ id: string; use: string; excludedReason?: string; inside?: boolean }>;
}

describe("llm-cost validate (built binary)", () => {
  const json = JSON.parse(cli(["validate", "--format", "json"]).stdout) as ValidateJson;

  it("meets the accuracy targets out of sample: median |error| ≤ 20 %, ≥ 80 % inside the range, high/low ≤ 2.5", () => {
    expect(json.summary.runs).toBe(26);
    expect(json.summary.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(json.summary.shareInsideRange).toBeGreaterThanOrEqual(0.8);
    expect(json.summary.meanHighOverLow).toBeLessThanOrEqual(2.5);
  });
  it("beats the constant-40 % calculator and the plain per-family median", () => {
    expect(json.summary.medianAbsError).toBeLessThan(json.summary.constantMedianAbsError);
    expect(json.summary.medianAbsError).toBeLessThan(json.baseline.medianAbsError);
  });
  it("lists every bundled run, each excluded one with its reason", () => {
    expect(json.runs).toHaveLength(75);
    for (const run of json.runs.filter((r) => r.use === "excluded")) expect(run.excludedReason, run.id).toBeTruthy();
  });
  it("table and csv render", () => {
    const table = cli(["validate"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/median \|error\| 18\.2%/);
    expect(table.stdout).toMatch(/dbrx: hours = project-window upper bound/);
    const csv = cli(["validate", "--format", "csv"]).stdout.split("\r\n").filter(Boolean);
    expect(csv).toHaveLength(27);
  });
});
