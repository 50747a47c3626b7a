import { describe, expect, it } from "vitest";
import { formatDurationKo, formatDurationRangeKo } from "../src/output/format.js";
import { cli } from "./helpers/cli.js";
import { englishWords } from "./helpers/english-words.js";

// Issue #14: with --lang ko, estimate and compare read as Korean in every format. Only names, units,
// ids, flags and quoted sources may stay in Latin letters (test/helpers/english-words.ts).

/** A name the helper does not list: CUDA (NVIDIA's platform, in the memory note). */
const NAMES = ["CUDA"];

const JOB = ["--model", "llama-2-7b", "--tokens", "15B", "--gpus", "8xH100", "--lang", "ko"];

/**
 * What a reader reads: an HTML page's text (no markup, styles or attribute names), with line
 * breaks and wrapping indents as single spaces so a wrapped source still reads as its phrase.
 */
function readable(text: string): string {
  return text
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/[\s│]+/g, " ");
}

/** The English words a Korean reader would meet in `text`. */
const english = (text: string): string[] =>
  // kW (--explain's GPU power) is a unit the helper does not list; its extras match only longer phrases.
  englishWords(readable(text).replace(/\bkW\b/g, " "), NAMES);

async function run(args: readonly string[]): Promise<string> {
  const { status, stdout, stderr } = await cli(args);
  expect(stderr).toBe("");
  expect(status).toBe(0);
  return stdout;
}

/** The JSON's fields written for people (the rest are ids, numbers and formulas). */
function humanFields(json: {
  inputs: { tokensBasis: string };
  assumptions: Record<string, unknown>;
  estimates: Array<{ name: string; description: string }>;
}): string[] {
  const a = json.assumptions;
  return [
    json.inputs.tokensBasis,
    ...["taxes", "memoryNote", "energyNote", "efficiencyBasis", "priceRule", "gpuPeakPrecision"].map((k) =>
      String(a[k]),
    ),
    ...json.estimates.flatMap((e) => [e.name, e.description]),
  ];
}

describe("estimate --lang ko: no English left", () => {
  it.each([
    ["table", []],
    ["markdown", ["--format", "markdown"]],
    ["html", ["--format", "html"]],
  ])("%s", async (_name, format) => {
    const text = await run(["estimate", ...JOB, ...format]);
    expect(english(text)).toEqual([]);
  });
  it("--explain", async () => {
    const text = await run(["estimate", ...JOB, "--strategy", "lora", "--explain"]);
    expect(english(text)).toEqual([]);
    // 472 GPU-hours ÷ 8 GPUs ÷ 24 (the table's LoRA row); the number is the calculator's, the words Korean.
    expect(text).toContain("전략별 계산 과정\nLoRA (bf16 베이스 모델은 고정하고 어댑터만 학습)\n");
    expect(text).toMatch(/^ {2}6\. 소요 기간: [\d.]+ \/ GPU 8장 \/ 24 = [\d.]+일$/m);
  });
  it("the JSON's human fields", async () => {
    const json = JSON.parse(await run(["estimate", ...JOB, "--format", "json"]));
    const fields = humanFields(json);
    expect(english(fields.join("\n"))).toEqual([]);
    expect(json.inputs.tokensBasis).toBe("직접 지정");
    expect(json.assumptions.gpuPeakPrecision).toBe("bf16 밀집 연산 (2:4 희소성 제외)");
    expect(json.estimates.find((e: { strategy: string }) => e.strategy === "sft").description).toBe(
      "인스트럭션 데이터로 전체 파라미터 미세조정",
    );
  });
  it("--from a trainer config", async () => {
    const file = "test/fixtures/trainers/axolotl-qlora.yaml";
    const text = await run(["estimate", "--from", file, "--tokens", "200M", "--gpus", "1xH100", "--lang", "ko"]);
    // The config's keys are ids (sequence_len, micro_batch_size): the words around them are Korean.
    const keys = text.match(/^ {2}(사용|무시|트레이너 기본값으로 가정): [\s\S]*?(?=\n\S)/gm)?.join(" ") ?? "";
    // The file's path is the user's, quoted as given.
    expect(english(text.replace(keys, "").replaceAll(file, " "))).toEqual([]);
    expect(text).toContain("test/fixtures/trainers/axolotl-qlora.yaml (axolotl) 설정에서 읽은 값\n");
    expect(text).toContain("  트레이너 기본값으로 가정: 없음\n");
  });
  it("--corpus 61GB --corpus-lang ko: the arithmetic in Korean", async () => {
    const args = ["estimate", "--model", "llama-2-7b", "--corpus", "61GB", "--corpus-lang", "ko", "--gpus", "2xH100"];
    const json = JSON.parse(await run([...args, "--strategy", "dapt", "--lang", "ko", "--format", "json"]));
    // 61e9 / 1.62 = 37.654e9
    expect(json.inputs.tokensBasis).toBe(
      "61,000,000,000바이트 ÷ 토큰당 1.62바이트 = 토큰 37.65B (--corpus-lang ko 기준; 실측값)",
    );
    expect(english(humanFields(json).join("\n"))).toEqual([]);
    const html = await run([...args, "--strategy", "dapt", "--lang", "ko", "--format", "html"]);
    expect(html).toContain("토큰: 61,000,000,000바이트 ÷ 토큰당 1.62바이트 = 토큰 37.65B");
  });
  it("--examples: the SFT arithmetic in Korean", async () => {
    const args = ["estimate", "--model", "llama-2-7b", "--examples", "50k", "--tokens-per-example", "1024"];
    const json = JSON.parse(
      await run([
        ...args,
        "--epochs",
        "3",
        "--gpus",
        "2xH100",
        "--strategy",
        "sft",
        "--lang",
        "ko",
        "--format",
        "json",
      ]),
    );
    expect(json.inputs.tokensBasis).toMatch(/^예제 50,000개 × 예제당 토큰 1,024개 × 3 에폭 = 토큰 153\.6M \(/);
    expect(english(humanFields(json).join("\n"))).toEqual([]);
  });
  it("the table's lines, hand-checked", async () => {
    const text = await run(["estimate", ...JOB]);
    expect(text).toContain("│ DAPT           │");
    // DAPT repeats scratch's computation: said in words, with the particle scratch takes (와).
    expect(text).toContain("│ scratch와 동일 │");
    expect(text).toContain("  GPU          NVIDIA H100 SXM5 80GB: bf16 밀집 연산 989.4 TFLOPS, 80 GB; GPU 8장\n");
    expect(text).toContain(
      "  메모리       시퀀스 4096, 마이크로배치 자동, 재계산 자동, ZeRO-3, adamw, FlashAttention\n",
    );
    expect(text).toMatch(/· MFU 24% · 마이크로배치 1 · 재계산 없음 · /);
    // The grid by its Korean name from the preset (presets/energy.json nameKo); English keeps the id.
    expect(text).toMatch(/전력망 417\.3 g CO2\/kWh \(한국, \d{4}-\d{2}-\d{2}\)/);
    // 658 GPU-hours (the fixture's scratch row) ÷ 8 ÷ 24 = 3.4 days; its range 399–1,085 → 2.1~5.7일.
    expect(text).toMatch(/│\s+약 3\.4일 │[\s\S]*?│\s+2\.1~5\.7일 │/);
  });
  it("HTML says it is Korean", async () => {
    const html = await run(["estimate", ...JOB, "--format", "html"]);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("<h2>가정</h2>");
    expect(html).toContain('<title id="days-title">소요 기간: 예상값과 범위</title>');
  });
  it("English stays as it was", async () => {
    const en = await run(["estimate", ...JOB.slice(0, -2)]);
    expect(en).toContain("  GPU          NVIDIA H100 SXM5 80GB: 989.4 TFLOPS dense bf16, 80 GB; 8 GPUs\n");
    expect(en).toContain("mb 1 · recompute none");
    expect(en).toMatch(/grid 417\.3 g CO2\/kWh \(korea, \d{4}-\d{2}-\d{2}\)/);
    expect(en).toContain("│ dapt      │");
  });
});

describe("compare --lang ko: no English left", () => {
  // Named scenarios and the flags' own job, two strategies of it.
  const ROWS = ["compare", "llama-2-ko-dapt", "lora-7b", "--model", "llama-2-7b", "--tokens", "1B"];
  const ARGS = [...ROWS, "--gpus", "2xH100", "--strategy", "lora,qlora", "--lang", "ko"];
  it.each([
    ["table", []],
    ["markdown", ["--format", "markdown"]],
    ["html", ["--format", "html"]],
  ])("%s", async (_name, format) => {
    const text = await run([...ARGS, ...format]);
    expect(english(text)).toEqual([]);
  });
  it("the JSON's human fields", async () => {
    const json = JSON.parse(await run([...ARGS, "--format", "json"]));
    for (const s of json.scenarios)
      expect(
        englishWords(humanFields({ inputs: s, assumptions: s.assumptions, estimates: [s.estimate] }).join("\n"), NAMES),
      ).toEqual([]);
  });
  it("the rows and detail lines, hand-checked", async () => {
    const text = await run(ARGS);
    expect(text).toMatch(/│ 내 작업 \(LoRA\)\s+│/);
    expect(text).toMatch(/│ {3}DAPT · H100 2장 · 6\.17e20 FLOPs · MFU 25% · 파라미터 6\.86B \(llama-2-7b\)\s+│/);
    const md = await run([...ARGS, "--format", "markdown"]);
    expect(md).toContain(
      "| 시나리오 | 전략 | GPU | 토큰 | FLOPs | GPU 시간 | 소요 기간 | GPU당 메모리 | 비용 (원) | 비용 (달러) |",
    );
    expect(md).toMatch(/^\| \*\*llama-2-ko-dapt\*\* \| DAPT \| H100 2장 \| 15B \| .* \| 약 15일 \(8\.8~24일\) \|/m);
  });
});

describe("Korean durations: the largest unit that reads naturally", () => {
  it.each([
    [4545, "약 12.4년"], // 4,545 ÷ 365.2425 = 12.44 years
    [105, "약 3.5개월"], // 105 ÷ 30 = 3.5 months
    [59, "약 59일"], // days up to about two months
    [60, "약 2개월"],
    [0.5, "약 12시간"], // hours under a day
  ])("%d days → %s", (days, text) => expect(formatDurationKo(days)).toBe(text));
  it("ranges with ~, the unit once when both ends share it", () => {
    expect(formatDurationRangeKo(9.3, 26)).toBe("9.3~26일");
    expect(formatDurationRangeKo(45, 105)).toBe("45일~3.5개월");
    expect(formatDurationRangeKo(0.4, 1.1)).toBe("9.6시간~1.1일");
  });
});
