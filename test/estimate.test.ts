import { msg } from "../src/i18n/message.js";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../src/catalog/load.js";
import { countParams, genericArchitecture } from "../src/model/architecture.js";
import { estimateEnergy } from "../src/model/energy.js";
import type { ThroughputModel } from "../src/model/efficiency.js";
import { estimateStrategy, type EstimateRequest } from "../src/model/estimate.js";
import { flopsPerToken } from "../src/model/flops.js";
import { findGpu } from "../src/catalog/gpus.js";
import { adapterParams, LORA_TARGETS } from "../src/model/lora.js";
import { findModel } from "../src/catalog/find-model.js";

const catalog = loadCatalog();
const h100 = findGpu(catalog.gpus, "H100")!;
const strategy = (id: string) => catalog.strategies.find((s) => s.id === id)!;
const llama7b = findModel(catalog.models, "llama-2-7b");

/**
 * A throughput model with round numbers (not presets/throughput.json, so refitting the presets breaks
 * no arithmetic here): matmul efficiency 0.5 at the A100's balance of 153 FLOPs per byte, balance
 * exponent 0.5, no per-layer overhead, fp8 ×1.25, LoRA ×1, QLoRA ×0.9; goodput: a flat 20 % run
 * overhead (K = 0), no interruptions, no start-up; range half-width 0.5 (×/÷ e^0.5 = 1.6487).
 */
const FIXTURE_MODEL: ThroughputModel = {
  steadyState: {
    matmulEfficiency: 0.5,
    referenceFlopsPerByte: 153,
    balanceExponent: 0.5,
    layerOverheadSeconds: 0,
    fp8Speedup: 1.25,
    loraEfficiency: 1,
    qloraEfficiency: 0.9,
  },
  goodput: {
    maxRunOverhead: 0.2,
    halfOverheadGpuDays: 0,
    interruptionsPerGpuHour: 0,
    hoursLostPerInterruption: 0,
    startupHours: 0,
  },
  range: { singleNode: 0.5, multiNode: 0.5, singleNodeUpTo: 8, multiNodeFrom: 64 },
};

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
      rule: msg("price.given"),
      offers: [],
    },
    fx: { krwPerUsd: 1439, date: "given", source: "test" },
    vat: { included: false, rate: 0.1, source: "test" },
    adapterParams: 39_976_960,
    precision: "bf16",
    throughput: FIXTURE_MODEL,
    globalBatchTokens: 4_194_304,
    energy: { tdpW: 700, pue: 1.1, gCO2PerKWh: 385, gridSource: "test", pueSource: "test" },
    arch: llama7b.arch,
    memory: {
      seqLen: 4096,
      microBatch: 1,
      recompute: "none",
      tensorParallel: 1,
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
    expect(result.costUsd!.expected).toBeCloseTo(1059.9, 1);
    expect(result.costKrw!.expected).toBeCloseTo(1_525_196, -1);
    expect(result.costKrw!.high).toBeCloseTo(result.costUsd!.high * 1439, 6);
  });
  it("throughput: 989.4e12 × 0.4 / 40.43e9 FLOPs per token = 9,789 tokens/s/GPU", () => {
    expect(result.tokensPerSecPerGpu).toBeCloseTo(9789, -1);
  });
  it("a user's whole-run MFU keeps the range's relative spread (×/÷ e^0.5) and is the same at any count", () => {
    expect(result.gpuHours.low).toBeCloseTo(425.663 / Math.exp(0.5), 2);
    expect(result.gpuHours.high).toBeCloseTo(425.663 * Math.exp(0.5), 2);
    const eight = estimateStrategy(request({ mfu: 0.4, gpuCount: 8 }), strategy("dapt"));
    expect(eight.gpuHours.expected).toBeCloseTo(result.gpuHours.expected, 6);
    expect(eight.wallDays.expected).toBeCloseTo(result.wallDays.expected / 4, 6);
  });
  it("--tokens-per-sec: 15e9 tokens at 9,600 tokens/s/GPU = 434.0 steady GPU-hours, 520.8 paid", () => {
    // A measured speed is a steady state: goodput (here a flat 20 % overhead) still applies.
    const measured = estimateStrategy(request({ tokensPerSecPerGpu: 9600 }), strategy("dapt"));
    expect(measured.gpuHours.expected).toBeCloseTo((15e9 / 9600 / 3600) * 1.2, 3);
    expect(measured.tokensPerSecPerGpu).toBeCloseTo(9600, 6);
    expect(measured.efficiency.source).toBe("tokens-per-sec");
  });
});

describe("the steady-state model, worked by hand (fixture model above)", () => {
  // Generic 7B: 33 layers × 4096 wide, 32 heads of 128. Model FLOPs 6 × 7e9 = 4.2e10 per token;
  // attention 12 × 33 × 32 × 128 × 4096 = 6.6438e9; hardware FLOPs (no recompute) 4.86438e10.
  // H100: 989.4 / 3.35 = 295.34 FLOPs per byte; balance (295.34 / 153)^-0.5 = 0.71975;
  // effective peak 989.4e12 × 0.5 × 0.71975 = 3.56061e14 FLOP/s.
  // One micro-batch of 4096 tokens: 4096 × 4.86438e10 / 3.56061e14 = 0.559582 s → 7,319.7 tokens/s.
  // ZeRO-3 over 2 GPUs on NVLink (450 GB/s × 0.8): gathers 2 × 1.4e10 × ½ / 3.6e11 + gradients the
  // same once = 0.05833 s per micro-batch, hidden behind the compute.
  // Steady GPU-hours 15e9 / 7,319.7 / 3600 = 569.24; goodput 1 / 1.2 → 683.09 GPU-hours.
  const generic = genericArchitecture(7e9);
  const job = request({ params: 7e9, activeParams: 7e9, arch: generic, adapterParams: 41_226_240 });
  const full = estimateStrategy(job, strategy("scratch"));
  it("tokens/s per GPU = tokens per micro-batch / compute time", () => {
    expect(full.tokensPerSecPerGpu).toBeCloseTo(7319.7, 0);
    expect(full.efficiency.steadyState).toBeCloseTo((7319.7 * 4.2e10) / 989.4e12, 4);
  });
  it("communication that fits under the compute costs nothing", () => {
    expect(full.efficiency.steady!.communicationSecondsPerStep).toBeCloseTo(512 * 0.058333, 3);
    expect(full.efficiency.steady!.exposedCommunicationSeconds).toBeCloseTo(0, 9);
  });
  it("GPU-hours = tokens / tokens per second / 3600 / goodput", () => {
    expect(full.efficiency.goodput.value).toBeCloseTo(1 / 1.2, 12);
    expect(full.gpuHours.expected).toBeCloseTo(683.09, 1);
    expect(full.gpuHours.high / full.gpuHours.expected).toBeCloseTo(Math.exp(0.5), 9);
  });
  it("SFT and DAPT are the same physics: identical numbers for the same job", () => {
    const sft = estimateStrategy(job, strategy("sft"));
    const dapt = estimateStrategy(job, strategy("dapt"));
    expect(sft.gpuHours).toEqual(full.gpuHours);
    expect(dapt.gpuHours).toEqual(full.gpuHours);
  });
  it("fp8 multiplies the effective peak by 1.25", () => {
    const fp8 = estimateStrategy({ ...job, precision: "fp8" }, strategy("scratch"));
    expect(fp8.tokensPerSecPerGpu).toBeCloseTo(7319.7 * 1.25, 0);
  });
  it("LoRA: 4 × 7e9 + 6 × 41,226,240 + 6.6438e9 = 3.48912e10 FLOPs per token → 10,204 tokens/s; QLoRA × 0.9", () => {
    const lora = estimateStrategy(job, strategy("lora"));
    const qlora = estimateStrategy(job, strategy("qlora"));
    // 4096 × 3.48912e10 / 3.56061e14 = 0.401374 s per micro-batch; no ZeRO-3 gradient traffic to speak of.
    expect(lora.tokensPerSecPerGpu).toBeCloseTo(4096 / 0.401374, -1);
    expect(qlora.tokensPerSecPerGpu).toBeCloseTo((0.9 * 4096) / 0.401374, -1);
    expect(qlora.gpuHours.expected).toBeGreaterThan(lora.gpuHours.expected);
    expect(lora.gpuHours.expected).toBeLessThan(full.gpuHours.expected);
  });
  it("across nodes ZeRO-3 meets the network: 7B on 64 PCIe RTX 4090s is communication-bound", () => {
    const rtx = findGpu(catalog.gpus, "RTX4090")!;
    const at = (n: number) =>
      estimateStrategy(request({ ...job, gpu: rtx, gpuCount: n, memory: { ...job.memory } }), strategy("scratch"));
    const one = at(8);
    const many = at(64);
    expect(many.efficiency.steady!.link.kind).toBe("inter-node");
    expect(many.efficiency.steady!.exposedCommunicationSeconds).toBeGreaterThan(0);
    // Same tokens, more GPUs: GPU-hours grow once the network binds.
    expect(many.gpuHours.expected).toBeGreaterThan(one.gpuHours.expected * 1.5);
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
