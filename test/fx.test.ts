import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FX_STALE_DAYS, fxAgeDays } from "../src/model/fx-age.js";
import { cli } from "./helpers/cli.js";

// The exchange rate's age against the day the Io gives (src/cli.ts: the process's date; here set by
// hand). The fixture catalog's rate is 1,439 KRW/USD dated 2025-12-30 (test/fixtures/catalog/fx.json).

const JOB = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100", "--strategy", "dapt"];

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-fx-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const configFx = (date: string) =>
  dirWith({
    "llm-cost.config.json": JSON.stringify({ fx: { krwPerUsd: 1380, date, source: "our treasury's rate" } }),
  });

describe("fxAgeDays", () => {
  it("counts whole days to today, a month or year or quarter from its last day", () => {
    // 2025-12-30 → 2026-03-30: 1 + 31 + 28 + 30 = 90 days.
    expect(fxAgeDays("2025-12-30", "2026-03-30")).toBe(90);
    expect(fxAgeDays("2025-12-30", "2026-03-31")).toBe(91);
    expect(fxAgeDays("2025-12", "2026-01-31")).toBe(31); // from 2025-12-31
    expect(fxAgeDays("2025", "2026-01-01")).toBe(1); // from 2025-12-31
    expect(fxAgeDays("2024-Q4", "2025-01-31")).toBe(31); // from 2024-12-31
    expect(fxAgeDays("2024-02", "2024-03-01")).toBe(1); // leap year: from 2024-02-29
  });

  it("has no age for a rate without a date (--fx) or a today that is not a date", () => {
    expect(fxAgeDays("given", "2026-12-02")).toBeUndefined();
    expect(fxAgeDays("2025-12-30", "soon")).toBeUndefined();
    expect(FX_STALE_DAYS).toBe(90);
  });
});

describe("a stale exchange rate warns", () => {
  const warning =
    "llm-cost: warning: the exchange rate 1,439 KRW/USD is dated 2025-12-30, 91 days ago (more than 90): won figures may be off; give a current rate with --fx, or set fx (krwPerUsd, date, source) in the config file\n";

  it("the catalog's rate 91 days old warns; 90 days old does not", async () => {
    expect((await cli(JOB, {}, undefined, "2026-03-31")).stderr).toBe(warning);
    expect((await cli(JOB, {}, undefined, "2026-03-30")).stderr).toBe("");
  });

  it("in Korean too, and once however many rows share the rate (compare, plan, check)", async () => {
    expect((await cli([...JOB, "--lang", "ko"], {}, undefined, "2026-03-31")).stderr).toBe(
      "llm-cost: 경고: 환율(1,439원/달러, 2025-12-30 기준)이 91일 지난 값입니다(허용 90일). 원화 금액이 실제와 다를 수 있으니 --fx 옵션이나 설정 파일의 fx 항목(krwPerUsd, date, source)으로 최신 환율을 지정하세요\n",
    );
    const compare = ["compare", "scratch-7b", "llama-2-ko-dapt", "--gpus", "8xH100"];
    expect((await cli(compare, {}, undefined, "2026-03-31")).stderr).toBe(warning);
    const plan = ["plan", "--params", "7B", "--tokens", "15B", "--strategy", "dapt", "--gpus", "H100"];
    expect((await cli(plan, {}, undefined, "2026-03-31")).stderr).toContain(warning);
    const check = ["check", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100", "--claimed-days", "15"];
    expect((await cli(check, {}, undefined, "2026-03-31")).stderr).toBe(warning);
  });

  it("never for a --fx typed without a date, nor without a today (the core stays pure)", async () => {
    expect((await cli([...JOB, "--fx", "1500"], {}, undefined, "2030-01-01")).stderr).toBe("");
    expect((await cli(JOB)).stderr).toBe("");
  });

  it("the config file's dated fx is the documented way to set it: fresh is quiet, old warns with its date", async () => {
    expect((await cli(JOB, {}, configFx("2026-11-20"), "2026-12-02")).stderr).toBe("");
    expect((await cli(JOB, {}, configFx("2026-08-01"), "2026-12-02")).stderr).toMatch(
      /^llm-cost: warning: the exchange rate 1,380 KRW\/USD is dated 2026-08-01, 123 days ago \(more than 90\)/,
    );
  });
});

describe("llm-cost fx", () => {
  it("lists the catalog's dated points with sources, the default marked as the one in use", async () => {
    const { stdout, stderr } = await cli(["fx"]);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/│ {3}2024-12-30 │ +1,472\.5 │ close \(last trading day/);
    expect(stdout).toMatch(/│ {3}2025-01 {4}│ +1,455\.5 │ monthly average/);
    // The fixture's default is not in its history: it is listed after it, marked.
    expect(stdout).toMatch(/│ → 2025-12-30 │ +1,439 │ Seoul close \(last trading/);
    expect(stdout).toMatch(/day 2025\) \(default\)/);
    expect(stdout).toMatch(/KBS World; Yonhap via nationpress\.com/);
  });

  it("JSON and CSV rows: date, rate, kind, default, in use, origin, source", async () => {
    const rows = JSON.parse((await cli(["fx", "--format", "json"])).stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r["date"], r["krwPerUsd"], r["default"], r["inUse"]])).toEqual([
      ["2024-12-30", 1472.5, false, false],
      ["2025-01", 1455.5, false, false],
      ["2025-12-30", 1439, true, true],
    ]);
    expect(rows[2]).toMatchObject({ origin: "presets/fx.json", kind: "Seoul close (last trading day 2025)" });
    const csv = (await cli(["fx", "--format", "csv"])).stdout.split("\r\n");
    expect(csv[0]).toBe("date,krwPerUsd,kind,default,inUse,origin,source");
    expect(csv[3]).toMatch(/^2025-12-30,1439,Seoul close \(last trading day 2025\),true,true,presets\/fx\.json,/);
    expect((await cli(["fx", "--format", "markdown"])).stdout).toMatch(/^\| date \| krwPerUsd \| kind \|/);
    expect((await cli(["fx", "--format", "tsv"])).stdout.split("\n")[0]).toBe(
      "date\tkrwPerUsd\tkind\tdefault\tinUse\torigin\tsource",
    );
  });

  it("the config file's rate is listed last and in use instead of the default", async () => {
    const rows = JSON.parse((await cli(["fx", "--format", "json"], {}, configFx("2026-11-20"))).stdout) as Array<
      Record<string, unknown>
    >;
    expect(rows.at(-1)).toEqual({
      date: "2026-11-20",
      krwPerUsd: 1380,
      kind: "config file llm-cost.config.json",
      default: false,
      inUse: true,
      origin: "llm-cost.config.json",
      source: "our treasury's rate",
    });
    expect(rows.find((r) => r["default"] === true)!["inUse"]).toBe(false);
    const table = (await cli(["fx", "--lang", "ko"], {}, configFx("2026-11-20"))).stdout;
    expect(table).toMatch(/│ 기준일 +│ +원\/달러 │ 종류 +│ 출처 +│/);
    expect(table).toMatch(
      /│ → 2026-11-20 │ +1,380 │ config file +│ our treasury's rate +│\n│ +│ +│ llm-cost\.config\.json \(기본값 +│/,
    );
    expect(table).toMatch(/│ 대신 사용\) +│/);
  });

  it("takes the listing commands' options from the option table, and no job flags", async () => {
    expect((await cli(["fx", "--help"])).stdout).toMatch(/--config <path>[\s\S]*--format <format>[\s\S]*--lang <lang>/);
    expect((await cli(["fx", "--vat"])).stderr).toMatch(/unknown option '--vat'/);
    expect((await cli(["fx", "--format", "html"])).status).toBe(2);
  });
});
