import { describe, expect, it } from "vitest";
import { buildPlan } from "../src/job/plan-job.js";
import { given } from "../src/job/spec.js";
import { loadCatalog } from "../src/catalog/load.js";
import { reportFromPlan } from "../src/output/plan-html.js";
import { cli } from "./helpers/cli.js";
import { englishWords } from "./helpers/english-words.js";

// Issue #14: with --lang ko, plan, check and estimate's --budget/--deadline lines read as Korean,
// with only names, units, ids, flags and quoted sources left in Latin letters. The exact lines
// below were checked by hand against the fixture catalog's numbers.

const PLAN = ["plan", "--model", "llama-2-7b", "--tokens", "15B", "--strategy", "dapt", "--deadline", "7d"];
const CHECK = ["check", "--model", "llama-2-7b", "--tokens", "15B", "--gpus", "8xH100"];
const CLAIMS = ["--claimed-days", "3mo", "--claimed-cost", "3억"];
const ESTIMATE = ["estimate", "--model", "llama-2-7b", "--tokens", "15B", "--gpus", "8xH100"];

const ko = async (args: string[]) => {
  const r = await cli([...args, "--lang", "ko"]);
  expect(r.status, r.stderr).toBe(0);
  return r;
};
const json = async (args: string[]) => JSON.parse((await ko([...args, "--format", "json"])).stdout);

/** The sentences of a JSON document: the values of the given keys, anywhere in it. */
function fields(value: unknown, keys: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => fields(v, keys));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (keys.includes(k) && typeof v === "string" ? [v] : fields(v, keys)));
}

describe("plan --lang ko", () => {
  it.each(["table", "markdown"])("%s: no English left", async (format) => {
    for (const budget of ["3억", "10만"]) {
      const r = await ko([...PLAN, "--budget", budget, "--format", format]);
      expect(englishWords(r.stdout + r.stderr)).toEqual([]);
    }
  });

  it("table: the title, the rankings and the footer in Korean", async () => {
    const { stdout } = await ko([...PLAN, "--budget", "3억", "--top", "2"]);
    expect(stdout).toContain(
      "계획: 추가 사전학습(DAPT), 6.74B 파라미터 (llama-2-7b) × 15B 토큰; 마감 7일; 예산 3억 원",
    );
    expect(stdout).toContain("최저 비용 계획 (메모리에 들어가고 마감을 지키는 최소 GPU 수)");
    expect(stdout).toContain("│ MI300X 3장             │ DigitalOcean           │         455 │  약 6.3일 │");
    // A range says its unit once, with a tilde.
    expect(stdout).toContain(
      "│ 61.9 GB/GPU, 적재 가능 │ $2.59 · 2026-10-07     │     276~751 │  3.8~10일 │ 103~280만 │",
    );
    expect(stdout).toContain(
      "  탐색 범위    현재 온디맨드 가격이 있는 GPU 9종; 현재 온디맨드 가격 없음: V100, RTX6000-ADA",
    );
    expect(stdout).toContain("  환율         1,439원/달러 (2025-12-30 기준); 비용은 부가세 별도");
  });

  it("no plan: why, in Korean", async () => {
    const { stdout } = await ko([...PLAN, "--budget", "10만"]);
    expect(stdout.replace(/\n {2}/g, " ")).toContain(
      "조건을 만족하는 계획이 없습니다. 예산이 걸림돌입니다: GPU를 몇 장 쓰든 10만 원 이하로 되는 계획이 없습니다. " +
        "메모리에 들어가고 7일 안에 끝나는 최저 비용 계획은 170만 원 ($1,179; DigitalOcean의 MI300X 3장, GPU 시간당 $2.59)입니다. " +
        "--budget을 170만 원 이상으로 올리세요.",
    );
  });

  it("json: its sentences in Korean", async () => {
    for (const budget of ["3억", "10만"]) {
      const doc = await json([...PLAN, "--budget", budget]);
      const texts = fields(doc, ["explanation", "candidates", "reason", "constraints", "taxes", "message"]);
      expect(texts.length).toBeGreaterThan(3);
      expect(englishWords(texts.join("\n"))).toEqual([]);
    }
  });

  it("html: the report's title, rows, notes and assumptions in Korean", () => {
    const result = buildPlan(
      {
        model: given("llama-2-7b", { kind: "flag" }),
        tokens: given(15e9, { kind: "flag" }),
        strategy: given(["dapt"], { kind: "flag" }),
      },
      { deadline: "7d", budget: "3억" },
      loadCatalog(),
    );
    const doc = reportFromPlan(result, "ko");
    const texts = [
      doc.title,
      doc.subtitle,
      doc.labelHeading ?? "",
      ...doc.rows.flatMap((r) => [r.label, r.description]),
    ];
    texts.push(...doc.assumptions.flatMap((a) => [a.label, a.text]), ...(doc.notes ?? []));
    expect(englishWords(texts.join("\n"))).toEqual([]);
    expect(doc.title).toBe("계획: 추가 사전학습(DAPT), 6.74B 파라미터 × 15B 토큰");
    expect(doc.rows[0]!.label).toMatch(/^최저가 1: \S+ \d+장$/);
  });

  it("--lang en is unchanged", async () => {
    const r = await cli([...PLAN, "--budget", "10만"]);
    expect(r.stdout.replace(/\n {2}/g, " ")).toContain(
      "Plan: dapt of 6.74B parameters (llama-2-7b) × 15B tokens; deadline 7 days; budget ₩100,000 (= $69.49 at 1,439 KRW/USD)",
    );
    expect(r.stdout.replace(/\n {2}/g, " ")).toContain(
      "No plan qualifies. The budget binds: nothing costs 10만 원 or less",
    );
    expect(r.stdout).toContain("  Exchange     1,439 KRW per USD (2025-12-30); costs exclude VAT");
  });
});

describe("check --lang ko", () => {
  it.each(["table", "markdown"])("%s: no English left", async (format) => {
    const r = await ko([...CHECK, ...CLAIMS, "--format", format]);
    expect(englishWords(r.stdout + r.stderr)).toEqual([]);
  });

  it("table: the claims and the verdict in Korean", async () => {
    const { stdout } = await ko([...CHECK, ...CLAIMS]);
    expect(stdout).toContain("주장 기간: 3개월(90일, 한 달은 30일로 계산)");
    expect(stdout).toContain("  환산         MFU 0.99% = 6.06e20 FLOPs / (989.4 TFLOPS × GPU 8장 × 90일 × 86,400초)");
    expect(stdout).toContain(
      "  판정         비관적 (×16): 이 작업의 기본 범위는 MFU 15.7~42.6%, 예상치 25.9%(약 3.4일)의 26배",
    );
    expect(stdout).toContain("주장 비용: 3억 원 (= $208,478, 1,439원/달러 기준)");
    expect(stdout).toContain("판정: 비관적 (×16) (범위에서 가장 먼 주장: 기간)");
  });

  it("json: its sentences in Korean, its figures as in English", async () => {
    const doc = await json([...CHECK, ...CLAIMS]);
    const texts = fields(doc, ["text", "summary", "rangeBasis", "usdPerGpuHourBasis", "tokensBasis", "note"]);
    // inputs.tokensBasis ("given") is the job's, shared with estimate: judged there, not here.
    expect(englishWords(texts.filter((t) => t !== "given").join("\n"))).toEqual([]);
    expect(doc.summary).toBe("비관적 (×16)");
    const en = JSON.parse((await cli([...CHECK, ...CLAIMS, "--format", "json"])).stdout);
    expect(en.summary).toBe("pessimistic by ×16");
    expect(en.claims[0].text).toBe("3 months = 90 days (a month counted as 30 days)");
    expect({ ...doc.implied, usdPerGpuHourBasis: 0, tokensBasis: 0 }).toEqual({
      ...en.implied,
      usdPerGpuHourBasis: 0,
      tokensBasis: 0,
    });
  });
});

describe("estimate --budget/--deadline --lang ko", () => {
  // The estimate table above the lines is another renderer's; these are the lines under it.
  const under = (stdout: string): string => stdout.slice(stdout.search(/^예산 /m));

  it.each(["table", "markdown"])("%s: the lines have no English left", async (format) => {
    const r = await ko([...ESTIMATE, "--budget", "3억", "--deadline", "30d", "--format", format]);
    expect(under(r.stdout).length).toBeGreaterThan(100);
    expect(englishWords(under(r.stdout))).toEqual([]);
  });

  it("the budget and the deadline lines, exactly", async () => {
    const { stdout } = await ko([...ESTIMATE, "--budget", "3억", "--deadline", "30d"]);
    expect(under(stdout)).toContain(
      // 53,183 GPU-hours / 8 GPUs / 24 = 277 days = 9.2 months of 30 days: the largest unit that reads naturally.
      "예산           3억 원 ($208,478) 기준 GPU 시간당 $3.92로 53,183 GPU 시간 사용 가능 (H100 8장으로 약\n               9.2개월)",
    );
    expect(stdout).toContain("  30일 안에    예산을 다 쓰려면 H100 74장 필요 (GPU 시간 / 24 / 일수)");
    expect(stdout).toContain("  LoRA         H100 1장 (1~2장) → 약 20일; 적재 가능 (GPU당 54.7 GB)");
  });
});
