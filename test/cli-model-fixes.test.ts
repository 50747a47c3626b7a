import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

const json = async (args: string[]) => {
  const r = await cli([...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  return EstimateJson.parse(JSON.parse(r.stdout));
};

describe("mixture-of-experts LoRA: one adapter count, everywhere", () => {
  it("Mixtral 8×7B, r 16 on every linear: 32 × (425,984 + 8 × 884,736) = 240,123,904 adapters", async () => {
    // Attention per layer: q, o 16 × (4096 + 4096) = 131,072 each; k, v 16 × (4096 + 1024) = 81,920 each
    // → 425,984. Each expert's gate, up and down: 16 × (4096 + 14,336) = 294,912 each → 884,736.
    const out = await json([
      "estimate",
      "--model-config",
      "test/fixtures/hf/mixtral/config.json",
      "--tokens",
      "1B",
      "--gpus",
      "8xH100",
      "--strategy",
      "lora",
      "--micro-batch",
      "1",
      "--recompute",
      "full",
      "--tensor-parallel",
      "1",
    ]);
    const lora = out.estimates[0]!;
    expect(lora.trainableParams).toBe(240_123_904);
    // Memory uses the same count: fp32 Adam states, 8 bytes per adapter parameter, over 8 ZeRO-3 ranks.
    expect(lora.memory.breakdown.optimizer).toBeCloseTo((240_123_904 * 8) / 8 / 1e9, 6);
    // FLOPs: 4 × active + 6 × the adapters on a token's path: attention and its 2 routed experts',
    // 32 × (425,984 + 2 × 884,736) = 70,254,592.
    expect(lora.flopsPerToken).toBe(4 * out.inputs.activeParams + 6 * 70_254_592);
  });
});

describe("--active-params: a mixture of experts from its two sizes", () => {
  it("109B with 17B active: FLOPs on 17B, memory on 109B", async () => {
    const moe = await json([
      "estimate",
      "--params",
      "109B",
      "--active-params",
      "17B",
      "--tokens",
      "1T",
      "--gpus",
      "256xH100",
      "--strategy",
      "scratch",
    ]);
    const dense = await json([
      "estimate",
      "--params",
      "17B",
      "--tokens",
      "1T",
      "--gpus",
      "256xH100",
      "--strategy",
      "scratch",
    ]);
    expect(moe.inputs.params).toBe(109e9);
    expect(moe.inputs.activeParams).toBe(17e9);
    expect(moe.estimates[0]!.flopsPerToken).toBe(6 * 17e9);
    // 16 bytes of states for every one of 109B parameters over 256 GPUs (ZeRO-3): 6.8125 GB of them.
    const states = moe.estimates[0]!.memory.breakdown;
    expect(states.weights + states.gradients + states.optimizer).toBeCloseTo((109e9 * 16) / 256 / 1e9, 1);
    expect(moe.estimates[0]!.memory.perGpuGB).toBeGreaterThan(dense.estimates[0]!.memory.perGpuGB);
  });
  it("more active than total is one line and exit 2; with --model it is refused", async () => {
    const over = await cli([
      "estimate",
      "--params",
      "7B",
      "--active-params",
      "17B",
      "--tokens",
      "1B",
      "--gpus",
      "H100",
    ]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/^llm-cost: invalid --active-params "17B": at most --params/);
    const preset = await cli([
      "estimate",
      "--model",
      "llama-2-7b",
      "--active-params",
      "1B",
      "--tokens",
      "1B",
      "--gpus",
      "H100",
    ]);
    expect(preset.status).toBe(2);
    expect(preset.stderr).toMatch(/--active-params goes with --params/);
  });
});

describe("--explain reproduces its own sums", () => {
  it("--add-vocab 14336 --strategy lora: 4 × the frozen base + 6 × what trains, and the GPU-hours line", async () => {
    const args = [
      "estimate",
      "--model",
      "llama-2-7b",
      "--add-vocab",
      "14336",
      "--tokens",
      "15B",
      "--gpus",
      "2xH100",
      "--strategy",
      "lora",
    ];
    const e = (await json(args)).estimates[0]!;
    // The 117,440,512 new embedding and head rows train (6 FLOPs each), so the frozen base is the rest.
    expect(e.trainableParams).toBe(39_976_960 + 117_440_512);
    expect(e.flopsPerToken).toBe(4 * 6_738_415_616 + 6 * (39_976_960 + 117_440_512));
    // Lines are wrapped at 100 columns: join them before reading.
    const text = (await cli([...args, "--explain"])).stdout.replace(/\n {5}/g, " ");
    expect(text).toContain(
      "4 x 6.74B frozen (the 6.86B parameters less 117M new vocabulary rows, which train) + 6 x 157M trainable",
    );
    const m = /GPU-hours: 15B tokens \/ ([\d,]+) tokens\/s \/ 3600 \/ ([\d.]+) = ([\d,.]+) GPU-hours/.exec(text)!;
    const [speed, good, hours] = [m[1]!, m[2]!, m[3]!].map((x) => Number(x.replace(/,/g, "")));
    // The printed figures are rounded to 4 significant digits: their quotient agrees to 0.1 %.
    expect(15e9 / speed! / 3600 / good! / hours!).toBeCloseTo(1, 2);
  });
});

describe("--corpus with another tokenizer's bytes per token warns", () => {
  it("--corpus-lang ko (the Llama-2 tokenizer's figure) on a vocabulary expanded for Korean", async () => {
    const r = await cli([
      "estimate",
      "--model",
      "llama-2-7b",
      "--add-vocab",
      "14336",
      "--corpus",
      "61GB",
      "--corpus-lang",
      "ko",
      "--gpus",
      "8xH100",
      "--strategy",
      "dapt",
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /--corpus-lang ko is the Llama-2 32k tokenizer's 1\.62 bytes per token, but this model's vocabulary has 46336 entries/,
    );
    const plain = await cli([
      "estimate",
      "--model",
      "llama-2-7b",
      "--corpus",
      "61GB",
      "--corpus-lang",
      "ko",
      "--gpus",
      "8xH100",
      "--strategy",
      "dapt",
    ]);
    expect(plain.stderr).toBe("");
    const expanded = await cli([
      "estimate",
      "--model",
      "llama-2-7b",
      "--corpus",
      "61GB",
      "--corpus-lang",
      "ko-expanded",
      "--gpus",
      "8xH100",
      "--strategy",
      "dapt",
    ]);
    expect(expanded.stderr).toMatch(/--corpus-lang ko-expanded assumes a vocabulary expanded for Korean/);
  });
});

describe("warnings from the throughput model", () => {
  it("a job whose steps wait on the network says which link binds", async () => {
    // 7B over four 8-card RTX 4090 boxes on 25 Gb/s Ethernet at one sequence per micro-batch: each
    // micro-batch gathers 14 GB of weights twice over 2.5 GB/s of usable bandwidth, far longer than
    // its compute. (Left to "auto", the micro-batch grows until the traffic hides: 8 sequences.)
    const r = await cli([
      "estimate",
      ...["--params", "7B", "--tokens", "15B", "--gpus", "32xRTX4090", "--strategy", "dapt"],
      ...["--micro-batch", "1", "--tensor-parallel", "1", "--recompute", "full"],
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /dapt is communication-bound: \d+% of each step waits on the inter-node link \(3\.1 GB\/s per node\)/,
    );
  });
  it("more GPUs than the global batch has sequences for", async () => {
    const r = await cli(["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2048xH100", "--strategy", "dapt"]);
    // 2,048 × 4,096 = 8,388,608 tokens > 4,194,304
    expect(r.stderr).toMatch(
      /2,048 GPUs × one sequence of 4,096 tokens is more than the global batch of 4,194,304 tokens/,
    );
  });
});

describe("a fixed --tensor-parallel", () => {
  it("--deadline and plan try counts it does not divide as not fitting, instead of failing", async () => {
    const r = await cli([
      ...["estimate", "--params", "70B", "--tokens", "15B", "--gpus", "8xH100", "--strategy", "dapt"],
      ...["--tensor-parallel", "4", "--deadline", "30d", "--format", "json"],
    ]);
    expect(r.status).toBe(0);
    const d = EstimateJson.parse(JSON.parse(r.stdout)).inverse!.deadline!.strategies[0]!;
    expect(d.gpusNeeded! % 4).toBe(0);
    const plan = await cli([
      "plan",
      "--params",
      "7B",
      "--tokens",
      "15B",
      "--strategy",
      "dapt",
      "--tensor-parallel",
      "4",
    ]);
    expect(plan.status).toBe(0);
  });
  it("on a count it does not divide, nothing fits and a warning says why", async () => {
    const r = await cli([
      "estimate",
      "--params",
      "7B",
      "--tokens",
      "15B",
      "--gpus",
      "3xH100",
      "--strategy",
      "dapt",
      "--tensor-parallel",
      "2",
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/a tensor-parallel degree of 2 does not divide 3 GPUs/);
    expect(r.stdout).toMatch(/Does not fit: dapt/);
  });
});
