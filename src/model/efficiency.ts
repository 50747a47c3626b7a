import type { GpuSpec } from "../catalog/schemas.js";
import { goodput, type Goodput, type GoodputParams } from "./goodput.js";
import type { Range } from "./range.js";
import { steadyState, type SteadyJob, type SteadyState, type SteadyStateParams } from "./throughput.js";

/**
 * The efficiency behind an estimate: steady-state throughput (./throughput.ts) × goodput
 * (./goodput.ts), and the range around it. Pure arithmetic.
 *
 * Coherence across strategies is physics, so it is enforced, not hoped for: LoRA does a subset of full
 * training's work on the same job (no weight gradients for the base), so it never runs slower than full
 * training of the same shape on the same GPUs; QLoRA does LoRA's work plus dequantisation, so it never
 * runs faster than LoRA.
 */

export type Precision = "bf16" | "fp8";

/** presets/throughput.json: the fitted model, with what each number rests on. */
export interface ThroughputModel {
  steadyState: SteadyStateParams;
  goodput: GoodputParams;
  range: RangeParams;
}

/**
 * Log-space half-width of the GPU-hours range: the out-of-sample (leave-one-source-out) 80 % interval.
 * Single-node jobs run on many software stacks (Hugging Face Trainer, PEFT, DeepSpeed, NeMo, Unsloth)
 * whose speeds on one GPU differ up to 3×; multi-node runs use a narrower set of tuned stacks. So the
 * half-width goes from `singleNode` (≤ singleNodeUpTo GPUs) to `multiNode` (≥ multiNodeFrom GPUs),
 * linearly in log(GPUs) between.
 */
export interface RangeParams {
  singleNode: number;
  multiNode: number;
  singleNodeUpTo: number;
  multiNodeFrom: number;
}

/** The half-width for a GPU count. */
export function rangeHalfWidth(range: RangeParams, gpuCount: number): number {
  if (gpuCount <= range.singleNodeUpTo) return range.singleNode;
  if (gpuCount >= range.multiNodeFrom) return range.multiNode;
  const t = Math.log(gpuCount / range.singleNodeUpTo) / Math.log(range.multiNodeFrom / range.singleNodeUpTo);
  return range.singleNode + t * (range.multiNode - range.singleNode);
}

/** What a user gave instead of the model's steady state. */
export type UserSpeed = { kind: "mfu"; mfu: number } | { kind: "tokens-per-sec"; tokensPerSecPerGpu: number };

export interface EfficiencyAssumption {
  source: "default" | "mfu" | "tokens-per-sec";
  /** MFU during training steps (model FLOPs / dense 16-bit peak). */
  steadyState: number;
  /** Tokens per second per GPU during training steps. */
  tokensPerSecPerGpu: number;
  /** Share of paid GPU time in productive steps (1 when the user gave a whole-run MFU). */
  goodput: Goodput;
  /** Efficiency over the whole paid run; low = pessimistic. */
  wholeRun: Range;
  /** The steady-state model's breakdown (absent when the user gave the efficiency). */
  steady?: SteadyState;
}

/** Steady state of `job`, made coherent with the full-training job of the same shape. */
export function coherentSteadyState(
  job: SteadyJob,
  fullJob: () => SteadyJob,
  loraJob: () => SteadyJob,
  params: SteadyStateParams,
): SteadyState {
  const own = steadyState(job, params);
  if (job.training === "full") return own;
  const full = steadyState(fullJob(), params);
  const lora = steadyState(loraJob(), params);
  // LoRA's work is a subset of full training's only while its FLOPs are (adapters much larger than a
  // tiny active path, as on an odd mixture of experts, are not).
  const subset = loraJob().modelFlopsPerToken <= fullJob().modelFlopsPerToken;
  const loraSpeed = subset ? Math.max(lora.tokensPerSecPerGpu, full.tokensPerSecPerGpu) : lora.tokensPerSecPerGpu;
  const speed = job.training === "lora" ? loraSpeed : Math.min(own.tokensPerSecPerGpu, loraSpeed);
  return speed === own.tokensPerSecPerGpu
    ? own
    : { ...own, tokensPerSecPerGpu: speed, mfu: (own.mfu * speed) / own.tokensPerSecPerGpu };
}

export interface EfficiencyInput {
  gpu: GpuSpec;
  gpuCount: number;
  tokens: number;
  modelFlopsPerToken: number;
  /** The model's steady state (used unless the user gave a speed). */
  steady: SteadyState;
  user?: UserSpeed;
}

/** Steady state × goodput, the whole-run efficiency and its range. */
export function efficiencyFor(model: ThroughputModel, input: EfficiencyInput): EfficiencyAssumption {
  const peak = input.gpu.denseTflops16 * 1e12;
  const w = Math.exp(rangeHalfWidth(model.range, input.gpuCount));
  const spread = (expected: number): Range => ({ low: expected / w, expected, high: Math.min(1, expected * w) });
  if (input.user?.kind === "mfu") {
    const mfu = input.user.mfu;
    return {
      source: "mfu",
      steadyState: mfu,
      tokensPerSecPerGpu: (mfu * peak) / input.modelFlopsPerToken,
      goodput: { value: 1, interruptionLoss: 0, runOverheadLoss: 0, startupLoss: 0 },
      wholeRun: spread(mfu),
    };
  }
  const tokensPerSecPerGpu =
    input.user?.kind === "tokens-per-sec" ? input.user.tokensPerSecPerGpu : input.steady.tokensPerSecPerGpu;
  const steadyMfu = (tokensPerSecPerGpu * input.modelFlopsPerToken) / peak;
  const steadyGpuHours = input.tokens / tokensPerSecPerGpu / 3600;
  const g = goodput(model.goodput, input.gpuCount, steadyGpuHours);
  return {
    source: input.user ? "tokens-per-sec" : "default",
    steadyState: steadyMfu,
    tokensPerSecPerGpu,
    goodput: g,
    wholeRun: spread(steadyMfu * g.value),
    ...(input.user ? {} : { steady: input.steady }),
  };
}
