import type { StrategyEstimate } from "../core/estimate.js";
import type { EstimateReport } from "../core/report.js";
import { wrap } from "./wrap.js";
import { formatCount, formatKrw, formatSci, formatUsd, significant } from "./format.js";

const num = (n: number): string => significant(n, 4);

/**
 * The derivation of one strategy's expected figures in plain lines, numbers filled in, so a reader
 * can redo it on a calculator: parameters → FLOPs per token → total FLOPs → efficiency →
 * GPU-hours → days → dollars → won (→ energy).
 */
export function explainStrategy(report: EstimateReport, e: StrategyEstimate): string[] {
  const { inputs, price, fx, energy } = report;
  const peak = inputs.gpu.denseTflops16;
  const eff = e.efficiency.wholeRun.expected;
  const perToken =
    e.training === "full"
      ? `6 x ${formatCount(inputs.params)} parameters = ${formatSci(e.flopsPerToken)} FLOPs per token`
      : `4 x ${formatCount(inputs.params)} frozen + 6 x ${formatCount(e.trainableParams)} trainable = ${formatSci(e.flopsPerToken)} FLOPs per token`;
  const hours = e.gpuHours.expected;
  return [
    `${e.strategy} (${e.description})`,
    `  1. FLOPs per token: ${perToken}`,
    `  2. total FLOPs: ${formatSci(e.flopsPerToken)} x ${formatCount(inputs.tokens)} tokens = ${formatSci(e.flops)}`,
    `  3. efficiency: ${num(eff)} (${e.efficiency.source === "default" ? e.efficiency.basis : `from ${e.efficiency.source}`})`,
    `  4. GPU-hours: ${formatSci(e.flops)} / (${peak}e12 FLOP/s x ${num(eff)}) / 3600 = ${num(hours)} GPU-hours`,
    `  5. wall-clock: ${num(hours)} / ${inputs.gpuCount} GPUs / 24 = ${num(e.wallDays.expected)} days`,
    `  6. dollars: ${num(hours)} x $${price.usdPerGpuHour} per GPU-hour = ${formatUsd(e.costUsd.expected)}`,
    `  7. won: ${formatUsd(e.costUsd.expected)} x ${fx.krwPerUsd} KRW/USD = ${formatKrw(e.costKrw.expected)}`,
    `  8. energy: ${num(hours)} x ${energy.tdpW / 1000} kW x PUE ${energy.pue} = ${num(e.energyKwh.expected)} kWh; x ${energy.gCO2PerKWh} g/kWh = ${num(e.co2Kg.expected)} kg CO2`,
  ];
}

/** --explain for every strategy in the report. */
export function renderExplain(report: EstimateReport): string {
  const lines = ["How each expected figure is derived", ...report.estimates.flatMap((e) => explainStrategy(report, e))];
  return lines.map((line) => wrap(line, 100, 5)).join("\n") + "\n";
}
