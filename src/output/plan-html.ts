import type { Lang } from "../i18n/lang.js";
import { type Message, msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import { formatCount } from "./format.js";
import type { ReportDocument, ReportRow } from "./html-report.js";
import { reportFigures } from "./html-report.js";
import { vatCosts } from "./vat-text.js";
import { planConstraints } from "./plan-output.js";
import { planWarnings, type PlanResult, type PlanRow } from "./plan-result.js";

function row(ranking: Message, rank: number, { candidate: c, report }: PlanRow, lang: Lang): ReportRow {
  const e = report.estimates[0]!;
  return {
    label: render(msg("plan.html.row", { ranking, rank, count: c.count, gpu: c.gpu.name }), lang),
    description: render(
      msg("plan.html.offer", {
        provider: c.offer.providerName,
        price: c.offer.usdPerGpuHour.toFixed(2),
        date: c.offer.date,
      }),
      lang,
    ),
    ...reportFigures(e),
  };
}

/** The HTML report of `plan`: the cheapest and the fastest plans as rows and bars, or why none qualify. */
export function reportFromPlan(result: PlanResult, lang: Lang = "en", generatedBy = "llm-cost"): ReportDocument {
  const say = (code: Parameters<typeof msg>[0], args: Parameters<typeof msg>[1] = {}): string =>
    render(msg(code, args), lang);
  const { inputs } = result.job;
  const constraints = planConstraints(result, lang);
  return {
    lang,
    title: say("plan.html.title", {
      strategy: msg("said.strategy", { id: result.job.estimates[0]!.strategy }),
      params: formatCount(inputs.params),
      tokens: formatCount(inputs.tokens),
    }),
    subtitle: constraints.length ? constraints.join("; ") : say("plan.html.noConstraints"),
    labelHeading: say("plan.html.labelHeading"),
    rows: [
      ...result.cheapest.map((r, i) => row(msg("plan.html.cheapest"), i + 1, r, lang)),
      ...result.fastest.map((r, i) => row(msg("plan.html.fastest"), i + 1, r, lang)),
    ],
    rangeNote: say("html.rangeNote", { costs: vatCosts(result.job.vat, lang) }),
    assumptions: [
      {
        label: say("plan.html.exchangeLabel"),
        text: say("plan.html.exchange", { rate: result.fx.krwPerUsd, date: result.fx.date, source: result.fx.source }),
      },
    ],
    notes: [
      ...(result.explanation ? [render(result.explanation, lang)] : []),
      ...new Set(planWarnings(result).map((w) => render(w, lang))),
    ],
    generatedBy,
  };
}
