import Table from "cli-table3";
import type { ChalkInstance } from "chalk";
import { gpuDisplayName } from "../core/gpus.js";
import type { Range } from "../core/range.js";
import type { EstimateReport } from "../core/report.js";
import { wrap } from "./wrap.js";
import {
  formatCount,
  formatDuration,
  formatHours,
  formatKrw,
  formatKrwShort,
  formatSci,
  formatUsd,
  formatUsdShort,
  significant,
} from "./format.js";

/** Expected value on the first line, the range dimmed on the second. */
function cell(range: Range, main: (n: number) => string, short: (n: number) => string, paint: ChalkInstance): string {
  return `${main(range.expected)}\n${paint.dim(`${short(range.low)}–${short(range.high)}`)}`;
}

const days = (d: number): string => formatDuration(d);

/**
 * The human table: one row per strategy (expected value, range below it), a line under each row
 * that says what the strategy is, then the assumptions every number rests on.
 */
export function renderEstimateTable(report: EstimateReport, paint: ChalkInstance): string {
  const { inputs } = report;
  const table = new Table({
    head: ["Strategy", "Trainable", "FLOPs", "GPU-hours", "Wall-clock", "Cost (KRW)", "Cost (USD)"].map((h) => paint.bold(h)),
    colAligns: ["left", "right", "right", "right", "right", "right", "right"],
    style: { head: [], border: [], compact: true },
  });
  for (const e of report.estimates) {
    const share = e.trainableParams / inputs.params;
    table.push([
      paint.bold(e.strategy),
      `${formatCount(e.trainableParams)}\n${paint.dim(`${significant(share * 100, 2)}%`)}`,
      formatSci(e.flops),
      cell(e.gpuHours, formatHours, formatHours, paint),
      cell(e.wallDays, days, (d) => days(d).replace(/ (d|h|min|s)$/, "$1"), paint),
      cell(e.costKrw, formatKrw, formatKrwShort, paint),
      cell(e.costUsd, formatUsd, formatUsdShort, paint),
    ]);
    const stats = `${formatSci(e.flopsPerToken)} FLOPs/token · MFU ${pct(e.efficiency.wholeRun.expected)} · ${formatEnergy(e.energyKwh.expected)} · ${formatMass(e.co2Kg.expected)} CO2`;
    table.push([{ colSpan: 7, content: paint.dim(`  ${e.description}\n  ${stats}`) }]);
  }
  const lines = [
    `${formatCount(inputs.params)} parameters × ${formatCount(inputs.tokens)} tokens on ${inputs.gpuCount} × ${gpuDisplayName(inputs.gpu)} (${inputs.gpu.name})`,
    table.toString(),
    ...assumptionLines(report),
  ];
  return lines.map((l) => l.split("\n").map((s) => s.trimEnd()).join("\n")).join("\n") + "\n";
}

/** kWh below 10 MWh, then MWh/GWh. */
function formatEnergy(kwh: number): string {
  if (kwh < 1e4) return `${significant(kwh, 3)} kWh`;
  if (kwh < 1e7) return `${significant(kwh / 1e3, 3)} MWh`;
  return `${significant(kwh / 1e6, 3)} GWh`;
}

/** kg below 10 t, then tonnes. */
function formatMass(kg: number): string {
  return kg < 1e4 ? `${significant(kg, 3)} kg` : `${significant(kg / 1e3, 3)} t`;
}

const pct = (x: number): string => `${significant(x * 100, 2)}%`;

/** The footer: GPU, efficiency, price, exchange rate, units — everything a reader needs to check. */
function assumptionLines(report: EstimateReport): string[] {
  const { inputs, price, fx, estimates } = report;
  const reference = estimates.find((e) => e.training === "full") ?? estimates[0]!;
  const eff = reference.efficiency;
  const lines = [
    "Assumptions",
    `  GPU          ${inputs.gpu.name}: ${inputs.gpu.denseTflops16} TFLOPS dense ${inputs.gpu.tensorPrecision}, ${inputs.gpu.memoryGB} GB; ${inputs.gpuCount} GPU${inputs.gpuCount > 1 ? "s" : ""}`,
    `  Efficiency   ${eff.source === "--mfu" ? `--mfu ${pct(eff.wholeRun.expected)}` : `MFU ${pct(eff.wholeRun.expected)} (range ${pct(eff.wholeRun.low)}–${pct(eff.wholeRun.high)})`}: ${eff.basis}`,
    `  Price        $${price.usdPerGpuHour.toFixed(2)} per GPU-hour: ${price.rule}; dated ${price.date}`,
    `  Energy       ${report.energy.tdpW} W TDP x PUE ${report.energy.pue}; grid ${report.energy.gCO2PerKWh} g CO2/kWh (${report.energy.gridLabel ?? "--grid"}); rated power, so an upper bound`,
    `  Exchange     ${fx.krwPerUsd.toLocaleString("en-US")} KRW per USD (${fx.date}, ${fx.source})`,
    "  Units        GPU-hours = total over all GPUs; wall-clock = elapsed time; costs = total, excl. VAT; second line = range",
  ];
  return lines.map((line) => wrap(line, 100, 15));
}
