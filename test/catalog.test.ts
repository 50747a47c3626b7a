import { describe, expect, it } from "vitest";
import { loadCatalog, useCatalogOverlay } from "../src/catalog/load.js";
import { findGpu, parseGpuSelection } from "../src/catalog/gpus.js";
import { cheapestPerProvider, resolvePrice } from "../src/catalog/price-lookup.js";
import { FIXTURE_CATALOG } from "./helpers/cli.js";

// GPU names and peaks come from presets/; the pricing rule is tested on the fixture catalog's frozen
// prices (test/fixtures/catalog/), so that a new quote in presets/prices.json moves none of these
// figures. What every real price must carry (a date, a source) is in presets-invariants.test.ts.
const catalog = loadCatalog();
useCatalogOverlay(FIXTURE_CATALOG);
const fixture = loadCatalog();
useCatalogOverlay(undefined);

describe("GPU catalog", () => {
  it("every GPU has a dense peak, memory, TDP, a source and a date", () => {
    for (const gpu of catalog.gpus) {
      expect(gpu.denseTflops16, gpu.id).toBeGreaterThan(0);
      expect(gpu.memoryGB, gpu.id).toBeGreaterThan(0);
      expect(gpu.tdpW, gpu.id).toBeGreaterThan(0);
      expect(gpu.sources.length, gpu.id).toBeGreaterThan(0);
      expect(gpu.date, gpu.id).toMatch(/^\d{4}/);
    }
  });

  it("uses dense, not 2:4-sparse, peaks (H100 SXM 989.4, A100 312, B200 2250: NVIDIA datasheets halved; docs/formulas.md)", () => {
    expect(findGpu(catalog.gpus, "H100")!.denseTflops16).toBe(989.4);
    expect(findGpu(catalog.gpus, "A100")!.denseTflops16).toBe(312);
    expect(findGpu(catalog.gpus, "B200")!.denseTflops16).toBe(2250);
    expect(findGpu(catalog.gpus, "H100-PCIE")!.denseTflops16).toBe(756.5);
  });

  const aliases: Array<[string, string]> = [
    ["H100", "h100-sxm"],
    ["H100-PCIE", "h100-pcie"],
    ["H200", "h200-sxm"],
    ["H800", "h800-sxm"],
    ["B200", "b200"],
    ["A100", "a100-sxm-80gb"],
    ["A100-80GB", "a100-sxm-80gb"],
    ["A100-40GB", "a100-sxm-40gb"],
    ["L40S", "l40s"],
    ["L4", "l4"],
    ["A10G", "a10g"],
    ["V100", "v100-sxm2-32gb"],
    ["RTX4090", "rtx-4090"],
    ["MI300X", "mi300x"],
    ["h100", "h100-sxm"],
    ["a100 40gb", "a100-sxm-40gb"],
  ];
  it.each(aliases)("%s resolves to %s", (name, id) => expect(findGpu(catalog.gpus, name)?.id).toBe(id));

  const selections: Array<[string, string, number]> = [
    ["2xH100", "h100-sxm", 2],
    ["2×H100", "h100-sxm", 2],
    ["2 x h100", "h100-sxm", 2],
    ["8xA100-40GB", "a100-sxm-40gb", 8],
    ["H100", "h100-sxm", 1],
    ["4096*H200", "h200-sxm", 4096],
  ];
  it.each(selections)("--gpus %s = %s × %d", (text, id, count) => {
    const selection = parseGpuSelection(text, catalog.gpus);
    expect(selection.gpu.id).toBe(id);
    expect(selection.count).toBe(count);
  });
  it.each(["0xH100", "2xH900", "", "x", "2x", "-1xH100", "1.5xH100", "2000000xH100"])(
    "--gpus %j is rejected",
    (text) => {
      expect(() => parseGpuSelection(text, catalog.gpus)).toThrow(/invalid --gpus/);
    },
  );
  it("suggests the nearest GPU name", () => {
    expect(() => parseGpuSelection("2xH1000", catalog.gpus)).toThrow(/did you mean H100\?/);
  });
});

describe("the price rule, on the fixture catalog's frozen prices", () => {
  it("the default price is the median of each provider's cheapest current on-demand H100 offer", () => {
    const offers = cheapestPerProvider(fixture.prices, "h100-sxm", "on-demand");
    // One offer per provider, none of them historical.
    expect(new Set(offers.map((o) => o.provider)).size).toBe(offers.length);
    const values = offers.map((o) => o.usdPerGpuHour).sort((a, b) => a - b);
    const mid = values.length / 2;
    const expected = values.length % 2 ? values[Math.floor(mid)]! : (values[mid - 1]! + values[mid]!) / 2;
    expect(resolvePrice(fixture.prices, "H100", { gpuId: "h100-sxm", kind: "on-demand" })!.usdPerGpuHour).toBe(
      expected,
    );
    // Ten providers: $2.40 … $3.85, $3.99 … $12.29; the median is ($3.85 + $3.99) / 2 = $3.92.
    expect(values).toHaveLength(10);
    expect(expected).toBeCloseTo(3.92, 10);
    // AWS's cheapest current on-demand H100 is $6.88 in us-east-1 (p5, after the June 2025 cut), not Seoul's $9.49.
    expect(offers.find((o) => o.provider === "aws")!.usdPerGpuHour).toBe(6.88);
  });
  it("--provider picks that provider and refuses one without the GPU, naming who has it", () => {
    expect(
      resolvePrice(fixture.prices, "H100", { gpuId: "h100-sxm", kind: "on-demand", provider: "Lambda" })!.usdPerGpuHour,
    ).toBe(3.99);
    expect(
      resolvePrice(fixture.prices, "H100", { gpuId: "h100-sxm", kind: "on-demand", provider: "google" })!.provider,
    ).toBe("gcp");
    expect(() =>
      resolvePrice(fixture.prices, "MI300X", { gpuId: "mi300x", kind: "on-demand", provider: "lambda" }),
    ).toThrow(/lambda has no current on-demand price for MI300X/);
    expect(() =>
      resolvePrice(fixture.prices, "H100", { gpuId: "h100-sxm", kind: "on-demand", provider: "lamda" }),
    ).toThrow(/did you mean lambda\?/);
  });
  it("a provider's superseded quote is not used: DigitalOcean MI300X is $2.59 (2026-10-07), not its 2025 $1.99", () => {
    const offers = cheapestPerProvider(fixture.prices, "mi300x", "on-demand");
    expect(offers.find((o) => o.provider === "digitalocean")!.usdPerGpuHour).toBe(2.59);
    // Lambda's 8x ($3.99, 2026-09-20) and 1x ($4.29, 2026-09-25) H100 quotes are one price list: the lower wins.
    expect(
      cheapestPerProvider(fixture.prices, "h100-sxm", "on-demand").find((o) => o.provider === "lambda")!.usdPerGpuHour,
    ).toBe(3.99);
  });
});
