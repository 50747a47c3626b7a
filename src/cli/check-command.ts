import type { Command } from "commander";
import { loadCatalog, readPreset } from "../catalog/load.js";
import { STRATEGY_IDS } from "../catalog/constants.js";
import { loadUserConfig } from "../inputs/user-config.js";
import { parseWith } from "../catalog/zod-error.js";
import { wholeRunEfficiencies } from "../accuracy/published-runs.js";
import {
  impliedMfu,
  judge,
  judgeMfu,
  publishedContext,
  timesApart,
  verdictText,
  type Judgement,
} from "../model/claim.js";
import { parseDuration } from "../job/values/duration.js";
import { parseMoney } from "../job/values/money.js";
import type { EstimateReport } from "../model/report.js";
import { UsageError } from "../errors.js";
import type { CheckClaimJson, CheckJson } from "../output/check-json.js";
import { renderCheck } from "../output/check-output.js";
import { formatHours, significant } from "../output/format.js";
import { parseChoice } from "../job/values/choices.js";
import { paintFor } from "./color.js";
import { resolveEstimate } from "./estimate-command.js";
import type { Io } from "./io.js";
import {
  addPassThroughOptions,
  ESTIMATE_DEFAULTS,
  type EstimateFlags,
  type PassThroughFlags,
  addJobOptions,
  type JobFlags,
} from "./scenario-flags.js";
import { efficiencyBasis } from "../output/efficiency-basis.js";

const CHECK_FORMATS = ["table", "json"] as const;
/** Continued pretraining is what claims about "training a released model on a corpus" describe. */
export const DEFAULT_CHECK_STRATEGY = "dapt";

interface CheckFlags extends JobFlags, PassThroughFlags {
  claimedDays?: string;
  claimedCost?: string;
  format: string;
  color: boolean;
}

const pct = (x: number): string => `${significant(x * 100, 3)}%`;

async function published(report: EstimateReport, mfu: number | null): Promise<CheckJson["published"]> {
  // The runs are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
  const { PublishedRunsFile } = await import("../catalog/run-schema.js");
  const runs = wholeRunEfficiencies(
    parseWith(PublishedRunsFile, readPreset("published-runs.json"), "presets/published-runs.json").runs,
    loadCatalog().gpus,
  );
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
    note: "whole-run efficiency (6·N·D / (GPU-hours × peak)) of the published full pretraining runs in presets/published-runs.json",
  };
}

function claimJson(
  claim: CheckClaimJson["claim"],
  text: string,
  value: number,
  judged: number,
  range: { low: number; high: number },
  rangeBasis: string,
  j: Judgement,
  expected: number,
): CheckClaimJson {
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
    summary: verdictText(j),
  };
}

/** Builds the check (pure apart from reading the presets): estimate once, then invert each claim. */
export async function buildCheck(flags: CheckFlags, cwd: string): Promise<CheckJson> {
  if (flags.claimedDays === undefined && flags.claimedCost === undefined) {
    throw new UsageError(
      "missing claim: give --claimed-days (e.g. 730 or 2y) and/or --claimed-cost (e.g. 2.5억 or $40k)",
    );
  }
  const strategy = parseChoice(flags.strategy ?? DEFAULT_CHECK_STRATEGY, STRATEGY_IDS, "--strategy");
  // A bare number of days is how such claims are quoted ("730 days"); parseDuration wants a unit.
  const days =
    flags.claimedDays === undefined
      ? undefined
      : parseDuration(
          /^\s*[\d.,_]+\s*$/.test(flags.claimedDays) ? `${flags.claimedDays}d` : flags.claimedDays,
          "--claimed-days",
        );
  const config = await loadUserConfig(flags.config, cwd);
  const { claimedDays: _d, claimedCost: _c, format: _f, color: _col, config: _cfg, ...job } = flags;
  const report = resolveEstimate(
    { ...ESTIMATE_DEFAULTS, ...job, strategy } as EstimateFlags,
    loadCatalog(),
    config ? { config } : {},
  );
  const e = report.estimates[0]!;
  const { gpu, gpuCount } = report.inputs;
  const cost =
    flags.claimedCost === undefined ? undefined : parseMoney(flags.claimedCost, "--claimed-cost", report.fx.krwPerUsd);
  const prices = report.price.offers.length
    ? report.price.offers.map((o) => o.usdPerGpuHour)
    : [report.price.usdPerGpuHour];
  const offers = { low: Math.min(...prices), high: Math.max(...prices) };

  const claims: CheckClaimJson[] = [];
  const mfu = days === undefined ? null : impliedMfu(e.flops, gpu.denseTflops16, gpuCount, days.days);
  if (days !== undefined && mfu !== null) {
    const range = { low: e.efficiency.wholeRun.low, high: e.efficiency.wholeRun.high };
    claims.push(
      claimJson(
        "days",
        days.text,
        days.days,
        mfu,
        range,
        `the default efficiency range for ${strategy} on ${gpuCount} GPUs (${efficiencyBasis(e.efficiency)})`,
        judgeMfu(mfu, range),
        e.efficiency.wholeRun.expected,
      ),
    );
  }
  const claimedGpuHours = days === undefined ? null : gpuCount * days.days * 24;
  if (cost !== undefined) {
    // Plausible cost: the fastest run at the cheapest offer up to the slowest run at the dearest.
    const range = { low: e.gpuHours.low * offers.low, high: e.gpuHours.high * offers.high };
    const basis = `GPU-hours ${formatHours(e.gpuHours.low)}–${formatHours(e.gpuHours.high)} × $${offers.low.toFixed(2)}–$${offers.high.toFixed(2)} per GPU-hour`;
    claims.push(
      claimJson(
        "cost",
        cost.text,
        cost.usd,
        cost.usd,
        range,
        basis,
        judge(cost.usd, range, "lower"),
        e.costUsd.expected,
      ),
    );
  }
  const worst = claims.reduce((a, b) =>
    b.verdict === "impossible" || (a.verdict !== "impossible" && b.factor > a.factor) ? b : a,
  );
  return {
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
      priceUsdPerGpuHour: report.price.usdPerGpuHour,
      priceRule: report.price.rule,
      offersUsdPerGpuHour: offers,
      krwPerUsd: report.fx.krwPerUsd,
      fxDate: report.fx.date,
    },
    implied: {
      mfu,
      gpuHours: claimedGpuHours,
      usdPerGpuHour: cost === undefined ? null : cost.usd / (claimedGpuHours ?? e.gpuHours.expected),
      usdPerGpuHourBasis:
        cost === undefined
          ? null
          : claimedGpuHours === null
            ? `the claimed cost over the expected ${Math.round(e.gpuHours.expected)} GPU-hours`
            : `the claimed cost over the claimed ${gpuCount} GPUs × ${significant(days!.days, 4)} days × 24 h`,
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
                low: (report.inputs.tokens * cost.usd) / e.costUsd.high,
                expected: (report.inputs.tokens * cost.usd) / e.costUsd.expected,
                high: (report.inputs.tokens * cost.usd) / e.costUsd.low,
              },
      tokensBasis:
        claimedGpuHours !== null
          ? `tokens the claimed ${gpuCount} GPUs × ${significant(days!.days, 4)} days train at the default efficiency`
          : cost === undefined
            ? null
            : "tokens the claimed cost trains at the default efficiency and price",
    },
    claims,
    verdict: worst.verdict,
    factor: worst.factor,
    verdictClaim: worst.claim,
    summary:
      worst.verdict === "impossible" ? `impossible: MFU ${pct(worst.judged)} is above the GPU's peak` : worst.summary,
    published: await published(report, mfu),
  };
}

/** Registers `check`: what a claimed duration or cost implies, and whether published runs make it plausible. */
export function addCheckCommand(program: Command, io: Io): void {
  const command = addJobOptions(
    program
      .command("check")
      .description(
        "check a claim: the efficiency a claimed duration implies, the price and tokens a claimed cost implies, and a verdict",
      ),
  )
    .option("--strategy <id>", `the job: one of ${STRATEGY_IDS.join(", ")} (default ${DEFAULT_CHECK_STRATEGY})`)
    .option("--claimed-days <duration>", "the claimed wall-clock time: 730 (days), 2y, 90d, 12w")
    .option("--claimed-cost <money>", "the claimed cost: 2.5억, 3억, 5000만, $40k")
    .option("--seq-len <n>", "sequence length (memory and attention)")
    .option("--lora-rank <r>", "LoRA rank for lora/qlora (default 16)")
    .option("--lora-targets <list>", "LoRA target layers (default all)");
  addPassThroughOptions(command)
    .option("--format <format>", `output: ${CHECK_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action(async (flags: CheckFlags) => {
      const format = parseChoice(flags.format, CHECK_FORMATS, "--format");
      const result = await buildCheck(flags, io.cwd);
      if (format === "json") io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else io.stdout(renderCheck(result, await paintFor(io, flags.color)));
    });
}
