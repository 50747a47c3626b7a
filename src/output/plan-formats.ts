import type { OutputSettings } from "./output-settings.js";
import { renderPlan, renderPlanMarkdown } from "./plan-output.js";
import type { PlanResult } from "./plan-result.js";
import { toPlanJson } from "./to-plan-json.js";
import { jobRow, renderSheet } from "./sheet.js";
import { renderHtmlReport } from "./html-report.js";
import { reportFromPlan } from "./plan-html.js";
import type { Paint } from "./paint.js";

/** Renders a plan in one of the output formats (pure). */
export function renderPlanAs(result: PlanResult, settings: OutputSettings, paint: Paint): string {
  switch (settings.format) {
    case "json":
      return `${JSON.stringify({ ...(settings.label === undefined ? {} : { label: settings.label }), ...toPlanJson(result, settings.lang) }, null, 2)}\n`;
    case "csv":
    case "tsv": {
      const rows = (["cheapest", "fastest"] as const).flatMap((ranking) =>
        result[ranking].map((r, i) =>
          jobRow(r.report, r.report.estimates[0]!, settings.label ?? "", {
            ranking,
            rank: i + 1,
            provider_name: r.candidate.offer.providerName,
            region: r.candidate.offer.region,
          }),
        ),
      );
      return renderSheet(rows, settings.format, settings.header);
    }
    case "html":
      return renderHtmlReport(reportFromPlan(result, settings.lang));
    case "markdown":
      return renderPlanMarkdown(result, settings.lang);
    case "table":
      return renderPlan(result, paint, settings);
  }
}
