import { z } from "zod";
import { EstimateJson, toEstimateJson } from "./estimate-json.js";
import { estimateOf, type CompareRow } from "./compare-table.js";
import { rowsToCsv } from "./listings.js";

/**
 * The JSON `compare --format json` prints (schemaVersion 1). Each scenario carries `estimate`,
 * exactly one element of estimate's JSON "estimates" array, and `assumptions`, estimate's
 * assumptions block for that scenario (GPU, efficiency, price and exchange rate it rests on).
 */
const positive = z.number().finite().positive();

/** The whole comparison, as printed by `compare --format json`. */
export const CompareJson = z.strictObject({
  schemaVersion: z.literal(1),
  command: z.literal("compare"),
  scenarios: z.array(
    z.strictObject({
      name: z.string(),
      title: z.string(),
      origin: z.string(),
      strategy: z.string(),
      model: z.string().nullable(),
      params: positive,
      tokens: positive,
      tokensBasis: z.string(),
      gpus: z.strictObject({ id: z.string(), name: z.string(), count: z.number().int().positive() }),
      estimate: EstimateJson.shape.estimates.element,
      assumptions: EstimateJson.shape.assumptions,
    }),
  ).min(1),
});
export type CompareJson = z.infer<typeof CompareJson>;

/** Builds the compare JSON from estimate's own JSON builder, so the two never drift apart. */
export function toCompareJson(rows: readonly CompareRow[]): CompareJson {
  return {
    schemaVersion: 1,
    command: "compare",
    scenarios: rows.map((row) => {
      const json = toEstimateJson(row.report);
      const { inputs } = row.report;
      return {
        name: row.name,
        title: row.title,
        origin: row.origin,
        strategy: estimateOf(row).strategy,
        model: inputs.model ?? null,
        params: inputs.params,
        tokens: inputs.tokens,
        tokensBasis: inputs.tokensBasis,
        gpus: json.inputs.gpus,
        estimate: json.estimates[0]!,
        assumptions: json.assumptions,
      };
    }),
  };
}

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
