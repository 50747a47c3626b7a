import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../src/catalog/load.js";
import { PublishedRunsFile } from "../src/catalog/run-schema.js";
import { finetuneSpeedRows, fitFinetune, validateFinetune } from "../src/core/finetune-calibration.js";
import { parseFinetuneMeasured } from "../src/core/memory-validation.js";
import {
  calibrationRuns,
  fitModel,
  fp8FactorFromBenchmarks,
  impliedEfficiency,
  leaveOneOutRatios,
  rangeFromRatios,
  steadyStateFromBenchmarks,
  validate,
} from "../src/core/calibration.js";

const runs = PublishedRunsFile.parse(
  JSON.parse(readFileSync(new URL("../presets/published-runs.json", import.meta.url), "utf8")),
).runs;
const catalog = loadCatalog();
const config = catalog.efficiency.fullTraining;
const full = calibrationRuns(runs);
const f8 = fp8FactorFromBenchmarks(runs);

describe("which runs count", () => {
  it("26 full runs (the data's own flag), 29 benchmarks, every exclusion with a reason", () => {
    expect(full).toHaveLength(26);
    expect(runs.filter((r) => r.use === "benchmark")).toHaveLength(29);
    for (const r of runs.filter((r) => r.use === "excluded")) expect(r.excludedReason, r.id).toBeTruthy();
  });
  it("implied efficiency reproduces the paper arithmetic: Llama 2 7B, 2T tokens in 184,320 A100-hours = 0.391", () => {
    // 6 × 6.74e9 × 2e12 / (184,320 × 3600 × 312e12) = 0.3906
    expect(impliedEfficiency(full.find((r) => r.id === "llama2-7b")!)).toBeCloseTo(0.3906, 3);
  });
});

describe("mixture-of-experts runs are computed on active parameters", () => {
  it("GRIN MoE: 6.6B active of 41.9B, 4T tokens in 512 H100 × 18 days = 0.201 (on 41.9B it would be 1.28: impossible)", () => {
    const grin = full.find((r) => r.id === "grin-moe")!;
    // 6 × 6.6e9 × 4e12 / (221,184 h × 3600 × 989e12) = 0.2011
    expect(grin.activeParams).toBe(6.6e9);
    expect(impliedEfficiency(grin)).toBeCloseTo(0.2011, 3);
    expect(impliedEfficiency({ ...grin, activeParams: 41.9e9 })).toBeGreaterThan(1);
  });
  it("DeepSeek-V3 pretraining: 37B active of 671B, fp8 matmuls, within ±25 % out of sample", () => {
    const row = validate(full, f8).rows.find((r) => r.id === "deepseek-v3-pretrain")!;
    expect(Math.abs(row.error)).toBeLessThanOrEqual(0.25);
  });
});

describe("presets/efficiency.json is what the evidence gives (refit here, so it cannot drift)", () => {
  const model = fitModel(full, f8);
  it("whole-run medians per family", () => {
    expect(model.wholeRun.a100!).toBeCloseTo(config.wholeRun.a100, 3);
    expect(model.wholeRun.hopper!).toBeCloseTo(config.wholeRun.hopper, 3);
    expect(model.wholeRun.tpu!).toBeCloseTo(config.wholeRun.tpu, 3);
  });
  it("steady-state benchmark medians and the fp8 factor", () => {
    const steady = steadyStateFromBenchmarks(runs);
    expect(steady.a100!).toBeCloseTo(config.steadyState.a100, 3);
    expect(steady.hopper!).toBeCloseTo(config.steadyState.hopper, 3);
    expect(steady.tpu!).toBeCloseTo(config.steadyState.tpu, 3);
    expect(f8).toBeCloseTo(config.fp8Factor, 2);
  });
  it("the GPU-hour range is the 10th–90th percentile of leave-one-out ratios", () => {
    const range = rangeFromRatios(leaveOneOutRatios(full, f8));
    expect(range.low).toBeCloseTo(config.rangeGpuHours.low, 3);
    expect(range.high).toBeCloseTo(config.rangeGpuHours.high, 3);
  });
});

describe("out-of-sample accuracy on the bundled full runs (issue targets)", () => {
  const { summary } = validate(full, f8);
  it("median |error| ≤ 20 %", () => expect(summary.medianAbsError).toBeLessThanOrEqual(0.2));
  it("≥ 80 % of runs inside [low, high]", () => expect(summary.shareInsideRange).toBeGreaterThanOrEqual(0.8));
  it("mean high/low ≤ 2.5", () => expect(summary.meanHighOverLow).toBeLessThanOrEqual(2.5));
  it("beats a constant 40 % efficiency", () => {
    expect(summary.medianAbsError).toBeLessThan(summary.constantMedianAbsError);
    expect(summary.shareWithin25).toBeGreaterThan(summary.constantShareWithin25);
  });
});

describe("fine-tuning speed (presets/finetune-measured.json)", () => {
  const measured = parseFinetuneMeasured(
    JSON.parse(readFileSync(new URL("../presets/finetune-measured.json", import.meta.url), "utf8")),
  ).rows;
  const speed = finetuneSpeedRows(measured, catalog.gpus);
  it("uses 31 bf16 rows: 4 full, 18 LoRA, 9 QLoRA", () => {
    expect(speed.filter((r) => r.method === "full")).toHaveLength(4);
    expect(speed.filter((r) => r.method === "lora")).toHaveLength(18);
    expect(speed.filter((r) => r.method === "qlora")).toHaveLength(9);
  });
  it("implied efficiency by hand: Qwen-7B LoRA, 2,926 tokens/s on A100 × 4 × 7.7e9 / 312e12 = 0.289", () => {
    expect(speed.find((r) => r.id === "qwen-7b-lora-L1024")!.efficiency).toBeCloseTo(0.2889, 3);
  });
  it("presets/efficiency.json fine-tuning figures are the fitted ones", () => {
    const pooled = fitFinetune(speed, "full-or-lora");
    const qlora = fitFinetune(speed, "qlora");
    const ft = catalog.efficiency.fineTuning;
    for (const [fit, preset] of [
      [pooled, ft.sft],
      [pooled, ft.lora],
      [qlora, ft.qlora],
    ] as const) {
      expect(fit.expected).toBeCloseTo(preset.expected, 3);
      expect(fit.low).toBeCloseTo(preset.low, 3);
      expect(fit.high).toBeCloseTo(preset.high, 3);
    }
  });
  it("out of sample, the median predicts measured tokens/s within about a third", () => {
    const result = validateFinetune(speed);
    expect(result.medianAbsError).toBeLessThan(0.35);
    expect(result.shareInsideRange).toBeGreaterThanOrEqual(0.7);
  });
});
