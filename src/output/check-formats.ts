import type { CheckResult } from "../job/check-claim.js";
import { msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { EstimateReport } from "../model/report.js";
import type { CheckJson } from "./check-json.js";
import { renderCheck } from "./check-output.js";
import type { OutputSettings } from "./output-settings.js";
import type { Paint } from "./paint.js";
import { warningsJson } from "./provenance-json.js";
import { jobRow, markdownCell, renderMarkdownRows, renderSheet } from "./sheet.js";
import { toCheckJson } from "./to-check-json.js";

/** Renders a check in one of the output formats (pure), its sentences in the chosen language. */
export function renderCheckAs(
  result: CheckResult,
  report: EstimateReport,
  settings: OutputSettings,
  paint: Paint,
): string {
  const c = toCheckJson(result, settings.lang);
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
      return settings.lang === "en" ? `### ${c.summary}\n\n${renderMarkdownRows(rows)}` : koreanMarkdown(c);
    case "html":
    case "table":
      return renderCheck(c, paint, settings.lang);
  }
}

/**
 * Check as Markdown for a reader rather than a spreadsheet: the verdict, then each claim with its
 * verdict and basis under Korean headings (the English Markdown keeps the sheet's columns, as it was).
 */
function koreanMarkdown(c: CheckJson): string {
  const say = (code: Parameters<typeof msg>[0], args: Parameters<typeof msg>[1] = {}): string =>
    render(msg(code, args), "ko");
  const rows = c.claims.map((claim) => ({
    [say("check.md.claim")]: say("check.which", { claim: claim.claim }),
    [say("check.md.claimed")]: claim.text,
    [say("check.md.verdict")]: claim.summary,
    [say("check.md.basis")]: claim.rangeBasis,
  }));
  return `### ${markdownCell(say("check.verdict", { summary: c.summary }))}\n\n${renderMarkdownRows(rows)}`;
}
