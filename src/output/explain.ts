import type { StrategyEstimate } from "../model/estimate.js";
import type { EstimateReport } from "../model/report.js";
import { wrap } from "./wrap.js";
import { formatCount, formatKrw, formatSci, formatUsd, significant } from "./format.js";
import { efficiencyBasis } from "./efficiency-basis.js";
import { render } from "../i18n/render.js";
import { vatFactor } from "../model/vat.js";

const num = (n: number): string => significant(n, 4);

/**
 * The derivation of one strategy's expected figures in plain lines, numbers filled in, so a reader
 * can redo it on a calculator: parameters → FLOPs per token → total FLOPs → efficiency →
 * GPU-hours → days → dollars → won (→ energy).
 */
export function explainStrategy(report: EstimateReport, e: StrategyEstimate): string[] {
  const { inputs, price, fx, energy } = report;
  const peak = inputs.gpu.denseTflops16;
  // New vocabulary rows train even under LoRA: they are among the trainable parameters (6 FLOPs
  // each), so the frozen base is the rest.
  // Under LoRA a token passes through the frozen base and the adapters on its path: all of them for a
  // dense model, the routed experts' for a mixture of experts.
  const frozen = inputs.activeParams - inputs.addedVocabParams;
  const onPath = Math.round((e.flopsPerToken - 4 * frozen) / 6);
  const trained =
    onPath === e.trainableParams
      ? `${formatCount(e.trainableParams)} trainable`
      : `${formatCount(onPath)} trainable on a token's path (of ${formatCount(e.trainableParams)}: the routed experts' adapters)`;
  const perToken =
    e.training === "full"
      ? `6 x ${formatCount(inputs.activeParams)} parameters = ${formatSci(e.flopsPerToken)} FLOPs per token`
      : `4 x ${formatCount(inputs.activeParams - inputs.addedVocabParams)} frozen${inputs.addedVocabParams > 0 ? ` (the ${formatCount(inputs.activeParams)} parameters less ${formatCount(inputs.addedVocabParams)} new vocabulary rows, which train)` : ""} + 6 x ${trained} = ${formatSci(e.flopsPerToken)} FLOPs per token`;
  const speed = e.efficiency.tokensPerSecPerGpu;
  const good = e.efficiency.goodput.value;
  const hours = e.gpuHours.expected;
  return [
    `${e.strategy} (${e.description})`,
    `  1. FLOPs per token: ${perToken}`,
    `  2. total FLOPs: ${formatSci(e.flopsPerToken)} x ${formatCount(inputs.tokens)} tokens = ${formatSci(e.flops)}`,
    `  3. speed during training steps: ${num(speed)} tokens/s per GPU, i.e. MFU ${num(e.efficiency.steadyState)} = ${num(speed)} x ${formatSci(e.flopsPerToken)} / ${peak}e12 (${render(efficiencyBasis(e.efficiency), "en")})`,
    `  4. goodput: ${num(good)} of the paid GPU time is training steps`,
    `  5. GPU-hours: ${formatCount(inputs.tokens)} tokens / ${num(speed)} tokens/s / 3600 / ${num(good)} = ${num(hours)} GPU-hours (whole-run MFU ${num(e.efficiency.wholeRun.expected)})`,
    `  6. wall-clock: ${num(hours)} / ${inputs.gpuCount} GPUs / 24 = ${num(e.wallDays.expected)} days`,
    ...(price === null || e.costUsd === null || e.costKrw === null
      ? ["  7. dollars and won: no price known for this GPU"]
      : [
          `  7. dollars: ${num(hours)} x $${price.usdPerGpuHour} per GPU-hour${report.vat.included ? ` x ${vatFactor(report.vat)} (VAT)` : ""} = ${formatUsd(e.costUsd.expected)}`,
          `  8. won: ${formatUsd(e.costUsd.expected)} x ${fx.krwPerUsd} KRW/USD = ${formatKrw(e.costKrw.expected)}`,
        ]),
    `  9. energy: ${num(hours)} x ${energy.tdpW / 1000} kW x PUE ${energy.pue} = ${num(e.energyKwh.expected)} kWh; x ${energy.gCO2PerKWh} g/kWh = ${num(e.co2Kg.expected)} kg CO2`,
  ];
}

/** --explain for every strategy in the report. */
export function renderExplain(report: EstimateReport): string {
  const lines = ["How each expected figure is derived", ...report.estimates.flatMap((e) => explainStrategy(report, e))];
  return lines.map((line) => wrap(line, 100, 5)).join("\n") + "\n";
}
