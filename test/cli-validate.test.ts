import { describe, expect, it } from "vitest";
import { PRESETS_DIR_ENV } from "../src/cli/catalog-dir.js";
import { cli } from "./helpers/cli.js";

// validate measures the real presets (the fixture catalog is for arithmetic tests).
const REAL = { [PRESETS_DIR_ENV]: "" };

interface Summary {
  rows: number;
  medianAbsError: number;
  shareWithin25: number;
  shareInsideRange: number;
  meanHighOverLow: number;
}
interface Section {
  leaveOneSourceOut: Summary;
  leaveOneRowOut: Summary;
  constant35: { medianAbsError: number };
  constant40: { medianAbsError: number };
  rows: Array<{ id: string; group: string; inside: boolean; halfWidth: number }>;
}
interface ValidateJson {
  schemaVersion: number;
  wholeRuns: Section;
  speed: Section;
  fineTuningSpeed: Section;
  memory: {
    summary: {
      rows: number;
      medianAbsError: number;
      shareWithin25: number;
      boundRows: number;
      boundsRespected: number;
    };
  };
}

const json = JSON.parse((await cli(["validate", "--format", "json"], REAL)).stdout) as ValidateJson;

describe("llm-cost validate: out of sample, one source held out at a time", () => {
  it("whole runs: beats constant 35 % and 40 % MFU on median error; at least 80% inside the range", () => {
    const s = json.wholeRuns.leaveOneSourceOut;
    expect(s.rows).toBe(24);
    expect(s.medianAbsError).toBeLessThan(json.wholeRuns.constant35.medianAbsError);
    expect(s.medianAbsError).toBeLessThan(json.wholeRuns.constant40.medianAbsError);
    expect(s.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(s.shareInsideRange).toBeGreaterThanOrEqual(0.8);
  });
  it("fine-tuning speed: beats both constants on median error; at least 80% inside the range", () => {
    const s = json.fineTuningSpeed.leaveOneSourceOut;
    expect(s.rows).toBeGreaterThanOrEqual(40);
    expect(s.medianAbsError).toBeLessThan(json.fineTuningSpeed.constant35.medianAbsError);
    expect(s.medianAbsError).toBeLessThan(json.fineTuningSpeed.constant40.medianAbsError);
    expect(s.shareInsideRange).toBeGreaterThanOrEqual(0.8);
  });
  it("reports leave-one-row-out beside it, and every row's range comes from the other sources", () => {
    for (const section of [json.wholeRuns, json.speed, json.fineTuningSpeed]) {
      expect(section.leaveOneRowOut.rows).toBe(section.leaveOneSourceOut.rows);
      for (const row of section.rows) expect(row.halfWidth, row.id).toBeGreaterThan(0);
    }
  });
  it("memory: median |error| ≤ 20 % and ≥ 70 % within ±25 %; every bound respected", () => {
    const m = json.memory.summary;
    expect(m.rows).toBeGreaterThanOrEqual(40);
    expect(m.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(m.shareWithin25).toBeGreaterThanOrEqual(0.7);
    expect(m.boundsRespected).toBe(m.boundRows);
  });
  it("table, --speed, --memory and csv render, within 100 columns", async () => {
    const table = (await cli(["validate"], REAL)).stdout;
    expect(table).toMatch(/^Published whole runs/);
    expect(table).toMatch(/leave one source out: median \|error\| \d+(\.\d+)?%/);
    expect(table).toMatch(/dbrx: hours = project-window upper bound/);
    const speed = (await cli(["validate", "--speed"], REAL)).stdout;
    expect(speed).toMatch(/^Steady-state speed/);
    expect(speed).toMatch(/fine-tuning measurements only/);
    const memory = (await cli(["validate", "--memory"], REAL)).stdout;
    expect(memory).toMatch(/^Memory: measured peak per GPU/);
    expect(memory).not.toMatch(/Published whole runs/);
    for (const line of [...table.split("\n"), ...speed.split("\n"), ...memory.split("\n")])
      expect([...line].length, line).toBeLessThanOrEqual(100);
    const csv = (await cli(["validate", "--format", "csv"], REAL)).stdout.split("\r\n").filter(Boolean);
    expect(csv[0]).toBe("id,source,measured,predicted,low,high,error,inside");
    expect(csv).toHaveLength(25);
  });
});
