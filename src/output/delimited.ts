import type { StrategyEstimate } from "../model/estimate.js";
import type { EstimateReport } from "../model/report.js";

/** The ranges of one estimate as CSV columns (low, expected, high each), shared by estimate and compare. */
export function rangeColumns(e: StrategyEstimate): Record<string, number> {
  return {
    gpu_hours_low: e.gpuHours.low,
    gpu_hours_expected: e.gpuHours.expected,
    gpu_hours_high: e.gpuHours.high,
    wall_days_low: e.wallDays.low,
    wall_days_expected: e.wallDays.expected,
    wall_days_high: e.wallDays.high,
    cost_usd_low: e.costUsd.low,
    cost_usd_expected: e.costUsd.expected,
    cost_usd_high: e.costUsd.high,
    cost_krw_low: e.costKrw.low,
    cost_krw_expected: e.costKrw.expected,
    cost_krw_high: e.costKrw.high,
  };
}

/** The price and exchange rate behind a report, as CSV columns. */
export function priceColumns(report: EstimateReport): Record<string, string | number> {
  const { price, fx } = report;
  return {
    usd_per_gpu_hour: price.usdPerGpuHour,
    price_provider: price.provider,
    price_date: price.date,
    krw_per_usd: fx.krwPerUsd,
    fx_date: fx.date,
  };
}

/** Column name → value for one strategy row; raw numbers only (no separators, no units in cells). */
function rows(report: EstimateReport): Array<Record<string, string | number>> {
  const { inputs } = report;
  return report.estimates.map((e) => ({
    strategy: e.strategy,
    description: e.description,
    flops_per_token: e.flopsPerToken,
    flops: e.flops,
    trainable_params: e.trainableParams,
    mfu_expected: e.efficiency.wholeRun.expected,
    tokens_per_sec_per_gpu: e.tokensPerSecPerGpu,
    ...rangeColumns(e),
    energy_kwh_expected: e.energyKwh.expected,
    co2_kg_expected: e.co2Kg.expected,
    params: inputs.params,
    tokens: inputs.tokens,
    gpu: inputs.gpu.id,
    gpu_count: inputs.gpuCount,
    ...priceColumns(report),
  }));
}

/** RFC 4180: quote a field that holds a comma, a quote or a line break, doubling inner quotes. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** TSV has no quoting: tabs and line breaks inside a field become spaces. */
function tsvField(value: string | number): string {
  return String(value).replace(/[\t\r\n]+/g, " ");
}

/** Renders rows as CSV (RFC 4180, CRLF line ends) or TSV (LF), header first. */
export function renderDelimited(report: EstimateReport, format: "csv" | "tsv"): string {
  const table = rows(report);
  const header = Object.keys(table[0] ?? {});
  const field = format === "csv" ? csvField : tsvField;
  const sep = format === "csv" ? "," : "\t";
  const eol = format === "csv" ? "\r\n" : "\n";
  return [header, ...table.map((row) => header.map((k) => row[k]!))].map((r) => r.map(field).join(sep)).join(eol) + eol;
}
