import type { GpuSpec } from "../catalog/schemas.js";
import { findGpu } from "./gpus.js";
import type { MeasuredRow } from "./memory-validation.js";
import { median, quantile } from "./stats.js";

/**
 * Steady-state efficiency of fine-tuning, from measured throughput (presets/finetune-measured.json).
 *
 * Each row's efficiency is on its own strategy's FLOP basis: 6·N per token for full fine-tuning,
 * 4·N for LoRA and QLoRA (the frozen base gets no weight gradient; adapters are under 3 % and left
 * out). Full fine-tuning and LoRA share one efficiency: NeMo measures LoRA taking about 4/6 of full
 * fine-tuning's time on the same job, i.e. the same efficiency on each basis, and pooling gives 22
 * rows instead of 4. QLoRA keeps its own (its dequantisation makes it slower per FLOP).
 * Rows count when: bf16/fp16 (fp8 rows are a different peak), full/lora/qlora, a measured
 * tokens/s, and a GPU the catalog knows.
 */

export type FinetuneGroup = "full-or-lora" | "qlora";

export interface FinetuneSpeedRow {
  id: string;
  method: "full" | "lora" | "qlora";
  group: FinetuneGroup;
  params: number;
  gpu: GpuSpec;
  tokensPerSecPerGpu: number;
  /** measured tokens/s × FLOPs per token / dense peak */
  efficiency: number;
}

/** GPU words in the measurements' free-text GPU column, most specific first. */
const GPU_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/H200/i, "H200"],
  [/H100/i, "H100"],
  [/A100/i, "A100"],
  [/L40S/i, "L40S"],
  [/A10G/i, "A10G"],
];

/** FLOPs per parameter per token on each method's own basis. */
const BASIS: Record<FinetuneSpeedRow["method"], number> = { full: 6, lora: 4, qlora: 4 };

/** The rows that count, by the rule above, with their implied efficiency. */
export function finetuneSpeedRows(rows: readonly MeasuredRow[], gpus: readonly GpuSpec[]): FinetuneSpeedRow[] {
  const out: FinetuneSpeedRow[] = [];
  for (const row of rows) {
    if ((row.use !== "throughput" && row.use !== "both") || row.tokensPerSecPerGpu === null) continue;
    if (row.method !== "full" && row.method !== "lora" && row.method !== "qlora") continue;
    if (/fp8/i.test(row.precision)) continue;
    const word = GPU_WORDS.find(([pattern]) => pattern.test(row.gpuType))?.[1];
    const gpu = word === undefined ? undefined : findGpu(gpus, word);
    if (!gpu) continue;
    const params = row.paramsB * 1e9;
    out.push({
      id: row.id,
      method: row.method,
      group: row.method === "qlora" ? "qlora" : "full-or-lora",
      params,
      gpu,
      tokensPerSecPerGpu: row.tokensPerSecPerGpu,
      efficiency: (row.tokensPerSecPerGpu * BASIS[row.method] * params) / (gpu.denseTflops16 * 1e12),
    });
  }
  return out;
}

export interface FinetuneFit {
  expected: number;
  low: number;
  high: number;
  rows: number;
}

/** Median efficiency of a group, with the 10th–90th percentile as its range. */
export function fitFinetune(rows: readonly FinetuneSpeedRow[], group: FinetuneGroup): FinetuneFit {
  const values = rows.filter((r) => r.group === group).map((r) => r.efficiency);
  return { expected: median(values), low: quantile(values, 0.1), high: quantile(values, 0.9), rows: values.length };
}

export interface FinetuneValidationRow {
  id: string;
  method: string;
  measured: number;
  predicted: number;
  error: number;
  inside: boolean;
}

/** Leave-one-out: each row's tokens/s predicted from the others' efficiency (and range). */
export function validateFinetune(rows: readonly FinetuneSpeedRow[]): {
  rows: FinetuneValidationRow[];
  medianAbsError: number;
  shareWithin25: number;
  shareInsideRange: number;
} {
  const results = rows.map((row, i) => {
    const fit = fitFinetune(
      rows.filter((_, j) => j !== i),
      row.group,
    );
    const tokensPerSec = (e: number): number => (e * row.gpu.denseTflops16 * 1e12) / (BASIS[row.method] * row.params);
    const predicted = tokensPerSec(fit.expected);
    return {
      id: row.id,
      method: row.method,
      measured: row.tokensPerSecPerGpu,
      predicted,
      error: predicted / row.tokensPerSecPerGpu - 1,
      inside: row.tokensPerSecPerGpu >= tokensPerSec(fit.low) && row.tokensPerSecPerGpu <= tokensPerSec(fit.high),
    };
  });
  const n = results.length;
  return {
    rows: results,
    medianAbsError: median(results.map((r) => Math.abs(r.error))),
    shareWithin25: results.filter((r) => Math.abs(r.error) <= 0.25).length / n,
    shareInsideRange: results.filter((r) => r.inside).length / n,
  };
}
