import { gpuDisplayName } from "../catalog/gpus.js";
import { render } from "../i18n/render.js";
import { formatNumber } from "../util/number-text.js";
import { estimateOf, type CompareRow } from "./compare-table.js";
import { formatCount, significant } from "./format.js";
import { type ReportDocument, rangeNoteWith } from "./html-report.js";
import { vatCosts } from "./vat-text.js";

const pct = (x: number): string => `${significant(x * 100, 2)}%`;

/** The HTML report of `compare`: one row and one bar per scenario, the distinct prices as assumptions. */
export function reportFromCompare(rows: readonly CompareRow[], generatedBy = "llm-cost"): ReportDocument {
  const prices = new Set<string>();
  for (const { report } of rows) {
    const p = report.price;
    const gpu = gpuDisplayName(report.inputs.gpu);
    prices.add(
      p === null
        ? `${gpu}: no price known, cost left empty`
        : `${gpu}: $${p.usdPerGpuHour.toFixed(2)} per GPU-hour: ${render(p.rule, "en")}; dated ${p.date}`,
    );
  }
  const fx = rows[0]!.report.fx;
  return {
    title: `Comparison of ${rows.length} scenario${rows.length === 1 ? "" : "s"}`,
    subtitle: rows.map((r) => r.name).join(" · "),
    labelHeading: "Scenario",
    rows: rows.map((row) => {
      const e = estimateOf(row);
      const { inputs } = row.report;
      return {
        label: row.name,
        description: `${e.strategy} · ${inputs.gpuCount} × ${gpuDisplayName(inputs.gpu)} · ${formatCount(inputs.params)} params × ${formatCount(inputs.tokens)} tokens · MFU ${pct(e.efficiency.wholeRun.expected)} · ${row.title}`,
        flops: e.flops,
        gpuHours: e.gpuHours,
        wallDays: e.wallDays,
        costKrw: e.costKrw,
        costUsd: e.costUsd,
        memoryPerGpuGB: e.memory.perGpuGB,
        fits: e.memory.fits,
      };
    }),
    rangeNote: rangeNoteWith(vatCosts(rows[0]!.report.vat, "en")),
    assumptions: [
      ...[...prices].map((text) => ({ label: "Price", text })),
      { label: "Exchange rate", text: `${formatNumber(fx.krwPerUsd)} KRW per USD (${fx.date}; ${fx.source})` },
    ],
    notes: [...new Set(rows.flatMap((r) => r.report.warnings.map((w) => render(w, "en"))))],
    generatedBy,
  };
}
