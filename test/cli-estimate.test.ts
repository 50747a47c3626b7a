import { describe, expect, it } from "vitest";
import { EstimateJson } from "../src/output/estimate-json.js";
import { cli } from "./helpers/cli.js";

const BASE = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];
const STRATEGIES = ["scratch", "dapt", "tapt", "sft", "lora", "qlora"];
const ANSI = /\u001b\[/;

/** Every number anywhere inside a parsed JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

describe("llm-cost estimate", () => {
  it("table: six strategies, scratch FLOPs 6.3e20, assumptions, no colour when piped, ≤ 100 columns", async () => {
    const { status, stdout, stderr } = await cli(BASE);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    for (const s of STRATEGIES) expect(stdout).toMatch(new RegExp(`│ ${s} `));
    // On the fixture catalog's round throughput model (test/fixtures/catalog/throughput.json), see
    // the --explain test below: 713.1 GPU-hours, 14.86 days; tensor parallelism 2 at 69.2 GB per GPU.
    expect(stdout).toMatch(/│ scratch\s+│\s+6\.3e20 │\s+713 │\s+14\.9 d │\s+69\.2 GB │/);
    expect(stdout).toMatch(/all weights from random init · trains 7B \(100%\)/);
    expect(stdout).toContain("Assumptions");
    expect(stdout).toMatch(/KRW per USD \(2025-12-30/);
    expect(stdout).toMatch(/per GPU-hour: median over providers/);
    expect(stdout).not.toMatch(ANSI);
    for (const line of stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it("FORCE_COLOR colours a pipe; NO_COLOR wins over it", async () => {
    expect((await cli(BASE, { FORCE_COLOR: "1" })).stdout).toMatch(ANSI);
    expect((await cli(BASE, { FORCE_COLOR: "1", NO_COLOR: "1" })).stdout).not.toMatch(ANSI);
    expect((await cli([...BASE, "--no-color"], { FORCE_COLOR: "1" })).stdout).not.toMatch(ANSI);
  });

  it("json: parses, passes the schema, carries inputs and dated assumptions", async () => {
    const { status, stdout } = await cli([...BASE, "--format", "json"]);
    expect(status).toBe(0);
    const json = EstimateJson.parse(JSON.parse(stdout));
    expect(json.inputs).toMatchObject({
      params: 7e9,
      tokens: 15e9,
      gpus: { id: "h100-sxm", count: 2 },
      strategies: STRATEGIES,
    });
    expect(json.estimates.map((e) => e.strategy)).toEqual(STRATEGIES);
    const scratch = json.estimates[0]!;
    expect(scratch.flops).toBe(6.3e20);
    expect(scratch.trainableParams).toBe(7e9);
    const lora = json.estimates.find((e) => e.strategy === "lora")!;
    expect(lora.flops / scratch.flops).toBeCloseTo(2 / 3, 1);
    expect(json.assumptions.fxDate).toBe("2025-12-30");
    expect(json.assumptions.priceDate).toMatch(/^\d{4}-\d{2}/);
    expect(json.assumptions.priceOffers.length).toBeGreaterThan(3);
    expect(json.assumptions.formulas.join(" ")).toContain("6 x N");
    // won = dollars × rate, for every point of every range
    for (const e of json.estimates) {
      for (const k of ["low", "expected", "high"] as const)
        expect(e.costKrw![k]).toBeCloseTo(e.costUsd![k] * json.assumptions.krwPerUsd, 4);
    }
  });

  it("--model with --add-vocab 14336 adds exactly 117,440,512 parameters to llama-2-7b", async () => {
    const json = EstimateJson.parse(
      JSON.parse(
        (
          await cli([
            "estimate",
            "--model",
            "llama-2-7b",
            "--add-vocab",
            "14336",
            "--tokens",
            "15B",
            "--gpus",
            "2xH100",
            "--format",
            "json",
          ])
        ).stdout,
      ),
    );
    expect(json.inputs.params).toBe(6_738_415_616 + 117_440_512);
    expect(json.inputs.vocab).toBe(46_336);
    expect(json.inputs.addedVocabParams).toBe(117_440_512);
  });

  it("--mfu, --price and --fx flow through: 0.4 MFU, $2.49, 1,439 won on llama-2-7b", async () => {
    const json = EstimateJson.parse(
      JSON.parse(
        (
          await cli([
            "estimate",
            "--model",
            "llama-2-7b",
            "--tokens",
            "15B",
            "--gpus",
            "2xH100",
            "--strategy",
            "dapt",
            "--mfu",
            "0.4",
            "--price",
            "2.49",
            "--fx",
            "1439",
            "--format",
            "json",
          ])
        ).stdout,
      ),
    );
    const dapt = json.estimates[0]!;
    expect(dapt.gpuHours.expected).toBeCloseTo(425.663, 2);
    expect(dapt.costUsd!.expected).toBeCloseTo(1059.9, 1);
    expect(json.assumptions.mfuSource).toBe("--mfu");
    expect(json.assumptions.priceProvider).toBe("user");
  });

  it("energy: the Llama 2 7B card's 31.22 t from 184,320 A100-hours at 400 W, PUE 1.1, 385 g/kWh", async () => {
    // 552,960,000 tokens at 1 token/s/GPU = 153,600 steady GPU-hours; the fixture's goodput of 1 / 1.2
    // makes them 184,320 paid GPU-hours, the card's figure.
    const json = EstimateJson.parse(
      JSON.parse(
        (
          await cli([
            "estimate",
            "--params",
            "7B",
            "--tokens",
            "552960000",
            "--gpus",
            "A100",
            "--strategy",
            "scratch",
            "--tokens-per-sec",
            "1",
            "--pue",
            "1.1",
            "--grid",
            "us",
            "--format",
            "json",
          ])
        ).stdout,
      ),
    );
    expect(json.estimates[0]!.gpuHours.expected).toBeCloseTo(184_320, 3);
    expect(json.estimates[0]!.co2Kg.expected).toBeCloseTo(31_223.8, 0);
    expect(json.assumptions.gridGCO2PerKWh).toBe(385);
    const korea = EstimateJson.parse(JSON.parse((await cli([...BASE, "--format", "json"])).stdout));
    expect(korea.assumptions.gridGCO2PerKWh).toBe(417.3);
    expect(korea.assumptions.pue).toBe(1.15);
  });

  it("csv: header, one row per strategy, raw numbers, CRLF; tsv: tab-separated", async () => {
    const csv = await cli([...BASE, "--format", "csv"]);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(7);
    const header = lines[0]!.split(",");
    expect(header.slice(0, 6)).toEqual(["label", "model", "params", "active_params", "tokens", "strategy"]);
    const scratch = lines[1]!.split(",");
    // 6 × 7e9 × 15e9 = 6.3e20: exponent form, which every spreadsheet reads as a number (the 21-digit
    // integer it used to be overflows a 64-bit integer, and pandas read it as text).
    expect(scratch[header.indexOf("flops")]).toBe("6.3e+20");
    expect(csv.stdout).not.toMatch(ANSI);
    const tsv = await cli([...BASE, "--format", "tsv"]);
    const rows = tsv.stdout
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t"));
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it("odd but valid input never prints NaN, Infinity or a negative number: 1 GPU, 1T params, 1 token", async () => {
    for (const args of [
      ["estimate", "--params", "1T", "--tokens", "1", "--gpus", "H100", "--format", "json"],
      ["estimate", "--params", "1", "--tokens", "1", "--gpus", "1xL4", "--format", "json"],
      ["estimate", "--params", "1T", "--tokens", "100T", "--gpus", "100000xB200", "--format", "json"],
    ]) {
      const { status, stdout } = await cli(args);
      expect(status, args.join(" ")).toBe(0);
      expect(stdout).not.toMatch(/NaN|Infinity/);
      const json = JSON.parse(stdout) as unknown;
      EstimateJson.parse(json);
      for (const n of numbersIn(json)) expect(n).toBeGreaterThanOrEqual(0);
    }
    const table = await cli(["estimate", "--params", "1T", "--tokens", "1", "--gpus", "H100"]);
    expect(table.status).toBe(0);
    expect(table.stdout).not.toMatch(/NaN|Infinity/);
  });
});

describe("bad input: exit 2, one line on stderr naming the flag and value, no stack trace", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["missing --params", ["estimate", "--tokens", "15B", "--gpus", "2xH100"], /missing --params/],
    ["missing --tokens", ["estimate", "--params", "7B", "--gpus", "2xH100"], /missing --tokens/],
    ["missing --gpus", ["estimate", "--params", "7B", "--tokens", "15B"], /missing --gpus/],
    [
      "unparseable --params",
      ["estimate", "--params", "seven", "--tokens", "15B", "--gpus", "2xH100"],
      /--params "seven"/,
    ],
    ["zero tokens", ["estimate", "--params", "7B", "--tokens", "0", "--gpus", "2xH100"], /--tokens "0"/],
    ["negative params", ["estimate", "--params", "-7B", "--tokens", "15B", "--gpus", "2xH100"], /--params "-7B"/],
    ["0 GPUs", ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "0xH100"], /--gpus "0xH100".*at least 1/],
    [
      "unknown GPU",
      ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH1000"],
      /--gpus "2xH1000".*did you mean H100\?/,
    ],
    [
      "unknown strategy",
      ["estimate", ...BASE.slice(1), "--strategy", "scratch,lorra"],
      /--strategy "scratch,lorra".*did you mean lora\?/,
    ],
    ["unknown provider", [...BASE, "--provider", "awz"], /--provider "awz".*did you mean aws\?/],
    [
      "provider without that GPU",
      ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xMI300X", "--provider", "lambda"],
      /--provider "lambda".*no current on-demand price for MI300X/,
    ],
    ["--mfu above 1", [...BASE, "--mfu", "1.5"], /--mfu "1.5".*from 0\.001 to 1/],
    ["--mfu zero", [...BASE, "--mfu", "0"], /--mfu "0"/],
    ["unknown --format", [...BASE, "--format", "xml"], /--format "xml".*table, json, csv, tsv/],
    ["bad --price", [...BASE, "--price", "free"], /--price "free"/],
    ["bad --fx", [...BASE, "--fx", "-1"], /--fx "-1"/],
    ["unknown option", [...BASE, "--gpu", "H100"], /unknown option '--gpu'/],
    ["unknown command", ["estimat"], /unknown command 'estimat'.*estimate/],
    ["no command", [], /missing command/],
    [
      "unknown model",
      ["estimate", "--model", "llama-2-7", "--tokens", "15B", "--gpus", "H100"],
      /--model "llama-2-7".*did you mean/,
    ],
    [
      "--tokens-per-sec above the GPU's peak",
      [...BASE, "--strategy", "dapt", "--tokens-per-sec", "100000"],
      /--tokens-per-sec "100000".*dense peak; at most 23,557 tokens\/s/,
    ],
    ["unknown grid", [...BASE, "--grid", "koreaa"], /--grid "koreaa".*did you mean korea\?/],
    ["PUE below 1", [...BASE, "--pue", "0.9"], /--pue "0.9"/],
    [
      "fp8 on A100",
      ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "A100", "--precision", "fp8"],
      /--precision "fp8".*no fp8/,
    ],
  ];
  it.each(cases)("%s", async (_name, args, message) => {
    const { status, stdout, stderr } = await cli(args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^llm-cost: /);
    expect(lines[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("--explain and --format markdown", () => {
  it("--explain fills in every step with numbers a reader can redo", async () => {
    const { stdout } = await cli([...BASE, "--strategy", "dapt", "--explain"]);
    // The fixture model: matmul efficiency 0.5 × (295.34 / 153)^-0.5 = 0.35987 of 989.4e12 = 3.56061e14.
    // Generic 7B: 33 layers × 4096, hardware FLOPs 4.2e10 + 12 × 33 × 32 × 128 × 4096 = 4.86438e10.
    // On 2 × H100 the job fits without recomputation only with tensor parallelism 2 (69.2 GB per GPU):
    // per micro-batch of 4096 tokens, 4096 × 4.86438e10 / 2 / 3.56061e14 = 0.279791 s of compute plus
    // 8 × 33 all-gathers of 4096 × 4096 × 2 bytes between 2 GPUs at 360 GB/s = 0.012303 s;
    // 4096 / 2 / 0.292094 = 7,011.4 tokens/s per GPU. Goodput 1 / 1.2: 15e9 / 7,011.4 / 3600 × 1.2 = 713.1.
    expect(stdout).toContain("6 x 7B parameters = 4.2e10 FLOPs per token");
    expect(stdout).toContain("4.2e10 x 15B tokens = 6.3e20");
    expect(stdout).toContain("speed during training steps: 7,011 tokens/s per GPU");
    expect(stdout).toContain("15B tokens / 7,011 tokens/s / 3600 / 0.8333 = 713.1 GPU-hours");
    expect(stdout).toContain("713.1 / 2 GPUs / 24 = 14.86 days");
    expect(stdout).toMatch(/713\.1 x \$3\.92 per GPU-hour = \$2,795/);
  });
  it("markdown: a pipe table with one row per strategy and the assumptions", async () => {
    const { status, stdout } = await cli([...BASE, "--format", "markdown"]);
    expect(status).toBe(0);
    const rows = stdout.split("\n").filter((l) => l.startsWith("| **"));
    expect(rows).toHaveLength(6);
    // Strategy, what it is, trainable, FLOPs, GPU-hours, wall-clock, memory, cost in won and dollars.
    for (const row of rows) expect(row.split(" | ")).toHaveLength(9);
    // 713.1 ×/÷ e^0.5: 432.5–1,175.7
    expect(stdout).toContain("| **scratch** | all weights from random init | 7B | 6.3e20 | 713 (433–1,176) |");
    expect(stdout).toContain("- Efficiency (scratch, dapt, tapt, sft): MFU 25%");
    expect(stdout).not.toMatch(ANSI);
  });
});
