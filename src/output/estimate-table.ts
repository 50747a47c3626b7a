import { gpuDisplayName } from "../catalog/gpus.js";
import { formatNumber } from "../util/number-text.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";
import type { Lang } from "../i18n/lang.js";
import { textsFor, type Texts } from "../i18n/texts.js";
import { renderBoxTable, type BoxRow } from "./box-table.js";
import {
  formatCount,
  formatDuration,
  formatDurationKo,
  formatDurationRangeKo,
  formatHours,
  formatKrw,
  formatKrwShort,
  formatSci,
  formatUsd,
  formatUsdShort,
  significant,
} from "./format.js";
import type { Paint } from "./paint.js";
import { wrap } from "./wrap.js";
import { efficiencyBasis, efficiencySourceFlag } from "./efficiency-basis.js";
import { render } from "../i18n/render.js";
import type { CURRENCIES } from "../job/options.js";
import type { StrategyEstimate } from "../model/estimate.js";
import { gpuLine, gridLabel, memoryLine, say } from "./report-text.js";
import { vatNote, vatUnit } from "./vat-text.js";

export type Currency = (typeof CURRENCIES)[number];

export interface TableOptions {
  lang: Lang;
  currency: Currency;
  /** The terminal's width: below 100 columns the table takes its compact layout (80 columns). */
  width?: number;
}

/** The widest a table or footer line is drawn; narrower terminals get the compact layout. */
export const FULL_WIDTH = 100;

/** Whether a table must fit a narrow terminal (80 columns): one money column, FLOPs under the row. */
export function isCompact(options: { width?: number }): boolean {
  return options.width !== undefined && options.width < FULL_WIDTH;
}

/** The line width text is wrapped at. */
export function lineWidth(options: { width?: number }): number {
  return isCompact(options) ? Math.max(40, Math.min(options.width!, FULL_WIDTH)) : FULL_WIDTH;
}

/** A cost cell, or "—" when the GPU has no price. */
export function costCell(
  range: Range | null,
  main: (n: number) => string,
  short: (n: number) => string,
  paint: Paint,
  sep = "–",
): string {
  return range === null ? "—" : cell(range, main, short, paint, sep);
}

/**
 * The strategy an estimate repeats: scratch, DAPT, TAPT and SFT are the same computation (every
 * parameter trained on the same tokens), so their rows are equal and the table says so.
 */
export function sameAsEarlier(estimates: readonly StrategyEstimate[], i: number): string | undefined {
  const e = estimates[i]!;
  const key = (x: StrategyEstimate) => `${x.flops}|${x.gpuHours.expected}|${x.memory.perGpuGB}|${x.costUsd?.expected}`;
  return estimates.slice(0, i).find((x) => key(x) === key(e))?.strategy;
}

/** Expected value on the first line, the range dimmed on the second. */
function cell(
  range: Range,
  main: (n: number) => string,
  short: (n: number) => string,
  paint: Paint,
  sep = "–",
): string {
  return `${main(range.expected)}\n${paint.dim(`${short(range.low)}${sep}${short(range.high)}`)}`;
}

/** A span of dates as the catalog writes it ("2026-01-21..2026-10-19"), with "~" in Korean. */
export const datesText = (dates: string, lang: Lang): string => (lang === "ko" ? dates.replace("..", "~") : dates);

/** How a range's two ends are joined: an en dash in English, "~" as Korean writes ranges. */
export const rangeSep = (lang: Lang): string => (lang === "ko" ? "~" : "–");

/** Wall-clock cells: "14.9 d" with "9.3d–25.9d" below in English; "약 15일" with "9.3~26일" in Korean. */
export function dayCell(range: Range, lang: Lang, paint: Paint): string {
  if (lang === "ko")
    return `${formatDurationKo(range.expected)}\n${paint.dim(formatDurationRangeKo(range.low, range.high))}`;
  return cell(range, formatDuration, (d) => formatDuration(d).replace(/ (d|h|min|s)$/, "$1"), paint);
}

/**
 * The human table: one row per strategy (expected value, range below it), a line under each row
 * that says what the strategy is, then the assumptions every number rests on.
 */
export function renderEstimateTable(
  report: EstimateReport,
  paint: Paint,
  options: TableOptions = { lang: "en", currency: "both" },
): string {
  const { inputs } = report;
  const t = textsFor(options.lang);
  const compact = isCompact(options);
  const width = lineWidth(options);
  // At 80 columns one money column: won unless dollars were asked for.
  const showKrw = options.currency !== "usd";
  const showUsd = options.currency === "usd" || (options.currency === "both" && !compact);
  const head = [
    t.headers.strategy,
    ...(compact ? [] : [t.headers.flops]),
    t.headers.gpuHours,
    t.headers.wallClock,
    t.headers.memory,
  ];
  if (showKrw) head.push(t.headers.costKrw);
  if (showUsd) head.push(t.headers.costUsd);
  const rows: BoxRow[] = [];
  report.estimates.forEach((e, i) => {
    const share = e.trainableParams / inputs.params;
    const memory = `${significant(e.memory.perGpuGB, 3)} GB\n${e.memory.fits ? paint.green(t.fits) : paint.red(t.tooBig)}`;
    const same = sameAsEarlier(report.estimates, i);
    const row = [
      paint.bold(t.strategy(e.strategy)) + (same ? `\n${paint.dim(t.sameAs(t.strategy(same)))}` : ""),
      ...(compact ? [] : [formatSci(e.flops)]),
      cell(e.gpuHours, formatHours, formatHours, paint, rangeSep(options.lang)),
      dayCell(e.wallDays, options.lang, paint),
      memory,
    ];
    if (showKrw) row.push(costCell(e.costKrw, formatKrw, formatKrwShort, paint, rangeSep(options.lang)));
    if (showUsd) row.push(costCell(e.costUsd, formatUsd, formatUsdShort, paint, rangeSep(options.lang)));
    rows.push(row);
    // The settings the speed was worked out at ("auto" resolved): micro-batch, recomputation, tensor parallelism.
    const m = e.memory;
    const settings = say("report.settings", options.lang, {
      mb: String(m.microBatch),
      recompute: m.recompute,
      tp: m.tensorParallel > 1 ? String(m.tensorParallel) : undefined,
    });
    const stats = `${compact ? `${formatSci(e.flops)} FLOPs · ` : ""}${formatSci(e.flopsPerToken)} ${t.flopsPerToken} · MFU ${pct(e.efficiency.wholeRun.expected)} · ${settings} · ${formatEnergy(e.energyKwh.expected)} · ${formatMass(e.co2Kg.expected)} CO2`;
    const description = options.lang === "ko" ? e.descriptionKo : e.description;
    const under = `${description} · ${t.trains(formatCount(e.trainableParams), `${significant(share * 100, 2)}%`)}`;
    rows.push([
      {
        colSpan: head.length,
        content: paint.dim(compact ? wrap(`${under} · ${stats}`, width - 6, 0) : `  ${under}\n  ${stats}`),
      },
    ]);
  });
  const model = inputs.model ?? (inputs.modelShape === "generic" ? t.genericShape : "config.json");
  const active = inputs.activeParams < inputs.params ? t.active(formatCount(inputs.activeParams)) : "";
  const gpus = `${t.gpuCount(formatNumber(inputs.gpuCount), gpuDisplayName(inputs.gpu))} (${inputs.gpu.name})`;
  const lines = [
    wrap(t.title(formatCount(inputs.params), `${model}${active}`, formatCount(inputs.tokens), gpus), width, 2),
    renderBoxTable({
      head: head.map((h) => paint.bold(h)),
      colAligns: ["left", ...head.slice(1).map(() => "right" as const)],
      rows,
    }),
    ...fitLines(report, t, width),
    ...fromLines(report, options.lang, width),
    ...assumptionLines(report, t, options.lang, width),
  ];
  return (
    lines
      .map((l) =>
        l
          .split("\n")
          .map((s) => s.trimEnd())
          .join("\n"),
      )
      .join("\n") + "\n"
  );
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
function fromLines(report: EstimateReport, lang: Lang, width: number): string[] {
  const from = report.inputs.from;
  if (!from) return [];
  const list = (xs: string[]): string => (xs.length ? xs.join(", ") : say("report.none", lang));
  return [
    say("report.fromTitle", lang, { file: from.file, trainer: from.trainer }),
    wrap(`  ${say("report.fromUsed", lang, { list: list(from.used) })}`, width, 8),
    wrap(`  ${say("report.fromIgnored", lang, { list: list(from.ignored) })}`, width, 8),
    wrap(`  ${say("report.fromAssumed", lang, { list: list(from.assumed) })}`, width, 8),
    ...from.notes.map((n) => wrap(`  ${say("report.fromNote", lang, { note: n })}`, width, 8)),
  ];
}

/** One line per strategy that does not fit: what would. */
function fitLines(report: EstimateReport, t: Texts, width: number): string[] {
  const gpu = gpuDisplayName(report.inputs.gpu);
  return report.estimates
    .filter((e) => !e.memory.fits)
    .map((e) => {
      const need = e.memory.minGpusWithZero3;
      const advice = need === null ? t.fitsNowhere(gpu) : t.needsZero3(need, gpu, e.memory.recompute !== "full");
      return wrap(
        `${t.doesNotFit(t.strategy(e.strategy), significant(e.memory.perGpuGB, 3), gpu, e.memory.gpuMemoryGB)}${advice}`,
        width,
        2,
      );
    });
}

const pct = (x: number): string => `${significant(x * 100, 2)}%`;

/** The footer: GPU, efficiency, price, exchange rate, units — everything a reader needs to check. */
function assumptionLines(report: EstimateReport, t: Texts, lang: Lang, width: number): string[] {
  const { inputs, price, fx, estimates } = report;
  const reference = estimates.find((e) => e.training === "full") ?? estimates[0]!;
  const eff = reference.efficiency;
  const label = (name: string): string =>
    `  ${name}${" ".repeat(Math.max(1, 13 - [...name].length * (/[가-힣]/.test(name) ? 2 : 1)))}`;
  const l = t.labels;
  const memory = inputs.memory;
  const mfu =
    eff.source === "default"
      ? say("report.efficiencyRange", lang, {
          mfu: pct(eff.wholeRun.expected),
          low: pct(eff.wholeRun.low),
          high: pct(eff.wholeRun.high),
        })
      : `${efficiencySourceFlag(eff.source)} → MFU ${pct(eff.wholeRun.expected)}`;
  const sharding = memory.zero && inputs.gpuCount > 1 ? `ZeRO-${memory.zero}` : t.noSharding;
  const lines = [
    t.assumptions,
    `${label(l.gpu)}${gpuLine(report, lang)}`,
    `${label(l.efficiency)}${estimates.length > 1 ? `${t.strategy(reference.strategy)}: ` : ""}${mfu}: ${render(efficiencyBasis(eff), lang)}`,
    price === null
      ? `${label(l.price)}${t.noPrice}`
      : `${label(l.price)}${t.pricePerGpuHour(`$${price.usdPerGpuHour.toFixed(2)}`)}: ${render(price.rule, lang)}; ${t.dated} ${datesText(price.date, lang)}${vatNote(report.vat, lang)}`,
    `${label(l.energy)}${say("report.energy", lang, {
      tdp: String(report.energy.tdpW),
      times: "x",
      pue: String(report.energy.pue),
      grid: String(report.energy.gCO2PerKWh),
      label: gridLabel(report.energy, lang),
      upperBound: t.upperBound,
    })}`,
    `${label(l.exchange)}${formatNumber(fx.krwPerUsd)} ${t.krwPerUsd} (${fx.date}, ${lang === "ko" ? (fx.sourceKo ?? fx.source) : fx.source})`,
    `${label(l.memory)}${memoryLine(report, lang, sharding)}${inputs.modelShape === "generic" ? t.genericShapeHint : ""}`,
    `${label(l.units)}${t.units(vatUnit(report.vat, lang))}`,
  ];
  return lines.map((line) => wrap(line, width, 15));
}
