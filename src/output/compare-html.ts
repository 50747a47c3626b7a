import { gpuDisplayName } from "../catalog/gpus.js";
import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";
import { textsFor } from "../i18n/texts.js";
import { formatNumber } from "../util/number-text.js";
import { estimateOf, rowName, rowTitle, type CompareRow } from "./compare-table.js";
import { formatCount, significant } from "./format.js";
import type { ReportDocument } from "./html-report.js";
import { reportFigures } from "./html-report.js";
import { say } from "./report-text.js";

const pct = (x: number): string => `${significant(x * 100, 2)}%`;

/** The HTML report of `compare`: one row and one bar per scenario, the distinct prices as assumptions. */
export function reportFromCompare(
  rows: readonly CompareRow[],
  generatedBy = "llm-cost",
  lang: Lang = "en",
): ReportDocument {
  const t = textsFor(lang);
  const prices = new Set<string>();
  for (const { report } of rows) {
    const p = report.price;
    const gpu = gpuDisplayName(report.inputs.gpu);
    prices.add(
      p === null
        ? say("html.noPriceOf", lang, { gpu })
        : say("html.price", lang, { gpu, usd: `$${p.usdPerGpuHour.toFixed(2)}`, rule: p.rule, date: p.date }),
    );
  }
  const fx = rows[0]!.report.fx;
  return {
    lang,
    title: say("html.compareTitle", lang, { count: String(rows.length) }),
    subtitle: rows.map((r) => rowName(r, lang)).join(" · "),
    labelHeading: t.headers.scenario,
    rows: rows.map((row) => {
      const e = estimateOf(row);
      const { inputs } = row.report;
      return {
        label: rowName(row, lang),
        description: say("html.compareRow", lang, {
          strategy: t.strategy(e.strategy),
          count: String(inputs.gpuCount),
          gpu: gpuDisplayName(inputs.gpu),
          params: formatCount(inputs.params),
          tokens: formatCount(inputs.tokens),
          mfu: pct(e.efficiency.wholeRun.expected),
          title: rowTitle(row, lang),
        }),
        ...reportFigures(e),
      };
    }),
    assumptions: [
      ...[...prices].map((text) => ({ label: say("html.label.price", lang), text })),
      {
        label: say("html.label.fx", lang),
        text: say("html.fx", lang, {
          rate: formatNumber(fx.krwPerUsd),
          date: fx.date,
          source: lang === "ko" ? (fx.sourceKo ?? fx.source) : fx.source,
        }),
      },
    ],
    notes: [...new Set(rows.flatMap((r) => r.report.warnings.map((w) => render(w, lang))))],
    generatedBy,
  };
}
