import type { Command } from "commander";
import { loadCatalog, type Catalog } from "../catalog/load.js";
import { PRICE_KINDS, STRATEGY_IDS } from "../catalog/schemas.js";
import { genericArchitecture } from "../core/architecture.js";
import { parseGpuSelection } from "../core/gpus.js";
import { adapterParams, DEFAULT_LORA_RANK, parseLoraTargets } from "../core/lora.js";
import { resolvePrice } from "../core/price.js";
import { parseCount, parseFraction, parsePositiveNumber } from "../core/quantity.js";
import { buildReport, type EstimateReport, type ResolvedInputs } from "../core/report.js";
import { UsageError, badValue } from "../errors.js";
import { renderDelimited } from "../output/delimited.js";
import { toEstimateJson } from "../output/estimate-json.js";
import { renderEstimateTable } from "../output/estimate-table.js";
import { parseChoice, parseChoiceList } from "./choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";

export const FORMATS = ["table", "json", "csv", "tsv"] as const;

/** The raw strings commander hands us; every one is parsed and checked here. */
interface EstimateFlags {
  params?: string;
  tokens?: string;
  gpus?: string;
  strategy: string;
  mfu?: string;
  provider?: string;
  price?: string;
  priceKind: string;
  fx?: string;
  loraRank: string;
  loraTargets: string;
  format: string;
  color: boolean;
}

function required(value: string | undefined, flag: string, example: string): string {
  if (value === undefined) throw new UsageError(`missing ${flag}: ${example}`);
  return value;
}

/** Turns flags into resolved inputs and the core's request; throws UsageError on anything wrong. */
export function resolveEstimate(flags: EstimateFlags, catalog: Catalog): EstimateReport {
  const params = parseCount(required(flags.params, "--params", "give the model size, e.g. --params 7B"), "--params");
  const tokens = parseCount(required(flags.tokens, "--tokens", "give the training tokens, e.g. --tokens 15B"), "--tokens");
  const { gpu, count } = parseGpuSelection(required(flags.gpus, "--gpus", "give the GPUs, e.g. --gpus 2xH100"), catalog.gpus);
  const strategyIds = parseChoiceList(flags.strategy, STRATEGY_IDS, "--strategy");
  const mfu = flags.mfu === undefined ? undefined : parseFraction(flags.mfu, "--mfu");
  const priceKind = parseChoice(flags.priceKind, PRICE_KINDS, "--price-kind");
  const usd = flags.price === undefined ? undefined : parsePositiveNumber(flags.price, "--price", "a price in USD per GPU-hour");
  if (usd !== undefined && flags.provider !== undefined) throw new UsageError("--price and --provider both set a price: give one of them");
  const krwPerUsd = flags.fx === undefined ? undefined : parsePositiveNumber(flags.fx, "--fx", "won per US dollar, e.g. 1439");
  const loraRank = parseRank(flags.loraRank);
  const loraTargets = parseLoraTargets(flags.loraTargets);

  const price = resolvePrice(catalog.prices, gpu.aliases[0] ?? gpu.id, {
    gpuId: gpu.id,
    kind: priceKind,
    ...(flags.provider === undefined ? {} : { provider: flags.provider }),
    ...(usd === undefined ? {} : { usdPerGpuHour: usd }),
  });
  const fx = krwPerUsd === undefined
    ? { krwPerUsd: catalog.fx.default.krwPerUsd, date: catalog.fx.default.date, source: `${catalog.fx.default.kind}; ${catalog.fx.default.source}` }
    : { krwPerUsd, date: "given", source: "--fx flag" };
  // Without an architecture, LoRA's adapter size comes from a generic LLaMA-like shape of this size.
  const arch = genericArchitecture(params);
  const adapters = Math.min(adapterParams(arch, loraRank, loraTargets), params);
  const strategies = catalog.strategies.filter((s) => strategyIds.includes(s.id));
  const inputs: ResolvedInputs = {
    params, tokens, gpu, gpuCount: count, strategies: strategyIds, priceKind, loraRank, loraTargets,
    ...(mfu === undefined ? {} : { mfu }),
    ...(flags.provider === undefined ? {} : { provider: price.provider }),
  };
  return buildReport(inputs, {
    params, tokens, gpu, gpuCount: count, strategies, price, fx, adapterParams: adapters,
    ...(mfu === undefined ? {} : { mfu }),
  });
}

function parseRank(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > 65536) {
    throw badValue("--lora-rank", value, "expected a whole number from 1 to 65536, e.g. 16");
  }
  return n;
}

/** Registers `estimate` on the program; the action renders to io and leaves exit code 0. */
export function addEstimateCommand(program: Command, io: Io): void {
  program
    .command("estimate")
    .description("FLOPs, GPU-hours, wall-clock days and cost in won and dollars for each training strategy")
    .option("--params <count>", "model parameters: 7B, 6.7b, 175M, 1.5T, 7e9, 7_000_000_000")
    .option("--tokens <count>", "training tokens: 15B, 300M, 1.5T, 15k, 1.5e10")
    .option("--gpus <spec>", "GPUs: 2xH100, 8xA100-40GB, H100 (one GPU); see the README for the list")
    .option("--strategy <list>", `comma list of ${STRATEGY_IDS.join(",")} or all`, "all")
    .option("--mfu <fraction>", "efficiency override, 0 < x <= 1 (e.g. 0.4 or 40%); default: calibrated model")
    .option("--provider <name>", "take the price from this provider (aws, gcp, azure, lambda, runpod, coreweave, elice, ...)")
    .option("--price <usd>", "price in USD per GPU-hour (overrides the catalog)")
    .option("--price-kind <kind>", `price kind: ${PRICE_KINDS.join(", ")}`, "on-demand")
    .option("--fx <krw>", "won per US dollar (default: newest dated rate in presets/fx.json)")
    .option("--lora-rank <r>", "LoRA rank for lora/qlora", String(DEFAULT_LORA_RANK))
    .option("--lora-targets <list>", "LoRA target layers: q,k,v,o,gate,up,down, attn, mlp or all", "all")
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action((flags: EstimateFlags) => {
      const format = parseChoice(flags.format, FORMATS, "--format");
      const report = resolveEstimate(flags, loadCatalog());
      for (const warning of report.warnings) io.stderr(`llm-cost: warning: ${warning}\n`);
      if (format === "json") io.stdout(`${JSON.stringify(toEstimateJson(report), null, 2)}\n`);
      else if (format === "table") io.stdout(renderEstimateTable(report, paintFor(io, flags.color)));
      else io.stdout(renderDelimited(report, format));
    });
}
