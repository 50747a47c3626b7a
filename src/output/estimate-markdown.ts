import { gpuDisplayName } from "../catalog/gpus.js";
import { formatNumber } from "../util/number-text.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";
import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";
import { textsFor } from "../i18n/texts.js";
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
import { efficiencyBasis } from "./efficiency-basis.js";
import { vatCosts } from "./vat-text.js";

/** A Markdown cell: expected value, range in brackets; pipes escaped. */
function cell(range: Range | null, main: (n: number) => string, short: (n: number) => string): string {
  if (range === null) return "—";
  return `${main(range.expected)} (${short(range.low)}–${short(range.high)})`.replace(/\|/g, "\\|");
}

/**
 * Text from the catalog or a user's file as Markdown shows it literally: the characters that would
 * start markup (a table cell's |, emphasis, code, links, HTML, headings) are escaped with a backslash,
 * and a line break, which would start a new list item or end the table, becomes a space.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(/[\\`*_[\]<>#|~]/g, "\\$&");
}

const pct = (x: number): string => `${significant(x * 100, 2)}%`;

/** One line per distinct efficiency, naming the strategies that share it. */
function efficiencyLines(report: EstimateReport, lang: Lang): string[] {
  const groups = new Map<string, string[]>();
  for (const e of report.estimates) {
    const key = `MFU ${pct(e.efficiency.wholeRun.expected)} — ${render(efficiencyBasis(e.efficiency), lang)}`;
    groups.set(key, [...(groups.get(key) ?? []), e.strategy]);
  }
  return [...groups].map(([text, strategies]) => `- Efficiency (${strategies.join(", ")}): ${text}`);
}

/**
 * The estimate as GitHub-flavoured Markdown: a table that pastes into a wiki or pull request,
 * then the assumptions as a list.
 */
export function renderEstimateMarkdown(report: EstimateReport, lang: Lang = "en"): string {
  const { inputs, price, fx, energy } = report;
  const t = textsFor(lang);
  const h = t.headers;
  const model = inputs.model ?? (inputs.modelShape === "generic" ? t.genericShape : "config.json");
  const gpus = t.gpuCount(String(inputs.gpuCount), markdownText(gpuDisplayName(inputs.gpu)));
  const lines = [
    `### ${markdownText(t.title(formatCount(inputs.params), model, formatCount(inputs.tokens), gpus))}`,
    "",
    `| ${h.strategy} | ${lang === "ko" ? "설명" : "What it is"} | ${lang === "ko" ? "학습 파라미터" : "Trainable"} | ${h.flops} | ${h.gpuHours} | ${h.wallClock} | ${h.memory} | ${h.costKrw} | ${h.costUsd} |`,
    "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ...report.estimates.map((e) =>
      [
        `**${e.strategy}**`,
        markdownText(lang === "ko" ? e.descriptionKo : e.description),
        formatCount(e.trainableParams),
        formatSci(e.flops),
        cell(e.gpuHours, formatHours, formatHours),
        cell(e.wallDays, formatDuration, formatDuration),
        `${significant(e.memory.perGpuGB, 3)} GB (${e.memory.fits ? t.fits : t.tooBig})`,
        cell(e.costKrw, formatKrw, formatKrwShort),
        cell(e.costUsd, formatUsd, formatUsdShort),
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .replace(/$/, " |"),
    ),
    "",
    "Expected value with the range in brackets (the 80 % interval of the model's out-of-sample errors: on published whole runs for multi-node jobs, on measured fine-tuning speeds for single-node ones). GPU-hours are totals over all GPUs; wall-clock is elapsed time; " +
      `${vatCosts(report.vat, "en")}.`,
    "",
    "**Assumptions**",
    "",
    `- GPU: ${markdownText(inputs.gpu.name)}, ${inputs.gpu.denseTflops16} TFLOPS dense ${inputs.gpu.tensorPrecision}, ${inputs.gpu.memoryGB} GB; ${inputs.gpuCount} GPUs`,
    ...efficiencyLines(report, lang),
    price === null
      ? `- Price: ${markdownText(t.noPrice)}`
      : `- Price: $${price.usdPerGpuHour.toFixed(2)} per GPU-hour — ${markdownText(render(price.rule, lang))}; dated ${markdownText(price.date)}`,
    `- Exchange rate: ${formatNumber(fx.krwPerUsd)} KRW per USD (${markdownText(fx.date)}; ${markdownText(fx.source)})`,
    `- Energy: ${energy.tdpW} W TDP × PUE ${energy.pue}; grid ${energy.gCO2PerKWh} g CO2/kWh (${markdownText(energy.gridSource)})`,
    "",
    "Made with llm-cost.",
  ];
  return `${lines.join("\n")}\n`;
}
