import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-config-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const NEGOTIATED = JSON.stringify({
  gpus: "8xH100",
  fx: { krwPerUsd: 1400, date: "2026-11-01", source: "treasury rate" },
  prices: [
    { gpu: "H100", usdPerGpuHour: 2.1, providerName: "negotiated", date: "2026-10-01", source: "contract 2026-117" },
  ],
});
const JOB = ["estimate", "--params", "7B", "--tokens", "15B", "--strategy", "dapt", "--format", "json"];

describe("llm-cost.config.json", () => {
  it("a negotiated H100 price changes the cost, and the JSON names the config as its source", async () => {
    const dir = dirWith({ "llm-cost.config.json": NEGOTIATED });
    const json = EstimateJson.parse(JSON.parse((await cli(JOB, {}, dir)).stdout));
    expect(json.inputs.gpus).toMatchObject({ id: "h100-sxm", count: 8 });
    expect(json.assumptions.priceUsdPerGpuHour).toBe(2.1);
    expect(json.assumptions.priceSource).toBe("llm-cost.config.json: contract 2026-117");
    const config = (key: string) => ({ kind: "config", file: "llm-cost.config.json", key });
    expect(json.assumptions.origins).toMatchObject({
      gpus: config("gpus"),
      fx: config("fx"),
      pue: { kind: "default" },
    });
    expect(json.assumptions.krwPerUsd).toBe(1400);
    const dapt = json.estimates[0]!;
    expect(dapt.costUsd!.expected).toBeCloseTo(dapt.gpuHours.expected * 2.1, 6);
  });
  it("flags win over the config (built-in < config < flags)", async () => {
    const dir = dirWith({ "llm-cost.config.json": NEGOTIATED });
    const json = EstimateJson.parse(
      JSON.parse((await cli([...JOB, "--gpus", "2xA100", "--fx", "1500", "--provider", "lambda"], {}, dir)).stdout),
    );
    expect(json.inputs.gpus).toMatchObject({ id: "a100-sxm-80gb", count: 2 });
    expect(json.assumptions.krwPerUsd).toBe(1500);
    expect(json.assumptions.priceProvider).toBe("lambda");
    expect(json.assumptions.origins).toMatchObject({
      gpus: { kind: "flag", flag: "--gpus" },
      fx: { kind: "flag", flag: "--fx" },
      provider: { kind: "flag", flag: "--provider" },
    });
  });
  it("--config PATH reads another file; own GPUs and models join the catalog", async () => {
    const dir = dirWith({
      "team.json": JSON.stringify({
        gpuSpecs: [
          {
            id: "h100-500w",
            name: "H100 capped at 500 W",
            architecture: "hopper",
            memoryGB: 80,
            denseTflops16: 800,
            tdpW: 500,
            source: "our cluster",
            date: "2026-11",
          },
        ],
        models: [
          {
            id: "tiny-ko",
            name: "Tiny Korean",
            arch: {
              layers: 2,
              hidden: 256,
              heads: 4,
              kvHeads: 4,
              headDim: 64,
              ffn: 1024,
              mlp: "gated",
              vocab: 1000,
              tiedEmbeddings: true,
              norm: "rmsnorm",
              normsPerLayer: 2,
              attnBias: "none",
              mlpBias: false,
              positionEmbeddings: 0,
            },
            source: "ours",
          },
        ],
        prices: [{ gpu: "h100-500w", usdPerGpuHour: 1.5, date: "2026-11-01", source: "internal chargeback" }],
      }),
    });
    const { stdout, status } = await cli(
      [
        "estimate",
        "--model",
        "tiny-ko",
        "--tokens",
        "1B",
        "--gpus",
        "4xh100-500w",
        "--config",
        "team.json",
        "--format",
        "json",
      ],
      {},
      dir,
    );
    expect(status).toBe(0);
    const json = EstimateJson.parse(JSON.parse(stdout));
    // 1000·256 embedding (tied) + 2 × (4·256² attention + 3·256·1024 MLP + 2·256 norms) + 256 final norm
    expect(json.inputs.params).toBe(256_000 + 2 * (262_144 + 786_432 + 512) + 256);
    expect(json.assumptions.gpuPeakTflops).toBe(800);
    expect(json.assumptions.priceUsdPerGpuHour).toBe(1.5);
  });

  const broken: Array<[string, string, RegExp]> = [
    ["a wrong type", JSON.stringify({ gpus: 8 }), /^llm-cost: bad\.json: gpus: expected string, received number$/],
    [
      "a wrong type deep inside",
      JSON.stringify({ prices: [{ gpu: "H100", usdPerGpuHour: "cheap", date: "2026-01-01", source: "x" }] }),
      /bad\.json: prices\[0\]\.usdPerGpuHour: expected number/,
    ],
    ["an unknown key", JSON.stringify({ gpuz: "1xH100" }), /bad\.json: gpuz: unknown key/],
    ["truncated JSON", '{"gpus": "2xH1', /bad\.json: not valid JSON/],
    [
      "a price without a date",
      JSON.stringify({ prices: [{ gpu: "H100", usdPerGpuHour: 2, source: "x" }] }),
      /bad\.json: prices\[0\]\.date/,
    ],
    [
      "a price for an unknown GPU",
      JSON.stringify({ prices: [{ gpu: "H900", usdPerGpuHour: 2, date: "2026-01-01", source: "x" }] }),
      /bad\.json: prices\[0\]\.gpu: unknown GPU "H900"/,
    ],
  ];
  it.each(broken)("a config with %s fails with exit 2, the file and the JSON path", async (_name, text, message) => {
    const dir = dirWith({ "bad.json": text });
    const { status, stdout, stderr } = await cli([...JOB, "--gpus", "H100", "--config", "bad.json"], {}, dir);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });
  it("a missing --config file and a directory are errors; a missing default file is not", async () => {
    const dir = dirWith({});
    expect((await cli([...JOB, "--gpus", "H100", "--config", "nothere.json"], {}, dir)).stderr).toMatch(
      /nothere\.json: no such file \(--config\)/,
    );
    expect((await cli([...JOB, "--gpus", "H100", "--config", "."], {}, dir)).stderr).toMatch(/is a directory/);
    expect((await cli([...JOB, "--gpus", "H100"], {}, dir)).status).toBe(0);
  });
});
