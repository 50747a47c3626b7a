// Model FLOPs utilisation implied by a measured throughput: the fraction of the GPU's dense peak
// that the model's own arithmetic (not recomputation, not padding) would need at that speed.
// Pure arithmetic; the FLOPs per token (6·N for a dense model's forward and backward, more with
// attention) and the peak come from the caller, so this needs no catalogue.

/**
 * tokensPerSecPerGpu × flopsPerToken / densePeakFlops, e.g. 8000 tok/s × 4.8e10 FLOP/token on a
 * 9.6e14 FLOP/s GPU = 0.4. The peak must be the dense one (NVIDIA's sparse figures are doubled).
 */
export function impliedMfu(tokensPerSecPerGpu: number, flopsPerToken: number, densePeakFlops: number): number {
  for (const [name, v] of [
    ["tokensPerSecPerGpu", tokensPerSecPerGpu],
    ["flopsPerToken", flopsPerToken],
    ["densePeakFlops", densePeakFlops],
  ] as const) {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`impliedMfu: ${name} must be a positive number, got ${v}`);
  }
  return (tokensPerSecPerGpu * flopsPerToken) / densePeakFlops;
}

/**
 * The same fraction from the trainer's own TFLOP/s per GPU (Megatron's "throughput per GPU"), which
 * counts attention and the logits layer as Megatron's num_floating_point_operations does, so it
 * reads a little above impliedMfu with 6·N.
 */
export function loggedMfu(tflopsPerGpu: number, densePeakFlops: number): number {
  return impliedMfu(tflopsPerGpu * 1e12, 1, densePeakFlops);
}
