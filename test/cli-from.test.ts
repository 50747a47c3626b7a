import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

const FIXTURES = "test/fixtures";
const json = async (args: string[]) => {
  const result = await cli([...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  return EstimateJson.parse(JSON.parse(result.stdout));
};

describe("estimate --from a training config", () => {
  // Each QLoRA fixture: 4-bit base, rank 32, sequence 4096, micro-batch 2, gradient checkpointing.
  it.each(["axolotl-qlora", "llamafactory-qlora", "torchtune-qlora"])(
    "%s.yaml → a qlora estimate with rank 32, seq 4096, micro-batch 2, full recompute",
    async (name) => {
      const out = await json([
        "estimate",
        "--from",
        `${FIXTURES}/trainers/${name}.yaml`,
        "--model-config",
        `${FIXTURES}/hf/llama/config.json`,
        "--tokens",
        "100M",
        "--gpus",
        "1xA100",
      ]);
      expect(out.inputs.strategies).toEqual(["qlora"]);
      expect(out.inputs).toMatchObject({
        loraRank: 32,
        seqLen: 4096,
        microBatch: 2,
        recompute: "full",
        params: 6_738_415_616,
      });
      expect(out.inputs.from!.file).toBe(`${FIXTURES}/trainers/${name}.yaml`);
      expect(out.inputs.from!.used.length).toBeGreaterThan(3);
    },
  );

  it("the hub id in the file maps to a preset when one matches", async () => {
    const out = await json([
      "estimate",
      "--from",
      `${FIXTURES}/trainers/llamafactory-lora.yaml`,
      "--tokens",
      "100M",
      "--gpus",
      "1xA100",
    ]);
    expect(out.inputs.model).toBe("qwen2.5-7b");
    expect(out.inputs.strategies).toEqual(["lora"]);
    expect(out.inputs.loraTargets).toEqual(["q", "v"]);
  });

  it("flags on the command line override the file", async () => {
    const out = await json([
      "estimate",
      "--from",
      `${FIXTURES}/trainers/axolotl-qlora.yaml`,
      "--model",
      "llama-2-7b",
      "--tokens",
      "100M",
      "--gpus",
      "1xA100",
      "--lora-rank",
      "8",
      "--seq-len",
      "1024",
      "--strategy",
      "lora",
    ]);
    expect(out.inputs).toMatchObject({
      model: "llama-2-7b",
      loraRank: 8,
      seqLen: 1024,
      microBatch: 2,
      strategies: ["lora"],
    });
  });

  it("the table lists the fields used, ignored and assumed", async () => {
    const { stdout } = await cli([
      "estimate",
      "--from",
      `${FIXTURES}/trainers/axolotl-qlora.yaml`,
      "--tokens",
      "100M",
      "--gpus",
      "1xA100",
    ]);
    expect(stdout).toMatch(/From test\/fixtures\/trainers\/axolotl-qlora\.yaml \(axolotl\)/);
    expect(stdout).toMatch(/used: base_model, adapter/);
    expect(stdout).toMatch(/ignored: [\s\S]*learning_rate/);
  });

  it("a Mixtral config.json: 46.7B total parameters, FLOPs on the 12.9B active", async () => {
    const out = await json([
      "estimate",
      "--model-config",
      `${FIXTURES}/hf/mixtral/config.json`,
      "--tokens",
      "1T",
      "--gpus",
      "64xH100",
      "--strategy",
      "scratch",
    ]);
    expect(out.inputs.params / 1e9).toBeCloseTo(46.7, 1);
    expect(out.inputs.activeParams / 1e9).toBeCloseTo(12.9, 1);
    expect(out.estimates[0]!.flops).toBe(6 * out.inputs.activeParams * 1e12);
  });

  it("llama-2-7b config.json gives 6,738,415,616 parameters", async () => {
    expect(
      (
        await json([
          "estimate",
          "--model-config",
          `${FIXTURES}/hf/llama/config.json`,
          "--tokens",
          "15B",
          "--gpus",
          "2xH100",
        ])
      ).inputs.params,
    ).toBe(6_738_415_616);
  });

  it.each([
    [
      "a missing file",
      ["--from", "nothere.yaml", "--tokens", "1B", "--gpus", "H100"],
      /--from "nothere\.yaml": no such file/,
    ],
    [
      "--model-config and --model together",
      [
        "--model-config",
        `${FIXTURES}/hf/llama/config.json`,
        "--model",
        "llama-2-7b",
        "--tokens",
        "1B",
        "--gpus",
        "H100",
      ],
      /--model and --model-config both give the model/,
    ],
    [
      "a config.json that is not JSON",
      ["--model-config", `${FIXTURES}/trainers/axolotl-qlora.yaml`, "--tokens", "1B", "--gpus", "H100"],
      /axolotl-qlora\.yaml: not valid JSON/,
    ],
  ])("%s is one clear line and exit 2", async (_name, args, message) => {
    const result = await cli(["estimate", ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
