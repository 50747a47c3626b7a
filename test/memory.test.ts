import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countParams, type Architecture } from "../src/model/architecture.js";
import { LORA_TARGETS, type LoraTarget } from "../src/model/lora.js";
import {
  bytesPerParam,
  layerActivationBytesPerToken,
  memoryPerGpu,
  minGpusToFit,
  OPTIMIZERS,
  smallestCount,
  type MemoryRequest,
  type Recompute,
} from "../src/model/memory.js";
import { parseFinetuneMeasured, resolveArchitecture, validateMemory } from "../src/accuracy/memory-accuracy.js";
import { LLAMA_7B } from "./helpers/reference-shapes.js";

// Expected values come from docs/formulas.md §4 or are worked by hand in the comments;
// none is copied from this code's output.

const GB = 1e9;

const N_7B = 6_738_415_616;

/** LLaMA-65B as in the QLoRA paper: 80 layers, hidden 8192, 64 heads, ffn 22016, vocab 32000. */
const LLAMA_65B: Architecture = { ...LLAMA_7B, layers: 80, hidden: 8192, heads: 64, kvHeads: 64, ffn: 22016 };

/** A GQA model (Llama-2-70B shape) and a plain-MLP, tied, LayerNorm one (phi-1.5 shape) for the grids. */
const LLAMA_70B: Architecture = { ...LLAMA_7B, layers: 80, hidden: 8192, heads: 64, kvHeads: 8, ffn: 28672 };
const PHI_15: Architecture = {
  ...LLAMA_7B,
  layers: 24,
  hidden: 2048,
  heads: 32,
  kvHeads: 32,
  headDim: 64,
  ffn: 8192,
  mlp: "plain",
  vocab: 51200,
  norm: "layernorm",
  normsPerLayer: 1,
  attnBias: "all",
  mlpBias: true,
};

const ALL: readonly LoraTarget[] = LORA_TARGETS;

function request(over: Partial<MemoryRequest> = {}): MemoryRequest {
  return {
    arch: LLAMA_7B,
    training: "full",
    gpuCount: 1,
    zero: 0,
    optimizer: "adamw",
    seqLen: 4096,
    microBatch: 1,
    recompute: "none",
    flashAttention: true,
    loraRank: 16,
    loraTargets: ALL,
    ...over,
  };
}

const states = (r: MemoryRequest): number => {
  const m = memoryPerGpu(r);
  return m.weights + m.gradients + m.optimizer;
};

describe("bytes per parameter (docs/formulas.md §4.1)", () => {
  it("follows the documented recipes", () => {
    expect(countParams(LLAMA_7B).total).toBe(N_7B);
    expect(bytesPerParam("adamw")).toEqual({ weights: 2, gradients: 2, optimizer: 12 }); // ZeRO paper, K = 12
    const total = (o: (typeof OPTIMIZERS)[number]): number => {
      const b = bytesPerParam(o);
      return b.weights + b.gradients + b.optimizer;
    };
    expect(total("adamw")).toBe(16);
    expect(total("adamw-bf16")).toBe(8);
    expect(total("adamw-8bit")).toBe(10);
    expect(total("adafactor")).toBe(8);
    expect(total("sgd")).toBe(12);
  });

  it("gives the worked 7B figures of docs/formulas.md §4.1", () => {
    expect(states(request()) / GB).toBeCloseTo(107.8, 1); // 16 B × 6.738e9
    expect(states(request({ optimizer: "adamw-bf16" })) / GB).toBeCloseTo(53.9, 1);
    expect(states(request({ optimizer: "adamw-8bit" })) / GB).toBeCloseTo(67.4, 1);
  });
});

describe("ZeRO sharding (docs/formulas.md §4.2, 7B, 8 GPUs)", () => {
  it("matches 107.8 / 37.06 / 25.27 / 13.48 GB of states per GPU", () => {
    expect(states(request({ gpuCount: 8, zero: 0 })) / GB).toBeCloseTo(107.81, 2);
    expect(states(request({ gpuCount: 8, zero: 1 })) / GB).toBeCloseTo(37.06, 2); // 2Ψ + 2Ψ + 12Ψ/8
    expect(states(request({ gpuCount: 8, zero: 2 })) / GB).toBeCloseTo(25.27, 2); // 2Ψ + 14Ψ/8
    expect(states(request({ gpuCount: 8, zero: 3 })) / GB).toBeCloseTo(13.48, 2); // 16Ψ/8
  });

  it("adds the ZeRO-3 gather buffers to the overhead, not to the states", () => {
    const one = memoryPerGpu(request({ gpuCount: 8, zero: 2 }));
    const three = memoryPerGpu(request({ gpuCount: 8, zero: 3 }));
    // 2 copies × 2 bytes × the largest unit (a layer, 202,383,360 params > embedding 131,072,000)
    expect((three.overhead - one.overhead) / GB).toBeCloseTo((4 * 202_383_360) / GB, 6);
  });
});

describe("activations (docs/formulas.md §4.4, 7B, s = 4096, b = 1)", () => {
  const logitsAndOutside = ((4 * 4096 + 10 * 32000) * 4096) / GB; // final-norm + head inputs 4h, logits 10 B × V; = 1.378 GB

  it("uses 37.5·s·b·h per layer for the LLaMA block with FlashAttention", () => {
    expect(layerActivationBytesPerToken(LLAMA_7B)).toBe(37.5 * 4096);
    const m = memoryPerGpu(request());
    expect(m.activations / GB).toBeCloseTo(20.13 + logitsAndOutside, 2); // 20.1 GB of layers
  });

  it("adds 2·a·s²·b per layer without FlashAttention, which selective recompute drops", () => {
    const noFlash = memoryPerGpu(request({ flashAttention: false }));
    expect(noFlash.activations / GB).toBeCloseTo(54.49 + logitsAndOutside, 1); // docs/formulas.md §4.4: 54.5 GB of layers
    const selective = memoryPerGpu(request({ flashAttention: false, recompute: "selective" }));
    expect(selective.activations).toBeCloseTo(memoryPerGpu(request()).activations, 0);
  });

  it("keeps 2·s·b·h per layer plus one layer's working set with full recompute", () => {
    const m = memoryPerGpu(request({ recompute: "full" }));
    // 1.074 GB of layer inputs + 0.629 GB for the layer being recomputed + logits
    expect(m.activations / GB).toBeCloseTo(1.0737 + 0.6291 + logitsAndOutside, 3);
  });

  it("scales linearly with the micro-batch", () => {
    const one = memoryPerGpu(request()).activations;
    expect(memoryPerGpu(request({ microBatch: 4 })).activations).toBeCloseTo(4 * one, 0);
  });
});

describe("LoRA and QLoRA states (docs/formulas.md §4.5, §4.6)", () => {
  it("LoRA r = 16 on all linear layers of 7B: 13.48 + 0.64 = 14.1 GB; r = 64: 16.0 GB", () => {
    expect(states(request({ training: "lora", loraRank: 16 })) / GB).toBeCloseTo(14.12, 2); // 39,976,960 × 16 B
    expect(states(request({ training: "lora", loraRank: 64 })) / GB).toBeCloseTo(16.04, 2); // 159,907,840 × 16 B
  });

  it("QLoRA r = 64 of 7B: ≈ 5.8 GB of states", () => {
    // NF4 6,476,005,376 × 0.5 = 3.238 GB, double-quant constants 0.103 GB, embed + head + norms in bf16
    // 262,410,240 × 2 = 0.525 GB, adapters 159,907,840 × 12 B (qlora.py bf16 adapters + fp32 Adam) = 1.919 GB
    expect(states(request({ training: "qlora", loraRank: 64 })) / GB).toBeCloseTo(5.785, 2);
  });

  it("counts new vocabulary rows like full-training parameters in LoRA", () => {
    // Llama-2-ko: +14,336 rows × 4096 × 2 (embedding + untied head) = 117,440,512 trainable params
    const base = memoryPerGpu(request({ training: "lora" }));
    const ko = memoryPerGpu(request({ training: "lora", trainableVocabRows: 14_336 }));
    expect((ko.gradients - base.gradients) / GB).toBeCloseTo(0.2349, 4); // 2 B (bf16 grads)
    expect((ko.optimizer - base.optimizer) / GB).toBeCloseTo(1.4093, 4); // 12 B (master + m + v)
    expect(ko.weights).toBe(base.weights); // the 16-bit rows are part of arch.vocab already
    // Full training already counts every row of arch.vocab
    expect(memoryPerGpu(request({ trainableVocabRows: 14_336 })).total).toBe(memoryPerGpu(request()).total);
  });
});

describe("what fits", () => {
  it("full fine-tuning of Llama-2-7B does not fit one 80 GB GPU, whatever the recompute", () => {
    for (const recompute of ["none", "selective", "full"] as Recompute[]) {
      expect(memoryPerGpu(request({ recompute })).total).toBeGreaterThan(80 * GB);
    }
  });

  it("QLoRA of LLaMA-65B (r 64, all linear, full recompute, seq 512, b 1) fits one 48 GB GPU", () => {
    const m = memoryPerGpu(
      request({
        arch: LLAMA_65B,
        training: "qlora",
        loraRank: 64,
        recompute: "full",
        flashAttention: false,
        seqLen: 512,
      }),
    );
    // By hand: NF4 64,760,053,760 × 0.5 = 32.38 GB + constants 1.03 GB + bf16 embed/head/norms 1.05 GB
    // + adapters 799,539,200 × 12 B = 9.59 GB = 44.05 GB of states; activations 0.67 (layer inputs)
    // + 0.30 (one layer incl. 2·a·s² and adapter input copies) + 0.18 (logits) = 1.15 GB; overhead 1.5 + 0.12.
    expect(m.weights / GB).toBeCloseTo(32.38 + 1.028 + 1.051 + 1.599, 1);
    expect(m.total / GB).toBeCloseTo(46.8, 0);
    expect(m.total).toBeLessThan(48 * GB);
  });

  it("LoRA with full recompute and QLoRA of a 7B model fit one 24 GB GPU at seq 2048, micro-batch 1", () => {
    const lora = memoryPerGpu(request({ training: "lora", recompute: "full", seqLen: 2048 }));
    // 13.48 + 0.64 GB states + 1.76 GB activations + 1.68 GB overhead ≈ 17.6 GB
    expect(lora.total / GB).toBeCloseTo(17.6, 0);
    expect(lora.total).toBeLessThan(24 * GB);
    const qlora = memoryPerGpu(request({ training: "qlora", recompute: "full", seqLen: 2048 }));
    expect(qlora.total).toBeLessThan(24 * GB);
    expect(qlora.total).toBeLessThan(lora.total);
  });

  it("QLoRA never needs more memory than LoRA for the same request", () => {
    let checked = 0;
    for (const arch of [LLAMA_7B, LLAMA_70B, PHI_15]) {
      for (const [gpuCount, zero] of [
        [1, 0],
        [2, 1],
        [8, 2],
        [8, 3],
        [64, 3],
        [4096, 3],
      ] as const) {
        for (const optimizer of OPTIMIZERS) {
          for (const recompute of ["none", "selective", "full"] as Recompute[]) {
            for (const flashAttention of [true, false]) {
              for (const [seqLen, microBatch] of [
                [512, 8],
                [8192, 1],
              ] as const) {
                for (const [loraRank, loraTargets] of [
                  [8, ["q", "v"]],
                  [64, ALL],
                ] as const) {
                  for (const trainableVocabRows of [0, 14_336]) {
                    const base = {
                      arch,
                      gpuCount,
                      zero,
                      optimizer,
                      recompute,
                      flashAttention,
                      seqLen,
                      microBatch,
                      loraRank,
                      loraTargets,
                      trainableVocabRows,
                    };
                    const q = memoryPerGpu({ ...base, training: "qlora" });
                    const l = memoryPerGpu({ ...base, training: "lora" });
                    expect(q.total).toBeLessThanOrEqual(l.total);
                    expect(q.weights).toBeLessThanOrEqual(l.weights);
                    checked++;
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(checked).toBe(3 * 6 * 5 * 3 * 2 * 2 * 2 * 2);
  });
});

describe("minGpusToFit", () => {
  const { gpuCount: _unused, ...req } = request({ zero: 3, recompute: "full" });

  it("full fine-tuning of 7B under ZeRO-3 needs 2 × 80 GB or 4 × 40 GB", () => {
    // Per GPU: 107.81/N GB of states + 0.81 GB gather buffers (N > 1) + 3.08 GB activations + 1.81 GB overhead.
    // N = 1: 112.7 > 80; N = 2: 59.6 ≤ 80. On 40 GB: N = 3: 41.6 > 40; N = 4: 32.6 ≤ 40.
    expect(minGpusToFit(req, 80 * GB)).toBe(2);
    expect(minGpusToFit(req, 40 * GB)).toBe(4);
  });

  it("returns null when sharding is off or the limit is too small", () => {
    expect(minGpusToFit({ ...req, zero: 0 }, 80 * GB)).toBeNull();
    expect(minGpusToFit(req, 40 * GB, 3)).toBeNull();
    // a tiny card is never enough: activations do not shard
    expect(minGpusToFit(req, 4 * GB)).toBeNull();
  });

  it("returns 1 when one GPU is enough", () => {
    expect(minGpusToFit({ ...req, training: "qlora" }, 24 * GB)).toBe(1);
  });
});

describe("request checks", () => {
  it("rejects impossible requests", () => {
    expect(() => memoryPerGpu(request({ gpuCount: 0 }))).toThrow(RangeError);
    expect(() => memoryPerGpu(request({ seqLen: 1.5 }))).toThrow(RangeError);
    expect(() => memoryPerGpu(request({ training: "lora", loraTargets: [] }))).toThrow(RangeError);
    expect(() => memoryPerGpu(request({ training: "lora", loraRank: 0 }))).toThrow(RangeError);
    expect(() => memoryPerGpu(request({ trainableVocabRows: -1 }))).toThrow(RangeError);
  });
});

describe("validation against measured fine-tuning peaks (presets/finetune-measured.json)", () => {
  const file = parseFinetuneMeasured(
    JSON.parse(readFileSync(new URL("../presets/finetune-measured.json", import.meta.url), "utf8")),
  );
  const models = (
    JSON.parse(readFileSync(new URL("../presets/models.json", import.meta.url), "utf8")) as {
      models: { id: string; arch: Architecture }[];
    }
  ).models;
  const result = validateMemory(file.rows, (row) =>
    resolveArchitecture(row, (id) => models.find((m) => m.id === id)?.arch),
  );

  it("keeps every CSV row, with a reason for each exclusion", () => {
    expect(file.rows).toHaveLength(98);
    for (const row of file.rows) if (row.use === "excluded") expect(row.excludedReason).toBeTruthy();
  });

  it("uses enough rows, with finite estimates", () => {
    expect(result.summary.rows).toBeGreaterThanOrEqual(40);
    for (const r of result.rows) expect(Number.isFinite(r.estimatedGB) && r.estimatedGB > 0).toBe(true);
  });

  it("reaches median |error| ≤ 20 % and ≥ 70 % of rows within ±25 %", () => {
    expect(result.summary.medianAbsError).toBeLessThanOrEqual(0.2);
    expect(result.summary.shareWithin25).toBeGreaterThanOrEqual(0.7);
  });

  it("respects every OOM (lower) and fits-in (upper) bound", () => {
    expect(result.summary.boundRows).toBeGreaterThan(0);
    expect(result.summary.boundsRespected).toBe(result.summary.boundRows);
  });
});

describe("smallestCount (the search behind minGpusToFit)", () => {
  it("finds the first fit by halves, tries one GPU alone, and says null when nothing fits", () => {
    const tried: number[] = [];
    const fits = (n: number): boolean => {
      tried.push(n);
      return n >= 37;
    };
    expect(smallestCount(fits, 4096)).toBe(37);
    expect(tried.length).toBeLessThanOrEqual(14);
    expect(smallestCount(() => true, 4096)).toBe(1);
    expect(smallestCount(() => false, 4096)).toBeNull();
    expect(smallestCount((n) => n >= 2, 1)).toBeNull();
  });
});
