import type { Lang } from "../i18n/lang.js";
import { vatJson } from "./vat-text.js";
import { msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { PlanJson } from "./plan-json.js";
import { warningsJson } from "./provenance-json.js";
import { candidatesText, planWarnings, type PlanResult, type PlanRow } from "./plan-result.js";

// The JSON `plan --format json` prints. Its schema is ./plan-json.ts, which only the tests load:
// building zod schemas is kept off the CLI's start-up.

function planRowJson({ candidate: c, report }: PlanRow): PlanJson["plans"][number] {
  const e = report.estimates[0]!;
  return {
    gpus: { id: c.gpu.id, name: report.inputs.gpu.name, count: c.count },
    kind: c.kind,
    provider: c.offer.provider,
    providerName: c.offer.providerName,
    region: c.offer.region,
    priceUsdPerGpuHour: c.offer.usdPerGpuHour,
    priceDate: c.offer.date,
    priceSource: c.offer.source,
    wallDays: e.wallDays.expected,
    gpuHours: e.gpuHours.expected,
    // A listed plan is always priced: the plan supplies the offer's price.
    costUsd: e.costUsd!.expected,
    costKrw: e.costKrw!.expected,
    mfu: e.efficiency.wholeRun.expected,
    memoryPerGpuGB: e.memory.perGpuGB,
    fits: e.memory.fits,
    ranges: { wallDays: e.wallDays, gpuHours: e.gpuHours, costUsd: e.costUsd!, costKrw: e.costKrw! },
  };
}

/** Builds the plan JSON (pure). */
export function toPlanJson(result: PlanResult, lang: Lang = "en"): PlanJson {
  const { inputs } = result.job;
  return {
    schemaVersion: 1,
    command: "plan",
    inputs: {
      model: inputs.model ?? null,
      params: inputs.params,
      tokens: inputs.tokens,
      tokensBasis: render(inputs.tokensBasis, lang),
      strategy: result.job.estimates[0]!.strategy,
      deadlineDays: result.deadline?.days ?? null,
      budgetKrw: result.budget?.krw ?? null,
      budgetUsd: result.budget?.usd ?? null,
      priceKind: result.priceKind,
      provider: result.provider ?? null,
    },
    candidates: render(candidatesText(result.limits), lang),
    maxGpus: result.limits.maxGpus,
    gpuTypesSearched: result.gpuTypes,
    skipped: result.skipped.map((s) => ({ gpu: s.gpu, reason: render(s.reason, lang) })),
    plans: result.cheapest.map(planRowJson),
    fastest: result.fastest.map(planRowJson),
    binding: result.search.binding,
    explanation: result.explanation && render(result.explanation, lang),
    warnings: warningsJson(planWarnings(result), lang),
    assumptions: {
      krwPerUsd: result.fx.krwPerUsd,
      fxDate: result.fx.date,
      fxSource: result.fx.source,
      constraints: render(msg("plan.json.constraints"), lang),
      ...vatJson(result.job.vat, lang),
    },
  };
}
