import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { LONG_FLAGS } from "./cli-flags.js";
import { VALUE_FLAGS, type CommandName } from "./output-oracle.js";

/**
 * A grammar of llm-cost argument vectors for the fuzzers: per command, the valid flags with values
 * drawn from what users type (GPU specs, counts with suffixes, money, durations, strategies,
 * formats, model presets, scenario names, files), followed by mutations (drop, duplicate and swap
 * tokens, flip characters, edge values, unknown flags, --flag=value, flags without values).
 */

const pick = <T>(...values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
/** `arb` with probability `percent` %, else undefined. */
const maybe = <T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 100 - percent }, { arbitrary: arb, weight: percent });
/** Mostly a valid value, now and then one a user gets wrong (the mutations add far worse). */
const choice = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: invalid, weight: 1 });

// ---------------------------------------------------------------------------------------------
// Hostile values (issue 16): names of built-in object properties, control and escape sequences,
// huge values, and paths that are not regular files.

/** Names every object literal inherits: as data they must read as unknown names. */
export const PROPERTY_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupGetter__",
];
const propertyName = pick(...PROPERTY_NAMES);
/** Terminal sequences and other control characters a hostile value may carry. */
export const CONTROL_SEQUENCES = [
  "\u001b]0;pwned\u0007",
  "\u001b[31m",
  "\u001b[2J\u001b[H",
  "\u009b31m",
  "\u0000",
  "\r",
  "\n- fake item",
  "\u0007",
  "\u007f",
  "\u202e",
];
const controlSequence = pick(...CONTROL_SEQUENCES);
/**
 * Huge values: long runs (of a letter, of spaces, of digits) around and past the 4,096-character
 * argument limit, which once made edit distances and regular expressions run for seconds.
 */
const hugeValue = fc
  .tuple(pick("x", " ", "9", "_1", "a "), pick(64, 65, 4095, 4097, 20_000, 130_000), pick("", "7", "B", "x"))
  .map(([unit, length, tail]) => `7${unit.repeat(Math.ceil(length / unit.length))}${tail}`);
/** Paths that are not regular files: devices, a named pipe, a directory, a link to /dev/zero, an 11 MB file. */
export const NON_REGULAR_PATHS = [
  "/dev/zero",
  "/dev/urandom",
  "/dev/null",
  "fifo",
  "dir",
  "zero-link.json",
  "huge.json",
];
const nonRegularPath = pick(...NON_REGULAR_PATHS);
const ESC = "\u001b]0;pwned\u0007\u001b[31m";
const HOSTILE_GPU = {
  id: "evil",
  name: "Evil GPU",
  architecture: "hopper",
  memoryGB: 80,
  denseTflops16: 800,
  tdpW: 500,
  source: "s",
  date: "2026-01",
};
const LLAMA_SHAPE = {
  model_type: "llama",
  num_hidden_layers: 32,
  hidden_size: 4096,
  num_attention_heads: 32,
  vocab_size: 32000,
  intermediate_size: 11008,
};
/** Files in the fuzz directory (makeFuzzDir) whose contents are hostile, by the flag that reads them. */
const HOSTILE_CONFIG_FILES: Record<string, string> = {
  "esc-config.json": JSON.stringify({ gpuSpecs: [{ ...HOSTILE_GPU, name: `Evil${ESC}` }] }),
  "esc-price.json": JSON.stringify({
    prices: [{ gpu: "H100", usdPerGpuHour: 2, providerName: `p${ESC}|x`, date: "2026-01-01", source: "s\n- x" }],
  }),
  "pipe-config.json": JSON.stringify({
    gpuSpecs: [{ ...HOSTILE_GPU, name: "GPU | with | pipes *and* _marks_" }],
    prices: [{ gpu: "evil", usdPerGpuHour: 2, providerName: "a|b", date: "2026-01-01", source: "[x](y) <b>" }],
  }),
  "proto-config.json": '{"__proto__": {"pue": 2}, "provider": "constructor", "gpus": "1xtoString"}',
  "tiny-fx.json": JSON.stringify({ fx: { krwPerUsd: 5e-324, date: "2026-01-01", source: "x" } }),
  "bad-date.json": JSON.stringify({ fx: { krwPerUsd: 1400, date: "2025-02-30", source: "x" } }),
  "dup-key.json": '{"pue": 1.2, "pue": 1.5}',
  "utf16.json": "\ufeff{}",
  "long-value.json": JSON.stringify({ gpus: "x".repeat(200_000), provider: "y".repeat(200_000) }),
  "many-gpus.json": JSON.stringify({
    gpuSpecs: Array.from({ length: 300 }, (_, i) => ({ ...HOSTILE_GPU, id: `g${i}` })),
  }),
};
const HOSTILE_SCENARIO_FILES: Record<string, string> = {
  "proto-scenario.json": JSON.stringify({
    id: "x",
    title: "X",
    params: 7e9,
    strategy: "lora",
    tokens: "1B",
    gpus: "H100",
    loraTargets: "constructor",
  }),
  "esc-scenario.json": JSON.stringify([
    { id: "x", title: `T${ESC}|x`, params: 7e9, strategy: "dapt", tokens: "1B", gpus: "H100" },
  ]),
};
const HOSTILE_HF_FILES: Record<string, string> = {
  "hf-huge-layers.json": JSON.stringify({
    ...LLAMA_SHAPE,
    model_type: "qwen2_moe",
    num_hidden_layers: 1e10,
    num_experts: 60,
    num_experts_per_tok: 4,
    moe_intermediate_size: 1408,
  }),
  "hf-huge-vocab.json": JSON.stringify({ ...LLAMA_SHAPE, vocab_size: 1e12 }),
  "hf-dup.json": '{"model_type": "llama", "hidden_size": 4096, "hidden_size": 8}',
};
const HOSTILE_TRAINER_FILES: Record<string, string> = {
  "proto.yaml":
    "base_model: meta-llama/Llama-2-7b-hf\nadapter: lora\nlora_target_modules: [q_proj, constructor]\noptimizer: toString\n",
  "esc.yaml": `base_model: meta-llama/Llama-2-7b-hf\nadapter: ${JSON.stringify(`x${ESC}`)}\n${JSON.stringify(`k${ESC}`)}: 1\n`,
  "huge-seq.yaml": "base_model: meta-llama/Llama-2-7b-hf\nsequence_len: 100000000\n",
  "underscores.yaml": `model:\n  _component_: torchtune.models.llama.lora_llama${"_1".repeat(30)}\n`,
  "many-keys.yaml": `base_model: meta-llama/Llama-2-7b-hf\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join("\n")}\n`,
  "dup.yaml": "base_model: a\nsequence_len: 512\nbase_model: b\n",
};
const HOSTILE_CONFIGS = Object.keys(HOSTILE_CONFIG_FILES);
const HOSTILE_SCENARIOS = Object.keys(HOSTILE_SCENARIO_FILES);
const HOSTILE_HF_CONFIGS = Object.keys(HOSTILE_HF_FILES);
const HOSTILE_TRAINERS = Object.keys(HOSTILE_TRAINER_FILES);

/** A hostile value of any of the kinds above, alone or glued to a plausible value. */
const hostileValue = fc.oneof(
  propertyName,
  fc.tuple(pick("90", "61", "3", "7", "1x", "2x", "q,"), propertyName).map(([a, b]) => a + b),
  fc.tuple(pick("H100", "7B", "90d", "lora", "json", "aws"), controlSequence).map(([a, b]) => a + b),
  hugeValue,
  nonRegularPath,
);

// ---------------------------------------------------------------------------------------------
// Values

/** GPU names as users type them: ids, first aliases, other aliases, odd spacing and case. */
export const GPU_NAMES = [
  "H100",
  "h100",
  "H100-PCIE",
  "H100-NVL",
  "H100 SXM",
  "h100-sxm",
  "H200",
  "H800",
  "H20",
  "B200",
  "B100",
  "GB200",
  "A100",
  "A100-80GB",
  "A100-40GB",
  "a100 40gb",
  "A100-PCIE",
  "A800",
  "L40S",
  "L4",
  "A10G",
  "A10",
  "V100",
  "RTX4090",
  "4090",
  "RTX6000-ADA",
  "MI300X",
  "MI325X",
  "GAUDI2",
  "GAUDI3",
  "mi300x",
];
const gpuName = pick(...GPU_NAMES);
const gpuCount = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 16 }), weight: 6 },
  { arbitrary: pick(32, 64, 256, 1024, 4096, 16384), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 1_000_000 }), weight: 1 },
);
export const gpuSpec = choice(
  fc.oneof(
    {
      arbitrary: fc.tuple(gpuCount, pick("x", "×", " x ", "*", "X"), gpuName).map(([n, x, g]) => `${n}${x}${g}`),
      weight: 4,
    },
    { arbitrary: gpuName, weight: 1 },
  ),
  pick(
    "2xH900",
    "0xH100",
    "-1xH100",
    "1.5xH100",
    "2x",
    "x",
    "H1OO",
    "2xH100,2xA100",
    "2 H100",
    "1e3xH100",
    "2000000xH100",
  ),
);

/** Numbers at the far ends of what parses: 1e-320 … 9e320 (Infinity once parsed). */
const hugeOrTiny = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.oneof(fc.integer({ min: 15, max: 320 }), fc.integer({ min: -320, max: -5 })),
  )
  .map(([m, e]) => `${m}e${e}`);
const mantissa = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map(String),
  fc.double({ min: 0.1, max: 999, noNaN: true, noDefaultInfinity: true }).map((x) => String(Number(x.toPrecision(3)))),
);
const countOf = (suffixes: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.tuple(mantissa, pick(...suffixes)).map(([m, s]) => `${m}${s}`), weight: 8 },
    {
      arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 3, max: 13 })).map(([m, e]) => `${m}e${e}`),
      weight: 2,
    },
    { arbitrary: pick("7_000_000_000", "7,000,000,000", "7000000000", " 7B ", ".5B", "7.B", "1e-3B"), weight: 1 },
    { arbitrary: fc.oneof(hugeOrTiny, pick("1", "0.5", "1e400", "1e15T", "7 B", "7X")), weight: 1 },
  );
/**
 * Model sizes: mostly the 0.1B–80B users train (a job that does not fit its GPUs costs the estimate a
 * search over GPU counts, ~0.2 s each, so the giants are kept rare), sometimes anything.
 */
export const paramsCount = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.double({ min: 0.1, max: 80, noNaN: true }), pick("B", "b", "G"))
      .map(([m, u]) => `${Number(m.toPrecision(3))}${u}`),
    weight: 6,
  },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 999 }), pick("M", "m", "k")).map(([m, u]) => `${m}${u}`), weight: 2 },
  { arbitrary: countOf(["B", "T", "M", ""]), weight: 1 },
);
export const tokenCount = fc.oneof(
  { arbitrary: countOf(["B", "B", "M", "T", "k", "b"]), weight: 8 },
  { arbitrary: pick("chinchilla", "Chinchilla"), weight: 1 },
);
const smallCount = choice(
  fc.oneof(fc.integer({ min: 1, max: 100_000 }).map(String), pick("50k", "1k", "1024", "2k", "1e6")),
  pick("0", "-5", "1e400", "ten"),
);

export const MODELS = [
  "llama-2-7b",
  "llama-2-13b",
  "llama-2-70b",
  "llama-3.1-8b",
  "llama-3.1-70b",
  "llama-3.2-1b",
  "mistral-7b",
  "qwen2.5-0.5b",
  "qwen2.5-7b",
  "qwen2.5-72b",
  "gemma-2-9b",
  "exaone-3.5-7.8b",
  "llama-2-ko-7b",
  "polyglot-ko-12.8b",
  "tinyllama-1.1b",
  "meta-llama/Llama-2-7b-hf",
  "Qwen/Qwen2.5-7B-Instruct",
  "beomi/llama-2-ko-7b",
  "LLAMA-2-7B",
];
const model = choice(pick(...MODELS), pick("llama-9-7b", "gpt-5", ""));
export const STRATEGIES = ["scratch", "dapt", "tapt", "sft", "lora", "qlora"];
const strategy = choice(pick(...STRATEGIES), pick("DAPT", "pretrain", "dap"));
const strategyList = choice(
  fc.oneof(
    { arbitrary: pick(...STRATEGIES), weight: 3 },
    { arbitrary: fc.subarray(STRATEGIES, { minLength: 1 }).map((s) => s.join(",")), weight: 2 },
    { arbitrary: pick("all", "ALL", "lora, qlora", "sft,sft"), weight: 1 },
  ),
  pick("dapt,,lora", "dap", ",", "all,lora", "none"),
);
export const PROVIDERS = [
  "aws",
  "gcp",
  "azure",
  "lambda",
  "runpod",
  "coreweave",
  "elice",
  "nebius",
  "together",
  "vastai",
  "tensorwave",
  "digitalocean",
  "vultr",
  "crusoe",
];
const provider = choice(pick(...PROVIDERS), pick("negotiated", "AWS", "amazon", "aws "));
const priceKind = choice(pick("on-demand", "spot", "reserved"), pick("ondemand", "Spot", "free"));
const fraction = choice(
  fc.oneof(
    fc.double({ min: 0.01, max: 1, noNaN: true }).map((x) => String(Number(x.toFixed(3)))),
    fc.integer({ min: 1, max: 100 }).map((n) => `${n}%`),
    pick(".4", "40 %", "1"),
  ),
  pick("0", "1.5", "0%", "150%", "-0.4"),
);
const positiveNumber = (min: number, max: number): fc.Arbitrary<string> =>
  fc.oneof(
    {
      arbitrary: fc
        .double({ min, max, noNaN: true, noDefaultInfinity: true })
        .map((x) => String(Number(x.toPrecision(4)))),
      weight: 10,
    },
    { arbitrary: pick("1_000", "2.", ".5"), weight: 1 },
    { arbitrary: fc.oneof(hugeOrTiny, pick("0", "1e-9", "1e9", "1,439")), weight: 1 },
  );
export const MONEY = [
  "3억",
  "2.5억",
  "5000만",
  "2억5000만",
  "2억 5000만",
  "5천만",
  "1조",
  "10만",
  "₩300,000,000",
  "300000000원",
  "300,000,000 KRW",
  "$40k",
  "$1.2M",
  "40000usd",
  "40,000 USD",
  "$100",
  "$0.01",
  "US$5k",
  "1억원",
];
export const money = fc.oneof(
  { arbitrary: pick(...MONEY), weight: 6 },
  { arbitrary: fc.tuple(mantissa, pick("억", "만", "천만", "원")).map(([m, u]) => `${m}${u}`), weight: 3 },
  { arbitrary: fc.tuple(mantissa, pick("", "k", "M", "B")).map(([m, u]) => `$${m}${u}`), weight: 3 },
  {
    arbitrary: pick("3억 5000", "40k$", "300000000", "-3억", "$-5", "₩$5", "0원", "1e300원", "$1e300", "3M원"),
    weight: 1,
  },
  {
    arbitrary: fc.tuple(hugeOrTiny, pick("원", "", "만", "억")).map(([n, u]) => (u === "" ? `$${n}` : `${n}${u}`)),
    weight: 1,
  },
);
export const DURATIONS = [
  "90d",
  "90 days",
  "12w",
  "36h",
  "3mo",
  "2y",
  "2 years",
  "90일",
  "12주",
  "36시간",
  "3개월",
  "2년",
  "7d",
  "1d",
  "730",
  "1h",
];
export const duration = fc.oneof(
  { arbitrary: pick(...DURATIONS), weight: 6 },
  {
    arbitrary: fc.tuple(mantissa, pick("d", "w", "h", "mo", "y", " days", "일")).map(([m, u]) => `${m}${u}`),
    weight: 4,
  },
  {
    arbitrary: pick(
      "3m",
      "-7d",
      "0d",
      "1e3d",
      "forever",
      "7dd",
      "0.0000001d",
      "99999999999999999999y",
      "1_000_000y",
      ".001h",
      "7",
    ),
    weight: 1,
  },
);
const corpus = choice(
  fc.oneof(
    fc.tuple(mantissa, pick("GB", "TB", "MB", "GiB", " GB")).map(([m, u]) => `${m}${u}`),
    pick("61GB", "1.5TB", "500MB", "61GiB"),
  ),
  pick("61", "61G", "61 parsecs", "1e400GB", "-1GB"),
);
const corpusLang = choice(pick("ko", "ko-expanded", "en", "code", "KO"), pick("jp", ""));
const formats = (list: string[]) =>
  choice(pick(...list), pick("JSON", " json", "yaml", "txt", "html", "md", "tsv", "markdown"));
const loraTargets = choice(
  fc.oneof(
    fc.subarray(["q", "k", "v", "o", "gate", "up", "down"], { minLength: 1 }).map((t) => t.join(",")),
    pick("all", "attn", "mlp", "ALL"),
  ),
  pick("q,x", "", ","),
);
const wholeNumber = (max: number) =>
  choice(fc.integer({ min: 1, max }).map(String), pick("0", "-1", "1.5", "1e3", "4_096", "99999999999"));
/** Sequence lengths and micro-batches: mostly what fits (long ones make memory searches, see paramsCount). */
const seqLen = fc.oneof(
  { arbitrary: pick("512", "1024", "2048", "4096", "8192"), weight: 4 },
  { arbitrary: wholeNumber(131072), weight: 1 },
);
const microBatch = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 8 }).map(String), weight: 4 },
  { arbitrary: wholeNumber(64), weight: 1 },
);
const grid = choice(fc.oneof(pick("korea", "us", "KOREA"), positiveNumber(1, 1000)), pick("eu", "-5"));

/** Files the fuzz working directory holds (see makeFuzzDir). */
export const CONFIG_FILES = [
  "cfg.json",
  "team.json",
  "bad.json",
  "missing.json",
  "dir",
  "my-scenarios.json",
  "llm-cost.config.json",
];
const configPath = choice(
  pick("cfg.json", "team.json"),
  fc.oneof(
    pick("bad.json", "missing.json", "dir", "my-scenarios.json", "llm-cost.config.json"),
    pick(...HOSTILE_CONFIGS),
    nonRegularPath,
  ),
);
export const SCENARIO_NAMES = [
  "scratch-7b",
  "llama-2-ko-dapt",
  "korean-tapt-7b",
  "sft-7b",
  "sft-13b",
  "lora-7b",
  "qlora-7b",
  "SFT-7B",
];
export const SCENARIO_FILES = ["my-scenarios.json", "sub/one.json"];
const scenarioArg = choice(
  fc.oneof({ arbitrary: pick(...SCENARIO_NAMES), weight: 4 }, { arbitrary: pick(...SCENARIO_FILES), weight: 1 }),
  fc.oneof(
    pick("lora7b", "nope", "broken-scenario.json", "missing.json", "dir", "cfg.json", "hf.json"),
    pick(...HOSTILE_SCENARIOS),
    nonRegularPath,
    propertyName,
  ),
);

// ---------------------------------------------------------------------------------------------
// Commands

type Flag = readonly [string, fc.Arbitrary<string> | null, number?];
/** Optional flags: each present (with its value, or alone when the value is null) with its own percentage, `percent` by default. */
const optional = (flags: readonly Flag[], percent: number): fc.Arbitrary<string[]> =>
  fc
    .tuple(
      ...flags.map(([flag, value, own]) =>
        maybe(value === null ? fc.constant<string[]>([flag]) : value.map((v) => [flag, v]), own ?? percent),
      ),
    )
    .map((parts) => parts.flatMap((p) => p ?? []));

/** The model: a preset (maybe with a grown vocabulary), a bare size, or a config.json. */
const modelFlags = fc.oneof(
  { arbitrary: paramsCount.map((p) => ["--params", p]), weight: 4 },
  {
    arbitrary: fc
      .tuple(
        model,
        maybe(
          fc.oneof(
            smallCount.map((n) => ["--add-vocab", n]),
            pick(["--vocab", "46336"], ["--vocab", "1000"]),
          ),
          15,
        ),
      )
      .map(([m, v]) => ["--model", m, ...(v ?? [])]),
    weight: 4,
  },
  {
    arbitrary: choice(fc.constant("hf.json"), fc.oneof(pick(...HOSTILE_HF_CONFIGS), nonRegularPath)).map((f) => [
      "--model-config",
      f,
    ]),
    weight: 1,
  },
);
/** The tokens: a count, a corpus, or an SFT data set. */
const tokenFlags = fc.oneof(
  { arbitrary: tokenCount.map((t) => ["--tokens", t]), weight: 6 },
  {
    arbitrary: fc
      .tuple(
        corpus,
        fc.oneof(
          positiveNumber(0.5, 8).map((b) => ["--bytes-per-token", b]),
          corpusLang.map((l) => ["--corpus-lang", l]),
        ),
      )
      .map(([c, rest]) => ["--corpus", c, ...rest]),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(smallCount, smallCount, maybe(positiveNumber(0.5, 10), 50))
      .map(([e, t, ep]) => ["--examples", e, "--tokens-per-example", t, ...(ep ? ["--epochs", ep] : [])]),
    weight: 2,
  },
);
/** The price: none (the median), a provider, or your own (never both, except by mutation). */
const priceFlags = fc.oneof(
  { arbitrary: fc.constant<string[]>([]), weight: 5 },
  { arbitrary: provider.map((p) => ["--provider", p]), weight: 2 },
  { arbitrary: positiveNumber(0.1, 20).map((p) => ["--price", p]), weight: 2 },
);
/** The speed: the default, --mfu, or (rarely: it needs one strategy) --tokens-per-sec. */
const speedFlags = fc.oneof(
  { arbitrary: fc.constant<string[]>([]), weight: 6 },
  { arbitrary: fraction.map((m) => ["--mfu", m]), weight: 2 },
);
const passThrough: Flag[] = [
  ["--price-kind", priceKind],
  ["--fx", positiveNumber(900, 2000)],
  ["--config", configPath],
];

const estimate = fc
  .tuple(
    modelFlags,
    tokenFlags,
    gpuSpec,
    priceFlags,
    fc.oneof(
      { arbitrary: speedFlags, weight: 6 },
      {
        arbitrary: fc
          .tuple(strategy, positiveNumber(100, 30000))
          .map(([st, t]) => ["--strategy", st, "--tokens-per-sec", t]),
        weight: 1,
      },
    ),
    optional(
      [
        ["--strategy", strategyList, 30],
        ...passThrough,
        ["--precision", choice(pick("bf16", "fp8", "BF16"), pick("fp16"))],
        ["--pue", positiveNumber(1, 2)],
        ["--grid", grid],
        ["--lora-rank", wholeNumber(512)],
        ["--lora-targets", loraTargets],
        ["--seq-len", seqLen],
        ["--micro-batch", microBatch],
        ["--recompute", choice(pick("none", "selective", "full"), pick("partial"))],
        ["--zero", choice(pick("0", "1", "2", "3"), pick("4"))],
        ["--fsdp", null, 4],
        ["--optimizer", choice(pick("adamw", "adamw-bf16", "adamw-8bit", "adafactor", "sgd"), pick("lion"))],
        ["--no-flash-attn", null],
        ["--format", formats(["table", "json", "csv", "tsv", "markdown", "html"]), 40],
        ["--explain", null],
        ["--budget", money, 12],
        ["--deadline", duration, 12],
        ["--lang", choice(pick("en", "ko"), pick("fr")), 8],
        ["--currency", choice(pick("both", "krw", "usd"), pick("eur")), 8],
        ["--no-color", null],
        [
          "--from",
          choice(pick("axolotl.yaml"), fc.oneof(pick("missing.yaml", "bad.json", ...HOSTILE_TRAINERS), nonRegularPath)),
          4,
        ],
      ],
      7,
    ),
    maybe(
      pick(
        ["--out", "report.out"],
        ["--out", "report.out", "--force"],
        ["--out", "dir"],
        ["--out", "nofolder/x.txt"],
        ["--force"],
      ),
      6,
    ),
  )
  .map(([m, t, g, price, speed, rest, out]) => [
    "estimate",
    ...m,
    ...t,
    "--gpus",
    g,
    ...price,
    ...speed,
    ...rest,
    ...(out ?? []),
  ]);

const compare = fc
  .tuple(
    fc.array(scenarioArg, { minLength: 1, maxLength: 4 }),
    priceFlags,
    speedFlags,
    optional(
      [
        ["--gpus", gpuSpec, 30],
        ...passThrough,
        ["--format", formats(["table", "json", "csv", "markdown"]), 40],
        ["--chart", null, 20],
        ["--no-color", null],
      ],
      8,
    ),
  )
  .map(([names, price, speed, rest]) => ["compare", ...names, ...price, ...speed, ...rest]);

/** plan's price: the catalog's offers, one provider's, or your own for named GPU types. */
const planPriceFlags = fc.oneof(
  { arbitrary: fc.constant<string[]>([]), weight: 5 },
  { arbitrary: provider.map((p) => ["--provider", p]), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.subarray(["H100", "A100", "L4", "MI300X"], { minLength: 1 }), positiveNumber(0.1, 20))
      .map(([g, p]) => ["--gpus", g.join(","), "--price", p]),
    weight: 1,
  },
);
const plan = fc
  .tuple(
    modelFlags.filter((m) => m[0] !== "--model-config"),
    tokenFlags,
    strategy,
    planPriceFlags,
    speedFlags,
    optional(
      [
        ["--deadline", duration, 30],
        ["--budget", money, 30],
        ["--top", choice(fc.integer({ min: 1, max: 10 }).map(String), pick("0", "101", "x"))],
        [
          "--gpus",
          choice(
            fc.oneof(
              gpuName,
              fc.subarray(["H100", "A100", "L4", "MI300X", "B200"], { minLength: 1 }).map((g) => g.join(",")),
            ),
            pick("2xH100", "H100,,A100"),
          ),
        ],
        ...passThrough,
        ["--seq-len", seqLen],
        ["--micro-batch", microBatch],
        ["--recompute", choice(pick("none", "selective", "full"), pick("all"))],
        ["--lora-rank", wholeNumber(512)],
        ["--lora-targets", loraTargets],
        ["--format", formats(["table", "json"]), 40],
        ["--no-color", null],
      ],
      8,
    ),
  )
  .map(([m, t, s, price, speed, rest]) => ["plan", ...m, ...t, "--strategy", s, ...price, ...speed, ...rest]);

const check = fc
  .tuple(
    modelFlags.filter((m) => m[0] !== "--model-config"),
    tokenFlags,
    gpuSpec,
    choice(
      fc.oneof(
        { arbitrary: duration.map((d) => ["--claimed-days", d]), weight: 3 },
        { arbitrary: money.map((c) => ["--claimed-cost", c]), weight: 3 },
        { arbitrary: fc.tuple(duration, money).map(([d, c]) => ["--claimed-days", d, "--claimed-cost", c]), weight: 2 },
      ),
      fc.constant<string[]>([]),
    ),
    priceFlags,
    speedFlags,
    optional(
      [
        ["--strategy", choice(strategy, pick("all", "lora,sft")), 30],
        ...passThrough,
        ["--seq-len", seqLen],
        ["--lora-rank", wholeNumber(512)],
        ["--lora-targets", loraTargets],
        ["--format", formats(["table", "json"]), 40],
        ["--no-color", null],
      ],
      8,
    ),
  )
  .map(([m, t, g, claims, price, speed, rest]) => [
    "check",
    ...m,
    ...t,
    "--gpus",
    g,
    ...claims,
    ...price,
    ...speed,
    ...rest,
  ]);

const scenarios = fc
  .tuple(
    fc.array(scenarioArg, { maxLength: 3 }),
    optional(
      [
        ["--long", null, 4],
        ["--format", formats(["table", "json"])],
        ["--no-color", null],
      ],
      40,
    ),
  )
  .map(([names, rest]) => ["scenarios", ...names, ...rest]);
const validate = optional(
  [
    ["--format", formats(["table", "json", "csv"]), 60],
    ["--memory", null],
    ["--speed", null],
    ["--no-color", null],
  ],
  30,
).map((rest) => ["validate", ...rest]);
const listFlags = optional(
  [
    ["--format", formats(["table", "json", "csv"]), 60],
    ["--no-color", null, 30],
  ],
  50,
);
const gpus = listFlags.map((rest) => ["gpus", ...rest]);
const models = listFlags.map((rest) => ["models", ...rest]);
const prices = fc
  .tuple(maybe(choice(gpuName, pick("2xH100", "H900", "")), 60), listFlags)
  .map(([g, rest]) => ["prices", ...(g === undefined ? [] : [g]), ...rest]);
const fx = listFlags.map((rest) => ["fx", ...rest]);
/** calibrate on the bundled log fixtures (and a missing file); no --save, which writes the config. */
const LOGS = fileURLToPath(new URL("../fixtures/logs/", import.meta.url));
const calibrate = fc
  .tuple(
    fc.subarray(
      [
        "megatron-stdout.log",
        "nemo2-stdout.log",
        "torchtune-log.txt",
        "hf-trainer_state-tokens.json",
        "wandb-history.csv",
      ].map((f) => LOGS + f),
      { minLength: 1, maxLength: 2 },
    ),
    maybe(pick("missing.log"), 10),
    pick(["--params", "7B"], ["--params", "8B"], ["--model", "llama-2-7b"], []),
    maybe(choice(pick("16xH100", "8xH100", "H100"), pick("2xH10", "0xH100")), 60),
    optional(
      [
        ["--tokens", pick("15B", "1T", "0", "lots")],
        ["--seq-len", pick("4096", "2048", "0")],
        ["--strategy", pick("dapt", "lora", "sft,lora")],
        ["--column", pick("tokensPerSecPerGpu=perf/tps_gpu", "nope=x", "")],
        ["--format", formats(["table", "json", "csv", "tsv", "markdown"])],
        ["--lang", pick("ko", "en")],
      ],
      40,
    ),
  )
  .map(([logs, missing, model, gpus, rest]) => [
    "calibrate",
    "--log",
    ...logs,
    ...(missing ? [missing] : []),
    ...model,
    ...(gpus === undefined ? [] : ["--gpus", gpus]),
    ...rest,
  ]);
const completion = fc
  .tuple(choice(pick("bash", "zsh"), pick("fish", "BASH", "")), maybe(pick("--help", "extra", "zsh"), 10))
  .map(([s, extra]) => ["completion", s, ...(extra ? [extra] : [])]);
const noCommand = pick(
  [],
  ["--help"],
  ["-h"],
  ["--version"],
  ["-V"],
  ["help"],
  ["help", "estimate"],
  ["help", "plan"],
  ["help", "nope"],
  ["--no-color"],
  ["--format", "json"],
  ["-"],
  ["--"],
  ["--", "estimate"],
  [""],
);
const unknownCommand = fc
  .tuple(
    fc.oneof(
      pick(
        "estimat",
        "ESTIMATE",
        "Estimate",
        "compares",
        "plans",
        "gpu",
        "price",
        "model",
        "validation",
        "scenario",
        "run",
        "cost",
        "견적",
        "est\u0000imate",
        " estimate",
        "estimate ",
      ),
      fc.string({ minLength: 1, maxLength: 12 }),
    ),
    fc.array(pick("--params", "7B", "--gpus", "2xH100", "--format", "json"), { maxLength: 4 }),
  )
  .map(([c, rest]) => [c, ...rest]);

/** Each command's vectors, before mutation. */
export const COMMAND_VECTORS: Record<CommandName | "none" | "unknown", fc.Arbitrary<string[]>> = {
  estimate,
  compare,
  plan,
  check,
  scenarios,
  validate,
  gpus,
  prices,
  models,
  fx,
  calibrate,
  completion,
  none: noCommand,
  unknown: unknownCommand,
};

// ---------------------------------------------------------------------------------------------
// Mutations

/**
 * Every long flag any command knows (for flags dropped in the wrong place or without a value), except
 * --out: a dropped --out could take a mutated value as a path outside the fuzz directory.
 */
const ALL_FLAGS = LONG_FLAGS.filter((flag) => flag !== "--out");
const UNKNOWN_FLAGS = [
  "--bogus",
  "--Format",
  "-x",
  "--no-such-flag",
  "--format-json",
  "--gpus2",
  "---gpus",
  "--",
  "-",
  "--=",
  "--params=",
  "-p",
  "--colour",
  "--json",
];

/** Values at the edges: empty, signs, huge, tiny, not-a-number, unicode digits, control characters, very long. */
export const EDGE_VALUES = [
  "",
  " ",
  "0",
  "-0",
  "-1",
  "-7B",
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "inf",
  "1e309",
  "1e308",
  "1e-309",
  "1e-300",
  "1e300",
  "9".repeat(40),
  "0.0000001",
  "1e15",
  "1e18",
  "1e21",
  "1e100B",
  "4294967296",
  "9007199254740993",
  "0x10",
  "0b11",
  "1/2",
  "½",
  "１２B",
  "٣B",
  "7B7B",
  "7B\n",
  "\t7B",
  "\r7B",
  "\u001b[2J7B",
  "7\u00a0B",
  "7B\u200b",
  "💰",
  "🚀x8",
  "Ḩ100",
  "\u202e7B",
  "\u0000",
  "a\u0000b",
  "\\",
  '"',
  "'",
  "%s%s%n",
  "$" + "{HOME}",
  "$(id)",
  "`id`",
  "--",
  "=",
  "x".repeat(5000),
  "١٠٠",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
];
const edgeValue = fc.oneof(
  { arbitrary: pick(...EDGE_VALUES), weight: 6 },
  { arbitrary: hostileValue, weight: 2 },
  { arbitrary: fc.string({ maxLength: 10, unit: "binary" }), weight: 2 },
  { arbitrary: fc.double().map(String), weight: 1 },
  { arbitrary: fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map(String), weight: 1 },
);
/** Characters a flipped character may become ("/" and "\" are left out: a flipped --out value stays in the fuzz directory). */
const flipChar = fc.oneof(
  pick(..."0123456789.,_-=xX×eEkKmMbBtT%$₩억만 \t"),
  fc.string({ minLength: 1, maxLength: 1, unit: "binary" }).filter((c) => c !== "/" && c !== "\\"),
);

type Mutation = (argv: string[]) => string[];
/** Indices of the tokens that are a flag's value. */
const valueIndices = (a: readonly string[]): number[] =>
  a.flatMap((_t, j) => (j > 0 && VALUE_FLAGS.has(a[j - 1]!) ? [j] : []));
const at = (argv: string[], i: number): number => (argv.length === 0 ? 0 : i % argv.length);
/** A flag's value replaced with an edge value, or with an extreme number in the value's own form. */
const valueMutation: fc.Arbitrary<Mutation> = fc
  .tuple(
    fc.nat(),
    fc.oneof(
      edgeValue,
      hugeOrTiny,
      hugeOrTiny.map((n) => `${n}B`),
      hugeOrTiny.map((n) => `${n}원`),
      hostileValue,
    ),
  )
  .map(
    ([i, v]): Mutation =>
      (a) => {
        const values = valueIndices(a);
        if (!values.length) return a;
        const k = values[i % values.length]!;
        return a.map((t, j) => (j === k ? v : t));
      },
  );
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  valueMutation,
  // drop, duplicate, swap tokens
  fc.nat().map(
    (i): Mutation =>
      (a) =>
        a.filter((_, j) => j !== at(a, i) || j === 0),
  ),
  fc.nat().map(
    (i): Mutation =>
      (a) =>
        a.length ? [...a.slice(0, at(a, i) + 1), ...a.slice(at(a, i))] : a,
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]): Mutation =>
      (a) => {
        if (a.length < 2) return a;
        const b = [...a];
        const [x, y] = [at(b, i), at(b, j)];
        [b[x], b[y]] = [b[y]!, b[x]!];
        return b;
      },
  ),
  // replace a token (usually a value) with an edge value
  fc.tuple(fc.nat(), edgeValue).map(
    ([i, v]): Mutation =>
      (a) =>
        a.length > 1 ? a.map((t, j) => (j === Math.max(1, at(a, i)) ? v : t)) : [...a, v],
  ),
  // flip, insert or delete one character of a token
  fc.tuple(fc.nat(), fc.nat(), flipChar, pick("replace", "insert", "delete")).map(
    ([i, k, c, how]): Mutation =>
      (a) =>
        a.map((t, j) => {
          if (j !== at(a, i)) return t;
          const p = t.length ? k % t.length : 0;
          return how === "replace"
            ? t.slice(0, p) + c + t.slice(p + 1)
            : how === "insert"
              ? t.slice(0, p) + c + t.slice(p)
              : t.slice(0, p) + t.slice(p + 1);
        }),
  ),
  // --flag value → --flag=value (for one flag, or for all)
  fc.tuple(fc.nat(), fc.boolean()).map(
    ([i, all]): Mutation =>
      (a) => {
        const out: string[] = [];
        const flags = a.flatMap((t, j) =>
          t.startsWith("--") && j + 1 < a.length && !a[j + 1]!.startsWith("--") ? [j] : [],
        );
        const chosen = flags.length ? flags[i % flags.length] : -1;
        for (let j = 0; j < a.length; j++) {
          if ((all ? flags.includes(j) : j === chosen) && j + 1 < a.length) {
            out.push(`${a[j]}=${a[j + 1]}`);
            j++;
          } else out.push(a[j]!);
        }
        return out;
      },
  ),
  // an unknown flag, or a known one (without a value) anywhere
  fc.tuple(fc.nat(), fc.oneof(pick(...UNKNOWN_FLAGS), pick(...ALL_FLAGS))).map(
    ([i, f]): Mutation =>
      (a) => [...a.slice(0, at(a, i) + 1), f, ...a.slice(at(a, i) + 1)],
  ),
  // a known flag with an edge value, or with the value glued on (--params=1e400)
  fc.tuple(pick(...ALL_FLAGS), edgeValue, fc.boolean()).map(
    ([f, v, glued]): Mutation =>
      (a) => [...a, ...(glued ? [`${f}=${v}`] : [f, v])],
  ),
  // cut the vector short (a flag left without its value)
  fc.nat().map(
    (i): Mutation =>
      (a) =>
        a.length > 1 ? a.slice(0, 1 + (i % (a.length - 1))) : a,
  ),
  // shout
  fc.nat().map(
    (i): Mutation =>
      (a) =>
        a.map((t, j) => (j === at(a, i) ? t.toUpperCase() : t)),
  ),
);

/** "--out" values stay relative and inside the fuzz directory, whatever the mutations did. */
export function confineOut(argv: string[]): string[] {
  return argv.map((t, j) => {
    const isOutValue = argv[j - 1] === "--out";
    if (isOutValue) return t.replace(/[/\\]/g, "_").replace(/^\.\.$/, "_");
    if (t.startsWith("--out="))
      return `--out=${t
        .slice(6)
        .replace(/[/\\]/g, "_")
        .replace(/^\.\.$/, "_")}`;
    return t;
  });
}

/**
 * A command's vectors: a third as generated (mostly valid), a third with one or two values
 * replaced by edge or extreme values (the rest still valid, so the value reaches the arithmetic),
 * a third with one to four mutations of any kind. Every "--out" value stays in the working directory.
 */
export function vectors(command: keyof typeof COMMAND_VECTORS): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      COMMAND_VECTORS[command],
      fc.oneof(
        fc.constant([] as Mutation[]),
        fc.array(valueMutation, { minLength: 1, maxLength: 2 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
      ),
    )
    .map(([argv, mutations]) => confineOut(mutations.reduce((a, m) => m(a), argv)));
}

// ---------------------------------------------------------------------------------------------
// The working directory

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** Valid files the vectors name: a config with an own GPU, model and price; scenario files; a config.json; a trainer YAML. */
export const GOOD_CONFIG = {
  $comment: "fuzz: own GPU, model and negotiated price",
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
  prices: [
    { gpu: "h100-500w", usdPerGpuHour: 1.5, date: "2026-11-01", source: "internal chargeback" },
    { gpu: "H100", usdPerGpuHour: 2.1, providerName: "negotiated", date: "2026-10-01", source: "contract 2026-117" },
  ],
  fx: { krwPerUsd: 1400, date: "2026-11-01", source: "treasury rate" },
};
export const GOOD_SCENARIOS = [
  { id: "my-dapt", title: "My DAPT", model: "llama-2-7b", strategy: "dapt", tokens: "15B", gpus: "2xH100" },
  {
    id: "my-lora",
    title: "My LoRA",
    params: 7e9,
    strategy: "lora",
    gpus: "1xH100",
    examples: 50000,
    tokensPerExample: "1k",
    epochs: 3,
    loraRank: 8,
    loraTargets: ["q", "v"],
  },
];

/** Makes a temporary directory holding every file the grammar names. */
export function makeFuzzDir(prefix = "llm-cost-fuzz-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, "cfg.json"), JSON.stringify(GOOD_CONFIG));
  writeFileSync(
    join(dir, "team.json"),
    JSON.stringify({ gpus: "8xA100", provider: "lambda", priceKind: "on-demand", lang: "ko", pue: 1.3, grid: 385 }),
  );
  writeFileSync(join(dir, "bad.json"), JSON.stringify({ gpus: 8, prices: [{ gpu: "H100" }] }));
  writeFileSync(join(dir, "my-scenarios.json"), JSON.stringify(GOOD_SCENARIOS));
  mkdirSync(join(dir, "sub"));
  writeFileSync(
    join(dir, "sub", "one.json"),
    JSON.stringify({
      id: "one",
      title: "One",
      params: "1B",
      strategy: "scratch",
      corpus: "10GB",
      corpusLang: "en",
      gpus: "8xA100",
    }),
  );
  writeFileSync(
    join(dir, "broken-scenario.json"),
    '[{"id": "x", "title": "X", "params": -1, "strategy": "dapt", "tokens": "1B"}',
  );
  mkdirSync(join(dir, "dir"));
  copyFileSync(join(FIXTURES, "hf", "llama", "config.json"), join(dir, "hf.json"));
  copyFileSync(join(FIXTURES, "trainers", "axolotl-qlora.yaml"), join(dir, "axolotl.yaml"));
  // Hostile files (issue 16), and paths that are not regular files.
  for (const files of [HOSTILE_CONFIG_FILES, HOSTILE_SCENARIO_FILES, HOSTILE_HF_FILES, HOSTILE_TRAINER_FILES])
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "utf16.json"), Buffer.from('{"pue": 1.2}', "utf16le"));
  execFileSync("mkfifo", [join(dir, "fifo")]);
  symlinkSync("/dev/zero", join(dir, "zero-link.json"));
  // Sparse: 11 MB on paper, nothing on disk.
  writeFileSync(join(dir, "huge.json"), "");
  truncateSync(join(dir, "huge.json"), 11 * 1024 * 1024);
  return dir;
}
