import { describe, expect, it } from "vitest";
import { loadCatalog, loadProvidersWithoutPrices, readPreset } from "../src/catalog/load.js";
import { validatePreset } from "../src/catalog/validate-presets.js";

// The Korean part of presets/: domestic clouds' prices and the providers and programmes that
// publish none. Like presets-invariants.test.ts these tests hold whatever the quotes are, except
// the conversions, which are checked against the won figure each offer keeps in its notes.
const catalog = loadCatalog();

/** Providers based in Korea (their prices are in won, or in dollars from a Korean company). */
const KOREAN = new Set(["elice", "ncloud", "kakaocloud", "vessl", "gpuaas"]);
const korean = catalog.prices.filter((p) => KOREAN.has(p.provider));

describe("presets/prices.json: Korean clouds", () => {
  it("names NAVER Cloud, kakao cloud, VESSL AI, GPUaaS and Elice, each with its Korean name", () => {
    expect(new Set(korean.map((p) => p.provider))).toEqual(KOREAN);
    for (const p of korean.filter((o) => o.provider !== "gpuaas"))
      expect(p.providerName, p.provider).toMatch(/\([\p{Script=Hangul} ]+\)$/u);
  });

  it("every Korean price has a date, a region, a source and the GPUs its instance holds", () => {
    for (const p of korean) {
      const what = `${p.provider} ${p.gpu} ${p.instance ?? ""}`;
      expect(p.date, what).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(p.region.trim().length, what).toBeGreaterThan(1);
      expect(p.source.trim().length, what).toBeGreaterThan(10);
      expect(p.notes ?? "", what).not.toBe("");
    }
    for (const p of korean.filter((o) => o.provider !== "elice")) expect(p.gpusPerInstance, p.provider).toBe(1);
  });

  it("a won list price keeps its won figure, the dated rate and the VAT treatment in its notes", () => {
    const inWon = korean.filter((p) => p.provider === "ncloud" || p.provider === "kakaocloud");
    expect(inWon.length).toBe(3);
    for (const p of inWon) {
      expect(p.notes, p.gpu).toMatch(/KRW list ₩[\d,]+ per hour/);
      expect(p.notes, p.gpu).toMatch(/converted at 1,473\.6 KRW\/USD \(Seoul close 2026-01-16/);
      expect(p.notes, p.gpu).toMatch(/VAT excluded/);
    }
  });

  it("the dollar figures are the won list prices at 1,473.6 won per dollar", () => {
    const usd = (provider: string, instance: string) =>
      catalog.prices.find((p) => p.provider === provider && p.instance === instance)?.usdPerGpuHour;
    // ₩1,447 / 1,473.6 = $0.98195 → 0.9819 (NAVER Cloud gp1l4-g3, one L4)
    expect(usd("ncloud", "gp1l4-g3")).toBe(0.9819);
    // ₩4,309 / 1,473.6 = $2.92413 → 2.9241 (NAVER Cloud gp1ls16-g3, one L40S)
    expect(usd("ncloud", "gp1ls16-g3")).toBe(2.9241);
    // ₩5,334 / 1,473.6 = $3.61971 → 3.6197 (kakao cloud p2i.6xlarge, one A100 80GB)
    expect(usd("kakaocloud", "p2i.6xlarge")).toBe(3.6197);
    // and each is the won figure in its own notes over the rate they name, to four places
    for (const p of korean.filter((o) => o.notes?.includes("KRW list ₩"))) {
      const won = Number(/KRW list ₩([\d,]+)/.exec(p.notes!)![1]!.replaceAll(",", ""));
      expect(p.usdPerGpuHour, p.instance).toBeCloseTo(won / 1473.6 / p.gpusPerInstance!, 4);
    }
  });

  it("the default rate the conversions name is the one presets/fx.json uses", () => {
    expect(catalog.fx.default).toMatchObject({ krwPerUsd: 1473.6, date: "2026-01-16" });
    expect(catalog.fx.history.map((p) => p.date)).toContain("2026-01-16");
  });
});

describe("presets/providers-without-prices.json", () => {
  const file = loadProvidersWithoutPrices();

  it("loads, passes its schema, and is what zod parses", () => {
    const name = "providers-without-prices.json";
    expect(validatePreset(name, readPreset(name))).toEqual(file);
  });

  it("names KT Cloud and NHN Cloud, with what they offer, when they were checked and a source", () => {
    const ids = file.providers.map((p) => p.provider);
    expect(ids).toEqual(expect.arrayContaining(["ktcloud", "nhncloud", "gabia", "samsungsds"]));
    for (const p of file.providers) {
      expect(p.name, p.provider).toMatch(/\([\p{Script=Hangul}A-Z ]+\)$/u);
      expect(p.offers.length, p.provider).toBeGreaterThan(10);
      expect(p.checked, p.provider).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.sources.length, p.provider).toBeGreaterThan(0);
    }
  });

  it("no provider listed as without prices has a price in presets/prices.json", () => {
    const priced = new Set(catalog.prices.map((p) => p.provider));
    for (const p of file.providers) expect(priced.has(p.provider), p.provider).toBe(false);
  });

  it("lists the government programmes (NIPA among them), each pointing at a config-file price", () => {
    const ids = file.programmes.map((p) => p.id);
    expect(ids).toEqual(["msit-gpu-lease-2025", "nipa-hpc-support", "national-ai-computing-center"]);
    expect(file.programmes.find((p) => p.id === "nipa-hpc-support")?.nameKo).toMatch(/정보통신산업진흥원/);
    for (const p of file.programmes) {
      expect(p.howToUse, p.id).toMatch(/config file/);
      expect(
        p.sources.every((s) => s.startsWith("https://")),
        p.id,
      ).toBe(true);
    }
  });

  it("a broken entry is refused, naming the file and the JSON path", () => {
    const name = "providers-without-prices.json";
    const good = readPreset(name) as { providers: Array<Record<string, unknown>> };
    const broken = { ...good, providers: [{ ...good.providers[0], prices: "$3" }, ...good.providers.slice(1)] };
    expect(() => validatePreset(name, broken)).toThrow(
      /^presets\/providers-without-prices\.json: providers\[0\]\.prices: /,
    );
    const twice = { ...good, providers: [good.providers[0], ...good.providers] };
    expect(() => validatePreset(name, twice)).toThrow(/provider ids must be unique/);
  });
});
