import { estimateOf, type CompareRow } from "./compare-table.js";
import { priceColumns, rangeColumns } from "./delimited.js";
import { rowsToCsv } from "./listings.js";

/** CSV (RFC 4180, CRLF): one row per scenario with raw numbers, like estimate's CSV columns. */
export function renderCompareCsv(rows: readonly CompareRow[]): string {
  return rowsToCsv(
    rows.map((row) => {
      const e = estimateOf(row);
      const { inputs } = row.report;
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
        ...rangeColumns(e),
        memory_per_gpu_gb: e.memory.perGpuGB,
        fits: e.memory.fits,
        ...priceColumns(row.report),
      };
    }),
  );
}
