import type { Command } from "commander";
import { loadCatalog, type Catalog } from "../catalog/load.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { PRICE_KINDS, STRATEGY_IDS } from "../catalog/constants.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { loadUserConfig } from "../inputs/user-config.js";
import { parseDuration } from "../job/values/duration.js";
import { gpuDisplayName, parseGpuSelection } from "../catalog/gpus.js";
import { parseMoney } from "../job/values/money.js";
import {
  NODE_SIZE,
  practicalMaxGpus,
  searchPlans,
  type PlanCandidate,
  type PlanGpu,
  type PlanOffer,
  type PlanPoint,
} from "../model/plan-search.js";
import { expectedAt } from "../model/estimate.js";
import { cheapestPerProvider, isStale, findProvider } from "../catalog/price-lookup.js";
import { LIMITS, parsePositiveNumber } from "../job/values/quantity.js";
import type { EstimateReport } from "../model/report.js";
import { closest } from "../util/suggest.js";
import { UsageError, badValue } from "../errors.js";
import { explainPlan, renderPlan } from "../output/plan-output.js";
import type { PlanResult, PlanRow } from "../output/plan-result.js";
import { toPlanJson } from "../output/to-plan-json.js";
import { parseChoice } from "../job/values/choices.js";
import { paintFor } from "./color.js";
import { resolveEstimate, type EstimateFiles } from "./estimate-command.js";
import type { Io } from "./io.js";
import {
  ESTIMATE_DEFAULTS,
  type EstimateFlags,
  addJobOptions,
  type JobFlags,
  type PassThroughFlags,
} from "./scenario-flags.js";

const PLAN_FORMATS = ["table", "json"] as const;

/** The job's flags (as estimate's) plus the plan's own. */
interface PlanFlags extends JobFlags, PassThroughFlags {
  deadline?: string;
  budget?: string;
  top: string;
  gpu?: string;
  microBatch?: string;
  recompute?: string;
  tensorParallel?: string;
  globalBatch?: string;
  format: string;
  color: boolean;
}

/** estimate's flags for the job on `gpus` at `usd` per GPU-hour (the plan supplies every price itself). */
function jobFlags(flags: PlanFlags, strategy: string, gpus: string, usd: number): EstimateFlags {
  const {
    deadline: _d,
    budget: _b,
    top: _t,
    gpu: _g,
    provider: _p,
    price: _pr,
    priceKind: _k,
    config: _c,
    format: _f,
    color: _col,
    ...job
  } = flags;
  return { ...ESTIMATE_DEFAULTS, ...job, strategy, gpus, price: String(usd) };
}

/** The job of `report` at any count, memoised: expected GPU-hours and days, or null when it does not fit. */
function estimateAt(report: EstimateReport): PlanGpu["evaluate"] {
  const memo = new Map<number, PlanPoint | null>();
  const strategy = report.request.strategies[0]!;
  return (count) => {
    if (!memo.has(count)) {
      const e = expectedAt({ ...report.request, gpuCount: count }, strategy.training);
      memo.set(count, e.fits ? { gpuHours: e.gpuHours, wallDays: e.wallDays } : null);
    }
    return memo.get(count)!;
  };
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 100)
    throw badValue("--top", value, "expected a whole number from 1 to 100, e.g. 5");
  return n;
}

/** The GPU types to search: --gpu's list (names as in --gpus, without a count) or every GPU in the catalog. */
function gpuTypes(flags: PlanFlags, catalog: Catalog): GpuSpec[] {
  if (flags.gpu === undefined) return catalog.gpus;
  return flags.gpu.split(",").map((name) => {
    const { gpu, count } = parseGpuSelection(name, catalog.gpus, "--gpu");
    if (/[x×*]/i.test(name) && count !== 1)
      throw badValue("--gpu", name, "names GPU types only (the plan chooses the count), e.g. --gpu H100,A100");
    return gpu;
  });
}

/** Each GPU type's offers: your --price, one provider's current offer, or every provider's. */
function offersFor(
  gpu: GpuSpec,
  catalog: Catalog,
  kind: (typeof PRICE_KINDS)[number],
  usd: number | undefined,
  provider: string | undefined,
): PlanOffer[] {
  if (usd !== undefined)
    return [
      {
        provider: "user",
        providerName: "your price",
        region: "—",
        usdPerGpuHour: usd,
        date: "given",
        source: "--price flag",
      },
    ];
  // A plan compares GPUs by price, so a quote more than a year old would rank against today's:
  // such offers are left out here (estimate still uses them for a GPU with nothing newer, and warns).
  const offers = cheapestPerProvider(catalog.prices, gpu.id, kind).filter(
    (o) => (provider === undefined || o.provider === provider) && !isStale(o, catalog.prices),
  );
  return offers.map((o) => ({
    provider: o.provider,
    providerName: o.providerName,
    region: o.region,
    usdPerGpuHour: o.usdPerGpuHour,
    date: o.date,
    source: o.origin ? `${o.origin}: ${o.source}` : o.source,
  }));
}

/** Searches and estimates; pure apart from reading the catalog and config. */
export async function buildPlan(flags: PlanFlags, cwd: string): Promise<PlanResult> {
  if (flags.strategy === undefined)
    throw new UsageError(`missing --strategy: plan prices one job; give one of ${STRATEGY_IDS.join(", ")}`);
  const strategy = parseChoice(flags.strategy, STRATEGY_IDS, "--strategy");
  const top = parseTop(flags.top);
  const deadline = flags.deadline === undefined ? undefined : parseDuration(flags.deadline, "--deadline");
  const loaded = await loadUserConfig(flags.config, cwd);
  const files: EstimateFiles = loaded ? { config: loaded } : {};
  const base = loadCatalog();
  const catalog = mergeConfig(base, loaded);
  const kind = parseChoice(flags.priceKind ?? loaded?.config.priceKind ?? "on-demand", PRICE_KINDS, "--price-kind");
  const usd =
    flags.price === undefined
      ? undefined
      : parsePositiveNumber(flags.price, "--price", "a price in USD per GPU-hour", LIMITS.usdPerGpuHour);
  if (usd !== undefined && flags.provider !== undefined)
    throw new UsageError("--price and --provider both set a price: give one of them");
  if (usd !== undefined && flags.gpu === undefined)
    throw new UsageError("--price is the price of one GPU type: name it with --gpu (e.g. --gpu H100 --price 2.5)");
  const providerName = usd === undefined ? (flags.provider ?? loaded?.config.provider) : undefined;
  const provider = providerName === undefined ? undefined : findProvider(catalog.prices, providerName);
  if (providerName !== undefined && provider === undefined) {
    const ids = [...new Set(catalog.prices.map((p) => p.provider))];
    const guess = closest(providerName, ids);
    // Name where the value came from: the flag, or the config file the user may have forgotten.
    const where = flags.provider === undefined && loaded ? `provider in ${loaded.file}` : "--provider";
    throw badValue(
      where,
      providerName,
      `expected one of ${ids.join(", ")}`,
      guess ? `did you mean ${guess}?` : undefined,
    );
  }

  // One resolved job per GPU type; the search varies its count as a typed value (estimateAt), so each
  // count it tries is a full estimate through the one estimate path, without re-parsing flags.
  const fixedParallel = Number(flags.tensorParallel?.trim());
  const resolveCount = Number.isInteger(fixedParallel) && fixedParallel > 2 ? fixedParallel : 2;
  const skipped: PlanResult["skipped"] = [];
  const planGpus: PlanGpu[] = [];
  let job: EstimateReport | undefined;
  for (const gpu of gpuTypes(flags, catalog)) {
    const offers = offersFor(gpu, catalog, kind, usd, provider);
    if (offers.length === 0) {
      skipped.push({
        gpu: gpuDisplayName(gpu),
        reason: provider ? `no ${kind} offer from ${provider}` : `no current ${kind} price`,
      });
      continue;
    }
    // Resolved at two GPUs (or at a fixed tensor-parallel degree) so that sharding takes its
    // multi-GPU default; one GPU never shards. The search then varies the count.
    const report = resolveEstimate(jobFlags(flags, strategy, `${resolveCount}x${gpu.id}`, 1), base, files);
    job ??= report;
    planGpus.push({ id: gpu.id, name: gpuDisplayName(gpu), evaluate: estimateAt(report), offers });
  }
  // Nothing priced at all: the search has nothing to weigh, and "nothing fits" would be the wrong
  // reason. Say which offers are missing instead.
  if (planGpus.length === 0 && skipped.length > 0) {
    const names = skipped.map((s) => s.gpu).join(", ");
    throw new UsageError(
      provider
        ? `--provider ${provider} has no current ${kind} price for ${names}: drop --provider or choose other --gpu types`
        : `no current ${kind} price for ${names}: give --price with --gpu, or choose other --gpu types`,
    );
  }
  // Nothing priced: estimate on any GPU anyway, so bad job inputs still fail and the output can name the job.
  job ??= resolveEstimate(jobFlags(flags, strategy, `1x${catalog.gpus[0]!.id}`, 1), base, files);
  const budget = flags.budget === undefined ? undefined : parseMoney(flags.budget, "--budget", job.fx.krwPerUsd);
  const limits = {
    maxGpus: practicalMaxGpus(job.inputs.globalBatchTokens, job.inputs.memory.seqLen),
    nodeSize: NODE_SIZE,
  };
  const constraints = {
    ...(deadline ? { deadlineDays: deadline.days } : {}),
    ...(budget ? { budgetUsd: budget.usd } : {}),
  };
  const search = searchPlans(planGpus, constraints, limits, top);

  // The listed plans are estimated in full at their count and price: the one estimate path.
  const exact = new Map<string, EstimateReport>();
  const row = (c: PlanCandidate): PlanRow => {
    const key = `${c.gpu.id}|${c.count}|${c.offer.usdPerGpuHour}`;
    if (!exact.has(key))
      exact.set(
        key,
        resolveEstimate(jobFlags(flags, strategy, `${c.count}x${c.gpu.id}`, c.offer.usdPerGpuHour), base, files),
      );
    return { candidate: c, report: exact.get(key)! };
  };
  return {
    job,
    ...(deadline ? { deadline } : {}),
    ...(budget ? { budget } : {}),
    search,
    cheapest: search.cheapest.map(row),
    fastest: search.fastest.map(row),
    limits,
    skipped,
    gpuTypes: planGpus.length,
    priceKind: kind,
    ...(provider ? { provider } : {}),
    fx: job.fx,
    explanation: explainPlan(search, limits, job.fx.krwPerUsd, deadline, budget),
  };
}

/** Registers `plan`: the cheapest and the fastest GPU plans for one job under a deadline and a budget. */
export function addPlanCommand(program: Command, io: Io): void {
  addJobOptions(
    program
      .command("plan")
      .description(
        "which GPUs, how many and from whom: the cheapest and fastest plans that fit, meet --deadline and stay within --budget",
      ),
  )
    .option("--strategy <id>", `the job: one of ${STRATEGY_IDS.join(", ")}`)
    .option("--deadline <duration>", "finish within: 7d, 12w, 3mo, 90일")
    .option("--budget <money>", "spend at most: 3억, 2.5억, 5000만, $40k")
    .option("--top <n>", "how many plans to list in each ranking", "5")
    .option(
      "--gpu <list>",
      "only these GPU types, comma-separated (default: every GPU with a price; llm-cost gpus lists them)",
    )
    .option("--provider <name>", "only this provider's offers")
    .option("--price <usd>", "your own price in USD per GPU-hour (with --gpu)")
    .option("--price-kind <kind>", `price kind: ${PRICE_KINDS.join(", ")} (default: "on-demand")`)
    .option(
      "--fx <krw>",
      "won per US dollar (default: the newest dated rate of the catalog, with its date in the output)",
    )
    .option("--mfu <fraction>", "efficiency override, 0 < x <= 1; default: calibrated model")
    .option("--config <path>", "config file (your own GPUs and negotiated prices join the search)")
    .option("--seq-len <n>", "sequence length (memory, and the practical maximum GPU count)")
    .option("--micro-batch <n>", "sequences per GPU per micro-batch (default auto: the fastest that fits)")
    .option("--recompute <mode>", "activation recomputation: auto (default), none, selective or full")
    .option("--tensor-parallel <t>", "tensor-parallel degree inside a node (default auto)")
    .option("--global-batch <tokens>", "tokens per optimizer step over all GPUs (default 4M)")
    .option("--lora-rank <r>", "LoRA rank for lora/qlora (default 16)")
    .option("--lora-targets <list>", "LoRA target layers (default all)")
    .option("--format <format>", `output: ${PLAN_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action(async (flags: PlanFlags) => {
      const format = parseChoice(flags.format, PLAN_FORMATS, "--format");
      const result = await buildPlan(flags, io.cwd);
      if (format === "json") io.stdout(`${JSON.stringify(toPlanJson(result), null, 2)}\n`);
      else io.stdout(renderPlan(result, await paintFor(io, flags.color)));
    });
}
