import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

const json = async (args: string[]) =>
  EstimateJson.parse(JSON.parse((await cli([...args, "--format", "json"])).stdout));

describe("memory per GPU in estimate", () => {
  it("llama-2-7b, 15B tokens, 2×H100 (ZeRO-3, full recompute, seq 4096): the memory block of all six strategies", async () => {
    const out = await json([
      "estimate",
      "--model",
      "llama-2-7b",
      "--tokens",
      "15B",
      "--gpus",
      "2xH100",
      "--recompute",
      "full",
      "--micro-batch",
      "1",
      "--tensor-parallel",
      "1",
    ]);
    expect(out.inputs).toMatchObject({
      model: "llama-2-7b",
      params: 6_738_415_616,
      zero: 3,
      recompute: "full",
      seqLen: 4096,
      microBatch: 1,
    });
    const [scratch, dapt, tapt, sft, lora, qlora] = out.estimates;
    for (const full of [scratch!, dapt!, tapt!, sft!]) {
      // 16 bytes/param × 6,738,415,616 = 107.8 GB of states, halved by ZeRO-3 over 2 GPUs:
      // weights 2 B → 6.738 GB, gradients 2 B → 6.738 GB, optimizer 12 B → 40.43 GB.
      expect(full.memory.breakdown.weights).toBeCloseTo(6.738, 3);
      expect(full.memory.breakdown.gradients).toBeCloseTo(6.738, 3);
      expect(full.memory.breakdown.optimizer).toBeCloseTo(40.4305, 3);
      // Full recompute: 2·s·h bytes per layer × 32 (1.074 GB) + one layer's 37.5·s·h (0.629 GB)
      // + logits 10 B × 4096 × 32000 (1.311 GB) + 4·s·h outside the layers (0.067 GB) = 3.081 GB.
      expect(full.memory.breakdown.activations).toBeCloseTo(3.081, 2);
      // 1.5 GB context + 10 % of activations + ZeRO-3 gather of 2 × one layer (2 × 202,383,360 × 2 B).
      expect(full.memory.breakdown.overhead).toBeCloseTo(1.5 + 0.3081 + 0.8095, 2);
      expect(full.memory).toMatchObject({ gpuMemoryGB: 80, fits: true, minGpusToFit: 2 });
      expect(full.trainableParams).toBe(6_738_415_616);
    }
    // LoRA r16 on all linear layers: 39,976,960 adapters at 16 B (fp32 weights, grads, Adam), sharded over 2.
    expect(lora!.trainableParams).toBe(39_976_960);
    expect(lora!.memory.breakdown.optimizer).toBeCloseTo((39_976_960 * 8) / 2 / 1e9, 4);
    expect(lora!.memory.breakdown.weights).toBeCloseTo((6_738_415_616 * 2 + 39_976_960 * 4) / 2 / 1e9, 3);
    expect(qlora!.memory.perGpuGB).toBeLessThan(lora!.memory.perGpuGB);
    for (const e of [lora!, qlora!]) expect(e.memory).toMatchObject({ fits: true, minGpusToFit: 1 });
  });

  it("full fine-tuning of a 7B model does not fit one 80 GB GPU, and says how many would", async () => {
    const out = await json([
      "estimate",
      "--model",
      "llama-2-7b",
      "--tokens",
      "1B",
      "--gpus",
      "1xA100",
      "--strategy",
      "sft",
    ]);
    const sft = out.estimates[0]!;
    expect(sft.memory.fits).toBe(false);
    expect(sft.memory.perGpuGB).toBeGreaterThan(107.8); // the states alone
    expect(sft.memory.minGpusToFit).toBeNull(); // no sharding on one GPU
    expect(sft.memory.minGpusWithZero3).toBe(2);
    const table = (
      await cli(["estimate", "--model", "llama-2-7b", "--tokens", "1B", "--gpus", "1xA100", "--strategy", "sft"])
    ).stdout;
    expect(table).toMatch(/Does not fit: sft needs 11\d\.?\d? GB per GPU, A100 has 80 GB; needs ≥ 2×A100 with ZeRO-3/);
  });

  it("LoRA with full recompute and QLoRA of a 7B model fit one 24 GB GPU at seq 2048, micro-batch 1", async () => {
    const out = await json([
      "estimate",
      "--model",
      "llama-2-7b",
      "--tokens",
      "100M",
      "--gpus",
      "1xL4",
      "--strategy",
      "lora,qlora",
      "--seq-len",
      "2048",
      "--recompute",
      "full",
    ]);
    for (const e of out.estimates) expect(e.memory.fits, e.strategy).toBe(true);
  });

  it("--recompute none raises activation memory; --recompute full adds a forward pass of hardware FLOPs (8·N)", async () => {
    const none = (
      await json([
        "estimate",
        "--model",
        "llama-2-7b",
        "--tokens",
        "15B",
        "--gpus",
        "2xH100",
        "--strategy",
        "dapt",
        "--recompute",
        "none",
      ])
    ).estimates[0]!;
    const full = (
      await json([
        "estimate",
        "--model",
        "llama-2-7b",
        "--tokens",
        "15B",
        "--gpus",
        "2xH100",
        "--strategy",
        "dapt",
        "--recompute",
        "full",
      ])
    ).estimates[0]!;
    // 37.5 · s · h · L = 37.5 × 4096 × 4096 × 32 bytes = 20.1 GB (docs/formulas.md §4.4) + logits and the layer-external terms
    expect(none.memory.breakdown.activations).toBeGreaterThan(20.1);
    expect(none.memory.breakdown.activations).toBeLessThan(22);
    // Full recompute reruns the forward: +2·N, and the attention scores' forward, 4·L·H·Q·T = 2.147e9:
    // (8 × 6,738,415,616 + 2,147,483,648) / (6 × 6,738,415,616) = 1.38645
    expect(full.hardwareFlops / full.flops).toBeCloseTo(
      (8 * 6_738_415_616 + 4 * 32 * 32 * 128 * 4096) / (6 * 6_738_415_616),
      6,
    );
    expect(none.hardwareFlops).toBe(none.flops);
    // PaLM attention term 12·L·H·Q·T = 12 × 32 × 32 × 128 × 4096 = 6.44 GFLOP per token (docs/formulas.md §2.3)
    expect(full.attentionFlopsPerToken).toBe(12 * 32 * 32 * 128 * 4096);
  });

  it("--add-vocab 14336 makes the new rows trainable under LoRA too", async () => {
    const out = await json([
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
      "dapt,lora",
    ]);
    expect(out.estimates[0]!.trainableParams).toBe(6_855_856_128);
    expect(out.estimates[1]!.trainableParams).toBe(39_976_960 + 117_440_512);
  });

  it("--zero, --fsdp, --optimizer and --micro-batch are checked", async () => {
    const zero1 = (
      await json([
        "estimate",
        "--model",
        "llama-2-7b",
        "--tokens",
        "1B",
        "--gpus",
        "8xA100",
        "--strategy",
        "sft",
        "--zero",
        "1",
      ])
    ).estimates[0]!;
    // ZeRO-1 on 8 GPUs: 2 + 2 + 12/8 = 5.5 bytes/param = 37.06 GB of states (docs/formulas.md §4.2)
    const states = zero1.memory.breakdown.weights + zero1.memory.breakdown.gradients + zero1.memory.breakdown.optimizer;
    expect(states).toBeCloseTo(37.06, 2);
    const bf16 = (
      await json([
        "estimate",
        "--model",
        "llama-2-7b",
        "--tokens",
        "1B",
        "--gpus",
        "1xH200",
        "--strategy",
        "sft",
        "--optimizer",
        "adamw-bf16",
      ])
    ).estimates[0]!;
    expect(bf16.memory.breakdown.optimizer).toBeCloseTo((6_738_415_616 * 4) / 1e9, 3);
    for (const [args, message] of [
      [["--zero", "4"], /--zero "4"/],
      [["--fsdp", "--zero", "1"], /--fsdp is full sharding/],
      [["--optimizer", "adam"], /--optimizer "adam".*did you mean adamw\?/],
      [["--micro-batch", "0"], /--micro-batch "0"/],
      [["--seq-len", "4k"], /--seq-len "4k"/],
      [["--recompute", "partial"], /--recompute "partial"/],
    ] as const) {
      const result = await cli(["estimate", "--model", "llama-2-7b", "--tokens", "1B", "--gpus", "8xA100", ...args]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
