import { gpuDisplayName } from "../catalog/gpus.js";
import { formatNumber } from "../util/number-text.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";
import type { Lang } from "../i18n/lang.js";
import { render } from "../i18n/render.js";
import { textsFor } from "../i18n/texts.js";
import {
  formatCount,
  formatHours,
  formatKrw,
  formatKrwShort,
  formatSci,
  formatUsd,
  formatUsdShort,
  significant,
} from "./format.js";
import { efficiencyBasis } from "./efficiency-basis.js";
import { duration, durationRange, say } from "./report-text.js";
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
  const t = textsFor(lang);
  const groups = new Map<string, string[]>();
  for (const e of report.estimates) {
    const key = `MFU ${pct(e.efficiency.wholeRun.expected)} — ${render(efficiencyBasis(e.efficiency), lang)}`;
    groups.set(key, [...(groups.get(key) ?? []), t.strategy(e.strategy)]);
  }
  return [...groups].map(([text, strategies]) =>
    say("md.efficiency", lang, { strategies: strategies.join(", "), text }),
  );
}

/** Wall-clock as a Markdown cell: "14.9 d (9.3 d–25.9 d)", in Korean "약 15일 (9.3~26일)". */
function dayCell(range: Range, lang: Lang): string {
  return `${duration(range.expected, lang)} (${durationRange(range.low, range.high, lang)})`;
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
    `| ${h.strategy} | ${t.whatItIs} | ${t.trainable} | ${h.flops} | ${h.gpuHours} | ${h.wallClock} | ${h.memory} | ${h.costKrw} | ${h.costUsd} |`,
    "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ...report.estimates.map((e) =>
      [
        `**${t.strategy(e.strategy)}**`,
        markdownText(lang === "ko" ? e.descriptionKo : e.description),
        formatCount(e.trainableParams),
        formatSci(e.flops),
        cell(e.gpuHours, formatHours, formatHours),
        dayCell(e.wallDays, lang),
        `${significant(e.memory.perGpuGB, 3)} GB (${e.memory.fits ? t.fits : t.tooBig})`,
        cell(e.costKrw, formatKrw, formatKrwShort),
        cell(e.costUsd, formatUsd, formatUsdShort),
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .replace(/$/, " |"),
    ),
    "",
    say("md.rangeNote", lang, { costs: vatCosts(report.vat, lang) }),
    "",
    `**${t.assumptions}**`,
    "",
    say("md.gpu", lang, {
      name: markdownText(inputs.gpu.name),
      tflops: String(inputs.gpu.denseTflops16),
      precision: inputs.gpu.tensorPrecision,
      memory: String(inputs.gpu.memoryGB),
      count: String(inputs.gpuCount),
    }),
    ...efficiencyLines(report, lang),
    price === null
      ? say("md.noPrice", lang, { text: markdownText(t.noPrice) })
      : say("md.price", lang, {
          usd: `$${price.usdPerGpuHour.toFixed(2)}`,
          rule: markdownText(render(price.rule, lang)),
          date: markdownText(price.date),
        }),
    say("md.fx", lang, {
      rate: formatNumber(fx.krwPerUsd),
      date: markdownText(fx.date),
      source: markdownText(lang === "ko" ? (fx.sourceKo ?? fx.source) : fx.source),
    }),
    say("md.energy", lang, {
      tdp: String(energy.tdpW),
      pue: String(energy.pue),
      grid: String(energy.gCO2PerKWh),
      source: markdownText(energy.gridSource),
    }),
    "",
    say("md.madeWith", lang),
  ];
  return `${lines.join("\n")}\n`;
}
