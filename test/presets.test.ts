import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog, PRESETS_DIR, readPreset } from "../src/catalog/load.js";
import { VALIDATED_PRESETS, validatePreset, validatePresets } from "../src/catalog/validate-presets.js";

// loadCatalog() trusts presets/ at run time (no zod, for start-up speed); these tests are the
// gate that makes that safe, together with the same check in scripts/build.mjs.

describe("every preset file passes its full zod schema", () => {
  it("presets/ holds exactly the files with a schema", () => {
    const files = readdirSync(PRESETS_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort();
    expect(files).toEqual([...VALIDATED_PRESETS].sort());
  });

  it.each([...VALIDATED_PRESETS])("presets/%s", (name) => {
    expect(() => validatePreset(name, readPreset(name))).not.toThrow();
  });

  it("the trusted run-time catalog is exactly what zod parses (no defaults or transforms lost)", () => {
    expect(loadCatalog()).toEqual(validatePresets());
  });

  it("a broken preset is caught, naming the file and the JSON path", () => {
    const gpus = readPreset("gpus.json") as { gpus: Array<Record<string, unknown>> };
    const broken = { ...gpus, gpus: [{ ...gpus.gpus[0], memoryGB: -80 }, ...gpus.gpus.slice(1)] };
    expect(() => validatePreset("gpus.json", broken)).toThrow(/^presets\/gpus\.json: gpus\[0\]\.memoryGB: /);
    const prices = readPreset("prices.json") as { prices: Array<Record<string, unknown>> };
    expect(() =>
      validatePreset("prices.json", { ...prices, prices: [{ ...prices.prices[0], date: undefined }] }),
    ).toThrow(/^presets\/prices\.json: prices\[0\]\.date: /);
  });
});

describe("npm run build refuses a broken preset", () => {
  const root = fileURLToPath(new URL("../", import.meta.url));
  const copy = mkdtempSync(join(tmpdir(), "llm-cost-build-"));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("exits non-zero and names the file and path, leaving no dist/cli.js", () => {
    // A throw-away copy of the package (sources, scripts, presets; node_modules linked).
    for (const entry of ["package.json", "scripts", "src", "presets"])
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
    const file = join(copy, "presets", "fx.json");
    const fx = JSON.parse(readFileSync(file, "utf8")) as { default: Record<string, unknown> };
    fx.default.krwPerUsd = "1439";
    writeFileSync(file, JSON.stringify(fx));
    const result = spawnSync(process.execPath, [join(copy, "scripts", "build.mjs")], { encoding: "utf8" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/presets\/fx\.json: default\.krwPerUsd: /);
    expect(() => readFileSync(join(copy, "dist", "cli.js"))).toThrow();
  });
});
