import { describe, expect, it } from "vitest";
import { loadCatalog } from "../src/catalog/load.js";
import { countParams, genericArchitecture } from "../src/core/architecture.js";
import { estimateEnergy } from "../src/core/energy.js";
import { estimateStrategy, type EstimateRequest } from "../src/core/estimate.js";
import { flopsPerToken } from "../src/core/flops.js";
import { findGpu } from "../src/core/gpus.js";
import { adapterParams, LORA_TARGETS } from "../src/core/lora.js";
import { findModel } from "../src/core/models.js";

const catalog = loadCatalog();
const h100 = findGpu(catalog.gpus, "H100")!;
const strategy = (id: string) => catalog.strategies.find((s) => s.id === id)!;
const llama7b = findModel(catalog.models, "llama-2-7b");

function request(overrides: Partial<EstimateRequest>): EstimateRequest {
  return {
    params: 6_738_415_616,
    activeParams: 6_738_415_616,
    tokens: 15e9,
    gpu: h100,
    gpuCount: 2,
    strategies: catalog.strategies,
    price: {
      usdPerGpuHour: 2.49,
      provider: "user",
      kind: "user",
      date: "given",
      source: "test",
      rule: "test",
      offers: [],
    },
    fx: { krwPerUsd: 1439, date: "given", source: "test" },
    adapterParams: 39_976_960,
    precision: "bf16",
    efficiency: catalog.efficiency,
    energy: { tdpW: 700, pue: 1.1, gCO2PerKWh: 385, gridSource: "test", pueSource: "test" },
    arch: llama7b.arch,
    memory: {
      seqLen: 4096,
      microBatch: 1,
      recompute: "none",
      zero: 3,
      optimizer: "adamw",
      flashAttention: true,
      loraRank: 16,
      loraTargets: LORA_TARGETS,
      addedVocabRows: 0,
    },
    ...overrides,
  };
}

describe("FLOPs (docs/formulas.md §2–3)", () => {
  it("full training is 6·N per token: 7B × 15B tokens = 6.3e20", () => {
    expect(flopsPerToken({ training: "full", params: 7e9, adapterParams: 0 }) * 15e9).toBe(6.3e20);
  });
  it("Llama-2-7B × 15B tokens = 6.065e20 (peers.md §0)", () => {
    expect(flopsPerToken({ training: "full", params: 6_738_415_616, adapterParams: 0 }) * 15e9).toBeCloseTo(
      6.0646e20,
      -16,
    );
  });
  it("LoRA r16 on all linear layers of Llama-2-7B has 39,976,960 adapter parameters (docs/formulas.md §3.3)", () => {
    expect(adapterParams(llama7b.arch, 16, LORA_TARGETS)).toBe(39_976_960);
    expect(adapterParams(llama7b.arch, 8, ["q", "v"])).toBe(4_194_304);
  });
  it("LoRA costs 4·N + 6·adapters per token, about two thirds of full training", () => {
    const lora = flopsPerToken({ training: "lora", params: 6_738_415_616, adapterParams: 39_976_960 });
    expect(lora).toBe(4 * 6_738_415_616 + 6 * 39_976_960);
    expect(lora / (6 * 6_738_415_616)).toBeCloseTo(0.6726, 3);
    expect(flopsPerToken({ training: "qlora", params: 1e9, adapterParams: 1e6 })).toBe(
      flopsPerToken({ training: "lora", params: 1e9, adapterParams: 1e6 }),
    );
  });
  it("the generic 7B shape behind --params is Llama-like: 33 layers of 4096 → 41,226,240 LoRA r16 parameters", () => {
    const arch = genericArchitecture(7e9);
    expect(arch.hidden).toBe(4096);
    expect(arch.layers).toBe(33);
    expect(adapterParams(arch, 16, LORA_TARGETS)).toBe(33 * 1_249_280);
    expect(countParams(genericArchitecture(6.738e9)).total).toBe(6_738_415_616);
  });
});

describe("GPU-hours, days and money, worked by hand", () => {
  // 6.0645740544e20 FLOPs / (989.4e12 × 0.4) / 3600 = 425.663 GPU-h; / 2 GPUs / 24 = 8.868 days;
  // × $2.49 = $1,059.90; × 1439 = ₩1,525,196. (peers.md §0 gives 426 GPU-h, 8.87 d, $1,060 at 989 TFLOPS.)
  const result = estimateStrategy(request({ mfu: 0.4 }), strategy("dapt"));
  it("GPU-hours = FLOPs / (peak × MFU) / 3600", () => expect(result.gpuHours.expected).toBeCloseTo(425.663, 2));
  it("wall-clock days = GPU-hours / GPUs / 24", () => expect(result.wallDays.expected).toBeCloseTo(8.868, 3));
  it("dollars = GPU-hours × price; won = dollars × rate", () => {
    expect(result.costUsd.expected).toBeCloseTo(1059.9, 1);
    expect(result.costKrw.expected).toBeCloseTo(1_525_196, -1);
    expect(result.costKrw.high).toBeCloseTo(result.costUsd.high * 1439, 6);
  });
  it("throughput: 989.4e12 × 0.4 / 40.43e9 FLOPs per token = 9,789 tokens/s/GPU", () => {
    expect(result.tokensPerSecPerGpu).toBeCloseTo(9789, -1);
  });
  it("the range brackets the expected value and GPU count does not change GPU-hours", () => {
    expect(result.gpuHours.low).toBeLessThan(result.gpuHours.expected);
    expect(result.gpuHours.high).toBeGreaterThan(result.gpuHours.expected);
    const eight = estimateStrategy(request({ mfu: 0.4, gpuCount: 8 }), strategy("dapt"));
    expect(eight.gpuHours.expected).toBeCloseTo(result.gpuHours.expected, 6);
    expect(eight.wallDays.expected).toBeCloseTo(result.wallDays.expected / 4, 6);
  });
  it("--tokens-per-sec: 15e9 tokens at 9,600 tokens/s/GPU = 434.0 GPU-hours (peers.md §0 empirical anchor)", () => {
    const measured = estimateStrategy(request({ tokensPerSecPerGpu: 9600 }), strategy("dapt"));
    expect(measured.gpuHours.expected).toBeCloseTo(15e9 / 9600 / 3600, 3);
    expect(measured.tokensPerSecPerGpu).toBeCloseTo(9600, 6);
    expect(measured.efficiency.source).toBe("--tokens-per-sec");
  });
});

describe("the default efficiency", () => {
  it("full training on 2×H100: 7B × 15B = 6.3e20 FLOPs at the Hopper whole-run median 0.248 = 713 GPU-hours", () => {
    const result = estimateStrategy(request({ params: 7e9, activeParams: 7e9 }), strategy("scratch"));
    expect(result.efficiency.wholeRun.expected).toBe(0.248);
    expect(result.gpuHours.expected).toBeCloseTo(6.3e20 / (989.4e12 * 0.248) / 3600, 6);
    expect(result.gpuHours.expected).toBeCloseTo(713.2, 1);
  });
  it("on A100 it uses the A100 median 0.412, and fp8 multiplies by 1.32", () => {
    const a100 = estimateStrategy(request({ gpu: findGpu(catalog.gpus, "A100")! }), strategy("scratch"));
    expect(a100.efficiency.wholeRun.expected).toBe(0.412);
    const fp8 = estimateStrategy(request({ precision: "fp8" }), strategy("scratch"));
    expect(fp8.efficiency.wholeRun.expected).toBeCloseTo(0.248 * 1.32, 10);
  });
  it("fine-tuning uses the measured steady-state efficiency, QLoRA below LoRA", () => {
    const lora = estimateStrategy(request({}), strategy("lora"));
    const qlora = estimateStrategy(request({}), strategy("qlora"));
    expect(lora.efficiency.wholeRun.expected).toBe(0.257);
    expect(qlora.efficiency.wholeRun.expected).toBe(0.231);
    expect(qlora.gpuHours.expected).toBeGreaterThan(lora.gpuHours.expected);
  });
});

describe("energy and carbon (docs/formulas.md §7)", () => {
  it("Llama 2 7B's card: 184,320 GPU-h × 0.4 kW × 1.1 × 0.385 kg/kWh = 31.22 t", () => {
    const energy = estimateEnergy(
      { low: 184_320, expected: 184_320, high: 184_320 },
      { tdpW: 400, pue: 1.1, gCO2PerKWh: 385, gridSource: "t", pueSource: "t" },
    );
    expect(energy.energyKwh.expected).toBeCloseTo(81_100.8, 6);
    expect(energy.co2Kg.expected / 1000).toBeCloseTo(31.22, 2);
  });
  it("follows the GPU-hour range: 425.663 GPU-h on H100 × 0.7 kW × 1.1 = 327.8 kWh", () => {
    const result = estimateStrategy(request({ mfu: 0.4 }), strategy("dapt"));
    expect(result.energyKwh.expected).toBeCloseTo(425.663 * 0.7 * 1.1, 1);
    expect(result.co2Kg.expected).toBeCloseTo(425.663 * 0.7 * 1.1 * 0.385, 1);
    expect(result.energyKwh.high).toBeGreaterThan(result.energyKwh.expected);
  });
});
