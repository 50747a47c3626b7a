import type { Catalog } from "../catalog/load.js";
import { STRATEGY_IDS } from "../catalog/constants.js";
import { gpuDisplayName } from "../catalog/gpus.js";
import { invalid, usage } from "../errors.js";
import { type Message, msg, subject } from "../i18n/message.js";
import { impliedMfu, judge, judgeMfu, publishedContext, timesApart, type Judgement } from "../model/claim.js";
import type { EstimateReport } from "../model/report.js";
import type { CheckClaimJson, CheckJson } from "../output/check-json.js";
import { efficiencyBasis } from "../output/efficiency-basis.js";
import { formatHours, significant } from "../output/format.js";
import { vatFactor, withVat } from "../model/vat.js";
import { parseDuration } from "./values/duration.js";
import { moneySaid, parseMoney } from "./values/money.js";
import { resolveJob } from "./resolve-job.js";
import { given, type JobSpec } from "./spec.js";

export const DEFAULT_CHECK_STRATEGY = "dapt";

/** The claims to check, as typed. */
export interface ClaimOptions {
  claimedDays?: string;
  claimedCost?: string;
}

/** A claim as data: CheckClaimJson with its sentences as messages, rendered per language at the edge. */
export interface CheckClaim extends Omit<CheckClaimJson, "text" | "rangeBasis" | "summary"> {
  text: Message;
  rangeBasis: Message;
  summary: Message;
}

/**
 * The check as data: CheckJson with every sentence a message (the claims restated, the bases, the
 * verdict, the note), so that output/to-check-json.ts renders it in the chosen language.
 */
export interface CheckResult
  extends Omit<
    CheckJson,
    "label" | "warnings" | "claims" | "summary" | "estimate" | "implied" | "published" | "inputs"
  > {
  inputs: Omit<CheckJson["inputs"], "tokensBasis"> & { tokensBasis: Message };
  claims: CheckClaim[];
  summary: Message;
  estimate: Omit<CheckJson["estimate"], "priceRule"> & { priceRule: Message | null };
  implied: Omit<CheckJson["implied"], "usdPerGpuHourBasis" | "tokensBasis"> & {
    usdPerGpuHourBasis: Message | null;
    tokensBasis: Message | null;
  };
  published: Omit<CheckJson["published"], "note"> & { note: Message };
}

/** A judgement in words: "plausible", "pessimistic by ×28" ("비관적 (×28)"). */
export function judgedText(j: Judgement): Message {
  return msg("check.judged", { verdict: j.verdict, factor: j.factor.toFixed(j.factor >= 10 ? 0 : 1) });
}

/** A published run's whole-run efficiency and its GPU family. */
export type PublishedEfficiency = { architecture: string; mfu: number };

const pct = (x: number): string => `${significant(x * 100, 3)}%`;

function published(
  report: EstimateReport,
  mfu: number | null,
  runs: readonly PublishedEfficiency[],
): CheckResult["published"] {
  const family = report.inputs.gpu.architecture;
  const value = mfu ?? report.estimates[0]!.efficiency.wholeRun.expected;
  const inFamily = runs.filter((r) => r.architecture === family).map((r) => r.mfu);
  return {
    family,
    familyRuns: inFamily.length ? publishedContext(inFamily, value) : null,
    allRuns: publishedContext(
      runs.map((r) => r.mfu),
      value,
    ),
    note: msg("check.publishedNote"),
  };
}

/**
 * A claimed cost (USD) against the plausible range and expected cost without VAT (`range`,
 * `expected`) and with it: which reading the claim matches better.
 */
export function vatReadings(
  claimed: number,
  range: { low: number; high: number },
  expected: number,
  rate: number,
): NonNullable<CheckClaimJson["vat"]> {
  const reading = (factor: number) => {
    const r = { low: range.low * factor, high: range.high * factor };
    const j = judge(claimed, r, "lower");
    return {
      range: r,
      expected: expected * factor,
      verdict: j.verdict,
      factor: j.factor,
      factorVsExpected: timesApart(claimed, expected * factor),
    };
  };
  const excluded = reading(1);
  const included = reading(1 + rate);
  const closer =
    included.factor < excluded.factor ||
    (included.factor === excluded.factor && included.factorVsExpected < excluded.factorVsExpected)
      ? "included"
      : "excluded";
  return { rate, excluded, included, closer };
}

function claimJson(
  claim: CheckClaimJson["claim"],
  text: Message,
  value: number,
  judged: number,
  range: { low: number; high: number },
  rangeBasis: Message,
  j: Judgement,
  expected: number,
  vat: CheckClaimJson["vat"] = null,
): CheckClaim {
  return {
    claim,
    text,
    value,
    judged,
    range,
    rangeBasis,
    verdict: j.verdict,
    factor: j.factor,
    factorVsExpected: timesApart(judged, expected),
    summary: judgedText(j),
    vat,
  };
}

/** Builds the check: pure (the catalog and the published runs are given). */
export function buildCheck(
  spec: JobSpec,
  flags: ClaimOptions,
  catalog: Catalog,
  runs: readonly PublishedEfficiency[],
): { json: CheckResult; report: EstimateReport } {
  if (flags.claimedDays === undefined && flags.claimedCost === undefined)
    throw usage("input.missing", { subject: "claim", reason: msg("missing.claim") });
  const strategies = spec.strategy?.value ?? [DEFAULT_CHECK_STRATEGY];
  if (strategies.length !== 1)
    throw invalid(
      subject("strategy", spec.strategy!.origin),
      strategies.join(","),
      msg("reason.oneOf", { choices: STRATEGY_IDS }),
    );
  const strategy = strategies[0]!;
  // A bare number of days is how such claims are quoted ("730 days"); parseDuration wants a unit.
  const days =
    flags.claimedDays === undefined
      ? undefined
      : parseDuration(
          /^\s*[\d.,_]+\s*$/.test(flags.claimedDays) ? `${flags.claimedDays}d` : flags.claimedDays,
          "claimedDays",
        );
  const report = resolveJob(
    { ...spec, strategy: given([strategy], spec.strategy?.origin ?? { kind: "default" }) },
    catalog,
  );
  const e = report.estimates[0]!;
  const { gpu, gpuCount } = report.inputs;
  const cost =
    flags.claimedCost === undefined ? undefined : parseMoney(flags.claimedCost, "claimedCost", report.fx.krwPerUsd);
  // A claimed cost is judged against prices: a GPU without one cannot answer it.
  if (cost !== undefined && report.price === null)
    throw usage("rule.budgetNeedsPrice", { gpu: gpuDisplayName(report.inputs.gpu) });
  const price = report.price;
  const prices =
    price === null ? [] : price.offers.length ? price.offers.map((o) => o.usdPerGpuHour) : [price.usdPerGpuHour];
  const offers = { low: Math.min(...prices), high: Math.max(...prices) };

  const claims: CheckClaim[] = [];
  const mfu = days === undefined ? null : impliedMfu(e.flops, gpu.denseTflops16, gpuCount, days.days);
  if (days !== undefined && mfu !== null) {
    const range = { low: e.efficiency.wholeRun.low, high: e.efficiency.wholeRun.high };
    claims.push(
      claimJson(
        "days",
        days.said,
        days.days,
        mfu,
        range,
        msg("check.rangeBasisDays", {
          strategy: msg("said.strategy", { id: strategy }),
          count: gpuCount,
          basis: efficiencyBasis(e.efficiency),
        }),
        judgeMfu(mfu, range),
        e.efficiency.wholeRun.expected,
      ),
    );
  }
  const claimedGpuHours = days === undefined ? null : gpuCount * days.days * 24;
  if (cost !== undefined) {
    // Plausible cost: the fastest run at the cheapest offer up to the slowest run at the dearest
    // (list prices, without VAT; with --vat the verdict reads the range with it).
    const listRange = { low: e.gpuHours.low * offers.low, high: e.gpuHours.high * offers.high };
    const range = { low: withVat(listRange.low, report.vat), high: withVat(listRange.high, report.vat) };
    const basis = msg("check.rangeBasisCost", {
      low: formatHours(e.gpuHours.low),
      high: formatHours(e.gpuHours.high),
      offerLow: offers.low.toFixed(2),
      offerHigh: offers.high.toFixed(2),
      vat: report.vat.included ? String(vatFactor(report.vat)) : undefined,
    });
    const listExpected = e.costUsd!.expected / vatFactor(report.vat);
    claims.push(
      claimJson(
        "cost",
        moneySaid(cost),
        cost.usd,
        cost.usd,
        range,
        basis,
        judge(cost.usd, range, "lower"),
        e.costUsd!.expected,
        vatReadings(cost.usd, listRange, listExpected, report.vat.rate),
      ),
    );
  }
  const worst = claims.reduce((a, b) =>
    b.verdict === "impossible" || (a.verdict !== "impossible" && b.factor > a.factor) ? b : a,
  );
  const json: CheckResult = {
    schemaVersion: 1,
    command: "check",
    inputs: {
      model: report.inputs.model ?? null,
      params: report.inputs.params,
      tokens: report.inputs.tokens,
      tokensBasis: report.inputs.tokensBasis,
      strategy,
      gpus: { id: gpu.id, name: gpu.name, count: gpuCount, peakTflops: gpu.denseTflops16 },
      claimedDays: days?.days ?? null,
      claimedCostKrw: cost?.krw ?? null,
      claimedCostUsd: cost?.usd ?? null,
    },
    estimate: {
      flops: e.flops,
      mfu: e.efficiency.wholeRun,
      gpuHours: e.gpuHours,
      wallDays: e.wallDays,
      costUsd: e.costUsd,
      costKrw: e.costKrw,
      priceUsdPerGpuHour: price?.usdPerGpuHour ?? null,
      priceRule: price ? price.rule : null,
      offersUsdPerGpuHour: price ? offers : null,
      krwPerUsd: report.fx.krwPerUsd,
      fxDate: report.fx.date,
      vatIncluded: report.vat.included,
      vatRate: report.vat.rate,
    },
    implied: {
      mfu,
      gpuHours: claimedGpuHours,
      usdPerGpuHour: cost === undefined ? null : cost.usd / (claimedGpuHours ?? e.gpuHours.expected),
      usdPerGpuHourBasis:
        cost === undefined
          ? null
          : claimedGpuHours === null
            ? msg("check.priceBasisExpected", { gpuHours: String(Math.round(e.gpuHours.expected)) })
            : msg("check.priceBasisClaimed", { count: gpuCount, days: significant(days!.days, 4) }),
      // GPU-hours are linear in tokens at a given efficiency, so a claim's tokens are a proportion
      // (the low end from the pessimistic, high GPU-hours).
      tokens:
        claimedGpuHours !== null
          ? {
              low: (report.inputs.tokens * claimedGpuHours) / e.gpuHours.high,
              expected: (report.inputs.tokens * claimedGpuHours) / e.gpuHours.expected,
              high: (report.inputs.tokens * claimedGpuHours) / e.gpuHours.low,
            }
          : cost === undefined
            ? null
            : {
                low: (report.inputs.tokens * cost.usd) / e.costUsd!.high,
                expected: (report.inputs.tokens * cost.usd) / e.costUsd!.expected,
                high: (report.inputs.tokens * cost.usd) / e.costUsd!.low,
              },
      tokensBasis:
        claimedGpuHours !== null
          ? msg("check.tokensBasisDays", { count: gpuCount, days: significant(days!.days, 4) })
          : cost === undefined
            ? null
            : msg("check.tokensBasisCost"),
    },
    claims,
    verdict: worst.verdict,
    factor: worst.factor,
    verdictClaim: worst.claim,
    summary: worst.verdict === "impossible" ? msg("check.impossible", { mfu: pct(worst.judged) }) : worst.summary,
    published: published(report, mfu, runs),
  };
  return { json, report };
}
