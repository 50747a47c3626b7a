/**
 * Horizontal bar charts for the terminal (`compare --chart`): one row per item, label column, bar
 * scaled to the largest value, then the value as text. Widths are counted in terminal columns, so
 * Hangul in labels or amounts ("402만 원") takes two columns a character, as terminals draw it.
 */
import { TEXT_WIDTH } from "./wrap.js";
import { charWidth, displayWidth } from "../i18n/width.js";

/** One bar: `value` sets its length, `text` is printed after it. */
export interface BarChartRow {
  label: string;
  value: number;
  text: string;
}

/** Layout: total width in columns (default 100), a title line, and whether block characters may be used. */
export interface BarChartOptions {
  width?: number;
  title: string;
  unicode: boolean;
}

// Eighths of a cell, from one eighth to seven; a whole cell is FULL.
const PARTIALS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"] as const;
const FULL = "█";
const ASCII = "#";
const ELLIPSIS = "…";

/** Cuts `text` to at most `width` columns, ending in "…" when something was cut. */
function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + ELLIPSIS;
}

const padEnd = (text: string, width: number): string => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const nonNegative = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** A bar of `value / max` of `cells` columns; never empty for a value above zero. */
function bar(value: number, max: number, cells: number, unicode: boolean): string {
  const v = nonNegative(value);
  if (v === 0 || max <= 0 || cells <= 0) return "";
  const share = Math.min(1, v / max);
  if (!unicode) return ASCII.repeat(Math.max(1, Math.round(share * cells)));
  const eighths = Math.max(1, Math.round(share * cells * 8));
  return FULL.repeat(Math.floor(eighths / 8)) + (PARTIALS[eighths % 8] ?? "");
}

/** Renders the rows as a horizontal bar chart; every line is at most `options.width` columns. */
export function renderBarChart(rows: readonly BarChartRow[], options: BarChartOptions): string {
  const width = Math.max(1, Math.floor(options.width ?? TEXT_WIDTH));
  const textWidth = Math.max(0, ...rows.map((r) => displayWidth(r.text)));
  // Labels get up to a third of the line, so long scenario names do not squeeze the bars away.
  const labelWidth = Math.min(
    Math.max(0, ...rows.map((r) => displayWidth(r.label))),
    Math.max(4, Math.floor(width / 3)),
  );
  const cells = Math.max(1, width - labelWidth - textWidth - 2);
  const max = Math.max(0, ...rows.map((r) => nonNegative(r.value)));
  const lines = [
    options.title,
    ...rows.map((r) => {
      const b = bar(r.value, max, cells, options.unicode);
      return `${padEnd(clip(r.label, labelWidth), labelWidth)} ${b}${b ? " " : ""}${r.text}`;
    }),
  ];
  // Only a width too narrow for label, one cell and the text reaches this cut.
  return `${lines.map((l) => clip(l, width)).join("\n")}\n`;
}
