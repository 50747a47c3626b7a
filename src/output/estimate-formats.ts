import { gpuDisplayName } from "../catalog/gpus.js";
import type { EstimateReport } from "../model/report.js";
import { renderEstimateMarkdown } from "./estimate-markdown.js";
import { renderEstimateTable } from "./estimate-table.js";
import { renderExplain } from "./explain.js";
import { renderHtmlReport, reportFromEstimate } from "./html-report.js";
import type { InverseJson } from "./inverse-json.js";
import { renderInverseLines } from "./inverse-lines.js";
import type { OutputSettings } from "./output-settings.js";
import type { Paint } from "./paint.js";
import { jobRow, renderSheet, type SheetCell } from "./sheet.js";
import { toEstimateJson } from "./to-estimate-json.js";

/** --budget and --deadline as a strategy row's own columns: tokens the budget buys, GPUs the deadline needs. */
function inverseCells(inverse: InverseJson | undefined, strategy: string): Record<string, SheetCell> {
  const bought = inverse?.budget?.strategies.find((s) => s.strategy === strategy)?.tokens;
  const needed = inverse?.deadline?.strategies.find((s) => s.strategy === strategy);
  return {
    ...(bought
      ? { budget_tokens_low: bought.low, budget_tokens_expected: bought.expected, budget_tokens_high: bought.high }
      : {}),
    ...(inverse?.deadline
      ? {
          deadline_days: inverse.deadline.days,
          deadline_gpus_needed: needed?.gpusNeeded ?? null,
          deadline_wall_days: needed?.wallDays ?? null,
        }
      : {}),
  };
}

/** Renders a report in one of the output formats (pure). */
export function renderEstimate(
  report: EstimateReport,
  settings: OutputSettings,
  paint: Paint,
  extra: { explain?: boolean; inverse?: InverseJson | undefined } = {},
): string {
  // --budget / --deadline: an "inverse" block in the JSON, lines under the table or Markdown.
  const inverse = extra.inverse;
  const under = inverse ? `\n${renderInverseLines(inverse, gpuDisplayName(report.inputs.gpu), settings.lang)}` : "";
  const label = settings.label ?? "";
  switch (settings.format) {
    case "json": {
      const json = { ...(settings.label === undefined ? {} : { label }), ...toEstimateJson(report, settings.lang) };
      return `${JSON.stringify(inverse ? { ...json, inverse } : json, null, 2)}\n`;
    }
    case "markdown":
      return renderEstimateMarkdown(report, settings.lang) + under;
    case "html": {
      const doc = reportFromEstimate(report, "llm-cost", settings.lang);
      return renderHtmlReport(inverse ? { ...doc, notes: [...(doc.notes ?? []), ...under.trim().split("\n")] } : doc);
    }
    case "csv":
    case "tsv":
      return renderSheet(
        report.estimates.map((e) => jobRow(report, e, label, inverseCells(inverse, e.strategy))),
        settings.format,
        settings.header,
      );
    case "table":
      return (
        renderEstimateTable(report, paint, settings) +
        under +
        (extra.explain ? `\n${renderExplain(report, settings.lang)}` : "")
      );
  }
}
