import { describe, expect, it } from "vitest";
import {
  chinchillaForCompute,
  computeForGpuHours,
  gpuHoursForBudget,
  gpusForDeadline,
  gpusForDeadlineRange,
  tokensForGpuHours,
  wallDaysOn,
} from "../src/model/inverse.js";

describe("budget → GPU-hours → tokens", () => {
  it("$1,000 at $2.50 per GPU-hour rents 400 GPU-hours", () => {
    expect(gpuHoursForBudget(1000, 2.5)).toBe(400);
  });

  it("the seed's 3억 원 at 1,439 KRW/USD and H100's $3.92 rents 53,183 GPU-hours", () => {
    // 300,000,000 / 1,439 = $208,478.10; / 3.92 = 53,183.19 GPU-hours
    expect(gpuHoursForBudget(300_000_000 / 1439, 3.92)).toBeCloseTo(53_183.19, 1);
  });

  it("tokens scale with GPU-hours; the low end comes from the high GPU-hours", () => {
    // 1B tokens take 100–200–400 GPU-hours; 400 GPU-hours train 400/400 = 1B, 400/200 = 2B, 400/100 = 4B
    expect(tokensForGpuHours(400, 1e9, { low: 100, expected: 200, high: 400 })).toEqual({
      low: 1e9,
      expected: 2e9,
      high: 4e9,
    });
  });
});

describe("compute and Chinchilla", () => {
  it("1,000 GPU-hours at 1,000 TFLOPS and MFU 25% deliver 9e20 FLOPs", () => {
    // 1,000 h × 3,600 s × 1e15 FLOP/s × 0.25 = 9e20 (and 7.2e20, 1.8e21 at 20% and 50%)
    const c = computeForGpuHours(1000, 1000, { low: 0.2, expected: 0.25, high: 0.5 });
    expect(c.expected).toBeCloseTo(9e20, -8);
    expect(c.low).toBeCloseTo(7.2e20, -8);
    expect(c.high).toBeCloseTo(1.8e21, -8);
  });

  it("C = 1.2e20 FLOPs is optimal for 1B parameters on 20B tokens (C = 6·N·20N = 120·N²)", () => {
    const p = chinchillaForCompute(1.2e20);
    expect(p.params).toBeCloseTo(1e9, 0);
    expect(p.tokens).toBeCloseTo(2e10, -1);
    expect(6 * p.params * p.tokens).toBeCloseTo(1.2e20, -8);
  });

  it("3억 원 of H100 at MFU 24.8% is about 4.70e22 FLOPs: a 19.8B model on 396B tokens", () => {
    // 53,183.19 h × 3,600 × 989.4e12 × 0.248 = 4.6979e22; √(4.6979e22 / 120) = 1.9786e10
    const c = computeForGpuHours(300_000_000 / 1439 / 3.92, 989.4, {
      low: 0.248,
      expected: 0.248,
      high: 0.248,
    }).expected;
    expect(c / 4.6979e22).toBeCloseTo(1, 3);
    const p = chinchillaForCompute(c);
    expect(p.params / 1.9786e10).toBeCloseTo(1, 3);
    expect(p.tokens / 3.9572e11).toBeCloseTo(1, 3);
  });
});

describe("deadline → GPUs", () => {
  it("rounds up: 6,168 GPU-hours in 90 days need ⌈6,168 / 2,160⌉ = ⌈2.86⌉ = 3 GPUs", () => {
    expect(gpusForDeadline(6168, 90)).toBe(3);
  });

  it("an exact fit is not rounded up by float noise: 54,000 GPU-hours in 90 days = 25 GPUs", () => {
    // 54,000 / (24 × 90) = 25 exactly
    expect(gpusForDeadline(54_000, 90)).toBe(25);
    // 3 × 0.1 × 24 × 90 × 10 = 6,480.000000000001 in floats: 3.0000000000000004 GPUs is 3, not 4
    expect(gpusForDeadline(3 * 0.1 * 24 * 90 * 10, 90)).toBe(3);
    expect(gpusForDeadline(1, 90)).toBe(1); // never 0 GPUs
  });

  it("the range follows the GPU-hours range: 447–713–1,242 GPU-hours in 7 days need 3–5–8 GPUs", () => {
    // 446.65 / 168 = 2.66 → 3; 713.2 / 168 = 4.25 → 5; 1,242.4 / 168 = 7.40 → 8
    expect(gpusForDeadlineRange({ low: 446.65, expected: 713.2, high: 1242.4 }, 7)).toEqual({
      low: 3,
      expected: 5,
      high: 8,
    });
  });

  it("wall-clock: 480 GPU-hours on 2 GPUs take 10 days", () => {
    expect(wallDaysOn(480, 2)).toBe(10);
  });
});
