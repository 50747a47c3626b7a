import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { architectureFromHfConfig } from "../src/inputs/hf-config.js";
import { GOOD_CONFIG } from "./helpers/fuzz-argv.js";
import { expectRefused, measure } from "./helpers/hostile.js";

// Issue 16, classes 2, 4 and 5: small inputs that asked for unbounded work, numbers that escaped
// the flags' bounds through a file, and errors that blamed a flag never typed or echoed a flood.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llm-cost-hostile-bounds-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown): string => {
  writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return name;
};
const JOB = ["--params", "7B", "--tokens", "1B", "--gpus", "H100"];
const LLAMA = {
  model_type: "llama",
  num_hidden_layers: 32,
  hidden_size: 4096,
  num_attention_heads: 32,
  vocab_size: 32000,
  intermediate_size: 11008,
};
const QWEN_MOE = {
  model_type: "qwen2_moe",
  num_hidden_layers: 24,
  hidden_size: 2048,
  num_attention_heads: 16,
  vocab_size: 151936,
  num_experts: 60,
  num_experts_per_tok: 4,
  moe_intermediate_size: 1408,
  intermediate_size: 5632,
  shared_expert_intermediate_size: 5632,
};
const modelConfig = (cfg: object) => [
  "estimate",
  "--model-config",
  write("config.json", cfg),
  "--tokens",
  "1B",
  "--gpus",
  "H100",
];

describe("config.json sizes are bounded before any arithmetic", () => {
  it.each([
    ["num_hidden_layers", 1e10, QWEN_MOE, /num_hidden_layers: 10000000000 is too large: at most 10,000/],
    ["num_hidden_layers", 1e6, LLAMA, /num_hidden_layers: 1000000 is too large/],
    ["vocab_size", 1e12, LLAMA, /vocab_size: 1000000000000 is too large: at most 100,000,000/],
    ["hidden_size", 2 ** 40, LLAMA, /hidden_size: \d+ is too large: at most 1,000,000/],
    ["num_experts", 1e9, QWEN_MOE, /num_experts: 1000000000 is too large/],
    ["moe_intermediate_size", 1e12, QWEN_MOE, /moe_intermediate_size: \d+ is too large/],
    ["decoder_sparse_step", 1e15, QWEN_MOE, /decoder_sparse_step: \d+ is too large/],
  ])("%s = %d", async (key, value, base, says) => {
    expectRefused(await measure(modelConfig({ ...base, [key]: value }), dir), says);
  });

  it.each([
    ["a dense model", { ...LLAMA, num_hidden_layers: 10_000, hidden_size: 1e6, intermediate_size: 1e7 }],
    ["an MoE model", { ...QWEN_MOE, num_hidden_layers: 10_000, num_experts: 1e5, moe_intermediate_size: 1e7 }],
  ])("%s within every field's bound but over the parameter limit", async (_name, cfg) => {
    expectRefused(
      await measure(modelConfig(cfg), dir),
      /config\.json: the architecture has [\d.]+e\+\d+ parameters: at most 1e\+15 \(as --params\)/,
    );
  });

  it("a long mlp_only_layers list is counted in closed form (and bounded)", async () => {
    const cfg = {
      ...QWEN_MOE,
      num_hidden_layers: 10_000,
      mlp_only_layers: Array.from({ length: 10_001 }, (_, i) => i),
    };
    expectRefused(await measure(modelConfig(cfg), dir), /mlp_only_layers: expected a list of layer indices/);
    const model = architectureFromHfConfig(
      { ...QWEN_MOE, mlp_only_layers: [0, 5, 23, 99], decoder_sparse_step: 2 },
      "c",
    );
    // 24 layers, every 2nd sparse (12), less the listed sparse ones among them (5, 23: 2) = 10 sparse.
    expect(model.moe?.moeLayers).toBe(10);
  });

  it("a user config's model over the parameter limit is refused at its JSON path", async () => {
    const arch = {
      ...GOOD_CONFIG.models[0]!.arch,
      layers: 10_000,
      hidden: 1e6,
      heads: 1000,
      kvHeads: 1000,
      headDim: 1000,
      ffn: 1e7,
    };
    const config = write("big-model.json", { models: [{ ...GOOD_CONFIG.models[0], arch }] });
    expectRefused(
      await measure(["estimate", "--model", "tiny-ko", "--tokens", "1B", "--gpus", "H100", "--config", config], dir),
      /big-model\.json: models\[0\]\.arch: the architecture has .* parameters: at most 1e\+15/,
    );
  });
});

describe("a number has the same bounds from a file as from its flag", () => {
  it.each([
    [
      "fx.krwPerUsd 5e-324",
      { fx: { krwPerUsd: 5e-324, date: "2026-01-01", source: "x" } },
      /fx\.krwPerUsd: Too small: expected number to be >=1/,
    ],
    ["fx.krwPerUsd 0.5", { fx: { krwPerUsd: 0.5, date: "2026-01-01", source: "x" } }, /fx\.krwPerUsd: Too small/],
    ["fx.krwPerUsd 1e6", { fx: { krwPerUsd: 1e6, date: "2026-01-01", source: "x" } }, /fx\.krwPerUsd: Too big/],
    ["pue 0.5", { pue: 0.5 }, /pue: Too small/],
    ["grid 1e300", { grid: 1e300 }, /grid/],
    [
      "a price of 1e-9",
      { prices: [{ gpu: "H100", usdPerGpuHour: 1e-9, date: "2026-01-01", source: "x" }] },
      /prices\[0\]\.usdPerGpuHour: Too small/,
    ],
  ])("%s", async (_name, config, says) => {
    expectRefused(await measure(["estimate", ...JOB, "--config", write("n.json", config)], dir), says);
  });

  it.each(["2025-02-30", "2024-02-30", "2026-13", "2026-00-10", "2026-04-31", "2026-01-00"])(
    "a config date %s is not on the calendar",
    async (date) => {
      const config = write("d.json", { fx: { krwPerUsd: 1400, date, source: "x" } });
      expectRefused(
        await measure(["estimate", ...JOB, "--config", config], dir),
        /d\.json: fx\.date: expected a date on the calendar/,
      );
    },
  );

  it.each(["2024-02-29", "2026-12-31", "2026-04", "2026", "2024-Q4"])("a config date %s is accepted", async (date) => {
    const config = write("d.json", { fx: { krwPerUsd: 1400, date, source: "x" } });
    const outcome = await measure(["estimate", ...JOB, "--config", config], dir);
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
  });
});

describe("errors name the file and path a value came from, and quote it short", () => {
  it.each([
    [
      "axolotl",
      "base_model: meta-llama/Llama-2-7b-hf\nsequence_len: 100000000\n",
      /a\.yaml: sequence_len: "100000000": expected a sequence length/,
    ],
    [
      "axolotl",
      "base_model: meta-llama/Llama-2-7b-hf\nmicro_batch_size: 99999999\n",
      /a\.yaml: micro_batch_size: "99999999": expected sequences per GPU/,
    ],
    [
      "axolotl",
      "base_model: meta-llama/Llama-2-7b-hf\nadapter: lora\nlora_r: 99999999\n",
      /a\.yaml: lora_r: "99999999"/,
    ],
    [
      "llama-factory",
      "model_name_or_path: meta-llama/Llama-2-7b-hf\ncutoff_len: 100000000\n",
      /a\.yaml: cutoff_len: "100000000"/,
    ],
    [
      "torchtune",
      "model:\n  _component_: torchtune.models.llama2.lora_llama2_7b\ntokenizer:\n  max_seq_len: 100000000\n",
      /a\.yaml: tokenizer\.max_seq_len: "100000000"/,
    ],
  ])("%s: a value past the flag's bound", async (_trainer, yaml, says) => {
    const outcome = await measure(
      ["estimate", "--from", write("a.yaml", yaml), "--tokens", "1B", "--gpus", "H100"],
      dir,
    );
    expectRefused(outcome, says);
    expect(outcome.stderr).not.toMatch(/invalid --/);
  });

  it("a flag typed on the command line is still blamed as the flag", async () => {
    const yaml = write("a.yaml", "base_model: meta-llama/Llama-2-7b-hf\nsequence_len: 512\n");
    expectRefused(
      await measure(["estimate", "--from", yaml, "--seq-len", "0", "--tokens", "1B", "--gpus", "H100"], dir),
      /^llm-cost: invalid --seq-len "0"/,
    );
  });

  it.each([
    [
      "a 5 MB base_model",
      () => [
        "estimate",
        "--from",
        write("m.yaml", `base_model: ${"x".repeat(5_000_000)}\n`),
        "--tokens",
        "1B",
        "--gpus",
        "H100",
      ],
    ],
    [
      "a 1 MB gpus in a config",
      () => [
        "estimate",
        "--params",
        "7B",
        "--tokens",
        "1B",
        "--config",
        write("g.json", { gpus: "x".repeat(1_000_000) }),
      ],
    ],
    [
      "a 1 MB provider in a config",
      () => ["estimate", ...JOB, "--config", write("p.json", { provider: "y".repeat(1_000_000) })],
    ],
    ["a 4,000-character --gpus", () => ["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "x".repeat(4000)]],
    ["a 130 kB --gpus", () => ["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "x".repeat(130_000)]],
    [
      "200,000 spaces in --params",
      () => ["estimate", "--params", `7${" ".repeat(200_000)}x`, "--tokens", "1B", "--gpus", "H100"],
    ],
    [
      "4,000 spaces and a newline in --params",
      () => ["estimate", "--params", `7${" ".repeat(4000)}\n${" ".repeat(40)}x`, "--tokens", "1B", "--gpus", "H100"],
    ],
    [
      "a 4,000-character unknown model",
      () => ["estimate", "--model", "q".repeat(4000), "--tokens", "1B", "--gpus", "H100"],
    ],
    [
      "a 4,000-character --deadline",
      () => ["plan", "--params", "7B", "--tokens", "1B", "--strategy", "lora", "--deadline", `9${"d".repeat(3999)}`],
    ],
    [
      "a torchtune builder with 40 _1 segments",
      () => [
        "estimate",
        "--from",
        write("t.yaml", `model:\n  _component_: torchtune.models.llama.lora_llama${"_1".repeat(40)}\n`),
        "--tokens",
        "1B",
        "--gpus",
        "H100",
      ],
    ],
  ])("%s: one short line, quickly", async (_name, argv) => {
    const outcome = await measure(argv(), dir);
    expectRefused(outcome);
    expect(outcome.ms).toBeLessThan(2000);
  });

  it.each([
    [["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "2xH1000"], "(did you mean H100?)"],
    [
      ["plan", "--params", "7B", "--tokens", "1B", "--strategy", "lora", "--budget", "100000"],
      "(a number alone has no currency: did you mean 100000원 or $100000?)",
    ],
  ])("a line cut to fit keeps its closing hint: %j", async (argv, hint) => {
    const outcome = await measure(argv, dir);
    expectRefused(outcome);
    expect(outcome.stderr.trimEnd().endsWith(hint)).toBe(true);
  });

  it("torchtune builder names with digit underscores still find their preset", async () => {
    const yaml = write("t.yaml", "model:\n  _component_: torchtune.models.llama3_1.lora_llama3_1_8b\n");
    const outcome = await measure(
      ["estimate", "--from", yaml, "--tokens", "1B", "--gpus", "H100", "--format", "json"],
      dir,
    );
    expect(outcome.stderr).toBe("");
    expect(JSON.parse(outcome.stdout).inputs.model).toBe("llama-3.1-8b");
  });
});

describe("text from files is bounded too", () => {
  it.each([
    [
      "a 5,000-character scenario title",
      () => [
        "scenarios",
        write("s.json", [{ id: "x", title: "t".repeat(5000), params: 7e9, strategy: "dapt", tokens: "1B" }]),
      ],
      /s\.json: \[0\]\.title: expected at most 100 characters/,
    ],
    [
      "a 1 MB scenario source",
      () => [
        "compare",
        write("s.json", [
          { id: "x", title: "T", source: "s".repeat(1e6), params: 7e9, strategy: "dapt", tokens: "1B", gpus: "H100" },
        ]),
      ],
      /s\.json: \[0\]\.source: expected at most 1000 characters/,
    ],
    [
      "a 101-character GPU name",
      () => [
        "estimate",
        ...JOB,
        "--config",
        write("c.json", { gpuSpecs: [{ ...GOOD_CONFIG.gpuSpecs[0], name: "n".repeat(101) }] }),
      ],
      /c\.json: gpuSpecs\[0\]\.name: expected at most 100 characters/,
    ],
    [
      "a 101-character provider name",
      () => [
        "estimate",
        ...JOB,
        "--config",
        write("c.json", { prices: [{ ...GOOD_CONFIG.prices[1], providerName: "p".repeat(101) }] }),
      ],
      /c\.json: prices\[0\]\.providerName: expected at most 100 characters/,
    ],
    [
      "101 scenarios in one file",
      () => [
        "scenarios",
        write(
          "s.json",
          Array.from({ length: 101 }, (_, i) => ({
            id: `s${i}`,
            title: "T",
            params: 7e9,
            strategy: "dapt",
            tokens: "1B",
          })),
        ),
      ],
      /s\.json: \(top level\): expected at most 100 scenarios/,
    ],
  ])("%s", async (_name, argv, says) => {
    expectRefused(await measure(argv(), dir), says);
  });
});

describe("catalog sizes in a config are capped", () => {
  const gpu = (i: number) => ({ ...GOOD_CONFIG.gpuSpecs[0], id: `g${i}` });
  it.each([
    ["gpuSpecs", { gpuSpecs: Array.from({ length: 201 }, (_, i) => gpu(i)) }],
    ["prices", { prices: Array.from({ length: 20_000 }, () => GOOD_CONFIG.prices[1]) }],
    ["models", { models: Array.from({ length: 201 }, (_, i) => ({ ...GOOD_CONFIG.models[0], id: `m${i}` })) }],
  ])("%s over 200 entries", async (key, config) => {
    expectRefused(
      await measure(
        ["plan", "--params", "7B", "--tokens", "1B", "--strategy", "lora", "--config", write("c.json", config)],
        dir,
      ),
      new RegExp(`c\\.json: ${key}: expected at most 200 entries`),
    );
  });

  it("200 own GPUs with 200 prices: plan answers within 2 s", async () => {
    const config = write("c.json", {
      gpuSpecs: Array.from({ length: 200 }, (_, i) => gpu(i)),
      prices: Array.from({ length: 200 }, (_, i) => ({
        gpu: `g${i}`,
        usdPerGpuHour: 1 + i / 100,
        date: "2026-01-01",
        source: "x",
      })),
    });
    const outcome = await measure(
      ["plan", "--params", "7B", "--tokens", "1B", "--strategy", "lora", "--config", config],
      dir,
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    expect(outcome.ms).toBeLessThan(2000);
  });
});
