import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

const BASE = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];
const json = async (args: string[]) => {
  const r = await cli([...BASE, ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return EstimateJson.parse(JSON.parse(r.stdout));
};

describe("estimate --budget / --deadline", () => {
  it("--budget 3억: the GPU-hours, the tokens it trains and the Chinchilla-optimal size", async () => {
    const inverse = (await json(["--strategy", "scratch,lora", "--budget", "3억"])).inverse!;
    const b = inverse.budget!;
    // ₩300,000,000 / 1,439 = $208,478.10; / $3.92 = 53,183.19 GPU-hours; / 2 GPUs / 24 = 1,108 days
    expect(b.usd).toBeCloseTo(208_478.1, 1);
    expect(b.gpuHours).toBeCloseTo(53_183.19, 1);
    expect(b.wallDays).toBeCloseTo(1107.98, 1);
    // scratch: 15B tokens take 713.205 GPU-hours, so 53,183.19 train 15e9 × 53,183.19 / 713.205 = 1.11853e12
    const scratch = b.strategies.find((s) => s.strategy === "scratch")!;
    expect(scratch.tokens.expected / 1.11853e12).toBeCloseTo(1, 4);
    // Chinchilla: C = 53,183.19 × 3,600 × 989.4e12 × 0.248 = 4.6979e22; N = √(C / 120) = 1.9786e10; D = 20·N
    expect(b.chinchilla!.computeFlops.expected / 4.6979e22).toBeCloseTo(1, 3);
    expect(b.chinchilla!.params.expected / 1.9786e10).toBeCloseTo(1, 3);
    expect(b.chinchilla!.tokens.expected).toBeCloseTo(20 * b.chinchilla!.params.expected, 0);
    expect(b.chinchilla!.strategy).toBe("scratch");
    expect(b.gpusToSpendByDeadline).toBeNull();
    expect(inverse.deadline).toBeUndefined();
  });

  it("--deadline 7d: GPUs needed, the range, and memory at that count", async () => {
    const d = (await json(["--strategy", "dapt", "--deadline", "7d"])).inverse!.deadline!;
    expect(d.days).toBe(7);
    // 713.205 / (24 × 7) = 4.245 → 5 GPUs (3–8 from 446.65–1,242.40 GPU-hours); 713.205 / 5 / 24 = 5.943 days
    expect(d.strategies[0]).toMatchObject({
      strategy: "dapt",
      gpusNeeded: 5,
      gpusNeededRange: { low: 3, expected: 5, high: 8 },
      fits: true,
    });
    expect(d.strategies[0]!.wallDays).toBeCloseTo(5.943, 3);
  });

  it("both: the GPUs to spend the whole budget by the deadline", async () => {
    const b = (await json(["--strategy", "scratch", "--budget", "3억", "--deadline", "90d"])).inverse!.budget!;
    // 53,183.19 / (24 × 90) = 24.6 → 25
    expect(b.gpusToSpendByDeadline).toBe(25);
  });

  it("a job that does not fit at the needed count says so: 70B in 30 days on one-GPU steps", async () => {
    // llama-2-70b (68.98B) × 15B tokens = 6.208e21 FLOPs; / (989.4e12 × 0.248 × 3,600) = 7,028 GPU-hours;
    // in 300 days: ⌈7,028 / 7,200⌉ = 1 GPU, which cannot hold 70B of full-training states (16 bytes × 69B ≫ 80 GB)
    const r = await cli([
      "estimate",
      "--model",
      "llama-2-70b",
      "--tokens",
      "15B",
      "--gpus",
      "H100",
      "--strategy",
      "dapt",
      "--deadline",
      "300d",
      "--format",
      "json",
    ]);
    const d = EstimateJson.parse(JSON.parse(r.stdout)).inverse!.deadline!;
    expect(d.strategies[0]!.gpusNeeded).toBe(1);
    expect(d.strategies[0]!.fits).toBe(false);
    expect(d.strategies[0]!.minGpusWithZero3).toBeGreaterThan(1);
  });

  it("table: the lines under the table, within 100 columns; no inverse block without the flags", async () => {
    const { status, stdout } = await cli([...BASE, "--strategy", "scratch", "--budget", "3억", "--deadline", "90d"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Budget +₩300,000,000 \(= \$208,478 at 1,439 KRW\/USD\) rents 53,183 GPU-hours/m);
    expect(stdout).toMatch(/^ {2}scratch +trains 1\.12T tokens/m);
    expect(stdout).toMatch(/Chinchilla +that compute/);
    expect(stdout).toMatch(/^Deadline +90 days/m);
    for (const line of stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect((await json([])).inverse).toBeUndefined();
  });

  it("bad input is exit 2: a bare number, a CSV request", async () => {
    const bare = await cli([...BASE, "--budget", "300000000"]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/invalid --budget "300000000": .*did you mean 300000000원 or \$300000000\?/);
    const csv = await cli([...BASE, "--deadline", "90d", "--format", "csv"]);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/--budget and --deadline show in --format table, json, markdown; not in csv/);
  });
});
