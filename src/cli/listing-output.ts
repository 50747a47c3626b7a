import type { OutputSettings } from "./output-settings.js";
import { renderMarkdownRows, renderSheet, type SheetRow } from "../output/sheet.js";

/**
 * A listing (gpus, prices, models, scenarios, validate) in any format: its rows as JSON, CSV, TSV
 * or Markdown, or its own table. --label adds a first column (and field) naming the run.
 */
export function renderListing(
  rows: readonly object[],
  settings: OutputSettings,
  table: () => string,
  emptyColumns: readonly string[] = [],
): string {
  const labelled = (rows as readonly SheetRow[]).map((row) =>
    settings.label === undefined ? row : { label: settings.label, ...row },
  );
  switch (settings.format) {
    case "json":
      return `${JSON.stringify(labelled, null, 2)}\n`;
    case "csv":
    case "tsv":
      return renderSheet(labelled, settings.format, settings.header, emptyColumns, false);
    case "markdown":
      return renderMarkdownRows(labelled, undefined, false);
    default:
      return table();
  }
}
