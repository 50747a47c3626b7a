import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli, ROOT } from "./helpers/cli.js";

// calibrate on the Megatron fixture (16 × H100, sequence 4096, 8,000 tokens/s per GPU after two
// warm-up lines; test/log-parsers.test.ts works those out), then estimate --profile with what it
// saved. The fixture catalog (test/helpers/cli.ts) freezes the H100's peak at 989.4 TFLOP/s.

const LOG = join(ROOT, "test/fixtures/logs/megatron-stdout.log");
const JOB = ["--params", "8B", "--tokens", "15B"];
const TODAY = { LLM_COST_TODAY: "2025-03-15" };
const PEAK = 989.4e12;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-calibrate-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The model's own steady-state tokens/s per GPU for the 8B job on n × H100 (no profile). */
async function modelSpeed(gpus: number): Promise<number> {
  const args = ["estimate", ...JOB, "--gpus", `${gpus}xH100`, "--strategy", "dapt", "--format", "json"];
  return EstimateJson.parse(JSON.parse((await cli(args)).stdout)).estimates[0]!.tokensPerSecPerGpu;
}

describe("llm-cost calibrate", () => {
  it("measures the log, sets the default model beside it, and projects the run at the measured speed", async () => {
    const result = await cli(["calibrate", "--log", LOG, ...JOB, "--format", "json"]);
    expect(result.status).toBe(0);
    const [row] = JSON.parse(result.stdout);
    expect(row).toMatchObject({ format: "megatron", steps: 8, warmup_steps_skipped: 2, gpu_id: "h100-sxm" });
    expect(row).toMatchObject({ gpus: 16, seq_len: 4096, strategy: "dapt", tokens: 15e9 });
    expect(row.tokens_per_sec_per_gpu).toBeCloseTo(8000, 9);
    expect(row.step_time_median_s).toBeCloseTo(8.192, 9);
    expect(row.step_time_p10_s).toBeCloseTo(8.0, 9);
    expect(row.step_time_p90_s).toBeCloseTo(8.4, 9);
    // 8,000 tokens/s × 6 × 8e9 FLOPs per token / 989.4 TFLOP/s = 0.38811
    expect(row.flops_per_token).toBe(4.8e10);
    expect(row.implied_mfu).toBeCloseTo((8000 * 4.8e10) / PEAK, 12);
    expect(row.implied_mfu).toBeCloseTo(0.388114, 6);
    // The model's steady state for the same job, over the measured speed.
    const model = await modelSpeed(16);
    expect(row.model_tokens_per_sec_per_gpu).toBeCloseTo(model, 9);
    expect(row.model_over_measured).toBeCloseTo(model / 8000, 12);
    // GPU-hours = 15e9 tokens / 8,000 tokens/s / 3,600 / goodput = 520.83 h / goodput.
    expect(row.gpu_hours_expected).toBeCloseTo(15e9 / 8000 / 3600 / row.goodput, 6);
    expect(row.wall_days_expected).toBeCloseTo(row.gpu_hours_expected / 16 / 24, 9);
    expect(row.cost_usd_expected).toBeCloseTo(row.gpu_hours_expected * row.price_usd_per_gpu_hour, 6);
    expect(result.stderr).toBe("");
  });

  it("prints a table in English and in Korean, and one CSV row per log", async () => {
    const en = (await cli(["calibrate", "--log", LOG, ...JOB])).stdout;
    expect(en).toContain("8,000 tokens/s per GPU · step 8.19 s (p10–p90 8–8.4 s) · 16 × H100, sequence 4,096");
    expect(en).toContain("implied MFU    38.8% of H100's dense 989.4 TFLOP/s");
    const ko = (await cli(["calibrate", "--log", LOG, ...JOB, "--lang", "ko"])).stdout;
    expect(ko).toContain("측정값          GPU당 8,000 토큰/초");
    expect(ko).toContain("H100 16장, 시퀀스 4,096");
    const csv = (await cli(["calibrate", "--log", LOG, LOG, ...JOB, "--format", "csv"])).stdout.split("\r\n");
    expect(csv[0]!.startsWith("file,format,basis,steps,")).toBe(true);
    expect(csv.filter((l) => l !== "")).toHaveLength(3);
  });

  it("--save stores the profile in the config file, keeping the rest of it; estimate --profile reproduces the speed", async () => {
    const before = { $comment: "team defaults", provider: "aws", prices: [] };
    const dir = dirWith({ "cfg.json": JSON.stringify(before) });
    const saved = await cli(["calibrate", "--log", LOG, ...JOB, "--save", "meg16", "--config", "cfg.json"], TODAY, dir);
    expect(saved.status).toBe(0);
    expect(saved.stderr).toContain('saved profile "meg16"');
    const config = JSON.parse(readFileSync(join(dir, "cfg.json"), "utf8"));
    expect(config).toEqual({
      ...before,
      profiles: [
        {
          name: "meg16",
          gpu: "h100-sxm",
          gpuCount: 16,
          params: 8e9,
          strategy: "dapt",
          seqLen: 4096,
          tokensPerSecPerGpu: 8000,
          date: "2025-03-15",
          source: "megatron-stdout.log",
        },
      ],
    });
    expect(readFileSync(join(dir, "cfg.json"), "utf8")).toBe(`${JSON.stringify(config, null, 2)}\n`);

    // Same job: the measured speed exactly, from the profile.
    const args = ["estimate", ...JOB, "--config", "cfg.json", "--profile", "meg16", "--format", "json"];
    const same = await cli(args, {}, dir);
    const json = EstimateJson.parse(JSON.parse(same.stdout));
    expect(json.inputs.tokensPerSecPerGpu).toBe(8000);
    expect(json.inputs.gpus.count).toBe(16);
    expect(json.estimates.map((e) => e.strategy)).toEqual(["dapt"]);
    expect(json.estimates[0]!.tokensPerSecPerGpu).toBe(8000);
    expect(json.assumptions.mfuSource).toBe("profile");
    expect(json.assumptions.origins["tokensPerSec"]).toEqual({ kind: "profile", name: "meg16", file: "cfg.json" });
    expect(same.stderr).toBe("");

    // Saving again under the same name replaces the profile in place.
    await cli(["calibrate", "--log", LOG, ...JOB, "--save", "meg16", "--config", "cfg.json"], TODAY, dir);
    expect(JSON.parse(readFileSync(join(dir, "cfg.json"), "utf8")).profiles).toHaveLength(1);
  });

  it("scales the profile to another GPU count through the model's own steady state", async () => {
    const dir = dirWith({ "cfg.json": "{}" });
    await cli(["calibrate", "--log", LOG, ...JOB, "--save", "meg16", "--config", "cfg.json"], TODAY, dir);
    // The model's own steady state for the 8B job (estimate without --profile): 4,798.63 tokens/s per
    // GPU on one H100, 6,398.17 on 16.
    const [one, sixteen] = [await modelSpeed(1), await modelSpeed(16)];
    expect(one).toBeCloseTo(4798.63, 2);
    expect(sixteen).toBeCloseTo(6398.17, 2);
    const args = [
      "estimate",
      ...JOB,
      "--config",
      "cfg.json",
      "--profile",
      "meg16",
      "--gpus",
      "H100",
      "--format",
      "json",
    ];
    const result = await cli(args, {}, dir);
    const json = EstimateJson.parse(JSON.parse(result.stdout));
    // 8,000 × 4,798.63 / 6,398.17 = 6,000.0 tokens/s per GPU
    expect(json.inputs.tokensPerSecPerGpu).toBeCloseTo((8000 * one) / sixteen, 9);
    expect(json.inputs.tokensPerSecPerGpu).toBeCloseTo(6000, 0);
    expect(json.warnings.map((w) => w.code)).toContain("warn.profileScaled");
  });

  it("refuses a profile for another GPU type or strategy, and an unknown name", async () => {
    const dir = dirWith({ "cfg.json": "{}" });
    await cli(["calibrate", "--log", LOG, ...JOB, "--save", "meg16", "--config", "cfg.json"], TODAY, dir);
    const run = (...more: string[]) => cli(["estimate", ...JOB, "--config", "cfg.json", ...more], {}, dir);
    const a100 = await run("--profile", "meg16", "--gpus", "8xA100");
    expect(a100.status).toBe(2);
    expect(a100.stderr).toContain('profile "meg16" was measured on H100, not A100');
    const lora = await run("--profile", "meg16", "--strategy", "lora");
    expect(lora.status).toBe(2);
    expect(lora.stderr).toContain("--strategy dapt, not lora");
    const unknown = await run("--profile", "nope");
    expect(unknown.stderr).toBe('llm-cost: --profile: no profile "nope" in cfg.json (it has meg16)\n');
  });

  it("refuses --save with several logs and a bad name, before reading anything", async () => {
    const two = await cli(["calibrate", "--log", LOG, LOG, ...JOB, "--save", "x"]);
    expect(two.stderr).toBe("llm-cost: --save stores one measurement: give one --log with it (got 2)\n");
    const bad = await cli(["calibrate", "--log", LOG, ...JOB, "--save", "a b"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('invalid --save "a b"');
  });
});

describe("calibrate --column: a W&B metric under a custom name", () => {
  // The W&B fixture with its throughput column renamed; its steady state is 3,000 tokens/s per GPU
  // (test/log-parsers.test.ts works it out by hand).
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-column-"));
  const csv = join(dir, "renamed.csv");
  writeFileSync(
    csv,
    readFileSync(join(ROOT, "test/fixtures/logs/wandb-history.csv"), "utf8").replace(
      "tokens_per_second_per_gpu",
      "perf/tps_gpu",
    ),
  );
  const base = ["calibrate", "--log", csv, "--params", "7B", "--tokens", "1B", "--gpus", "8xH100", "--format", "json"];
  it("is found when named, and its absence is one line naming the file", async () => {
    const named = await cli([...base, "--column", "tokensPerSecPerGpu=perf/tps_gpu"]);
    expect(named.status, named.stderr).toBe(0);
    expect(JSON.parse(named.stdout)[0].tokens_per_sec_per_gpu).toBe(3000);
    const unnamed = await cli(base);
    expect(unnamed.status).toBe(2);
    expect(unnamed.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(unnamed.stderr).toContain("renamed.csv");
  });
  it("an unknown field is refused with the fields there are", async () => {
    const r = await cli([...base, "--column", "tokensPerSec=perf/tps_gpu"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /invalid --column "tokensPerSec=perf\/tps_gpu": .*tokensPerSecPerGpu.*\(did you mean \w+\?\)$/m,
    );
  });
});
