import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProvidersWithoutPrices, readPreset } from "../src/catalog/load.js";
import { PublishedRunsFile } from "../src/catalog/run-schema.js";
import { ThroughputMeasurementsFile } from "../src/catalog/throughput-schema.js";
import { excludedReasonKo } from "../src/i18n/ko/excluded-reasons.js";
import { displayWidth } from "../src/i18n/width.js";
import { cli, FIXTURE_CATALOG } from "./helpers/cli.js";
import { englishWords } from "./helpers/english-words.js";

/**
 * Issue #14 "Korean users first": the listings under --lang ko read as Korean, in the table and in
 * Markdown, with nothing English left but names, units, ids, flags and quoted sources.
 */

/** A listing's JSON (the ids, names and sources its Korean table may show as written). */
const json = async <T>(argv: readonly string[]): Promise<T> => JSON.parse((await cli(argv)).stdout) as T;

/**
 * What may stay in Latin letters besides the helper's list, each a name, an id or a quoted source:
 * - the sources of the validation rows (a lab, a paper, a repository's README: cited as written),
 *   of the models (their config files) and of the bundled scenarios;
 * - the names of the clouds without public prices and the GPU programmes' operators;
 * - software and settings named in the evidence (PyTorch, CUDA, nvidia-smi, Unsloth, lit-gpt,
 *   FSDP's FULL_SHARD, DS-Chat, LLaMA-Adapter, DoRA, PEFT, a README, a TPU, Meta's Grand Teton);
 * - abbreviations written so in Korean too (ID, GQA, MLP, FFN, KV);
 * - the config-file keys of a price offer and the file that lists the unpriced clouds (ids).
 */
async function allowed(): Promise<string[]> {
  type Section = { rows: Array<{ id: string; group: string }> };
  const validate = await json<{ wholeRuns: Section; speed: Section; memory: { rows: Array<{ id: string }> } }>([
    "validate",
    "--format",
    "json",
  ]);
  // The tests' own catalog (helpers/cli.ts): its GPUs and offers, whose names and sources are shown as written.
  const fixture = (file: string): Record<string, unknown> =>
    JSON.parse(readFileSync(`${FIXTURE_CATALOG}${file}`, "utf8")) as Record<string, unknown>;
  const strings = (items: unknown): string[] =>
    (items as Array<Record<string, unknown>>).flatMap((item) =>
      Object.values(item).flatMap((v) => (typeof v === "string" ? [v] : Array.isArray(v) ? v.map(String) : [])),
    );
  const models = await json<Array<{ source: string }>>(["models", "--format", "json"]);
  const scenarios = await json<Array<{ id: string; source: string }>>(["scenarios", "--format", "json"]);
  const unpriced = loadProvidersWithoutPrices();
  return [
    ...[...validate.wholeRuns.rows, ...validate.speed.rows].flatMap((r) => [r.id, r.group]),
    ...validate.memory.rows.map((r) => r.id),
    // The excluded rows, named by their ids in the report.
    ...["published-runs.json", "throughput-measurements.json", "finetune-measured.json"].flatMap((file) => {
      const data = readPreset(file) as { runs?: Array<{ id: string }>; rows?: Array<{ id: string }> };
      return (data.runs ?? data.rows ?? []).map((r) => r.id);
    }),
    ...strings(fixture("gpus.json")["gpus"]),
    ...strings(fixture("prices.json")["prices"]),
    ...["compare", "scenarios", "models", "gpus", "prices", "validate"].map((c) => `llm-cost ${c}`),
    ...models.map((m) => m.source),
    // A scenario id whole: the helper would otherwise cut ids it knows ("tapt", "korea") out of it.
    ...scenarios.flatMap((s) => [s.id, s.source]),
    ...unpriced.providers.map((p) => p.name),
    ...`PyTorch CUDA nvidia-smi Unsloth lit-gpt litgpt FULL_SHARD FULL_STATE_DICT DS-Chat LLaMA-Adapter
README usdPerGpuHour providerName`.split(/\s+/),
    "Grand Teton",
    "presets/providers-without-prices.json",
    "presets/scenarios.json",
  ];
}

/** Allowed words of three letters or fewer, which the helper matches as words rather than phrases. */
const SHORT = new Set([
  "ID",
  "GQA",
  "MLP",
  "FFN",
  "KV",
  "TPU",
  "PEFT",
  "DoRA",
  "gpu",
  "date",
  "US",
  "KR",
  "AI",
  "NIPA",
]);

/**
 * The text of an output with its tables flattened so that a name wrapped inside a cell is still
 * recognised: a row spanning the table (a scenario's title and description) is joined back into one
 * line, and a cell fragment that is part of an allowed name, id or source is dropped (a narrow
 * column splits "allenai/OLMo-core README" over lines).
 */
function flattened(text: string, names: readonly string[]): string {
  const out: string[] = [];
  let span: string[] = [];
  const long = names.filter((n) => n.length >= 4);
  for (const line of text.split("\n")) {
    const cells = line.startsWith("│") ? line.split("│").slice(1, -1) : undefined;
    if (cells?.length === 1) {
      span.push(cells[0]!.trim());
      continue;
    }
    if (span.length) out.push(span.join(" "));
    span = [];
    if (cells === undefined) out.push(line);
    else {
      // A line with an empty cell continues a wrapped row: its short fragments ("cs" of "docs") are parts too.
      const continued = cells.some((c) => c.trim() === "");
      const part = (c: string): boolean => (continued || c.length >= 4) && long.some((n) => n.includes(c));
      out.push(
        cells
          .map((c) => c.trim())
          .filter((c) => !part(c))
          .join(" | "),
      );
    }
  }
  if (span.length) out.push(span.join(" "));
  return out.join("\n");
}

/** The English words of a Korean output, past the allowed names. */
async function leftEnglish(text: string): Promise<string[]> {
  const names = await allowed();
  // Markdown escapes a pipe inside a cell; the names hold it bare.
  return englishWords(flattened(text.replaceAll("\\|", "|"), names), names).filter((w) => !SHORT.has(w));
}

const COMMANDS: ReadonlyArray<readonly string[]> = [
  ["gpus"],
  ["prices"],
  ["prices", "H100"],
  ["models"],
  ["scenarios"],
  ["scenarios", "--long"],
  ["validate"],
  ["validate", "--memory"],
  ["validate", "--speed"],
];

describe("listings under --lang ko", () => {
  it.each(
    COMMANDS.flatMap((argv) => [
      [...argv, "--format", "table"],
      [...argv, "--format", "markdown"],
    ]),
  )("%s … leaves no English word", async (...argv) => {
    const { status, stdout, stderr } = await cli([...argv, "--lang", "ko"]);
    expect(status, stderr).toBe(0);
    expect(await leftEnglish(stdout + stderr)).toEqual([]);
  });
});

/** The header row of the first table in a text. */
const headerLine = (text: string): string | undefined => text.split("\n").find((l) => l.startsWith("│"));

describe("Korean headers (hand-checked)", () => {
  it.each([
    [["gpus"], "│ GPU         │ 메모리 │ 밀집 TFLOPS │    TDP │ 온디맨드 GPU 시간당 $ │ 중앙값 │ 가격 기준일      │"],
    [["prices"], "│ GPU         │ 클라우드       │ 리전               │ 종류      │ GPU 시간당 $ │ 기준일     │"],
    [["models"], "│ 모델                │               파라미터 │ 레이어 │ 은닉 차원 │ 헤드 (KV) │   FFN │   어휘 │"],
    // The id column is as wide as the longest bundled id, scratch-7b-chinchilla (21 characters).
    [
      ["scenarios"],
      "│ 시나리오              │ 전략    │ 모델                    │ 토큰                    │ GPU       │",
    ],
    [["validate"], "│ 학습 기록               │ 출처          │ GPU 시간 │  추정 │        범위 │  오차 │ 범위 안 │"],
    [
      ["validate", "--speed"],
      "│ 측정                    │ 출처          │ 토큰/초 │  예측 │        범위 │  오차 │ 범위 안 │",
    ],
    [["validate", "--memory"], "│ 메모리 측정                        │ 방식  │ 실측 GB │ 모델 GB │      오차 │ 기준 │"],
  ])("%s table", async (argv, header) => {
    const { stdout } = await cli([...argv, "--lang", "ko"]);
    expect(headerLine(stdout)).toBe(header);
    // Hangul takes two terminal columns each: measure what the terminal shows.
    for (const line of stdout.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(100);
  });
  it.each([
    [
      ["gpus"],
      "| ID | 이름 | 전체 이름 | 메모리 (GB) | 밀집 TFLOPS | 정밀도 | TDP (W) | 클라우드 수 | 최저 (GPU 시간당 $) | 중앙값 (GPU 시간당 $) | 최고 (GPU 시간당 $) | 가격 기준일 | 출처 |",
    ],
    [
      ["prices"],
      "| 클라우드 ID | 클라우드 | GPU | 리전 | GPU 시간당 $ | 종류 | 기준일 | 현재 가격 | 출처 | 인스턴스 | 인스턴스당 GPU | 비고 |",
    ],
    [
      ["models"],
      "| ID | 이름 | 파라미터 | 공개 파라미터 수 | 레이어 | 은닉 차원 | 헤드 | KV 헤드 | FFN | 어휘 | 임베딩 공유 | 출처 |",
    ],
    [
      ["scenarios"],
      "| ID | 제목 | 설명 | 출처 | 모델 | 전략 | 토큰 | GPU 구성 | 정의한 파일 | 추가 어휘 | 말뭉치 | 토큰당 바이트 | 말뭉치 언어 | 예제 수 | 예제당 토큰 | 에폭 | 시퀀스 길이 | LoRA 랭크 | LoRA 대상 |",
    ],
    [["validate"], "| ID | 출처 | 실측 | 예측 | 범위 하한 | 범위 상한 | 오차 | 범위 안 |"],
    [["validate", "--memory"], "| ID | 방식 | 종류 | 기준 | 실측 GB | 모델 GB | 오차 | 한계 이내 |"],
  ])("%s markdown", async (argv, header) => {
    const { stdout } = await cli([...argv, "--lang", "ko", "--format", "markdown"]);
    expect(stdout.split("\n")[0]).toBe(header);
  });
  it("Korean values in Markdown: price kinds, yes/no, methods; CSV and JSON keep the ids and values", async () => {
    const md = (await cli(["prices", "H100", "--lang", "ko", "--format", "markdown"])).stdout;
    expect(md).toMatch(/\| 온디맨드 \| [^|]+ \| 예 \|/);
    expect(md).not.toMatch(/\| on-demand \||\| true \|/);
    const memory = (await cli(["validate", "--memory", "--lang", "ko", "--format", "markdown"])).stdout;
    expect(memory).toMatch(/\| peft-mmqa-full \| 전체 \| 정확 \| 예약 \|/);
    const csv = (await cli(["prices", "H100", "--lang", "ko", "--format", "csv"])).stdout;
    expect(csv.split("\r\n")[0]).toMatch(/^provider,providerName,gpu,region,usdPerGpuHour,kind,date,current,source/);
    expect(csv).toContain(",on-demand,");
  });
});

describe("clouds without public prices under the price list", () => {
  it("prices --lang ko: 가격 비공개 (문의), the programmes in Korean, and the config-file price as the way in", async () => {
    for (const format of ["table", "markdown"]) {
      const { stdout } = await cli(["prices", "--lang", "ko", "--format", format]);
      expect(stdout).toContain("가격 비공개 (문의)");
      expect(stdout).toContain("KT Cloud (KT클라우드)");
      expect(stdout).toContain("정부 GPU 지원사업");
      expect(stdout).toContain("국가AI컴퓨팅센터");
      expect(stdout).toMatch(/협상한 가격이나 지원사업 단가는 설정 파일에/);
    }
  });
  it("prices (English): Prices on request, the programmes by their English names", async () => {
    const { stdout } = await cli(["prices", "H100"]);
    expect(stdout).toContain("Prices on request");
    expect(stdout).toContain("Samsung SDS (삼성SDS)");
    expect(stdout).toContain("National AI Computing Center");
    expect(stdout).toMatch(/A negotiated or programme price goes in your config file/);
  });
  it("JSON and CSV stay the array of offers (the section is for people)", async () => {
    const offers = JSON.parse((await cli(["prices", "--format", "json"])).stdout) as unknown[];
    expect(Array.isArray(offers)).toBe(true);
    expect((await cli(["prices", "--format", "csv"])).stdout).not.toContain("KT Cloud");
  });
});

describe("scenarios in Korean", () => {
  it("the Korean title under --lang ko, the English one without", async () => {
    expect((await cli(["scenarios", "--lang", "ko"])).stdout).toContain("Llama-2-7B 구조의 모델을 Chinchilla");
    expect((await cli(["scenarios"])).stdout).toContain("Pretrain a Llama-2-7B-shaped model from scratch");
    // English Markdown leaves the Korean twins out; CSV and JSON keep every field.
    expect((await cli(["scenarios", "--format", "markdown"])).stdout).not.toContain("titleKo");
    expect((await cli(["scenarios", "--format", "csv"])).stdout.split("\r\n")[0]).toContain("titleKo");
  });
  it("a user's scenario without Korean texts shows its own title under --lang ko", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-ko-"));
    const file = join(dir, "mine.json");
    writeFileSync(
      file,
      JSON.stringify({ id: "my-sft", title: "Our SFT run", model: "llama-2-7b", strategy: "sft", tokens: "1B" }),
    );
    const { status, stdout, stderr } = await cli(["scenarios", file, "--lang", "ko"]);
    expect(status, stderr).toBe(0);
    expect(stdout).toContain("Our SFT run");
    expect(stdout).toContain("시나리오");
  });
});

describe("validate's exclusion reasons", () => {
  it("every bundled reason has a Korean translation", () => {
    const runs = PublishedRunsFile.parse(readPreset("published-runs.json")).runs;
    const rows = ThroughputMeasurementsFile.parse(readPreset("throughput-measurements.json")).rows;
    const measured = (readPreset("finetune-measured.json") as { rows: Array<Record<string, string | undefined>> }).rows;
    const reasons = [
      ...runs.map((r) => r.excludedReason),
      ...rows.map((r) => r.excludedReason),
      ...measured.flatMap((r) => [r["excludedReason"], r["memoryExcludedReason"]]),
    ].filter((r): r is string => typeof r === "string");
    expect(reasons.length).toBeGreaterThan(30);
    expect(reasons.filter((r) => excludedReasonKo(r) === undefined)).toEqual([]);
  });
});
