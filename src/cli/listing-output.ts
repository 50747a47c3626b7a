import { msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { OutputSettings } from "./output-settings.js";
import { renderMarkdownRows, renderSheet, type SheetCell, type SheetRow } from "../output/sheet.js";

/** How a listing's Markdown reads in Korean: its values in words, and the columns a Korean reader skips. */
export interface KoreanMarkdown {
  /** A cell's Korean text (a price kind, a method), by its column; booleans are 예/아니요 already. */
  readonly cell?: (column: string, value: SheetCell) => SheetCell;
  /** The row as a Korean reader gets it, before its columns are named (a scenario's Korean title for its title). */
  readonly row?: (row: SheetRow) => SheetRow;
}

/** Extras of a listing beyond its rows. */
export interface ListingExtras {
  /** Columns of CSV/TSV with no rows at all. */
  readonly emptyColumns?: readonly string[];
  /** Columns the English Markdown leaves out (Korean twins of English text). */
  readonly omitEnglish?: readonly string[];
  readonly korean?: KoreanMarkdown;
  /** A section under the Markdown table (the table format prints its own). */
  readonly markdownAfter?: () => string;
}

/**
 * A row of a Markdown listing under --lang ko: Korean column names (the ids stay in CSV, TSV and
 * JSON, which machines read) and Korean values.
 */
function koreanRow(row: SheetRow, korean: KoreanMarkdown): SheetRow {
  const out: Record<string, SheetCell> = {};
  for (const [column, value] of Object.entries(korean.row?.(row) ?? row)) {
    const cell =
      typeof value === "boolean"
        ? render(msg(value ? "list.yes" : "list.no"), "ko")
        : (korean.cell?.(column, value) ?? value);
    out[render(msg("list.column", { id: column }), "ko")] = cell;
  }
  return out;
}

const without = (row: SheetRow, columns: readonly string[]): SheetRow =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column)));

/**
 * A listing (gpus, prices, models, scenarios, validate) in any format: its rows as JSON, CSV, TSV
 * or Markdown, or its own table. --label adds a first column (and field) naming the run.
 */
export function renderListing(
  rows: readonly object[],
  settings: OutputSettings,
  table: () => string,
  extras: ListingExtras = {},
): string {
  const labelled = (rows as readonly SheetRow[]).map((row) =>
    settings.label === undefined ? row : { label: settings.label, ...row },
  );
  switch (settings.format) {
    case "json":
      return `${JSON.stringify(labelled, null, 2)}\n`;
    case "csv":
    case "tsv":
      return renderSheet(labelled, settings.format, settings.header, extras.emptyColumns ?? [], false);
    case "markdown": {
      const shown =
        settings.lang === "ko"
          ? labelled.map((row) => koreanRow(row, extras.korean ?? {}))
          : labelled.map((row) => without(row, extras.omitEnglish ?? []));
      const after = extras.markdownAfter?.();
      return renderMarkdownRows(shown, undefined, false) + (after ? `\n${after}` : "");
    }
    default:
      return table();
  }
}
