import { renderBarChart } from "./bar-chart.js";
import { reportFromCompare } from "./compare-html.js";
import { estimateOf, renderCompareMarkdown, renderCompareTable, rowName, type CompareRow } from "./compare-table.js";
import { formatDuration, formatDurationKo, formatKrw } from "./format.js";
import { renderHtmlReport } from "./html-report.js";
import type { OutputSettings } from "./output-settings.js";
import { jobRow, renderSheet } from "./sheet.js";
import { toCompareJson } from "./to-compare-json.js";

/** Renders the comparison in one of the output formats (pure). */
export function renderCompare(
  rows: readonly CompareRow[],
  settings: OutputSettings,
  chart: boolean,
  paint: Parameters<typeof renderCompareTable>[1],
): string {
  switch (settings.format) {
    case "json":
      return `${JSON.stringify(toCompareJson(rows, settings.lang, settings.label), null, 2)}\n`;
    case "csv":
    case "tsv":
      return renderSheet(
        rows.map((r) => jobRow(r.report, estimateOf(r), settings.label ?? "", { scenario: r.name, title: r.title })),
        settings.format,
        settings.header,
      );
    case "markdown":
      return renderCompareMarkdown(rows, settings.lang);
    case "html":
      return renderHtmlReport(reportFromCompare(rows, "llm-cost", settings.lang));
    case "table":
      return renderCompareTable(rows, paint, settings) + (chart ? compareCharts(rows, settings) : "");
  }
}

/** --chart: bar charts of the expected cost in won and the wall-clock days. */
function compareCharts(rows: readonly CompareRow[], settings: OutputSettings): string {
  const ko = settings.lang === "ko";
  const priced = rows.filter((r) => estimateOf(r).costKrw !== null);
  const cost = priced.map((r) => ({
    label: rowName(r, settings.lang),
    value: estimateOf(r).costKrw!.expected,
    text: formatKrw(estimateOf(r).costKrw!.expected),
  }));
  const days = rows.map((r) => ({
    label: rowName(r, settings.lang),
    value: estimateOf(r).wallDays.expected,
    text: (ko ? formatDurationKo : formatDuration)(estimateOf(r).wallDays.expected),
  }));
  const [costTitle, daysTitle] = ko
    ? ["예상 비용 (원)", "예상 소요 기간"]
    : ["Expected cost (KRW)", "Expected wall-clock"];
  return `\n${cost.length ? `${renderBarChart(cost, { title: costTitle, unicode: true })}\n` : ""}${renderBarChart(days, { title: daysTitle, unicode: true })}`;
}
