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
    // scratch on the fixture throughput model: 15B tokens take 713.12 GPU-hours (test/cli-estimate.test.ts),
    // so 53,183.19 train 15e9 × 53,183.19 / 713.12 = 1.11867e12
    const scratch = b.strategies.find((s) => s.strategy === "scratch")!;
    expect(scratch.tokens.expected / 1.11867e12).toBeCloseTo(1, 4);
    // Chinchilla: C = 53,183.19 × 3,600 × 989.4e12 × 0.24803 = 4.6984e22; N = √(C / 120) = 1.9787e10; D = 20·N
    expect(b.chinchilla!.computeFlops.expected / 4.6984e22).toBeCloseTo(1, 3);
    expect(b.chinchilla!.params.expected / 1.9787e10).toBeCloseTo(1, 3);
    expect(b.chinchilla!.tokens.expected).toBeCloseTo(20 * b.chinchilla!.params.expected, 0);
    expect(b.chinchilla!.strategy).toBe("scratch");
    expect(b.gpusToSpendByDeadline).toBeNull();
    expect(inverse.deadline).toBeUndefined();
  });

  it("--deadline 7d: GPUs needed, the range, and memory at that count", async () => {
    const d = (await json(["--strategy", "dapt", "--deadline", "7d"])).inverse!.deadline!;
    expect(d.days).toBe(7);
    // Each count is estimated in full. From 3 GPUs the job fits without tensor parallelism: 7,319.7
    // tokens/s per GPU, 15e9 / 7,319.7 / 3,600 × 1.2 = 683.08 GPU-hours. 4 GPUs take 683.08 / 4 / 24 =
    // 7.115 days, 5 take 5.692: 5. The optimistic end (÷ e^0.5 = 414.3 GPU-hours) needs 3 (5.75 d);
    // the pessimistic (× e^0.5 = 1,126.2) needs ⌈1,126.2 / 168⌉ = 7.
    expect(d.strategies[0]).toMatchObject({
      strategy: "dapt",
      gpusNeeded: 5,
      gpusNeededRange: { low: 3, expected: 5, high: 7 },
      fits: true,
    });
    expect(d.strategies[0]!.wallDays).toBeCloseTo(5.692, 3);
  });

  it("both: the GPUs to spend the whole budget by the deadline", async () => {
    const b = (await json(["--strategy", "scratch", "--budget", "3억", "--deadline", "90d"])).inverse!.budget!;
    // 53,183.19 / (24 × 90) = 24.6 → 25
    expect(b.gpusToSpendByDeadline).toBe(25);
  });

  it("memory binds the deadline's count: 70B in 300 days needs 2 GPUs by time but 16 to fit", async () => {
    // llama-2-70b × 15B tokens is about 8,500 GPU-hours: in 300 days ⌈8,500 / 7,200⌉ = 2 GPUs would do,
    // but 70B of full-training states (16 bytes × 69B ≫ 80 GB) first fit on 16 (two nodes, with tensor
    // parallelism inside each).
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
    expect(d.strategies[0]!.gpusNeeded).toBe(16);
    expect(d.strategies[0]!.fits).toBe(true);
    expect(d.strategies[0]!.wallDays!).toBeLessThan(300 / 8);
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

  it("bad input is exit 2: a bare number", async () => {
    const bare = await cli([...BASE, "--budget", "300000000"]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/invalid --budget "300000000": .*did you mean 300000000원 or \$300000000\?/);
  });
  it("CSV carries them as each strategy's own columns (they used to be refused)", async () => {
    const csv = await cli([...BASE, "--strategy", "dapt", "--deadline", "7d", "--format", "csv"]);
    expect(csv.status, csv.stderr).toBe(0);
    const [header, dapt] = csv.stdout.split("\r\n").map((l) => l.split(","));
    // The same figures as the JSON above: 5 GPUs for 7 days.
    expect(dapt![header!.indexOf("deadline_days")]).toBe("7");
    expect(dapt![header!.indexOf("deadline_gpus_needed")]).toBe("5");
  });
});
