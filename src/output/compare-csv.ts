import { estimateOf, type CompareRow } from "./compare-table.js";
import { rowsToCsv } from "./listings.js";

/** CSV (RFC 4180, CRLF): one row per scenario with raw numbers, like estimate's CSV columns. */
export function renderCompareCsv(rows: readonly CompareRow[]): string {
  return rowsToCsv(rows.map((row) => {
    const e = estimateOf(row);
    const { inputs, price, fx } = row.report;
    return {
      scenario: row.name,
      strategy: e.strategy,
      model: inputs.model ?? "",
      params: inputs.params,
      tokens: inputs.tokens,
      flops: e.flops,
      gpu: inputs.gpu.id,
      gpu_count: inputs.gpuCount,
      mfu_expected: e.efficiency.wholeRun.expected,
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
      memory_per_gpu_gb: e.memory.perGpuGB,
      fits: e.memory.fits,
      usd_per_gpu_hour: price.usdPerGpuHour,
      price_provider: price.provider,
      price_date: price.date,
      krw_per_usd: fx.krwPerUsd,
      fx_date: fx.date,
    };
  }));
}
