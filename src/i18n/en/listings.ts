import type { Args } from "../catalogue-types.js";

/**
 * English: the listings (gpus, prices, models, scenarios, validate): their headers, notes and
 * labels. The Korean twin is ../ko/listings.ts. A header is picked by its column key so that one
 * code serves a whole table.
 */

/** The text for a key of a small table, the key itself when the table lacks it. */
const pick = (table: Readonly<Record<string, string>>, key: string | undefined): string =>
  (key !== undefined && table[key]) || (key ?? "");

const GPUS_HEAD = {
  gpu: "GPU",
  memory: "Memory",
  dense: "Dense TFLOPS",
  tdp: "TDP",
  onDemand: "On-demand $/GPU-h",
  median: "Median",
  dates: "Price dates",
};
const PRICES_HEAD = { gpu: "GPU", provider: "Provider", region: "Region", kind: "Kind", usd: "$/GPU-h", date: "Date" };
const MODELS_HEAD = {
  model: "Model",
  params: "Parameters",
  layers: "Layers",
  hidden: "Hidden",
  heads: "Heads (KV)",
  ffn: "FFN",
  vocab: "Vocab",
};
const SCENARIOS_HEAD = { scenario: "Scenario", strategy: "Strategy", model: "Model", tokens: "Tokens", gpus: "GPUs" };
const RUNS_HEAD = {
  id: "Run",
  source: "Source",
  measured: "GPU-hours",
  predicted: "Estimate",
  range: "Range",
  error: "Error",
  inside: "In",
};
const SPEED_HEAD = { ...RUNS_HEAD, id: "Measurement", measured: "Tokens/s", predicted: "Predicted" };
const MEMORY_HEAD = {
  id: "Memory run",
  training: "Method",
  measured: "Measured GB",
  model: "Model GB",
  error: "Error",
  basis: "Basis",
};
const METHODS = {
  leaveOneSourceOut: "leave one source out",
  leaveOneRowOut: "leave one row out",
  constant35: "constant 35% MFU",
  constant40: "constant 40% MFU",
};

export const LISTINGS_EN = {
  // --- Shared: a column's name in a Markdown listing (English keeps the ids), yes and no.
  "list.column": (a: Args) => a.id ?? "",
  "list.yes": () => "yes",
  "list.no": () => "no",
  /** A price kind as the catalog names it (on-demand, spot, reserved). */
  "list.kind": (a: Args) => a.kind ?? "",

  // --- llm-cost gpus.
  "list.gpus.head": (a: Args) => pick(GPUS_HEAD, a.column),
  "list.gpus.noPrice": () => "no price",
  "list.gpus.note": () =>
    "Dense = no 2:4 sparsity. Prices: each provider's lowest current on-demand offer (number of providers in brackets); median = the default price. Sources: llm-cost gpus --format json.",

  // --- llm-cost prices.
  "list.prices.head": (a: Args) => pick(PRICES_HEAD, a.column),
  "list.prices.old": (a: Args) => `${a.kind} (old)`,
  "list.prices.note": (a: Args) =>
    `${a.count} offers. USD per GPU-hour = instance price / GPUs per instance, VAT excluded; "(old)" = the source calls it historical (never used by default). Sources: llm-cost prices --format json.`,
  "list.unpriced.title": () => "Prices on request (no public GPU price list; no estimate uses them):",
  "list.unpriced.programmes": () => "Government GPU programmes:",
  "list.unpriced.howTo": () =>
    "A negotiated or programme price goes in your config file as a price offer (gpu, usdPerGpuHour, date, providerName); it wins over the market median. Details: presets/providers-without-prices.json.",

  // --- llm-cost models.
  "list.models.head": (a: Args) => pick(MODELS_HEAD, a.column),
  "list.models.note": () =>
    "Parameters are counted from the architecture (embedding, head if untied, attention with GQA, MLP, norms). Sources: llm-cost models --format json.",

  // --- llm-cost scenarios.
  "list.scenarios.head": (a: Args) => pick(SCENARIOS_HEAD, a.column),
  "list.scenarios.note": () =>
    "Use with: llm-cost compare <scenario> … [--gpus 8xH100]. Your own: a JSON file with one scenario or a list (llm-cost scenarios --format json shows the fields).",
  "list.scenarios.described": (a: Args) => `${a.title}. ${a.description}${a.source ? ` Source: ${a.source}` : ""}`,
  "list.scenarios.corpusBytes": (a: Args) => `${a.corpus} at ${a.bytesPerToken} B/token`,
  "list.scenarios.epochs": (a: Args) => `${a.epochs} ep`,
  "list.scenarios.addVocab": (a: Args) => ` +${a.count} vocab`,
  "list.scenarios.vocab": (a: Args) => ` vocab ${a.count}`,

  // --- llm-cost validate.
  "list.validate.runsHeading": (a: Args) =>
    `Published whole runs: reported GPU-hours vs the estimate, each run predicted with goodput fitted without its source (lab): ${a.count} runs`,
  "list.validate.runsHead": (a: Args) => pick(RUNS_HEAD, a.column),
  "list.validate.speedHeading": (a: Args) =>
    `Steady-state speed: measured tokens/s per GPU vs the model fitted without the row's source: ${a.count} measurements`,
  "list.validate.speedHead": (a: Args) => pick(SPEED_HEAD, a.column),
  "list.validate.summary": (a: Args) => `Summary, ${a.what}`,
  "list.validate.method": (a: Args) => pick(METHODS, a.method),
  "list.validate.summaryLine": (a: Args) =>
    `${a.name}: median |error| ${a.median}, within ±25% ${a.within}` +
    (a.inRange === undefined ? "" : `, in range ${a.inRange}, high/low ${a.highLow}`),
  "list.validate.whatRuns": () => "whole runs (GPU-hours)",
  "list.validate.whatSpeed": () => "all steady-state measurements (tokens/s per GPU)",
  "list.validate.whatFineTuning": (a: Args) => `fine-tuning measurements only (SFT, LoRA, QLoRA: ${a.count})`,
  "list.validate.excludedRuns": (a: Args) =>
    `Excluded (${a.count}), by the data's own flags; throughput benchmarks are in the speed section:`,
  "list.validate.excludedSpeed": (a: Args) => `Excluded (${a.count}):`,
  "list.validate.gpuNotInCatalog": (a: Args) => `its GPU (${a.gpu}) is not in the catalog in use`,
  /** An excluded row's reason as the data writes it (English prose of the bundled files). */
  "list.validate.reason": (a: Args) => a.reason ?? "",
  "list.validate.memoryHeading": (a: Args) =>
    `Memory: measured peak per GPU vs the memory model (GB = 1e9 bytes): ${a.rows} exact rows, ${a.bounds} bounds`,
  "list.validate.memoryHead": (a: Args) => pick(MEMORY_HEAD, a.column),
  /** A fine-tuning method or a memory basis as the data names it. */
  "list.validate.term": (a: Args) => a.term ?? "",
  "list.validate.boundOk": () => "bound ok",
  "list.validate.boundBroken": () => "bound broken",
  "list.validate.memorySummary": (a: Args) =>
    `median |error| ${a.median}, within ±25% ${a.within}, bounds respected ${a.respected}/${a.bounds}. Basis: allocated = torch max allocated (no CUDA context), reserved = allocator reserved, device = whole card (nvidia-smi).`,
  "list.validate.notCompared": (a: Args) => `Not compared (${a.count}):`,
} satisfies Record<string, (a: Args) => string>;
