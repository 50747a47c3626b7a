import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModelCatalog } from "../src/catalog/model-schema.js";
import {
  countParams,
  genericArchitecture,
  linearShapes,
  withVocab,
  type Architecture,
} from "../src/model/architecture.js";
import { LLAMA_7B as llama7b } from "./helpers/reference-shapes.js";

const FILE = "presets/models.json";
const raw: unknown = JSON.parse(fs.readFileSync(new URL("../presets/models.json", import.meta.url), "utf8"));
const catalog = parseModelCatalog(raw, FILE);

function preset(id: string): Architecture {
  const found = catalog.models.find((m) => m.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.arch;
}

describe("countParams: docs/formulas.md §1.2 worked 7B numbers", () => {
  const p = countParams(llama7b);

  it("matches every component", () => {
    expect(p.embedding).toBe(131_072_000);
    expect(p.head).toBe(131_072_000);
    expect(p.attentionPerLayer).toBe(67_108_864);
    expect(p.mlpPerLayer).toBe(135_266_304);
    expect(p.normsPerLayer).toBe(8_192);
    expect(p.finalNorm).toBe(4_096);
    expect(p.positionEmbeddings).toBe(0);
  });

  it("totals 6,738,415,616 and splits it three ways", () => {
    expect(p.total).toBe(6_738_415_616);
    expect(p.matmul).toBe(6_607_343_616); // excl. the input-embedding lookup (torchtitan)
    expect(p.nonEmbedding).toBe(6_476_271_616); // Kaplan: excl. embedding and head
  });

  it("gives 5,933,109,248 with 8 KV heads (GQA)", () => {
    expect(countParams({ ...llama7b, kvHeads: 8 }).total).toBe(5_933_109_248);
  });

  it("gives 6,607,343,616 with tied embeddings, and keeps the LM-head matmul", () => {
    const tied = countParams({ ...llama7b, tiedEmbeddings: true });
    expect(tied.total).toBe(6_607_343_616);
    expect(tied.head).toBe(0);
    expect(tied.matmul).toBe(6_607_343_616);
  });

  it("the llama-2-7b preset is exactly the reference shape", () => {
    expect(preset("llama-2-7b")).toEqual(llama7b);
    expect(countParams(preset("llama-2-7b")).total).toBe(6_738_415_616);
  });
});

describe("countParams: biases, LayerNorm, plain MLP, learned positions", () => {
  it("counts GPT-2 small exactly (124,439,808)", () => {
    // GPT-2 small: 12 layers, d 768, 1024 learned positions, tied, LayerNorm, biases everywhere.
    const gpt2: Architecture = {
      layers: 12,
      hidden: 768,
      heads: 12,
      kvHeads: 12,
      headDim: 64,
      ffn: 3072,
      mlp: "plain",
      vocab: 50257,
      tiedEmbeddings: true,
      norm: "layernorm",
      normsPerLayer: 2,
      attnBias: "all",
      mlpBias: true,
      positionEmbeddings: 1024,
    };
    const p = countParams(gpt2);
    expect(p.total).toBe(124_439_808);
    expect(p.positionEmbeddings).toBe(786_432);
    expect(p.matmul).toBe(p.total - p.positionEmbeddings);
  });

  it("adds q/k/v biases for Qwen2-style attention", () => {
    const qwen = preset("qwen2.5-7b");
    const withBias = countParams(qwen).attentionPerLayer;
    const without = countParams({ ...qwen, attnBias: "none" }).attentionPerLayer;
    expect(withBias - without).toBe(3584 + 2 * 512);
  });
});

describe("withVocab", () => {
  it("adds 117,440,512 parameters for Llama-2-ko's 32000 → 46336 expansion (docs/formulas.md §1.3)", () => {
    const base = countParams(llama7b).total;
    const expanded = countParams(withVocab(llama7b, 46336)).total;
    expect(expanded - base).toBe(117_440_512);
    expect(expanded).toBe(6_855_856_128);
    expect(countParams(preset("llama-2-ko-7b")).total).toBe(expanded);
  });

  it("adds half as much when embeddings are tied", () => {
    const tied = { ...llama7b, tiedEmbeddings: true };
    expect(countParams(withVocab(tied, 46336)).total - countParams(tied).total).toBe(58_720_256);
  });

  it("does not change the original and rejects a bad size", () => {
    withVocab(llama7b, 46336);
    expect(llama7b.vocab).toBe(32000);
    expect(() => withVocab(llama7b, 0)).toThrow(RangeError);
    expect(() => withVocab(llama7b, 1.5)).toThrow(RangeError);
  });
});

describe("linearShapes", () => {
  it("gives the seven LLaMA projections with GQA widths", () => {
    expect(linearShapes(preset("llama-3.1-8b"))).toEqual({
      q: [4096, 4096],
      k: [4096, 1024],
      v: [4096, 1024],
      o: [4096, 4096],
      gate: [4096, 14336],
      up: [4096, 14336],
      down: [14336, 4096],
    });
  });

  it("has no gate for a plain MLP", () => {
    const shapes = linearShapes(preset("polyglot-ko-12.8b"));
    expect(Object.keys(shapes).sort()).toEqual(["down", "k", "o", "q", "up", "v"]);
  });

  it("uses heads × headDim, not hidden, for the query width (Gemma 2 9B)", () => {
    expect(linearShapes(preset("gemma-2-9b"))["q"]).toEqual([3584, 4096]);
  });

  it("adds up to the matrix part of attention and MLP", () => {
    const arch = preset("mistral-7b");
    const sum = Object.values(linearShapes(arch)).reduce((acc, [a, b]) => acc + a * b, 0);
    const p = countParams(arch);
    expect(sum).toBe(p.attentionPerLayer + p.mlpPerLayer);
  });
});

describe("presets/models.json", () => {
  it("holds the required models", () => {
    const ids = catalog.models.map((m) => m.id);
    for (const id of [
      "llama-2-7b",
      "llama-2-13b",
      "llama-2-70b",
      "llama-3.1-8b",
      "llama-3.1-70b",
      "mistral-7b",
      "qwen2.5-7b",
      "qwen2.5-72b",
      "gemma-2-9b",
      "solar-10.7b",
      "yi-6b",
      "yi-34b",
      "polyglot-ko-12.8b",
      "exaone-3.5-7.8b",
      "llama-2-ko-7b",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(catalog.models.map((m) => [m.id, m] as const))(
    "%s: computed count within 1% of the published one",
    (_id, model) => {
      const computed = countParams(model.arch).total;
      expect(Math.abs(computed - model.publishedParams) / model.publishedParams).toBeLessThan(0.01);
    },
  );

  it("ids and aliases are unique across models (case-insensitive)", () => {
    const names = catalog.models.flatMap((m) => [m.id, ...m.aliases]).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("every preset names its sources", () => {
    for (const m of catalog.models) {
      expect(m.source.trim().length, m.id).toBeGreaterThan(20);
      expect(m.publishedParamsSource.trim().length, m.id).toBeGreaterThan(20);
    }
  });
});

describe("parseModelCatalog", () => {
  const broken = (
    edit: (data: { models: Array<Record<string, unknown> & { arch: Record<string, unknown> }> }) => void,
  ) => {
    const data = structuredClone(raw) as { models: Array<Record<string, unknown> & { arch: Record<string, unknown> }> };
    edit(data);
    return () => parseModelCatalog(data, FILE);
  };

  it("rejects a non-positive integer and names the file and JSON path", () => {
    const run = broken((d) => {
      d.models[3]!.arch["kvHeads"] = 0;
    });
    expect(run).toThrow("presets/models.json: models[3].arch.kvHeads: expected a positive integer");
    expect(run).toThrow(Error);
  });

  it("rejects a fractional count", () => {
    expect(
      broken((d) => {
        d.models[0]!["publishedParams"] = 6.5e9 + 0.5;
      }),
    ).toThrow("presets/models.json: models[0].publishedParams: expected a positive integer");
  });

  it("rejects an unknown key", () => {
    expect(
      broken((d) => {
        d.models[2]!.arch["rope"] = true;
      }),
    ).toThrow("presets/models.json: models[2].arch.rope: unknown key");
  });

  it("rejects a missing or blank source", () => {
    expect(
      broken((d) => {
        delete d.models[1]!["source"];
      }),
    ).toThrow(/presets\/models\.json: models\[1\]\.source: required/);
    expect(
      broken((d) => {
        d.models[1]!["source"] = "  ";
      }),
    ).toThrow("presets/models.json: models[1].source: expected a non-empty string");
  });

  it("rejects a bad enum value", () => {
    expect(
      broken((d) => {
        d.models[0]!.arch["mlp"] = "swiglu";
      }),
    ).toThrow('presets/models.json: models[0].arch.mlp: expected "gated" or "plain"');
  });

  it("rejects KV heads that do not divide the query heads", () => {
    expect(
      broken((d) => {
        d.models[0]!.arch["kvHeads"] = 5;
      }),
    ).toThrow("presets/models.json: models[0].arch.kvHeads: must divide heads (32)");
  });

  it("rejects an alias used by two models", () => {
    expect(
      broken((d) => {
        (d.models[1]!["aliases"] as string[]).push("LLAMA2-7B");
      }),
    ).toThrow(/models\[1\]\.aliases\[\d+\]: "LLAMA2-7B" is already used by llama-2-7b/);
  });
});

describe("genericArchitecture", () => {
  it.each([125e6, 1e9, 7e9, 13e9, 70e9, 1e12])("%d parameters: a LLaMA-like shape within 15%", (params) => {
    const arch = genericArchitecture(params);
    const total = countParams(arch).total;
    expect(Math.abs(total - params) / params).toBeLessThan(0.15);
    expect(arch.mlp).toBe("gated");
    expect(arch.headDim).toBe(128);
    expect(arch.vocab).toBe(32000);
    expect(arch.tiedEmbeddings).toBe(false);
    expect(arch.ffn % 256).toBe(0);
    expect(arch.heads * arch.headDim).toBe(arch.hidden);
    expect(Number.isInteger(arch.layers) && arch.layers >= 1).toBe(true);
  });

  it("reproduces the Llama 2 7B shape for 6.74e9", () => {
    const arch = genericArchitecture(6.74e9);
    expect(arch).toEqual(llama7b);
  });

  it("rejects a non-positive size", () => {
    expect(() => genericArchitecture(0)).toThrow(RangeError);
    expect(() => genericArchitecture(Number.NaN)).toThrow(RangeError);
  });
});
