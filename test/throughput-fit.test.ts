import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PublishedRunsFile } from "../src/catalog/run-schema.js";
import { GpuCatalogFile } from "../src/catalog/schemas.js";
import { ThroughputFile, ThroughputMeasurementsFile } from "../src/catalog/throughput-schema.js";
import { modelFromFile } from "../src/catalog/throughput-model.js";
import { allGatherSeconds, collectiveLink } from "../src/model/communication.js";
import { rangeHalfWidth } from "../src/model/efficiency.js";
import { goodput } from "../src/model/goodput.js";
import { nelderMead } from "../src/accuracy/nelder-mead.js";
import { balancedHalfWidth, conformalHalfWidth, fitModel } from "../src/accuracy/throughput-fitting.js";

const preset = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../presets/${name}`, import.meta.url), "utf8"));
const file = ThroughputFile.parse(preset("throughput.json"));
const gpus = GpuCatalogFile.parse(preset("gpus.json")).gpus;
const h100 = gpus.find((g) => g.id === "h100-sxm")!;
const rtx = gpus.find((g) => g.id === "rtx-4090")!;

describe("presets/throughput.json is what the evidence gives", () => {
  const fitted = fitModel({
    measurements: ThroughputMeasurementsFile.parse(preset("throughput-measurements.json")).rows,
    runs: PublishedRunsFile.parse(preset("published-runs.json")).runs,
    gpus,
    file,
  });
  const stated = modelFromFile(file);
  for (const section of ["steadyState", "goodput", "range"] as const) {
    for (const [key, value] of Object.entries(fitted[section])) {
      it(`${section}.${key} = ${value.toPrecision(4)} (refitted)`, () => {
        const written = (stated[section] as unknown as Record<string, number>)[key]!;
        expect(Math.abs(written - value)).toBeLessThanOrEqual(Math.abs(value) * 2e-3 + 1e-12);
      });
    }
  }
});

describe("goodput: near 1 on one node for days, worse with scale and duration (the presets' figures)", () => {
  const g = modelFromFile(file).goodput;
  it("one node for a few days keeps 85–90 %: 8 GPUs × 1 day, 2 GPUs × 3 days (6–8 GPU-days)", () => {
    expect(goodput(g, 8, 8 * 24).value).toBeGreaterThan(0.85);
    expect(goodput(g, 2, 6 * 24).value).toBeGreaterThan(0.85);
  });
  it("falls as runs grow: 512 GPUs × 20 days < 2 GPUs × 3 days; 16,384 GPUs × 54 days lower still", () => {
    const small = goodput(g, 2, 6 * 24).value;
    const medium = goodput(g, 512, 512 * 20 * 24).value;
    const llama3 = goodput(g, 16_384, 16_384 * 54 * 24);
    expect(medium).toBeLessThan(small);
    expect(llama3.value).toBeLessThan(medium);
    // The interruption share at Llama 3's scale is what its paper reports: under 10 %.
    expect(llama3.interruptionLoss).toBeLessThan(0.1);
  });
});

describe("the pieces, worked by hand", () => {
  it("Nelder–Mead finds the minimum of (x − 3)² + 2·(y + 1)²", () => {
    const [x, y] = nelderMead((p) => (p[0]! - 3) ** 2 + 2 * (p[1]! + 1) ** 2, [0, 0], { step: 0.5 });
    expect(x).toBeCloseTo(3, 4);
    expect(y).toBeCloseTo(-1, 4);
  });

  it("conformal half-width: the ⌈(n+1)·0.8⌉-th smallest |error|", () => {
    // n = 9: rank ⌈10 × 0.8⌉ = 8 → the 8th of 0.1 … 0.9
    expect(conformalHalfWidth([-0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, -0.8, 0.9])).toBe(0.8);
    // n = 3: rank ⌈4 × 0.8⌉ = 4 > 3 → the largest
    expect(conformalHalfWidth([0.1, 0.2, 0.3])).toBe(0.3);
  });

  it("source-balanced half-width: one source of many rows weighs as much as one of one row", () => {
    // Sources A (4 rows, 0.1 each) and B, C (one row each, 0.5 and 0.9): S = 3, target 0.8 × 4 = 3.2
    // > 3 → the largest. With a fourth source D (0.2): S = 4, target 4.0 → the largest again; with
    // coverage 0.5: target 2.5; cumulative 1 (A) + 1 (D) + 1 (B, 0.5) = 3 ≥ 2.5 → 0.5.
    const h = (group: string, logError: number) => ({
      id: `${group}${logError}`,
      group,
      measured: 1,
      predicted: 1,
      logError,
    });
    const rows = [h("A", 0.1), h("A", -0.1), h("A", 0.1), h("A", 0.1), h("B", 0.5), h("C", -0.9)];
    expect(balancedHalfWidth(rows)).toBe(0.9);
    expect(balancedHalfWidth([...rows, h("D", 0.2)], 0.5)).toBe(0.5);
  });

  it("goodput: 1,000 steady GPU-days on 512 GPUs with c = 0.8, K = 1,000, Llama 3's interruptions, 0.25 h start-up", () => {
    // overhead 0.8 × 1,000 / (1,000 + 1,000) = 0.4; interruptions 1.97e-5 × 512 × 0.34 = 0.0034294;
    // paid = 24,000 × 1.4 × 1.0034294 + 512 × 0.25 = 33,843.2 GPU-h; goodput 24,000 / 33,843.2 = 0.70915
    const g = goodput(
      {
        maxRunOverhead: 0.8,
        halfOverheadGpuDays: 1000,
        interruptionsPerGpuHour: 1.97e-5,
        hoursLostPerInterruption: 0.34,
        startupHours: 0.25,
      },
      512,
      24_000,
    );
    expect(g.value).toBeCloseTo(0.70915, 5);
    expect(g.value + g.runOverheadLoss + g.interruptionLoss + g.startupLoss).toBeCloseTo(1, 12);
  });

  it("collectives: inside a node the GPU's fabric, across nodes the smaller of it and the node's network", () => {
    // H100: NVLink 450 GB/s × 0.8 inside; 8 × 50 GB/s = 400 GB/s of network per node across.
    expect(collectiveLink(h100, 8)).toMatchObject({ kind: "intra-node", bytesPerSecond: 360e9 });
    expect(collectiveLink(h100, 16)).toMatchObject({ kind: "inter-node", bytesPerSecond: 320e9 });
    // RTX 4090 boxes: 8 × 0.390625 GB/s = 3.125 GB/s per box (25 Gb/s Ethernet) × 0.8 = 2.5 GB/s.
    const across = collectiveLink(rtx, 32);
    expect(across).toMatchObject({ kind: "inter-node", bytesPerSecond: 2.5e9 });
    // All-gathering 14 GB of 7B weights over 32 of them: 14e9 × 31/32 / 2.5e9 = 5.425 s.
    expect(allGatherSeconds(14e9, 32, across)).toBeCloseTo(5.425, 9);
  });

  it("range half-width: single node up to 8 GPUs, multi-node from 64, linear in log(GPUs) between", () => {
    const r = { singleNode: 0.9, multiNode: 0.3, singleNodeUpTo: 8, multiNodeFrom: 64 };
    expect(rangeHalfWidth(r, 2)).toBe(0.9);
    expect(rangeHalfWidth(r, 64)).toBe(0.3);
    // 16 GPUs: one third of the way from 8 to 64 in log2 (3 doublings): 0.9 − 0.6 / 3 = 0.7
    expect(rangeHalfWidth(r, 16)).toBeCloseTo(0.7, 12);
  });
});
