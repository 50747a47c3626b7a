import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCatalog, loadCatalog } from "../src/catalog/load.js";
import { validatePreset } from "../src/catalog/validate-presets.js";
import { FIXTURE_CATALOG } from "./helpers/cli.js";

// What the real presets/ must keep true whatever its figures are: these tests state no price or
// rate, so updating presets/ with new quotes breaks none of them (the arithmetic tests run on the
// frozen fixture catalog instead). Schema-level checks (types, date formats) are in presets.test.ts.
const catalog = loadCatalog();
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

describe("presets/: every figure is dated and sourced", () => {
  it("every price is positive, below $100 per GPU-hour, dated and sourced", () => {
    for (const [i, offer] of catalog.prices.entries()) {
      expect(offer.date, `prices[${i}]`).toMatch(/^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$/);
      expect(offer.source.trim().length, `prices[${i}]`).toBeGreaterThan(5);
      expect(offer.usdPerGpuHour, `prices[${i}]`).toBeGreaterThan(0);
      expect(offer.usdPerGpuHour, `prices[${i}]`).toBeLessThan(100);
    }
  });

  it("prices cover AWS, Google Cloud, Azure, Lambda, RunPod, CoreWeave and a Korean (Seoul) offer", () => {
    const providers = new Set(catalog.prices.map((p) => p.provider));
    for (const p of ["aws", "gcp", "azure", "lambda", "runpod", "coreweave", "elice"])
      expect(providers, p).toContain(p);
    expect(catalog.prices.some((p) => p.region.includes("Seoul"))).toBe(true);
  });

  it("every GPU the price list names has a current on-demand offer, so the default price rule has one", () => {
    const priced = new Set(catalog.prices.filter((p) => p.current && p.kind === "on-demand").map((p) => p.gpu));
    for (const gpu of new Set(catalog.prices.map((p) => p.gpu))) expect(priced, gpu).toContain(gpu);
  });

  it("the default exchange rate is dated to the day, sourced, plausible, and the newest point", () => {
    const { default: fx, history } = catalog.fx;
    expect(fx.date).toMatch(ISO_DAY);
    expect(fx.source.trim().length).toBeGreaterThan(5);
    // The won has traded between 900 and 2,000 per dollar since 1998: outside that is a typo.
    expect(fx.krwPerUsd).toBeGreaterThan(900);
    expect(fx.krwPerUsd).toBeLessThan(2000);
    for (const point of history) {
      expect(point.source.length, point.date).toBeGreaterThan(5);
      expect(point.date <= fx.date, `${point.date} is newer than the default ${fx.date}`).toBe(true);
    }
  });

  it("every grid intensity and the PUE are dated and sourced", () => {
    expect(catalog.energy.pue.source.length).toBeGreaterThan(5);
    for (const grid of catalog.energy.grids) {
      expect(grid.source.length, grid.id).toBeGreaterThan(5);
      expect(grid.date, grid.id).toMatch(/^\d{4}/);
    }
    expect(catalog.energy.grids.map((g) => g.id)).toContain(catalog.energy.defaultGrid);
  });

  it("every GPU and every model preset names its sources", () => {
    for (const gpu of catalog.gpus) expect(gpu.sources.join("").length, gpu.id).toBeGreaterThan(10);
    for (const model of catalog.models) expect(model.source.length, model.id).toBeGreaterThan(10);
  });
});

describe("the fixture catalog the arithmetic tests use (test/fixtures/catalog/)", () => {
  const files = readdirSync(FIXTURE_CATALOG).filter((f) => f.endsWith(".json"));

  it("holds GPUs, prices, the exchange rate, energy and a round throughput model, each passing presets/'s own schema", () => {
    expect(files.sort()).toEqual(["energy.json", "fx.json", "gpus.json", "prices.json", "throughput.json"]);
    for (const name of files)
      expect(() => validatePreset(name, JSON.parse(readFileSync(join(FIXTURE_CATALOG, name), "utf8")))).not.toThrow();
  });

  it("prices only GPUs it defines", () => {
    const read = (name: string) => JSON.parse(readFileSync(join(FIXTURE_CATALOG, name), "utf8"));
    expect(() =>
      checkCatalog({ ...catalog, gpus: read("gpus.json").gpus, prices: read("prices.json").prices }),
    ).not.toThrow();
  });
});
