import type { Catalog } from "../catalog/load.js";
import { type PRICE_KINDS, STRATEGY_IDS } from "../catalog/constants.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { parseDuration } from "./values/duration.js";
import { gpuDisplayName, parseGpuSelection } from "../catalog/gpus.js";
import { parseMoney } from "./values/money.js";
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
import { vatFactor } from "../model/vat.js";
import { cheapestPerProvider, isStale, findProvider } from "../catalog/price-lookup.js";
import type { EstimateReport } from "../model/report.js";
import { closest } from "../util/suggest.js";
import { didYouMean, invalid, usage } from "../errors.js";
import { msg, subject } from "../i18n/message.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { resolveJob } from "./resolve-job.js";
import { given, type JobSpec } from "./spec.js";
import { explainPlan } from "../output/plan-output.js";
import type { PlanResult, PlanRow } from "../output/plan-result.js";

const PLAN: { kind: "plan" } = { kind: "plan" };

/** The plan's own settings, as typed (the job's arrive in the spec). */
export interface PlanOptions {
  deadline?: string;
  budget?: string;
  top?: string;
}

/** The job on `count` GPUs of `gpu` at `usd` per GPU-hour: the plan supplies every price itself. */
function jobOn(spec: JobSpec, gpu: GpuSpec, count: number, usd: number): JobSpec {
  const { provider: _p, priceKind: _k, ...job } = spec;
  return { ...job, gpus: given(`${count}x${gpu.id}`, PLAN), price: given(usd, PLAN) };
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

function parseTop(value: string | undefined): number {
  if (value === undefined) return 5;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 100) throw invalid("top", value, msg("reason.topRange"));
  return n;
}

/** The GPU types to search: --gpus' list (names as estimate takes them, without a count) or every GPU. */
function gpuTypes(spec: JobSpec, catalog: Catalog): GpuSpec[] {
  if (!spec.gpus) return catalog.gpus;
  // A --profile's GPUs are where its speed was measured: the plan searches that type, at any count.
  const profile = spec.gpus.origin.kind === "profile" ? spec.profile?.value : undefined;
  if (profile) return catalog.gpus.filter((g) => g.id === profile.gpu);
  const about = subject("gpus", spec.gpus.origin);
  return spec.gpus.value.split(",").map((name) => {
    const { gpu, count } = parseGpuSelection(name, catalog.gpus, about);
    if (/[x×*]/i.test(name) && count !== 1) throw invalid(about, name, msg("reason.gpuTypesOnly"));
    return gpu;
  });
}

/** Each GPU type's offers: your price, one provider's current offer, or every provider's. */
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
        source: "your price",
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

/** Searches and estimates: pure (the files were read at the edge, the catalog is given). */
export function buildPlan(spec: JobSpec, flags: PlanOptions, base: Catalog): PlanResult {
  const strategies = spec.strategy?.value;
  if (strategies === undefined)
    throw usage("input.missing", {
      subject: subject("strategy"),
      reason: msg("missing.strategyPlan", { choices: STRATEGY_IDS }),
    });
  if (strategies.length !== 1)
    throw invalid(
      subject("strategy", spec.strategy!.origin),
      strategies.join(","),
      msg("missing.strategyPlan", { choices: STRATEGY_IDS }),
    );
  const top = parseTop(flags.top);
  const deadline = flags.deadline === undefined ? undefined : parseDuration(flags.deadline, "deadline");
  const catalog = mergeConfig(base, spec.files?.config);
  const kind = spec.priceKind?.value ?? "on-demand";
  const usd = spec.price?.value;
  if (usd !== undefined && spec.provider !== undefined)
    throw usage("input.conflict", {
      first: subject("price"),
      second: subject("provider", spec.provider.origin),
      what: msg("what.aPrice"),
    });
  if (usd !== undefined && spec.gpus === undefined) throw usage("rule.planPriceNeedsGpus");
  const providerName = usd === undefined ? spec.provider?.value : undefined;
  const provider = providerName === undefined ? undefined : findProvider(catalog.prices, providerName);
  if (providerName !== undefined && provider === undefined) {
    const ids = [...new Set(catalog.prices.map((p) => p.provider))];
    throw invalid(
      subject("provider", spec.provider!.origin),
      providerName,
      msg("reason.oneOf", { choices: ids }),
      didYouMean(closest(providerName, ids)),
    );
  }

  // One resolved job per GPU type; the search varies its count as a typed value (estimateAt), so
  // each count it tries is the same job through the one resolver, without re-parsing anything.
  const fixedParallel = spec.tensorParallel?.value;
  const resolveCount = typeof fixedParallel === "number" && fixedParallel > 2 ? fixedParallel : 2;
  const skipped: PlanResult["skipped"] = [];
  const planGpus: PlanGpu[] = [];
  let job: EstimateReport | undefined;
  for (const gpu of gpuTypes(spec, catalog)) {
    const offers = offersFor(gpu, catalog, kind, usd, provider);
    if (offers.length === 0) {
      skipped.push({
        gpu: gpuDisplayName(gpu),
        reason: provider
          ? msg("plan.skip.noOffer", { kind: msg("said.priceKind", { kind }), provider })
          : msg("plan.skip.noPrice", { kind: msg("said.priceKind", { kind }) }),
      });
      continue;
    }
    // Resolved at two GPUs (or at a fixed tensor-parallel degree) so that sharding takes its
    // multi-GPU default; one GPU never shards. The search then varies the count.
    const report = resolveJob(jobOn(spec, gpu, resolveCount, 1), base);
    job ??= report;
    planGpus.push({ id: gpu.id, name: gpuDisplayName(gpu), evaluate: estimateAt(report), offers });
  }
  // Nothing priced at all: the search has nothing to weigh, and "nothing fits" would be the wrong
  // reason. Say which offers are missing instead.
  if (planGpus.length === 0 && skipped.length > 0) {
    const gpus = skipped.map((s) => s.gpu);
    throw provider
      ? usage("rule.planProviderNoPrice", { provider, kind, gpus })
      : usage("rule.planNoPrice", { kind, gpus });
  }
  job ??= resolveJob(jobOn(spec, catalog.gpus[0]!, 1, 1), base);
  const budget = flags.budget === undefined ? undefined : parseMoney(flags.budget, "budget", job.fx.krwPerUsd);
  const limits = {
    maxGpus: practicalMaxGpus(job.inputs.globalBatchTokens, job.inputs.memory.seqLen),
    nodeSize: NODE_SIZE,
  };
  const constraints = {
    ...(deadline ? { deadlineDays: deadline.days } : {}),
    ...(budget ? { budgetUsd: budget.usd } : {}),
  };
  const search = searchPlans(planGpus, constraints, limits, top, vatFactor(job.vat));

  // The listed plans are estimated in full at their count and price: the one resolver.
  const exact = new Map<string, EstimateReport>();
  const row = (c: PlanCandidate): PlanRow => {
    const key = `${c.gpu.id}|${c.count}|${c.offer.usdPerGpuHour}`;
    const gpu = catalog.gpus.find((g) => g.id === c.gpu.id)!;
    if (!exact.has(key)) exact.set(key, resolveJob(jobOn(spec, gpu, c.count, c.offer.usdPerGpuHour), base));
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
