import { render } from "../i18n/render.js";
import { formatNumber } from "../util/number-text.js";
import { formatCount } from "./format.js";
import type { ReportDocument, ReportRow } from "./html-report.js";
import { say } from "./report-text.js";
import { vatCosts } from "./vat-text.js";
import { planWarnings, type PlanResult, type PlanRow } from "./plan-result.js";

function row(ranking: string, rank: number, { candidate: c, report }: PlanRow): ReportRow {
  const e = report.estimates[0]!;
  return {
    label: `${ranking} ${rank}: ${formatNumber(c.count)} × ${c.gpu.name}`,
    description: `${c.offer.providerName}, $${c.offer.usdPerGpuHour.toFixed(2)} per GPU-hour (${c.offer.date})`,
    flops: e.flops,
    gpuHours: e.gpuHours,
    wallDays: e.wallDays,
    costKrw: e.costKrw,
    costUsd: e.costUsd,
    memoryPerGpuGB: e.memory.perGpuGB,
    fits: e.memory.fits,
  };
}

/** The HTML report of `plan`: the cheapest and the fastest plans as rows and bars, or why none qualify. */
export function reportFromPlan(result: PlanResult, generatedBy = "llm-cost"): ReportDocument {
  const { inputs } = result.job;
  const strategy = result.job.estimates[0]!.strategy;
  const constraints = [
    result.deadline ? `deadline ${result.deadline.text}` : undefined,
    result.budget ? `budget ${result.budget.text}` : undefined,
  ].filter((c): c is string => c !== undefined);
  return {
    title: `Plan: ${strategy} of ${formatCount(inputs.params)} parameters × ${formatCount(inputs.tokens)} tokens`,
    subtitle: constraints.length ? constraints.join("; ") : "no deadline or budget",
    labelHeading: "Plan",
    rows: [
      ...result.cheapest.map((r, i) => row("cheapest", i + 1, r)),
      ...result.fastest.map((r, i) => row("fastest", i + 1, r)),
    ],
    rangeNote: say("html.rangeNote", "en", { costs: vatCosts(result.job.vat, "en") }),
    assumptions: [
      {
        label: "Exchange rate",
        text: `${formatNumber(result.fx.krwPerUsd)} KRW per USD (${result.fx.date}; ${result.fx.source})`,
      },
    ],
    notes: [
      ...(result.explanation ? [result.explanation] : []),
      ...new Set(planWarnings(result).map((w) => render(w, "en"))),
    ],
    generatedBy,
  };
}
