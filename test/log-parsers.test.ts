import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, parseLog } from "../src/inputs/logs/detect-format.js";
import { impliedMfu, loggedMfu } from "../src/inputs/logs/implied-mfu.js";
import type { LogMeasurement, LogParseOptions } from "../src/inputs/logs/log-measurement.js";
import { warmupCount } from "../src/inputs/logs/steady-state.js";

// Fixtures are small logs written from each trainer's documented output format (see the comment at
// the top of each parser); every expected value below is worked by hand from the fixture's numbers.

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/logs/${name}`, import.meta.url), "utf8");
const GIB = 2 ** 30;
// A model of 8e9 parameters: 6·N = 4.8e10 FLOPs per token; a GPU of 9.6e14 dense FLOP/s.
const FLOPS_PER_TOKEN = 4.8e10;
const PEAK = 9.6e14;

function measured(name: string, options: LogParseOptions = {}): LogMeasurement {
  const result = parseLog(fixture(name), name, options);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problem)}`);
  return result.measurement;
}

describe("warm-up rule", () => {
  it("always drops the first logged step, then drops until within 10 % of the later half's median", () => {
    // Later half of 10 = last 5: median 100. 50 and 85 are > 10 % off, 95 is within.
    expect(warmupCount([50, 85, 95, 100, 101, 99, 100, 100, 100, 100])).toBe(2);
    // A run that is fast from its first step still loses that step (it holds the one-time set-up).
    expect(warmupCount([100, 100, 100, 100])).toBe(1);
  });

  it("never drops more than half, and nothing from a single logged step", () => {
    // Throughput that never settles (doubling): cap at floor(6/2) = 3.
    expect(warmupCount([1, 2, 4, 8, 16, 32])).toBe(3);
    expect(warmupCount([100])).toBe(0);
    expect(warmupCount([10, 100])).toBe(1);
  });
});

describe("Megatron-LM stdout", () => {
  const m = measured("megatron-stdout.log");

  it("reads the run's settings from the arguments block and the GPU from nvidia-smi -L", () => {
    expect(m.format).toBe("megatron");
    expect(m).toMatchObject({ gpus: 16, seqLen: 4096, globalBatchSequences: 256, gpuName: "NVIDIA H100 80GB HBM3" });
  });

  it("leaves out the two warm-up lines and takes the median of the other eight", () => {
    // tokens/s per GPU = global batch × seq / step time / GPUs = 256 × 4096 / t / 16 = 65 536 / t(s).
    // Later half (iterations 60–100): 8192, 8192, 8000, 8400, 8192 ms → 8000, 8000, 8192, 7802, 8000
    // → median 8000. Iteration 10: 12 288 ms → 5333 (33 % off); 20: 9500 ms → 6899 (14 % off);
    // 30: 8192 ms → 8000 (settled). Kept 30–100: 8000, 8192, 7802, 8000, 8000, 8192, 7802, 8000
    // → median (8000 + 8000) / 2 = 8000.
    expect(m.warmupStepsSkipped).toBe(2);
    expect(m.steps).toBe(8);
    expect(m.lastStep).toBe(100);
    expect(m.basis).toBe("per-step");
    expect(m.tokensPerSecPerGpu).toBeCloseTo(8000, 6);
  });

  it("gives the step-time median and spread of the kept lines", () => {
    // Kept times sorted: 8.0, 8.0, 8.192 ×4, 8.4, 8.4 s. p10 at position 0.7 → 8.0; p90 at 6.3 → 8.4.
    expect(m.stepTimeSec!.median).toBeCloseTo(8.192, 9);
    expect(m.stepTimeSec!.p10).toBeCloseTo(8.0, 9);
    expect(m.stepTimeSec!.p90).toBeCloseTo(8.4, 9);
  });

  it("takes the logged TFLOP/s median and the largest max-allocated memory", () => {
    // Kept TFLOP/s sorted: 370.6 ×2, 380.0 ×4, 389.1 ×2 → 380.0.
    expect(m.tflopsPerGpuLogged).toBeCloseTo(380.0, 9);
    // max allocated 61 440 then 62 464 MiB: 62 464 × 2^20 B = 61 GiB = 65.498251264 GB.
    expect(m.peakMemoryGB).toBeCloseTo((61 * GIB) / 1e9, 9);
    expect(m.peakMemoryGB).toBeCloseTo(65.498251264, 9);
  });

  it("implies an MFU of 0.4 for an 8B model on a 960-TFLOP/s GPU", () => {
    // 8000 tok/s × 4.8e10 FLOP/token = 3.84e14 FLOP/s; / 9.6e14 = 0.4.
    expect(impliedMfu(m.tokensPerSecPerGpu, FLOPS_PER_TOKEN, PEAK)).toBeCloseTo(0.4, 9);
    // Megatron's own 380 TFLOP/s / 960 = 0.39583…
    expect(loggedMfu(m.tflopsPerGpuLogged!, PEAK)).toBeCloseTo(380 / 960, 9);
  });
});

describe("NeMo 2 stdout", () => {
  it("reads global_step, train_step_timing and the Lightning world size, with --seq-len from the caller", () => {
    const m = measured("nemo2-stdout.log", { seqLen: 4096 });
    // 128 × 4096 / t / 8 = 65 536 / t. Later half (steps 3–5): 8.0, 8.4, 8.192 s → 8192, 7802, 8000
    // → median 8000. Step 0 (14.2 s) dropped; step 1: 8.3 s → 7896, 1.3 % off → kept.
    // Kept rates 7896, 8000, 8192, 7802, 8000 → median 8000.
    expect(m).toMatchObject({ format: "megatron", gpus: 8, seqLen: 4096, globalBatchSequences: 128 });
    expect(m.warmupStepsSkipped).toBe(1);
    expect(m.steps).toBe(5);
    expect(m.lastStep).toBe(5);
    expect(m.tokensPerSecPerGpu).toBeCloseTo(8000, 6);
    // Kept times sorted 8.0, 8.192, 8.192, 8.3, 8.4: p10 at 0.4 → 8.0 + 0.4 × 0.192 = 8.0768;
    // p90 at 3.6 → 8.3 + 0.6 × 0.1 = 8.36.
    expect(m.stepTimeSec!.median).toBeCloseTo(8.192, 9);
    expect(m.stepTimeSec!.p10).toBeCloseTo(8.0768, 9);
    expect(m.stepTimeSec!.p90).toBeCloseTo(8.36, 9);
  });
});

describe("torchtune metric log", () => {
  const m = measured("torchtune-log.txt");

  it("takes tokens_per_second_per_gpu as logged, leaving out warm-up", () => {
    // Later half (steps 7–12): 2404.5, 2400.0, 2397.1, 2402.9, 2400.0, 2399.2 → median 2400.0.
    // Step 1 (812.34) dropped; step 2 (2105.2) is 12.3 % off → dropped; step 3 (2398.7) settled.
    // Kept (steps 3–12) sorted: 2395.5, 2397.1, 2398.7, 2399.2, 2400.0 ×3, 2401.3, 2402.9, 2404.5
    // → median 2400.0. The val_loss line at step 10 is not a training step.
    expect(m.format).toBe("torchtune");
    expect(m.warmupStepsSkipped).toBe(2);
    expect(m.steps).toBe(10);
    expect(m.lastStep).toBe(12);
    expect(m.tokensPerSecPerGpu).toBeCloseTo(2400, 9);
    expect(m.stepTimeSec).toBeUndefined();
    expect(m.gpus).toBeUndefined();
  });

  it("converts the largest peak_memory_alloc from GiB to GB", () => {
    // 18.75 GiB × 1.073741824 = 20.132659200 GB.
    expect(m.peakMemoryGB).toBeCloseTo(20.1326592, 9);
  });

  it("implies an MFU of 0.12", () => {
    // 2400 × 4.8e10 = 1.152e14; / 9.6e14 = 0.12.
    expect(impliedMfu(m.tokensPerSecPerGpu, FLOPS_PER_TOKEN, PEAK)).toBeCloseTo(0.12, 12);
  });

  it("reads values printed as tensors, as newer recipes log them", () => {
    const text =
      "Step 1 | loss:tensor(2.1834, device='cuda:0') lr:2e-05 tokens_per_second_per_gpu:tensor(900.0000, device='cuda:0') \n" +
      "Step 2 | loss:tensor(2.0417, device='cuda:0') lr:2e-05 tokens_per_second_per_gpu:tensor(2000.5000, device='cuda:0') \n" +
      "Step 3 | loss:tensor(1.9862, device='cuda:0') lr:2e-05 tokens_per_second_per_gpu:tensor(2001.5000, device='cuda:0') \n";
    const result = parseLog(text, "tensor.txt");
    // Later half = last 1 (2001.5); step 1 dropped; step 2 within 10 % → kept: median(2000.5, 2001.5) = 2001.
    expect(result.ok && result.measurement.tokensPerSecPerGpu).toBe(2001);
  });
});

describe("Hugging Face trainer_state.json", () => {
  it("uses the summary's per-device train_tokens_per_second as a run average", () => {
    const m = measured("hf-trainer_state-tokens.json");
    expect(m).toMatchObject({
      format: "hf-trainer",
      basis: "run-average",
      steps: 1,
      warmupStepsSkipped: 0,
      lastStep: 50,
    });
    expect(m.tokensPerSecPerGpu).toBe(4957.9);
    // 4957.9 × 4.8e10 / 9.6e14 = 4957.9 × 5e-5 = 0.247895.
    expect(impliedMfu(m.tokensPerSecPerGpu, FLOPS_PER_TOKEN, PEAK)).toBeCloseTo(0.247895, 12);
  });

  it("turns samples/s (global) into tokens/s per GPU with --seq-len and --gpus", () => {
    // 12.5 samples/s × 2048 tokens / 8 GPUs = 3200.
    const m = measured("hf-trainer_state-samples.json", { seqLen: 2048, gpus: 8 });
    expect(m.tokensPerSecPerGpu).toBe(3200);
    expect(m).toMatchObject({ basis: "run-average", seqLen: 2048, gpus: 8 });
  });

  it("measures each logging interval from the cumulative tokens and runtime, given --gpus", () => {
    const m = measured("hf-trainer_state-cumulative.json", { gpus: 4 });
    // Each interval: 10 steps × 32 × 2048 = 655 360 tokens over all 4 GPUs; rate = 163 840 / Δt.
    // Δt (s): 23.0, 20.48, 20.0, 20.96, 20.48, 20.48 → 7123, 8000, 8192, 7817, 8000, 8000.
    // Later half median (7817, 8000, 8000) = 8000; first interval dropped; 8000 settled.
    // Kept 8000, 8192, 7817, 8000, 8000 → median 8000.
    expect(m).toMatchObject({ basis: "per-step", warmupStepsSkipped: 1, steps: 5, lastStep: 70, gpus: 4 });
    expect(m.tokensPerSecPerGpu).toBeCloseTo(8000, 6);
    // Step times Δt/10: sorted 2.0, 2.048, 2.048, 2.048, 2.096: p10 at 0.4 → 2.0192, p90 at 3.6 → 2.0768.
    expect(m.stepTimeSec!.median).toBeCloseTo(2.048, 9);
    expect(m.stepTimeSec!.p10).toBeCloseTo(2.0192, 9);
    expect(m.stepTimeSec!.p90).toBeCloseTo(2.0768, 9);
  });

  it("falls back to the summary's run average when the GPU count is not given", () => {
    const m = measured("hf-trainer_state-cumulative.json");
    expect(m).toMatchObject({ basis: "run-average", tokensPerSecPerGpu: 7158.9 });
  });
});

describe("W&B history CSV", () => {
  it("reads run.history().to_csv() of a torchtune run, with global_step over _step", () => {
    const m = measured("wandb-history.csv");
    // Later half (steps 5–8): 3000, 3005, 2995, 3000 → median 3000. Step 1 (655.2) dropped; step 2
    // (2950.4) is 1.7 % off → settled. Kept sorted: 2950.4, 2990, 2995, 3000, 3000, 3005, 3010 → 3000.
    // The validation row (global_step 4 again, no throughput) is not a step of its own.
    expect(m).toMatchObject({ format: "wandb-csv", warmupStepsSkipped: 1, steps: 7, lastStep: 8 });
    expect(m.tokensPerSecPerGpu).toBe(3000);
    // 21.5 GiB = 21.5 × 1.073741824 = 23.085449216 GB.
    expect(m.peakMemoryGB).toBeCloseTo(23.085449216, 9);
  });

  it("reads the web app's chart export: run-name prefix stripped, __MIN/__MAX ignored", () => {
    const m = measured("wandb-panel.csv");
    // Later half (steps 40–60): 2400, 2395, 2405 → 2400. Step 10 dropped; step 20 (2380) 0.8 % off.
    // Kept sorted 2380, 2395, 2400, 2405, 2410 → 2400.
    expect(m).toMatchObject({ warmupStepsSkipped: 1, steps: 5, lastStep: 60 });
    expect(m.tokensPerSecPerGpu).toBe(2400);
  });

  it("takes a custom column name for a field from the column option", () => {
    const renamed = fixture("wandb-history.csv").replace("tokens_per_second_per_gpu", "perf/tps_gpu");
    const without = parseLog(renamed, "custom.csv");
    expect(without.ok || without.problem.code).toBe("log.noThroughput");
    const result = parseLog(renamed, "custom.csv", { column: { tokensPerSecPerGpu: "perf/tps_gpu" } });
    expect(result.ok && result.measurement.tokensPerSecPerGpu).toBe(3000);
  });

  it("measures from cumulative tokens seen and _runtime given --gpus (an HF run's history)", () => {
    // 4 GPUs; 10 steps × 65 536 tokens = 655 360 per row; Δ_runtime 30, 20.48, 20.48 s →
    // 5461.3, 8000, 8000 per GPU. n = 3: drop 1, kept median(8000, 8000) = 8000.
    const csv = [
      "_step,_runtime,train/global_step,train/loss,train/num_input_tokens_seen",
      "0,40.0,10,2.31,655360",
      "1,70.0,20,2.24,1310720",
      "2,90.48,30,2.17,1966080",
      "3,110.96,40,2.1,2621440",
      "",
    ].join("\n");
    const result = parseLog(csv, "hf-history.csv", { gpus: 4 });
    expect(result.ok && result.measurement.tokensPerSecPerGpu).toBeCloseTo(8000, 6);
    expect(result.ok && result.measurement.stepTimeSec?.median).toBeCloseTo(2.048, 9);
  });
});

describe("format detection", () => {
  it("tells the formats apart by content, whatever the file is called", () => {
    expect(detectFormat(fixture("torchtune-log.txt"), "run.log")).toBe("torchtune");
    expect(detectFormat(fixture("megatron-stdout.log"), "slurm-1234.out")).toBe("megatron");
    expect(detectFormat(fixture("hf-trainer_state-tokens.json"), "state")).toBe("hf-trainer");
    expect(detectFormat(fixture("wandb-history.csv"), "export")).toBe("wandb-csv");
    expect(detectFormat("Step,custom_metric\n1,2\n", "x.csv")).toBe("wandb-csv");
    expect(detectFormat("hello\n", "notes.txt")).toBeUndefined();
  });
});
