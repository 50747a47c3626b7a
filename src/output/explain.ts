import type { StrategyEstimate } from "../model/estimate.js";
import { vatFactor } from "../model/vat.js";
import type { EstimateReport } from "../model/report.js";
import { wrap } from "./wrap.js";
import { formatCount, formatKrw, formatSci, formatUsd, significant } from "./format.js";
import { efficiencyBasis } from "./efficiency-basis.js";
import type { Lang } from "../i18n/lang.js";
import { textsFor } from "../i18n/texts.js";
import { say } from "./report-text.js";

const num = (n: number): string => significant(n, 4);

/**
 * The derivation of one strategy's expected figures in plain lines, numbers filled in, so a reader
 * can redo it on a calculator: parameters → FLOPs per token → total FLOPs → efficiency →
 * GPU-hours → days → dollars → won (→ energy).
 */
export function explainStrategy(report: EstimateReport, e: StrategyEstimate, lang: Lang = "en"): string[] {
  const { inputs, price, fx, energy } = report;
  const t = textsFor(lang);
  const peak = inputs.gpu.denseTflops16;
  // New vocabulary rows train even under LoRA: they are among the trainable parameters (6 FLOPs
  // each), so the frozen base is the rest.
  // Under LoRA a token passes through the frozen base and the adapters on its path: all of them for a
  // dense model, the routed experts' for a mixture of experts.
  const frozen = inputs.activeParams - inputs.addedVocabParams;
  const onPath = Math.round((e.flopsPerToken - 4 * frozen) / 6);
  const trained =
    onPath === e.trainableParams
      ? say("explain.trained", lang, { trainable: formatCount(e.trainableParams) })
      : say("explain.trainedOnPath", lang, {
          onPath: formatCount(onPath),
          trainable: formatCount(e.trainableParams),
        });
  const perTokenText = formatSci(e.flopsPerToken);
  const perToken =
    e.training === "full"
      ? say("explain.perTokenFull", lang, { params: formatCount(inputs.activeParams), perToken: perTokenText })
      : say("explain.perTokenAdapter", lang, {
          frozen: formatCount(frozen),
          params: formatCount(inputs.activeParams),
          added: inputs.addedVocabParams > 0 ? formatCount(inputs.addedVocabParams) : undefined,
          trained,
          perToken: perTokenText,
        });
  const speed = num(e.efficiency.tokensPerSecPerGpu);
  const good = num(e.efficiency.goodput.value);
  const hours = num(e.gpuHours.expected);
  const tokens = formatCount(inputs.tokens);
  const description = lang === "ko" ? e.descriptionKo : e.description;
  return [
    say("explain.strategy", lang, { strategy: t.strategy(e.strategy), description }),
    say("explain.step1", lang, { perToken }),
    say("explain.step2", lang, { perToken: perTokenText, tokens, flops: formatSci(e.flops) }),
    say("explain.step3", lang, {
      speed,
      mfu: num(e.efficiency.steadyState),
      perToken: perTokenText,
      peak: String(peak),
      basis: efficiencyBasis(e.efficiency),
    }),
    say("explain.step4", lang, { goodput: good, share: `${significant(e.efficiency.goodput.value * 100, 3)}%` }),
    say("explain.step5", lang, { tokens, speed, goodput: good, hours, mfu: num(e.efficiency.wholeRun.expected) }),
    say("explain.step6", lang, { hours, gpus: String(inputs.gpuCount), days: num(e.wallDays.expected) }),
    ...(price === null || e.costUsd === null || e.costKrw === null
      ? [say("explain.noPrice", lang)]
      : [
          say("explain.step7", lang, {
            hours,
            price: `$${price.usdPerGpuHour}`,
            usd: formatUsd(e.costUsd.expected),
            vat: report.vat.included ? String(vatFactor(report.vat)) : undefined,
          }),
          say("explain.step8", lang, {
            usd: formatUsd(e.costUsd.expected),
            fx: String(fx.krwPerUsd),
            krw: formatKrw(e.costKrw.expected),
          }),
        ]),
    say("explain.step9", lang, {
      hours,
      kw: String(energy.tdpW / 1000),
      pue: String(energy.pue),
      kwh: num(e.energyKwh.expected),
      grid: String(energy.gCO2PerKWh),
      co2: num(e.co2Kg.expected),
    }),
  ];
}

/** --explain for every strategy in the report. */
export function renderExplain(report: EstimateReport, lang: Lang = "en"): string {
  const lines = [say("explain.heading", lang), ...report.estimates.flatMap((e) => explainStrategy(report, e, lang))];
  return lines.map((line) => wrap(line, 100, 5)).join("\n") + "\n";
}
