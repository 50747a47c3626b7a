import { gpuDisplayName } from "../catalog/gpus.js";
import type { StrategyEstimate } from "../model/estimate.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";

/**
 * The one row schema of llm-cost's spreadsheets (docs/json-schema.md, "Spreadsheet columns"):
 * estimate, compare, plan and check write these columns, in this order, for the same quantities,
 * so their CSV stacks into one sheet; a command's own columns come after. Units are in the names:
 * GPU-hours are GPU time, wall days are calendar days, memory is GB (10^9 bytes) per GPU, money is
 * excluding VAT unless vat_included is true (--vat; the price stays the list price, without it).
 */
export const SHEET_COLUMNS = [
  "label",
  "model",
  "params",
  "active_params",
  "tokens",
  "strategy",
  "gpu",
  "gpus",
  "provider",
  "price_usd_per_gpu_hour",
  "mfu",
  "tokens_per_sec_per_gpu",
  "flops",
  "gpu_hours_low",
  "gpu_hours_expected",
  "gpu_hours_high",
  "wall_days_low",
  "wall_days_expected",
  "wall_days_high",
  "cost_usd_low",
  "cost_usd_expected",
  "cost_usd_high",
  "cost_krw_low",
  "cost_krw_expected",
  "cost_krw_high",
  "memory_per_gpu_gb",
  "fits",
  "energy_kwh_low",
  "energy_kwh_expected",
  "energy_kwh_high",
  "co2_kg_low",
  "co2_kg_expected",
  "co2_kg_high",
] as const;

export type SheetCell = string | number | boolean | null;
export type SheetRow = Readonly<Record<string, SheetCell>>;

function rangeCells(name: string, range: Range | null): Record<string, SheetCell> {
  return {
    [`${name}_low`]: range?.low ?? null,
    [`${name}_expected`]: range?.expected ?? null,
    [`${name}_high`]: range?.high ?? null,
  };
}

/** One strategy of one estimate as a row of the shared schema, then `extra` columns. */
export function jobRow(
  report: EstimateReport,
  e: StrategyEstimate,
  label: string,
  extra: Readonly<Record<string, SheetCell>> = {},
): SheetRow {
  const { inputs, price } = report;
  return {
    label,
    model: inputs.model ?? null,
    params: inputs.params,
    active_params: inputs.activeParams,
    tokens: inputs.tokens,
    strategy: e.strategy,
    gpu: gpuDisplayName(inputs.gpu),
    gpus: inputs.gpuCount,
    provider: price?.provider ?? null,
    price_usd_per_gpu_hour: price?.usdPerGpuHour ?? null,
    mfu: e.efficiency.wholeRun.expected,
    tokens_per_sec_per_gpu: e.tokensPerSecPerGpu,
    flops: e.flops,
    ...rangeCells("gpu_hours", e.gpuHours),
    ...rangeCells("wall_days", e.wallDays),
    ...rangeCells("cost_usd", e.costUsd),
    ...rangeCells("cost_krw", e.costKrw),
    memory_per_gpu_gb: e.memory.perGpuGB,
    fits: e.memory.fits,
    ...rangeCells("energy_kwh", e.energyKwh),
    ...rangeCells("co2_kg", e.co2Kg),
    krw_per_usd: report.fx.krwPerUsd,
    fx_date: report.fx.date,
    price_date: price?.date ?? null,
    vat_included: report.vat.included,
    ...extra,
  };
}

/**
 * A number as every spreadsheet reads it as a number: JSON's shortest round-trip form, and
 * exponent form from 10^15 up (a 21-digit integer such as 5.44·10^20 FLOPs would overflow a
 * 64-bit integer and be read as text by pandas).
 */
export function sheetNumber(n: number): string {
  return Math.abs(n) >= 1e15 ? n.toExponential() : String(n);
}

function cellText(value: SheetCell | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return sheetNumber(value);
  return String(value);
}

/** RFC 4180: quote a field that holds a comma, a quote or a line break, doubling inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** TSV has no quoting: tabs and line breaks inside a field become spaces. */
function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ");
}

/**
 * The columns of some rows in order of appearance; for rows of jobs (`shared`), the shared schema's
 * first, in its order, then the rest.
 */
export function columnsOf(rows: readonly SheetRow[], shared = true): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  if (!shared) return [...seen];
  const first = SHEET_COLUMNS.filter((c) => seen.has(c));
  return [...first, ...[...seen].filter((c) => !(SHEET_COLUMNS as readonly string[]).includes(c))];
}

/** Rows as CSV (RFC 4180, CRLF line ends) or TSV (LF), with or without the header row. */
export function renderSheet(
  rows: readonly SheetRow[],
  format: "csv" | "tsv",
  header = true,
  emptyColumns: readonly string[] = [],
  shared = true,
): string {
  // With no rows at all, the listing's known columns, so there is still a header.
  const columns = rows.length > 0 ? columnsOf(rows, shared) : [...emptyColumns];
  const field = format === "csv" ? csvField : tsvField;
  const sep = format === "csv" ? "," : "\t";
  const eol = format === "csv" ? "\r\n" : "\n";
  const lines = rows.map((row) => columns.map((c) => field(cellText(row[c]))).join(sep));
  if (header) lines.unshift(columns.map(field).join(sep));
  return lines.length === 0 ? "" : lines.join(eol) + eol;
}

/** Markdown table cell: pipes escaped, line breaks as spaces. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/** Rows as a Markdown table with the same columns (listings, validate, check). */
export function renderMarkdownRows(rows: readonly SheetRow[], title?: string, shared = true): string {
  const columns = columnsOf(rows, shared);
  const lines = [
    `| ${columns.map(markdownCell).join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${columns.map((c) => markdownCell(cellText(row[c]))).join(" | ")} |`),
  ];
  return `${title ? `## ${markdownCell(title)}\n\n` : ""}${lines.join("\n")}\n`;
}
