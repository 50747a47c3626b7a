import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPreset } from "../src/catalog/load.js";
import { CheckJson } from "../src/output/check-json.js";
import { CompareJson } from "../src/output/compare-json.js";
import { EstimateJson } from "../src/output/estimate-json.js";
import { PlanJson } from "../src/output/plan-json.js";
import { cli } from "./helpers/cli.js";

// --vat on the fixture catalog (test/fixtures/catalog). The job of test/cli-binary.test.ts: 7B × 15B
// tokens of dapt on 2 × H100 takes 713.12 GPU-hours at the fixture median of $3.92 per GPU-hour:
// $2,795.43 × 1,439 KRW/USD = ₩4,022,624 without VAT; with Korean VAT 10 % (부가가치세법 제30조)
// $2,795.43 × 1.1 = $3,074.97 and ₩4,022,624 × 1.1 = ₩4,424,886.

const JOB = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];
const DAPT = [...JOB, "--strategy", "dapt"];

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-vat-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const json = async (args: string[], cwd?: string) =>
  EstimateJson.parse(JSON.parse((await cli([...args, "--format", "json"], {}, cwd)).stdout));

const COSTS = [
  "cost_usd_low",
  "cost_usd_expected",
  "cost_usd_high",
  "cost_krw_low",
  "cost_krw_expected",
  "cost_krw_high",
];

/** CSV rows as objects by header (the estimate's CSV quotes nothing these tests read). */
function csvRows(text: string): Array<Record<string, string>> {
  const [head, ...rows] = text
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
  return rows.map((cells) => Object.fromEntries(head!.map((name, i) => [name, cells[i]!])));
}

describe("--vat: Korean VAT 10 % on every cost", () => {
  it("presets/tax.json holds the rate with the article of the law that sets it", () => {
    const tax = readPreset("tax.json") as { vat: { rate: number; law: string; source: string; date: string } };
    expect(tax.vat.rate).toBe(0.1);
    expect(tax.vat.law).toBe("부가가치세법 제30조");
    expect(tax.vat.source).toMatch(/Article 30/);
  });

  it("the table: $2,795 and 402만 원 become $3,075 and 442만 원, and the footer says VAT is included", async () => {
    const without = (await cli(DAPT)).stdout;
    const withVat = (await cli([...DAPT, "--vat"])).stdout;
    expect(without).toMatch(/│ dapt +│ +6\.3e20 │ +713 │ +14\.9 d │ +69\.2 GB │ +402만 원 │ +\$2,795 │/);
    expect(withVat).toMatch(/│ dapt +│ +6\.3e20 │ +713 │ +14\.9 d │ +69\.2 GB │ +442만 원 │ +\$3,075 │/);
    expect(without).toMatch(/costs = total, excl\. VAT;/);
    expect(withVat).toMatch(/costs = total, incl\. VAT 10 %;/);
    expect(withVat).toMatch(/costs include VAT\s+10 % \(부가가치세법 제30조\)/);
    // The price stays the list price: only the costs carry the tax.
    expect(withVat).toMatch(/\$3\.92 per GPU-hour/);
    const ko = (await cli([...DAPT, "--vat", "--lang", "ko"])).stdout;
    expect(ko).toMatch(/비용 = 총액 \(부가세 10% 포함\)/);
    expect(ko).toMatch(/비용은 부가세 10% 포함 \(부가가치세법 제30조\)/);
    expect((await cli([...DAPT, "--lang", "ko"])).stdout).toMatch(/비용 = 총액 \(부가세 별도\)/);
  });

  it("the JSON: every cost of every strategy ×1.1 exactly, GPU-hours unchanged, vatIncluded and vatRate", async () => {
    const without = await json(JOB);
    const withVat = await json([...JOB, "--vat"]);
    expect(without.assumptions).toMatchObject({ vatIncluded: false, vatRate: 0.1 });
    expect(withVat.assumptions).toMatchObject({ vatIncluded: true, vatRate: 0.1, priceUsdPerGpuHour: 3.92 });
    expect(withVat.assumptions.taxes).toMatch(/^costs include Korean VAT 10% \(부가가치세법 제30조\)/);
    expect(withVat.assumptions.origins["vat"]).toEqual({ kind: "flag", flag: "--vat" });
    expect(withVat.estimates).toHaveLength(6);
    withVat.estimates.forEach((e, i) => {
      const base = without.estimates[i]!;
      expect(e.gpuHours).toEqual(base.gpuHours);
      for (const end of ["low", "expected", "high"] as const) {
        expect(e.costUsd![end]).toBeCloseTo(base.costUsd![end] * 1.1, 6);
        expect(e.costKrw![end]).toBeCloseTo(base.costKrw![end] * 1.1, 4);
      }
    });
    const dapt = withVat.estimates.find((e) => e.strategy === "dapt")!;
    expect(dapt.costUsd!.expected).toBeCloseTo(3074.97, 2); // 713.12 × 3.92 × 1.1
    expect(dapt.costKrw!.expected).toBeCloseTo(4_424_886, -1); // × 1,439
  });

  it("the CSV: each cost column ×1.1, the rest equal, and vat_included says which", async () => {
    const without = csvRows((await cli([...JOB, "--format", "csv"])).stdout);
    const withVat = csvRows((await cli([...JOB, "--vat", "--format", "csv"])).stdout);
    expect(withVat).toHaveLength(6);
    withVat.forEach((row, i) => {
      const base = without[i]!;
      expect(base["vat_included"]).toBe("false");
      expect(row["vat_included"]).toBe("true");
      for (const column of COSTS) expect(Number(row[column])).toBeCloseTo(Number(base[column]) * 1.1, 4);
      for (const column of Object.keys(row).filter((c) => !COSTS.includes(c) && c !== "vat_included"))
        expect(row[column], column).toBe(base[column]);
    });
    expect(Number(withVat.find((r) => r["strategy"] === "dapt")!["cost_usd_expected"])).toBeCloseTo(3074.97, 2);
  });

  it('"vat": true in the config file is --vat, with the file as its origin', async () => {
    const dir = dirWith({ "llm-cost.config.json": JSON.stringify({ vat: true }) });
    const fromFile = await json(DAPT, dir);
    expect(fromFile.assumptions.vatIncluded).toBe(true);
    expect(fromFile.assumptions.origins["vat"]).toEqual({ kind: "config", file: "llm-cost.config.json", key: "vat" });
    expect(fromFile.estimates[0]!.costUsd!.expected).toBeCloseTo(3074.97, 2);
  });

  it("markdown, HTML and --explain say the costs include VAT and show the ×1.1", async () => {
    expect((await cli([...DAPT, "--vat", "--format", "markdown"])).stdout).toMatch(
      /costs include VAT 10 % \(부가가치세법 제30조\)\./,
    );
    expect((await cli([...DAPT, "--format", "markdown"])).stdout).toMatch(/costs exclude VAT\./);
    expect((await cli([...DAPT, "--vat", "--format", "html"])).stdout).toMatch(/costs include VAT 10 %/);
    expect((await cli([...DAPT, "--vat", "--explain"])).stdout).toMatch(
      /7\. dollars: 713\.1 x \$3\.92 per GPU-hour x 1\.1 \(VAT\) = \$3,075/,
    );
  });

  it("compare carries VAT in every scenario's costs and assumptions", async () => {
    const args = ["compare", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100", "--strategy", "dapt"];
    const out = CompareJson.parse(JSON.parse((await cli([...args, "--vat", "--format", "json"])).stdout));
    expect(out.scenarios[0]!.assumptions.vatIncluded).toBe(true);
    expect(out.scenarios[0]!.estimate.costUsd!.expected).toBeCloseTo(3074.97, 2);
    expect((await cli([...args, "--vat"])).stdout).toMatch(/incl\. VAT 10 %/);
  });

  it("plan holds the budget against the cost with VAT: $3,000 buys the $2,795 plan, not the $3,075 one", async () => {
    const plan = [
      "plan",
      "--params",
      "7B",
      "--tokens",
      "15B",
      "--strategy",
      "dapt",
      "--gpus",
      "H100",
      "--price",
      "3.92",
    ];
    const run = async (...extra: string[]) =>
      PlanJson.parse(JSON.parse((await cli([...plan, ...extra, "--format", "json"])).stdout));
    const open = await run("--vat");
    expect(open.assumptions).toMatchObject({ vatIncluded: true, vatRate: 0.1 });
    expect(open.plans[0]!.gpus.count).toBe(2);
    expect(open.plans[0]!.priceUsdPerGpuHour).toBe(3.92);
    expect(open.plans[0]!.costUsd).toBeCloseTo(3074.97, 2);
    const within = await run("--budget", "$3000");
    expect(within.plans[0]!.costUsd).toBeCloseTo(2795.43, 2);
    const over = await run("--budget", "$3000", "--vat");
    expect(over.plans).toEqual([]);
    expect(over.binding).toEqual(["budget"]);
    expect((await cli([...plan, "--vat"])).stdout).toMatch(/costs include VAT 10 %/);
  });

  it("estimate --budget rents fewer GPU-hours with VAT: $3,000 / ($3.92 × 1.1) = 695.7", async () => {
    const rented = async (...extra: string[]) =>
      (
        EstimateJson.parse(JSON.parse((await cli([...DAPT, "--budget", "$3000", ...extra, "--format", "json"])).stdout))
          .inverse!.budget as { gpuHours: number }
      ).gpuHours;
    expect(await rented()).toBeCloseTo(765.31, 2); // 3000 / 3.92
    expect(await rented("--vat")).toBeCloseTo(695.73, 2); // 3000 / 4.312
  });
});

describe("check --claimed-cost reads the claim without VAT and with it", () => {
  const CHECK = ["check", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];
  const check = async (...extra: string[]) =>
    CheckJson.parse(JSON.parse((await cli([...CHECK, ...extra, "--format", "json"])).stdout));

  it("402만 원 matches the cost without VAT (₩4,022,624), 442만 원 the cost with it (₩4,424,886)", async () => {
    const plain = await check("--claimed-cost", "402만");
    const vat = plain.claims[0]!.vat!;
    expect(vat.excluded.expected).toBeCloseTo(2795.43, 2);
    expect(vat.included.expected).toBeCloseTo(3074.97, 2);
    expect(vat.included.range.low).toBeCloseTo(vat.excluded.range.low * 1.1, 6);
    expect(vat.closer).toBe("excluded");
    expect(plain.estimate).toMatchObject({ vatIncluded: false, vatRate: 0.1 });
    const withTax = await check("--claimed-cost", "442만");
    expect(withTax.claims[0]!.vat!.closer).toBe("included");
    // ₩4,420,000 / 1,439 = $3,071.58 against $3,074.97: 1.0011 apart.
    expect(withTax.claims[0]!.vat!.included.factorVsExpected).toBeCloseTo(1.0011, 4);
  });

  it("--vat judges the verdict on the cost with VAT; the table says which reading matches better", async () => {
    const withVat = await check("--claimed-cost", "442만", "--vat");
    expect(withVat.estimate.vatIncluded).toBe(true);
    expect(withVat.estimate.costUsd!.expected).toBeCloseTo(3074.97, 2);
    expect(withVat.claims[0]!.factorVsExpected).toBeCloseTo(1.0011, 4);
    expect(withVat.claims[0]!.rangeBasis).toMatch(/× 1\.1 VAT$/);
    const table = (await cli([...CHECK, "--claimed-cost", "442만"])).stdout;
    expect(table).toMatch(
      / {2}Tax {10}the claim matches the cost with VAT 10 % better \(without VAT: 402만 원 expected/,
    );
    expect(check("--claimed-days", "15")).resolves.toMatchObject({ claims: [{ vat: null }] });
  });
});
