import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatKrw } from "../src/output/format.js";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

const json = async (args: string[]) =>
  EstimateJson.parse(JSON.parse((await cli([...args, "--format", "json"])).stdout));

/** What a new-user review of the CLI found, each now pinned. */
describe("review findings stay fixed", () => {
  it("a YAML file with too many aliases is one line and exit 2, not a crash", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-yaml-"));
    const yaml = [
      "d: &d {a: 1}",
      "datasets:",
      ...Array.from({ length: 101 }, () => "  - *d"),
      "base_model: meta-llama/Llama-3.1-8B",
      "adapter: lora",
    ].join("\n");
    writeFileSync(join(dir, "many.yaml"), yaml);
    const result = await cli(["estimate", "--from", "many.yaml", "--tokens", "1M", "--gpus", "L4"], {}, dir);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^llm-cost: many\.yaml: /);
  });
  it("LoRA with --add-vocab counts the new rows once, at 6 FLOPs (trained), not 4 + 6", async () => {
    const out = await json([
      "estimate",
      "--model",
      "llama-2-7b",
      "--add-vocab",
      "14336",
      "--tokens",
      "15B",
      "--gpus",
      "2xH100",
      "--strategy",
      "lora",
    ]);
    // 4 × (6,855,856,128 − 117,440,512) + 6 × (39,976,960 + 117,440,512) = 27,898,167,296 FLOPs per token
    expect(out.estimates[0]!.flopsPerToken).toBe(4 * (6_855_856_128 - 117_440_512) + 6 * (39_976_960 + 117_440_512));
  });
  it("Korean money keeps hundreds of 원 below 10만 (14,999 is not 1만)", async () => {
    expect(formatKrw(14_999)).toBe("1만 5,000 원");
    expect(formatKrw(25_739)).toBe("2만 5,700 원");
    expect(formatKrw(99_999)).toBe("10만 원");
  });
  it("a GPU whose every price is over a year old is used with a warning", async () => {
    const result = await cli([
      "estimate",
      "--params",
      "7B",
      "--tokens",
      "1B",
      "--gpus",
      "RTX6000-ADA",
      "--strategy",
      "lora",
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/warning: every on-demand price known for RTX6000-ADA is more than a year old/);
  });
  it("more GPUs than any published run is a warning", async () => {
    expect(
      (await cli(["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "100000xH100", "--strategy", "dapt"]))
        .stderr,
    ).toMatch(/100,000 GPUs is more than any published training run used \(16,384\)/);
  });
  it("GPU forms people type: '2 H100' and 'H100x2' mean two; RTX4090 is not RT × 4090", async () => {
    expect(
      (await json(["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "2 H100", "--strategy", "dapt"])).inputs
        .gpus.count,
    ).toBe(2);
    expect(
      (await json(["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "H100x2", "--strategy", "dapt"])).inputs
        .gpus.count,
    ).toBe(2);
    expect(
      (await json(["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "RTX4090", "--strategy", "lora"])).inputs
        .gpus,
    ).toMatchObject({ id: "rtx-4090", count: 1 });
  });
  const JOB = ["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "H100"];
  it.each([
    [[...JOB, "--strategy", "lroa"], /did you mean lora\?/],
    [["estimate", "--model", "solar", "--tokens", "1B", "--gpus", "H100"], /did you mean solar-10\.7b\?/],
    [[...JOB, "--fx", "1e-300"], /--fx "1e-300".*at least 1/],
    [[...JOB, "--mfu", "1e-9"], /--mfu "1e-9".*from 0\.001 to 1/],
    [["estimate", "--params", "1.5", "--tokens", "1B", "--gpus", "H100"], /--params "1\.5".*whole number/],
    [[...JOB, "--price", "2", "--price-kind", "spot"], /--price-kind picks a catalog price/],
  ])("%j is one clear line", async (args, message) => {
    const result = await cli(args);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
  it("an unknown Hugging Face id points to --model-config", async () => {
    expect(
      (await cli(["estimate", "--model", "mistralai/Mixtral-8x7B-v0.1", "--tokens", "1B", "--gpus", "H100"])).stderr,
    ).toMatch(/not a preset: give the model's config\.json with --model-config/);
  });
  it("a config.json saved with a byte-order mark is read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-bom-"));
    writeFileSync(
      join(dir, "config.json"),
      `\uFEFF${JSON.stringify({ model_type: "llama", hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 32, intermediate_size: 11008, vocab_size: 32000, tie_word_embeddings: false })}`,
    );
    const result = await cli(
      [
        "estimate",
        "--model-config",
        "config.json",
        "--tokens",
        "1B",
        "--gpus",
        "H100",
        "--strategy",
        "dapt",
        "--format",
        "json",
      ],
      {},
      dir,
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).inputs.params).toBe(6_738_415_616);
  });
});
