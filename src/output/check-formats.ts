import type { EstimateReport } from "../model/report.js";
import type { CheckJson } from "./check-json.js";
import { renderCheck } from "./check-output.js";
import type { OutputSettings } from "./output-settings.js";
import type { Paint } from "./paint.js";
import { warningsJson } from "./provenance-json.js";
import { jobRow, renderMarkdownRows, renderSheet } from "./sheet.js";

/** Renders a check in one of the output formats (pure). */
export function renderCheckAs(c: CheckJson, report: EstimateReport, settings: OutputSettings, paint: Paint): string {
  const label = settings.label ?? "";
  const rows = c.claims.map((claim) =>
    jobRow(report, report.estimates[0]!, label, {
      claim: claim.claim,
      claimed: claim.text,
      verdict: claim.verdict,
      factor: claim.factor,
      implied_mfu: c.implied.mfu,
      implied_tokens: c.implied.tokens?.expected ?? null,
    }),
  );
  switch (settings.format) {
    case "json":
      return `${JSON.stringify({ ...(settings.label === undefined ? {} : { label }), ...c, warnings: warningsJson(report.warnings, settings.lang) }, null, 2)}\n`;
    case "csv":
    case "tsv":
      return renderSheet(rows, settings.format, settings.header);
    case "markdown":
      return `### ${c.summary}\n\n${renderMarkdownRows(rows)}`;
    case "html":
    case "table":
      return renderCheck(c, paint);
  }
}
