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
    head: ["Strategy", "FLOPs", "GPU-hours", "Wall-clock", "Memory/GPU", "Cost (KRW)", "Cost (USD)"].map((h) => paint.bold(h)),
    colAligns: ["left", "right", "right", "right", "right", "right", "right"],
    style: { head: [], border: [], compact: true },
  });
  for (const e of report.estimates) {
    const share = e.trainableParams / inputs.params;
    const memory = `${significant(e.memory.perGpuGB, 3)} GB\n${e.memory.fits ? paint.green("fits") : paint.red("too big")}`;
    table.push([
      paint.bold(e.strategy),
      formatSci(e.flops),
      cell(e.gpuHours, formatHours, formatHours, paint),
      cell(e.wallDays, days, (d) => days(d).replace(/ (d|h|min|s)$/, "$1"), paint),
      memory,
      cell(e.costKrw, formatKrw, formatKrwShort, paint),
      cell(e.costUsd, formatUsd, formatUsdShort, paint),
    ]);
    const stats = `${formatSci(e.flopsPerToken)} FLOPs/token · MFU ${pct(e.efficiency.wholeRun.expected)} · ${formatEnergy(e.energyKwh.expected)} · ${formatMass(e.co2Kg.expected)} CO2`;
    const trains = `trains ${formatCount(e.trainableParams)} (${significant(share * 100, 2)}%)`;
    table.push([{ colSpan: 7, content: paint.dim(`  ${e.description} · ${trains}\n  ${stats}`) }]);
  }
  const model = inputs.model ?? (inputs.modelShape === "generic" ? "generic LLaMA-like shape" : "config.json");
  const active = inputs.activeParams < inputs.params ? `, ${formatCount(inputs.activeParams)} active` : "";
  const lines = [
    `${formatCount(inputs.params)} parameters (${model}${active}) × ${formatCount(inputs.tokens)} tokens on ${inputs.gpuCount} × ${gpuDisplayName(inputs.gpu)} (${inputs.gpu.name})`,
    table.toString(),
    ...fitLines(report),
    ...fromLines(report),
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

/** What a --from training config contributed: fields used, ignored and assumed. */
function fromLines(report: EstimateReport): string[] {
  const from = report.inputs.from;
  if (!from) return [];
  const list = (xs: string[]): string => (xs.length ? xs.join(", ") : "none");
  return [
    `From ${from.file} (${from.trainer})`,
    wrap(`  used: ${list(from.used)}`, 100, 8),
    wrap(`  ignored: ${list(from.ignored)}`, 100, 8),
    wrap(`  assumed (trainer defaults): ${list(from.assumed)}`, 100, 8),
    ...from.notes.map((n) => wrap(`  note: ${n}`, 100, 8)),
  ];
}

/** One line per strategy that does not fit: what would. */
function fitLines(report: EstimateReport): string[] {
  const gpu = gpuDisplayName(report.inputs.gpu);
  return report.estimates
    .filter((e) => !e.memory.fits)
    .map((e) => {
      const need = e.memory.minGpusWithZero3;
      const advice = need === null
        ? `does not fit on any number of ${gpu} at this sequence length and micro-batch: try --recompute full or a smaller --micro-batch`
        : `needs ≥ ${need}×${gpu} with ZeRO-3${report.inputs.memory.recompute === "full" ? "" : " (or try --recompute full)"}`;
      return wrap(`Does not fit: ${e.strategy} needs ${significant(e.memory.perGpuGB, 3)} GB per GPU, ${gpu} has ${e.memory.gpuMemoryGB} GB; ${advice}`, 100, 2);
    });
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
    `  Memory       seq ${inputs.memory.seqLen}, micro-batch ${inputs.memory.microBatch}, recompute ${inputs.memory.recompute}, ${inputs.memory.zero ? `ZeRO-${inputs.memory.zero}` : "no sharding"}, ${inputs.memory.optimizer}${inputs.memory.flashAttention ? ", FlashAttention" : ""}${inputs.modelShape === "generic" ? "; generic LLaMA-like shape (give --model for the exact one)" : ""}`,
    "  Units        GPU-hours = total over all GPUs; wall-clock = elapsed time; memory = per GPU, GB = 1e9 bytes; costs = total, excl. VAT; second line = range",
  ];
  return lines.map((line) => wrap(line, 100, 15));
}
