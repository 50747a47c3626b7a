import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

describe("listings", () => {
  it("gpus: every GPU with its dense peak and price range; json carries sources", async () => {
    const table = await cli(["gpus"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(
      /│ H100\s+│\s+80 GB │\s+989\.4 bf16 │\s+700 W │ \$2\.40–\$12\.29 \(10\) │\s+\$3\.92 │/,
    );
    expect(table.stdout).toMatch(/│ V100\s+│\s+32 GB │\s+125 fp16 │/);
    const json = JSON.parse((await cli(["gpus", "--format", "json"])).stdout) as Array<{ id: string; source: string }>;
    expect(json).toHaveLength(11); // the fixture catalog's GPUs (test/fixtures/catalog/gpus.json)
    for (const gpu of json) expect(gpu.source.length, gpu.id).toBeGreaterThan(10);
  });
  it("prices [GPU]: every offer with provider, region, kind and date; one GPU filters", async () => {
    const all = JSON.parse((await cli(["prices", "--format", "json"])).stdout) as unknown[];
    expect(all).toHaveLength(72); // every offer in test/fixtures/catalog/prices.json
    const h100 = JSON.parse((await cli(["prices", "H100", "--format", "json"])).stdout) as Array<{
      gpu: string;
      date: string;
      source: string;
    }>;
    expect(h100.length).toBeGreaterThan(10);
    for (const offer of h100) {
      expect(offer.gpu).toBe("h100-sxm");
      expect(offer.date).toMatch(/^\d{4}/);
      expect(offer.source.length).toBeGreaterThan(5);
    }
    expect((await cli(["prices", "H100"])).stdout).toMatch(/Elice Cloud/);
    const bad = await cli(["prices", "H1000"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown GPU "H1000".*did you mean H100\?/);
  });
  it("models: presets with counts from the architecture", async () => {
    const table = await cli(["models"]);
    expect(table.stdout).toMatch(
      /│ llama-2-7b\s+│\s+6,738,415,616 \(6\.74B\) │\s+32 │\s+4096 │\s+32 \(32\) │ 11008 │\s+32000 │/,
    );
    const csv = (await cli(["models", "--format", "csv"])).stdout.split("\r\n").filter(Boolean);
    expect(csv[0]).toMatch(/^id,name,params,publishedParams/);
    expect(csv.length).toBeGreaterThan(30);
  });
});
