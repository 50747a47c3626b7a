import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../src/catalog/load.js";
import { loadScenarioPresets, parseScenarioFile, resolveScenarios } from "../src/inputs/scenarios.js";
import { scenarioRow } from "../src/job/compare-rows.js";
import { scenarioLayer } from "../src/job/file-layers.js";
import type { LoadedScenario } from "../src/inputs/scenarios.js";
import { UsageError } from "../src/errors.js";

const presets = loadScenarioPresets();
const catalog = loadCatalog();
const byId = (id: string) => resolveScenarios([id], presets, ".")[0]!;
const estimateScenario = (loaded: LoadedScenario) => scenarioRow(loaded, {}, {}, catalog).report;

describe("bundled scenarios (presets/scenarios.json)", () => {
  it("hold the Korean blog post's cases, each documented", () => {
    expect(presets.map((s) => s.id)).toEqual([
      "scratch-7b",
      "scratch-7b-chinchilla",
      "llama-2-ko-dapt",
      "korean-tapt-7b",
      "sft-7b",
      "sft-13b",
      "lora-7b",
      "qlora-7b",
    ]);
    for (const s of presets) {
      expect(s.description, s.id).toBeTruthy();
      expect(s.source, s.id).toBeTruthy();
    }
  });

  it("map onto the job's typed fields, each with the scenario and key as its origin; --gpus on the command line wins", () => {
    const layer = scenarioLayer(byId("llama-2-ko-dapt"));
    const values = Object.fromEntries(Object.entries(layer).map(([k, v]) => [k, v!.value]));
    expect(values).toMatchObject({
      model: "llama-2-7b",
      addVocab: 14336,
      strategy: ["dapt"],
      corpus: 61e9,
      bytesPerToken: 4.07,
      gpus: "2xH100",
    });
    expect(layer.tokens).toBeUndefined();
    expect(layer.corpus!.origin).toEqual({
      kind: "scenario",
      id: "llama-2-ko-dapt",
      file: "presets/scenarios.json",
      key: "corpus",
    });
    expect(scenarioRow(byId("llama-2-ko-dapt"), { gpus: "8xA100" }, {}, catalog).report.inputs.gpuCount).toBe(8);
    expect(scenarioLayer(byId("lora-7b")).loraTargets!.value).toEqual(["q", "k", "v", "o", "gate", "up", "down"]);
  });

  it("every one runs through the estimate, with token counts worked by hand", () => {
    const tokens = Object.fromEntries(
      presets.map((s) => [s.id, estimateScenario({ scenario: s, origin: "test" }).inputs.tokens]),
    );
    expect(tokens["scratch-7b"]).toBe(2_000_000_000_000); // Llama 2 7B's 2T (Touvron et al. 2023, Table 1)
    expect(tokens["scratch-7b-chinchilla"]).toBe(134_768_312_320); // 20 × 6,738,415,616 (Llama-2-7B)
    // 6 × 6,738,415,616 × 2e12 = 8.08610e22 FLOPs: 14.8× the Chinchilla run's 5.44875e21.
    expect(estimateScenario(byId("scratch-7b")).estimates[0]!.flops / 8.0861e22).toBeCloseTo(1, 4);
    expect(tokens["llama-2-ko-dapt"]).toBeCloseTo(14_987_714_987.7, 0); // 61e9 / 4.07
    expect(tokens["korean-tapt-7b"]).toBeCloseTo(245_700_245.7, 0); // 1e9 / 4.07 (ko-expanded)
    for (const id of ["sft-7b", "sft-13b", "lora-7b", "qlora-7b"]) expect(tokens[id], id).toBe(153_600_000); // 50,000 × 1,024 × 3
  });

  it("llama-2-ko-dapt: +14,336 vocabulary rows add 2 × 14,336 × 4,096 parameters; FLOPs = 6·N·D", () => {
    const report = estimateScenario(byId("llama-2-ko-dapt"));
    // 6,738,415,616 + 117,440,512 = 6,855,856,128
    expect(report.inputs.params).toBe(6_855_856_128);
    // 6 × 6,855,856,128 × 14,987,714,987.7 = 6.16522e20
    expect(report.estimates[0]!.flops / 6.16522e20).toBeCloseTo(1, 5);
    expect(report.inputs.gpuCount).toBe(2);
  });
});

describe("user scenario files", () => {
  const one = { id: "mine", title: "my job", params: "7B", strategy: "dapt", tokens: "15B", gpus: "2xH100" };

  it("accept one scenario, a list, or { scenarios: [...] }", () => {
    expect(parseScenarioFile(one, "f.json").map((s) => s.id)).toEqual(["mine"]);
    expect(parseScenarioFile([one, { ...one, id: "two" }], "f.json").map((s) => s.id)).toEqual(["mine", "two"]);
    expect(parseScenarioFile({ scenarios: [one] }, "f.json").map((s) => s.id)).toEqual(["mine"]);
  });

  it("errors name the file and the JSON path", () => {
    const message = (data: unknown): string => {
      try {
        parseScenarioFile(data, "f.json");
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error("no error");
    };
    expect(message([one, { ...one, id: "two", strategy: "pretrain" }])).toMatch(/^f\.json: \[1\]\.strategy: /);
    expect(message({ ...one, model: "llama-2-7b" })).toBe("f.json: model: give exactly one of model or params");
    expect(message({ ...one, tokens: undefined })).toMatch(/^f\.json: tokens: give exactly one token source/);
    expect(message({ ...one, corpus: "61GB" })).toMatch(/^f\.json: corpus: give exactly one token source/);
    expect(message({ ...one, tokens: undefined, corpus: "61GB" })).toBe(
      "f.json: corpus: corpus needs exactly one of bytesPerToken or corpusLang",
    );
    expect(message({ ...one, loraRank: 8 })).toBe("f.json: loraRank: applies to lora and qlora only, not dapt");
    expect(message({ ...one, extra: 1 })).toBe("f.json: extra: unknown key");
    expect(message([one, one])).toBe('f.json: [1].id: duplicate id "mine"');
    expect(message({ scenarios: [one, { ...one, title: 3 }] })).toMatch(/^f\.json: scenarios\[1\]\.title: /);
  });

  it("a name resolves to a bundled scenario first, then to a file; an unknown one suggests the closest", () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-scenarios-"));
    writeFileSync(join(dir, "mine.json"), JSON.stringify(one));
    expect(resolveScenarios(["SFT-7B", "mine.json"], presets, dir).map((l) => [l.scenario.id, l.origin])).toEqual([
      ["sft-7b", "presets/scenarios.json"],
      ["mine", "mine.json"],
    ]);
    expect(() => resolveScenarios(["sft-7", "x"], presets, dir)).toThrow(
      /invalid scenario "sft-7": .*\(did you mean sft-7b\?\)/,
    );
  });

  it("a bad value inside a scenario names the scenario and its file", () => {
    const bad = { scenario: { ...one, tokens: "lots" } as never, origin: "f.json" };
    expect(() => estimateScenario(bad)).toThrow(/^scenario "mine" \(f\.json\): tokens: "lots": expected a token count/);
    const noGpus = { scenario: { ...one, gpus: undefined } as never, origin: "f.json" };
    expect(() => estimateScenario(noGpus)).toThrow(
      'scenario "mine" (f.json): it names no GPUs: give --gpus, e.g. --gpus 8xH100',
    );
  });
});
