import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseModelCatalog } from "../src/catalog/model-schema.js";
import { readJsonFile } from "../src/inputs/read-json-file.js";
import { countParams, type Architecture } from "../src/model/architecture.js";
import { architectureFromHfConfig, moeParams, type HfModel } from "../src/inputs/hf-config.js";

// Fixture sources (config.json values, trimmed; stored copies read through the search index, 2026-11-27):
//   llama      meta-llama/Llama-2-7b-hf — configs declaring "_name_or_path": "meta-llama/Llama-2-7b-hf"
//              (e.g. huggingface.co/kashif/stack-llama-2, anatal/stack-llama-2)
//   mistral    mistralai/Mistral-7B-v0.1 — huggingface.co/Capstone-lpx/mistral7b_instruct ("Duplicate from
//              mistralai/Mistral-7B-Instruct-v0.1") and configs declaring _name_or_path mistralai/Mistral-7B-v0.1
//   mixtral    mistralai/Mixtral-8x7B-Instruct-v0.1 config.json at eba92302 (huggingface.co); the base
//              Mixtral-8x7B-v0.1 has the same shape (configs declaring it, e.g. YeungNLP/firefly-mixtral-8x7b)
//   qwen2      Qwen/Qwen2.5-7B-Instruct — configs declaring it as _name_or_path (osllmai-community, krx_qwen2.5_it_test)
//   qwen2-moe  Qwen/Qwen1.5-MoE-A2.7B — MaziyarPanahi/Qwen1.5-MoE-A2.7B-Wikihow ("_name_or_path": "Qwen/Qwen1.5-MoE-A2.7B")
//   qwen3      Qwen/Qwen3-4B — mirrored configs (MultiRL/qwen3_4b_instruct_sft, decompute/slm1); same fields
//              as the "Qwen/Qwen3-4B (config.json)" constants in public code
//   qwen3-moe  Qwen/Qwen3-30B-A3B — the config.json listing in public code (GitHub, code index)
//   gemma2     google/gemma-2-9b(-it) — huggingface.co/hfhugs/gemma-2-9b-it (uploaded by philschmid, HF staff) and
//              configs declaring "_name_or_path": "google/gemma-2-9b"; note: no tie_word_embeddings key
//   phi3       microsoft/Phi-3-mini-4k-instruct — Alignment-Lab-AI/idfkphi4kiguess ("Duplicate from
//              microsoft/Phi-3-mini-4k-instruct")
// Every fixture keeps some fields that do not affect the count (rope_theta, torch_dtype, sliding_window, …).

const FIXTURES = new URL("./fixtures/hf/", import.meta.url);

function fixture(family: string): Record<string, unknown> {
  return readJsonFile(fileURLToPath(new URL(`${family}/config.json`, FIXTURES)), "--hf-config") as Record<
    string,
    unknown
  >;
}
function load(family: string): HfModel {
  return architectureFromHfConfig(fixture(family), "config.json");
}

const catalog = parseModelCatalog(
  JSON.parse(fs.readFileSync(new URL("../presets/models.json", import.meta.url), "utf8")),
  "presets/models.json",
);
function presetArch(id: string): Architecture {
  const found = catalog.models.find((m) => m.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.arch;
}

describe("dense families: exact published counts", () => {
  // Each expected count is the published figure (sources in presets/models.json), and the hand
  // arithmetic is written out so a wrong formula cannot hide behind its own output.
  it("Llama-2-7B → 6,738,415,616", () => {
    // 2 × 32000·4096 (embedding + head) + 32 × (4·4096² + 3·4096·11008 + 2·4096) + 4096
    const expected = 2 * 32000 * 4096 + 32 * (4 * 4096 ** 2 + 3 * 4096 * 11008 + 2 * 4096) + 4096;
    expect(expected).toBe(6_738_415_616);
    const m = load("llama");
    expect(m.family).toBe("llama");
    expect(m.totalParams).toBe(6_738_415_616);
    expect(m.activeParams).toBe(6_738_415_616);
    expect(m.moe).toBeUndefined();
    expect(m.arch).toEqual(presetArch("llama-2-7b"));
  });

  it("Mistral-7B-v0.1 → 7,241,732,096 (GQA: 8 KV heads)", () => {
    const m = load("mistral");
    expect(m.arch.kvHeads).toBe(8);
    expect(m.totalParams).toBe(7_241_732_096);
    expect(m.arch).toEqual(presetArch("mistral-7b-v0.1"));
  });

  it("Qwen2.5-7B → 7,615,616,512 (q/k/v biases)", () => {
    // per layer: q 3584² + k,v 2·3584·512 + o 3584² + biases (3584 + 2·512) + MLP 3·3584·18944 + norms 2·3584
    const perLayer = 2 * 3584 ** 2 + 2 * 3584 * 512 + 3584 + 2 * 512 + 3 * 3584 * 18944 + 2 * 3584;
    expect(2 * 152064 * 3584 + 28 * perLayer + 3584).toBe(7_615_616_512);
    const m = load("qwen2");
    expect(m.arch.attnBias).toBe("qkv");
    expect(m.totalParams).toBe(7_615_616_512);
    expect(m.arch).toEqual(presetArch("qwen2.5-7b"));
  });

  it("Gemma-2-9b → 9,241,705,984 (head_dim 256, 4 norms per layer, tied embeddings by default)", () => {
    const m = load("gemma2");
    expect(m.arch.headDim).toBe(256);
    expect(m.arch.normsPerLayer).toBe(4);
    // The fixture has no tie_word_embeddings key: Gemma2Config's default (true) applies, and is noted.
    expect(m.arch.tiedEmbeddings).toBe(true);
    expect(m.notes.join("\n")).toMatch(/tie_word_embeddings absent: gemma2 default true/);
    expect(m.totalParams).toBe(9_241_705_984);
    // Gemma 2 report Table 2: 8,324,201,984 non-embedding parameters.
    expect(countParams(m.arch).nonEmbedding).toBe(8_324_201_984);
    expect(m.arch).toEqual(presetArch("gemma-2-9b"));
  });

  it("Phi-3-mini → 3,821,079,552 (fused qkv / gate_up count like separate matrices)", () => {
    const m = load("phi3");
    expect(m.totalParams).toBe(3_821_079_552);
    expect(m.notes.join("\n")).toMatch(/fused/);
    expect(m.arch).toEqual(presetArch("phi-3-mini"));
  });

  it("Qwen3-4B: 4.0B total, 3.6B non-embedding (model card), q/k norms included", () => {
    const m = load("qwen3");
    // per layer: q 2560·4096, k,v 2·2560·1024, o 4096·2560, MLP 3·2560·9728, norms 2·2560, q/k norm 2·128
    const perLayer = 2 * 2560 * 4096 + 2 * 2560 * 1024 + 3 * 2560 * 9728 + 2 * 2560 + 2 * 128;
    expect(m.extraPerLayer).toBe(256);
    expect(m.totalParams).toBe(151936 * 2560 + 36 * perLayer + 2560); // tied: one vocabulary matrix
    expect(m.totalParams).toBe(4_022_468_096);
    expect((m.totalParams / 1e9).toFixed(1)).toBe("4.0");
    expect(((m.totalParams - 151936 * 2560) / 1e9).toFixed(1)).toBe("3.6");
  });
});

describe("MoE families: total and active parameters", () => {
  it("Mixtral-8x7B ≈ 46.7B total, ≈ 12.9B active (Mistral: '46.7B total parameters but only uses 12.9B parameters per token')", () => {
    const m = load("mixtral");
    expect(m.moe).toEqual({ experts: 8, expertsPerToken: 2, expertFfn: 14336, sharedExperts: 0, sharedExpertFfn: 0 });
    // per layer: attention 2·4096² + 2·4096·1024, norms 2·4096, router 4096·8, experts × 3·4096·14336
    const attn = 2 * 4096 ** 2 + 2 * 4096 * 1024;
    const expert = 3 * 4096 * 14336;
    const fixed = 2 * 32000 * 4096 + 4096;
    expect(m.totalParams).toBe(fixed + 32 * (attn + 2 * 4096 + 4096 * 8 + 8 * expert));
    expect(m.activeParams).toBe(fixed + 32 * (attn + 2 * 4096 + 4096 * 8 + 2 * expert));
    expect(m.totalParams).toBe(46_702_792_704);
    expect(m.activeParams).toBe(12_879_925_248);
    expect((m.totalParams / 1e9).toFixed(1)).toBe("46.7");
    expect((m.activeParams / 1e9).toFixed(1)).toBe("12.9");
  });

  it("Qwen1.5-MoE-A2.7B ≈ 14.3B total, ≈ 2.7B active (model card), with shared expert and its gate", () => {
    const m = load("qwen2-moe");
    expect(m.moe).toEqual({
      experts: 60,
      expertsPerToken: 4,
      expertFfn: 1408,
      sharedExperts: 1,
      sharedExpertFfn: 5632,
      sharedExpertGate: true,
    });
    // per layer: attention 4·2048² + q/k/v biases 3·2048, norms 2·2048, router 2048·60,
    // shared expert 3·2048·5632 + its gate 2048, routed experts × 3·2048·1408
    const common = 4 * 2048 ** 2 + 3 * 2048 + 2 * 2048 + 2048 * 60 + 3 * 2048 * 5632 + 2048;
    const expert = 3 * 2048 * 1408;
    const fixed = 2 * 151936 * 2048 + 2048;
    expect(m.totalParams).toBe(fixed + 24 * (common + 60 * expert));
    expect(m.activeParams).toBe(fixed + 24 * (common + 4 * expert));
    expect(m.totalParams).toBe(14_315_784_192);
    expect(m.activeParams).toBe(2_689_173_504);
    expect((m.totalParams / 1e9).toFixed(1)).toBe("14.3");
    expect((m.activeParams / 1e9).toFixed(1)).toBe("2.7");
  });

  it("Qwen3-30B-A3B ≈ 30.5B total, ≈ 3.3B active (model card), with q/k norms", () => {
    const m = load("qwen3-moe");
    expect(m.moe).toEqual({ experts: 128, expertsPerToken: 8, expertFfn: 768, sharedExperts: 0, sharedExpertFfn: 0 });
    // per layer: q 2048·4096, k,v 2·2048·512, o 4096·2048, q/k norm 2·128, norms 2·2048, router 2048·128
    const common = 2 * 2048 * 4096 + 2 * 2048 * 512 + 2 * 128 + 2 * 2048 + 2048 * 128;
    const expert = 3 * 2048 * 768;
    const fixed = 2 * 151936 * 2048 + 2048;
    expect(m.totalParams).toBe(fixed + 48 * (common + 128 * expert));
    expect(m.activeParams).toBe(fixed + 48 * (common + 8 * expert));
    expect(m.totalParams).toBe(30_532_122_624);
    expect(m.activeParams).toBe(3_353_032_704);
    expect((m.totalParams / 1e9).toFixed(1)).toBe("30.5");
    // 3.353B active: the card truncates to one decimal ("3.3B activated"), as it does for
    // Qwen3-235B-A22B (22.19B → "22B").
    expect(Math.floor(m.activeParams / 1e8) / 10).toBe(3.3);
  });

  it("dense layers of Qwen MoE configs (mlp_only_layers, decoder_sparse_step) use intermediate_size", () => {
    const cfg = { ...fixture("qwen3-moe"), mlp_only_layers: [0] };
    const m = architectureFromHfConfig(cfg, "config.json");
    expect(m.moe?.moeLayers).toBe(47);
    // Layer 0 trades its router (2048·128) and 128 experts for one dense MLP 3·2048·6144.
    const sparseMlp = 2048 * 128 + 128 * 3 * 2048 * 768;
    const denseMlp = 3 * 2048 * 6144;
    expect(m.totalParams).toBe(30_532_122_624 - sparseMlp + denseMlp);
    expect(m.activeParams).toBe(3_353_032_704 - (2048 * 128 + 8 * 3 * 2048 * 768) + denseMlp);

    const everyOther = architectureFromHfConfig({ ...fixture("qwen3-moe"), decoder_sparse_step: 2 }, "config.json");
    expect(everyOther.moe?.moeLayers).toBe(24);
  });

  it("moeParams on a toy shape, by hand", () => {
    const arch: Architecture = {
      layers: 2,
      hidden: 8,
      heads: 2,
      kvHeads: 1,
      headDim: 4,
      ffn: 16,
      mlp: "gated",
      vocab: 10,
      tiedEmbeddings: true,
      norm: "rmsnorm",
      normsPerLayer: 2,
      attnBias: "none",
      mlpBias: false,
      positionEmbeddings: 0,
    };
    // embedding 80 (tied), final norm 8; per layer attention 8·8 + 2·8·4 + 8·8 = 192, norms 16,
    // router 8·4 = 32, expert 3·8·6 = 144, shared 3·8·12 = 288 + gate 8
    const moe = {
      experts: 4,
      expertsPerToken: 1,
      expertFfn: 6,
      sharedExperts: 1,
      sharedExpertFfn: 12,
      sharedExpertGate: true,
    };
    const common = 192 + 16 + 32 + 288 + 8;
    expect(moeParams(arch, moe)).toEqual({ total: 88 + 2 * (common + 4 * 144), active: 88 + 2 * (common + 144) });
    expect(moeParams(arch, moe, 3).total).toBe(88 + 2 * (common + 3 + 4 * 144));
  });
});

describe("fields and defaults", () => {
  it("ignores fields that do not change the count", () => {
    const full = load("llama");
    const needed = [
      "model_type",
      "hidden_size",
      "intermediate_size",
      "num_attention_heads",
      "num_hidden_layers",
      "num_key_value_heads",
      "tie_word_embeddings",
      "vocab_size",
    ];
    const cfg = fixture("llama");
    const minimal = Object.fromEntries(needed.map((k) => [k, cfg[k]]));
    expect(architectureFromHfConfig(minimal, "config.json").totalParams).toBe(full.totalParams);
  });

  it("num_key_value_heads defaults to num_attention_heads, with a note", () => {
    const cfg = fixture("llama");
    delete cfg["num_key_value_heads"];
    const m = architectureFromHfConfig(cfg, "config.json");
    expect(m.arch.kvHeads).toBe(32);
    expect(m.notes.join("\n")).toMatch(/num_key_value_heads absent/);
  });

  it("tie_word_embeddings defaults per family: false for llama (untied head counted)", () => {
    const cfg = fixture("llama");
    delete cfg["tie_word_embeddings"];
    const m = architectureFromHfConfig(cfg, "config.json");
    expect(m.arch.tiedEmbeddings).toBe(false);
    expect(m.totalParams).toBe(6_738_415_616);
  });

  it("llama attention_bias and mlp_bias add the biases of every projection", () => {
    const m = architectureFromHfConfig({ ...fixture("llama"), attention_bias: true, mlp_bias: true }, "config.json");
    expect(m.arch.attnBias).toBe("all");
    expect(m.arch.mlpBias).toBe(true);
    // per layer: q, k, v, o biases 4·4096; gate, up biases 2·11008; down bias 4096
    expect(m.totalParams - 6_738_415_616).toBe(32 * (4 * 4096 + 2 * 11008 + 4096));
  });

  it("head_dim from config wins over hidden/heads (Gemma 2: 16 × 256 = 4096 ≠ 3584)", () => {
    expect(load("gemma2").arch.headDim).toBe(256);
    expect(load("llama").arch.headDim).toBe(128);
  });
});

describe("errors name the file and the field", () => {
  it("a missing size field", () => {
    const cfg = fixture("llama");
    delete cfg["hidden_size"];
    expect(() => architectureFromHfConfig(cfg, "config.json")).toThrow(
      "config.json: hidden_size: required (a positive integer)",
    );
  });

  it("a wrong type", () => {
    const cfg = { ...fixture("mistral"), num_key_value_heads: "8" };
    expect(() => architectureFromHfConfig(cfg, "config.json")).toThrow(
      "config.json: num_key_value_heads: expected a positive integer",
    );
  });

  it("a missing MoE field", () => {
    const cfg = fixture("mixtral");
    delete cfg["num_local_experts"];
    expect(() => architectureFromHfConfig(cfg, "config.json")).toThrow(
      "config.json: num_local_experts: required (a positive integer)",
    );
    const qwen = fixture("qwen2-moe");
    delete qwen["moe_intermediate_size"];
    expect(() => architectureFromHfConfig(qwen, "config.json")).toThrow("config.json: moe_intermediate_size: required");
  });

  it("an unknown model_type lists the supported families", () => {
    const cfg = { ...fixture("llama"), model_type: "gpt_neox" };
    expect(() => architectureFromHfConfig(cfg, "config.json")).toThrow(
      'config.json: model_type: "gpt_neox" is not supported (supported: llama, mistral, mixtral, qwen2, qwen2_moe, qwen3, qwen3_moe, gemma2, phi3)',
    );
    const none = fixture("llama");
    delete none["model_type"];
    expect(() => architectureFromHfConfig(none, "config.json")).toThrow(
      /^config\.json: model_type: required \(one of llama, /,
    );
  });

  it("impossible shapes", () => {
    expect(() => architectureFromHfConfig({ ...fixture("mistral"), num_key_value_heads: 7 }, "config.json")).toThrow(
      "config.json: num_key_value_heads: must divide num_attention_heads (32)",
    );
    expect(() => architectureFromHfConfig({ ...fixture("mixtral"), num_experts_per_tok: 9 }, "config.json")).toThrow(
      "config.json: num_experts_per_tok: 9 is more than the 8 experts",
    );
    expect(() => architectureFromHfConfig([], "config.json")).toThrow("config.json: expected a JSON object");
  });

  it("errors are one line", () => {
    try {
      architectureFromHfConfig({ model_type: "bert" }, "config.json");
      expect.unreachable();
    } catch (error) {
      expect((error as Error).name).toBe("UsageError");
      expect((error as Error).message).not.toContain("\n");
    }
  });
});

describe("readJsonFile", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "llm-cost-hf-"));

  it("names the file and the line of a syntax error", () => {
    const file = path.join(dir, "config.json");
    fs.writeFileSync(file, '{\n  "hidden_size": 4096,\n}\n');
    expect(() => readJsonFile(file, "--hf-config")).toThrow(`${file}: not valid JSON at line 3, column 1`);
  });

  it("names the flag and the path of a missing file", () => {
    const file = path.join(dir, "missing.json");
    expect(() => readJsonFile(file, "--hf-config")).toThrow(`invalid --hf-config "${file}": no such file`);
  });
});
