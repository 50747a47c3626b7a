import { describe, expect, it } from "vitest";
import { displayWidth } from "../src/i18n/width.js";
import { cli } from "./helpers/cli.js";

const BASE = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];

describe("Korean output", () => {
  it("--lang ko prints Korean labels, 억/만 amounts and 약 N일 durations", async () => {
    const { status, stdout } = await cli([...BASE, "--lang", "ko", "--strategy", "dapt"]);
    expect(status).toBe(0);
    for (const label of [
      "전략",
      "GPU 시간",
      "H100 2장",
      "적재 가능",
      "소요 기간",
      "GPU당 메모리",
      "비용 (원)",
      "가정",
      "환율",
      "도메인 텍스트로 추가 사전학습",
    ])
      expect(stdout).toContain(label);
    // The fixture throughput model (worked in test/cli-estimate.test.ts): 713.1 GPU-h × $3.92 × 1,439 =
    // ₩4,022,000 → "402만 원"; 713.1 / 2 / 24 = 14.86 days → "약 15일"
    // Korean tables write the strategy as people do: DAPT, SFT, LoRA (issue #14).
    expect(stdout).toMatch(/│ DAPT\s+│\s+6\.3e20 │\s+713 │\s+약 15일 │\s+69\.2 GB │\s+402만 원 │/);
    // Hangul takes two terminal columns each: measure what the terminal shows.
    for (const line of stdout.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });
  it("LANG=ko_KR.UTF-8 chooses Korean without the flag; --lang en wins over it", async () => {
    expect((await cli(BASE, { LANG: "ko_KR.UTF-8" })).stdout).toContain("소요 기간");
    expect((await cli([...BASE, "--lang", "en"], { LANG: "ko_KR.UTF-8" })).stdout).toContain("Wall-clock");
  });
  it("--currency krw|usd picks the money columns", async () => {
    const krw = (await cli([...BASE, "--currency", "krw"])).stdout;
    expect(krw).toContain("Cost (KRW)");
    expect(krw).not.toContain("Cost (USD)");
    const usd = (await cli([...BASE, "--currency", "usd"])).stdout;
    expect(usd).not.toContain("Cost (KRW)");
    expect((await cli([...BASE, "--currency", "eur"])).stderr).toMatch(/--currency "eur".*both, krw, usd/);
  });
  it("errors are in Korean too, still one line naming the flag and the value", async () => {
    const { status, stderr } = await cli([
      "estimate",
      "--params",
      "7B",
      "--tokens",
      "0",
      "--gpus",
      "2xH100",
      "--lang",
      "ko",
    ]);
    expect(status).toBe(2);
    expect(stderr).toBe('llm-cost: --tokens 값이 올바르지 않습니다: "0" — 1 이상이어야 합니다\n');
    expect(
      (await cli(["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "2xH1000"], { LANG: "ko_KR.UTF-8" }))
        .stderr,
    ).toMatch(/알 수 없는 GPU "H1000".*\(H100을 입력하려고 하셨나요\?\)/);
  });
  it("compare --lang ko: Korean headers, 약 N일, and both charts (cost and days)", async () => {
    const { status, stdout } = await cli([
      "compare",
      "scratch-7b-chinchilla",
      "lora-7b",
      "--gpus",
      "8xH100",
      "--lang",
      "ko",
      "--chart",
    ]);
    expect(status).toBe(0);
    for (const label of ["시나리오", "GPU 시간", "소요 기간", "예상 비용 (원)", "예상 소요 기간", "가정"])
      expect(stdout).toContain(label);
    // scratch-7b-chinchilla on the fixture model: hardware FLOPs 6 × 6,738,415,616 + 6.44245e9 = 4.68730e10 per token;
    // 4,096 × 4.68730e10 / 3.56062e14 = 0.539214 s per micro-batch → 7,596.1 tokens/s per GPU;
    // 134.768e9 / 7,596.1 / 3,600 × 1.2 = 5,914 GPU-hours / 8 GPUs / 24 = 30.8 days
    expect(stdout).toMatch(/scratch-7b-chinchilla\s+█+ 약 31일/);
    for (const line of stdout.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });
  it("warnings are in Korean too", async () => {
    const { stderr } = await cli([...BASE, "--strategy", "dapt", "--mfu", "0.9", "--lang", "ko"]);
    expect(stderr).toBe(
      // 0.9 reads 영점구 (ends in a vowel): 는, not 은(는).
      "llm-cost: 경고: --mfu 0.9는 0.7보다 높습니다: 이 효율을 유지한 공개 학습 기록은 없습니다(보통 0.3~0.55: PaLM 540B 0.46, Megatron-LM 530B 0.54)\n",
    );
  });
});
