import { parseDuration } from "./values/duration.js";
import { withVat } from "../model/vat.js";
import { expectedAt, type StrategyEstimate } from "../model/estimate.js";
import {
  chinchillaForCompute,
  computeForGpuHours,
  gpuHoursForBudget,
  gpusForDeadline,
  tokensForGpuHours,
  wallDaysOn,
} from "../model/inverse.js";
import { NODE_SIZE, practicalMaxGpus, searchCounts, smallestCount } from "../model/plan-search.js";
import { parseMoney } from "./values/money.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";
import type { InverseJson } from "../output/inverse-json.js";
import { usage } from "../errors.js";
import type { Catalog } from "../catalog/load.js";
import { resolveJob } from "./resolve-job.js";
import { given, type JobSpec } from "./spec.js";
import { gpuDisplayName } from "../catalog/gpus.js";

/** The two inverse flags of `estimate`. */
export interface InverseFlags {
  budget?: string;
  deadline?: string;
}

/** Re-runs the same job on another cluster ("25xh100-sxm"): the one resolver, for memory at a new count. */
export type EstimateAt = (gpus: string) => EstimateReport;

const CHINCHILLA_RULE =
  "C = 6·N·D with D = 20·N (Chinchilla) gives N = √(C / 120): the compute-optimal size for training from scratch, not a target for DAPT, TAPT or fine-tuning";

/** The strategy Chinchilla's rule is applied to: scratch if estimated, else the first full-training one. */
function fromScratch(report: EstimateReport): StrategyEstimate | undefined {
  return report.estimates.find((e) => e.strategy === "scratch") ?? report.estimates.find((e) => e.training === "full");
}

/**
 * Tokens that `hours` GPU-hours train, at each end of the range. GPU-hours grow a little faster than
 * tokens (goodput falls as a run grows), so the proportion (tokensForGpuHours) is only the first
 * guess; bisection on the estimate itself finds the token count whose GPU-hours are the budget's.
 */
function tokensForBudget(report: EstimateReport, e: StrategyEstimate, hours: number): Range {
  const guess = tokensForGpuHours(hours, report.inputs.tokens, e.gpuHours);
  const hoursAt = (tokens: number): number => expectedAt({ ...report.request, tokens }, e.training).gpuHours;
  // The range's ends are fixed multiples of the expected GPU-hours for a given GPU count.
  const solve = (target: number, start: number): number => {
    let lo = Math.max(1, start / 4);
    let hi = start * 4;
    while (lo > 1 && hoursAt(lo) > target) lo /= 4;
    while (hoursAt(hi) < target) hi *= 4;
    for (let i = 0; i < 40 && hi / lo > 1 + 1e-6; i++) {
      const mid = Math.sqrt(lo * hi);
      if (hoursAt(mid) < target) lo = mid;
      else hi = mid;
    }
    return Math.sqrt(lo * hi);
  };
  // A budget that does not cover even one token (the job's start-up alone costs more) has no solution
  // above one token: the proportion is the answer there, as it was before goodput.
  if ((hours * e.gpuHours.expected) / e.gpuHours.high <= hoursAt(1)) return guess;
  return {
    low: solve((hours * e.gpuHours.expected) / e.gpuHours.high, guess.low),
    expected: solve(hours, guess.expected),
    high: solve((hours * e.gpuHours.expected) / e.gpuHours.low, guess.high),
  };
}

function budgetBlock(
  value: string,
  report: EstimateReport,
  deadlineDays: number | undefined,
): NonNullable<InverseJson["budget"]> {
  const money = parseMoney(value, "budget", report.fx.krwPerUsd);
  // What a budget buys depends on the price: a GPU without one cannot answer it.
  if (report.price === null) throw usage("rule.budgetNeedsPrice", { gpu: gpuDisplayName(report.inputs.gpu) });
  // What an hour costs as the estimate counts it: with VAT under --vat, so a budget rents fewer.
  const price = withVat(report.price.usdPerGpuHour, report.vat);
  const hours = gpuHoursForBudget(money.usd, price);
  const scratch = fromScratch(report);
  const chinchilla =
    scratch === undefined
      ? null
      : (() => {
          const mfu = scratch.efficiency.wholeRun;
          const computeFlops = computeForGpuHours(hours, report.inputs.gpu.denseTflops16, mfu);
          const at = (c: number) => chinchillaForCompute(c);
          const params: Range = {
            low: at(computeFlops.low).params,
            expected: at(computeFlops.expected).params,
            high: at(computeFlops.high).params,
          };
          const tokens: Range = {
            low: at(computeFlops.low).tokens,
            expected: at(computeFlops.expected).tokens,
            high: at(computeFlops.high).tokens,
          };
          return { strategy: scratch.strategy, mfu, computeFlops, params, tokens, rule: CHINCHILLA_RULE };
        })();
  return {
    text: money.text,
    krw: money.krw,
    usd: money.usd,
    usdPerGpuHour: price,
    gpuHours: hours,
    gpuCount: report.inputs.gpuCount,
    wallDays: wallDaysOn(hours, report.inputs.gpuCount),
    strategies: report.estimates.map((e) => ({ strategy: e.strategy, tokens: tokensForBudget(report, e, hours) })),
    chinchilla,
    gpusToSpendByDeadline: deadlineDays === undefined ? null : gpusForDeadline(hours, deadlineDays),
  };
}

function deadlineBlock(
  value: string,
  report: EstimateReport,
  estimateAt: EstimateAt,
): NonNullable<InverseJson["deadline"]> {
  const duration = parseDuration(value, "deadline");
  const { gpu } = report.inputs;
  const reports = new Map<number, EstimateReport>();
  const at = (n: number): EstimateReport => {
    if (!reports.has(n)) reports.set(n, estimateAt(`${n}x${gpu.id}`));
    return reports.get(n)!;
  };
  // GPU-hours and memory both depend on the count, so each count tried is a full estimate; the
  // answer is the smallest count that fits in memory AND finishes in time (at the expected figure,
  // and at each end of the range for the range).
  // Up to the counts the global batch can keep busy (plan's practical maximum): past it the batch
  // would have to grow, which is another job.
  const maxGpus = practicalMaxGpus(report.inputs.globalBatchTokens, report.inputs.memory.seqLen);
  const counts = searchCounts({ maxGpus, nodeSize: NODE_SIZE });
  return {
    text: duration.text,
    days: duration.days,
    gpu: { id: gpu.id, name: gpu.name },
    strategies: report.estimates.map((e) => {
      const of = (n: number): StrategyEstimate => at(n).estimates.find((x) => x.strategy === e.strategy)!;
      const needed = (end: "low" | "expected" | "high"): number | null =>
        smallestCount(counts, (n) => of(n).memory.fits && of(n).wallDays[end] <= duration.days);
      const n = needed("expected");
      const there = n === null ? undefined : of(n);
      const lowest = needed("low");
      const highest = needed("high");
      return {
        strategy: e.strategy,
        gpuHours: (there ?? e).gpuHours.expected,
        gpusNeeded: n,
        gpusNeededRange: lowest === null || n === null ? null : { low: lowest, expected: n, high: highest ?? maxGpus },
        wallDays: there?.wallDays.expected ?? null,
        perGpuGB: there?.memory.perGpuGB ?? null,
        fits: there?.memory.fits ?? null,
        minGpusWithZero3: there?.memory.minGpusWithZero3 ?? e.memory.minGpusWithZero3,
      };
    }),
  };
}

/**
 * The inverse block for `estimate --budget` and/or `--deadline`, or undefined when neither was
 * given. The budget needs no second estimate (GPU-hours and tokens are proportional); the
 * deadline re-estimates at the needed count to check memory there.
 */
export function buildInverse(
  flags: InverseFlags,
  report: EstimateReport,
  estimateAt: EstimateAt,
): InverseJson | undefined {
  if (flags.budget === undefined && flags.deadline === undefined) return undefined;
  const deadline = flags.deadline === undefined ? undefined : deadlineBlock(flags.deadline, report, estimateAt);
  return {
    ...(flags.budget === undefined ? {} : { budget: budgetBlock(flags.budget, report, deadline?.days) }),
    ...(deadline === undefined ? {} : { deadline }),
  };
}

/** The same job on another cluster ("25xh100-sxm"), through the one resolver: --deadline tries counts. */
export function jobAt(spec: JobSpec, catalog: Catalog): (gpus: string) => EstimateReport {
  return (gpus) => resolveJob({ ...spec, gpus: given(gpus, { kind: "plan" }) }, catalog);
}
