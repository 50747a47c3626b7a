import Table from "cli-table3";
import { gpuDisplayName } from "../catalog/gpus.js";
import { formatNumber } from "../util/number-text.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";
import type { StrategyEstimate } from "../model/estimate.js";
import type { Lang } from "../i18n/lang.js";
import { textsFor, type Texts } from "../i18n/texts.js";
import { displayWidth } from "../i18n/width.js";
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
import type { Paint } from "./paint.js";
import { wrap } from "./wrap.js";
import { render } from "../i18n/render.js";
import { costCell, type Currency, datesText, dayCell, isCompact, lineWidth, rangeSep } from "./estimate-table.js";
import { duration, durationRange, say } from "./report-text.js";
import { vatCosts, vatNote, vatUnit } from "./vat-text.js";

/** One compared scenario: its name, where it came from, and its estimate (one strategy). */
export interface CompareRow {
  name: string;
  title: string;
  origin: string;
  report: EstimateReport;
}

/** The one strategy estimate a scenario's report holds. */
export const estimateOf = (row: CompareRow): StrategyEstimate => row.report.estimates[0]!;

/** Names longer than this wrap (user scenario ids can be long; the longest bundled, scratch-7b-chinchilla, fits). */
const NAME_WIDTH = 21;
const pct = (x: number): string => `${significant(x * 100, 2)}%`;

/**
 * A row's name as the language shows it: the job the flags describe is "job" (an id the JSON and
 * spreadsheets keep), said "내 작업" in Korean ("내 작업 (LoRA)" for one of its strategies); scenario
 * names and --label are the user's ids and stay.
 */
export function rowName(row: CompareRow, lang: Lang): string {
  if (lang !== "ko" || row.origin !== "flags") return row.name;
  const strategy = estimateOf(row).strategy;
  if (row.name === "job") return "내 작업";
  return row.name === `job-${strategy}` ? `내 작업 (${textsFor(lang).strategy(strategy)})` : row.name;
}

/**
 * Where a bundled scenario comes from (src/inputs/scenarios.ts's PRESETS_FILE, not imported: that
 * module brings the zod schemas into every estimate's start-up).
 */
const PRESETS_FILE = "presets/scenarios.json";

/**
 * A row's title in the language, or undefined when there is none to show. The bundled scenarios'
 * titles are English catalog prose and the flags' row's title is a placeholder, so Korean shows
 * neither (the strategy, GPUs and model beside them say the same); a user's own file's title is the
 * user's text, shown as written.
 */
export function rowTitle(row: CompareRow, lang: Lang): string | undefined {
  if (lang !== "ko") return row.title;
  return row.origin === "flags" || row.origin === PRESETS_FILE ? undefined : row.title;
}

/** "dapt · 2 × H100 · 6.17e20 FLOPs · MFU 25% · 6.86B params (llama-2-7b) · title": the line under each row. */
function detailLine(row: CompareRow, lang: Lang): string {
  const { inputs } = row.report;
  const e = estimateOf(row);
  return say("compare.detail", lang, {
    strategy: textsFor(lang).strategy(e.strategy),
    count: String(inputs.gpuCount),
    gpu: gpuDisplayName(inputs.gpu),
    flops: formatSci(e.flops),
    mfu: pct(e.efficiency.wholeRun.expected),
    params: formatCount(inputs.params),
    model: inputs.model,
    title: rowTitle(row, lang),
  });
}

/** Distinct prices (one line per GPU type and rule) and the exchange rate every row shares. */
function assumptionLines(rows: readonly CompareRow[], t: Texts, lang: Lang, width: number): string[] {
  const label = (name: string): string => `  ${name}${" ".repeat(Math.max(1, 13 - displayWidth(name)))}`;
  const prices = new Map<string, string>();
  for (const { report } of rows) {
    const p = report.price;
    const gpu = gpuDisplayName(report.inputs.gpu);
    const text =
      p === null
        ? `${label(t.labels.price)}${gpu}: ${t.noPrice}`
        : `${label(t.labels.price)}${gpu} ${t.pricePerGpuHour(`$${p.usdPerGpuHour.toFixed(2)}`)}: ${render(p.rule, lang)}; ${t.dated} ${datesText(p.date, lang)}${vatNote(report.vat, lang)}`;
    prices.set(text, text);
  }
  const fx = rows[0]!.report.fx;
  return [
    t.assumptions,
    ...[...prices.values()],
    `${label(t.labels.exchange)}${formatNumber(fx.krwPerUsd)} ${t.krwPerUsd} (${fx.date}, ${lang === "ko" ? (fx.sourceKo ?? fx.source) : fx.source})`,
    `${label(t.labels.efficiency)}${t.compareEfficiency}`,
    `${label(t.labels.units)}${t.units(vatUnit(rows[0]!.report.vat, lang))}`,
  ].map((line) => wrap(line, width, 15));
}

/** The human comparison: one row per scenario (expected, range below), a detail line, then the assumptions. */
export function renderCompareTable(
  rows: readonly CompareRow[],
  paint: Paint,
  options: { lang: Lang; currency: Currency; width?: number } = { lang: "en", currency: "both" },
): string {
  const { lang } = options;
  const t = textsFor(lang);
  const compact = isCompact(options);
  const width = lineWidth(options);
  const showKrw = options.currency !== "usd";
  const showUsd = options.currency === "usd" || (options.currency === "both" && !compact);
  const columns = 4 + (showKrw ? 1 : 0) + (showUsd ? 1 : 0);
  // Long names of users' scenarios wrap inside a fixed first column, so the table stays within 100 columns.
  const longNames = rows.some((r) => r.name.length > NAME_WIDTH);
  const table = new Table({
    head: [
      t.headers.scenario,
      t.headers.gpuHours,
      t.headers.wallClock,
      t.headers.memory,
      ...(showKrw ? [t.headers.costKrw] : []),
      ...(showUsd ? [t.headers.costUsd] : []),
    ].map((h) => paint.bold(h)),
    colAligns: ["left", ...Array.from({ length: columns - 1 }, () => "right" as const)],
    style: { head: [], border: [], compact: true },
    ...(longNames ? { colWidths: [NAME_WIDTH + 2], wordWrap: true, wrapOnWordBoundary: false } : {}),
  });
  for (const row of rows) {
    const e = estimateOf(row);
    const cells = [
      `${paint.bold(rowName(row, lang))}\n${paint.dim(t.tokens(formatCount(row.report.inputs.tokens)))}`,
      costCell(e.gpuHours, formatHours, formatHours, paint, rangeSep(lang)),
      dayCell(e.wallDays, lang, paint),
      `${significant(e.memory.perGpuGB, 3)} GB\n${e.memory.fits ? paint.green(t.fits) : paint.red(t.tooBig)}`,
      ...(showKrw ? [costCell(e.costKrw, formatKrw, formatKrwShort, paint, rangeSep(lang))] : []),
      ...(showUsd ? [costCell(e.costUsd, formatUsd, formatUsdShort, paint, rangeSep(lang))] : []),
    ];
    table.push(cells);
    table.push([{ colSpan: columns, content: paint.dim(wrap(`  ${detailLine(row, lang)}`, width - 6, 4)) }]);
  }
  const tooBig = rows
    .filter((r) => !estimateOf(r).memory.fits)
    .map((r) => {
      const e = estimateOf(r);
      const need = e.memory.minGpusWithZero3;
      const gpu = gpuDisplayName(r.report.inputs.gpu);
      const advice = need === null ? t.fitsNowhere(gpu) : t.needsZero3(need, gpu, false);
      return wrap(
        `${t.doesNotFit(rowName(r, lang), significant(e.memory.perGpuGB, 3), gpu, e.memory.gpuMemoryGB)}${advice}`,
        width,
        2,
      );
    });
  const lines = [table.toString(), ...tooBig, ...assumptionLines(rows, t, lang, width)];
  return `${lines
    .map((l) =>
      l
        .split("\n")
        .map((s) => s.trimEnd())
        .join("\n"),
    )
    .join("\n")}\n`;
}

const md = (text: string): string => text.replace(/\|/g, "\\|");
const mdCell = (range: Range | null, main: (n: number) => string, short: (n: number) => string): string =>
  range === null ? "—" : md(`${main(range.expected)} (${short(range.low)}–${short(range.high)})`);

/** The comparison as GitHub-flavoured Markdown: one table row per scenario. */
export function renderCompareMarkdown(rows: readonly CompareRow[], lang: Lang = "en"): string {
  const fx = rows[0]!.report.fx;
  const t = textsFor(lang);
  const h = t.headers;
  const gpuCount = (count: number, gpu: string): string =>
    lang === "ko" ? t.gpuCount(String(count), gpu) : `${count} × ${gpu}`;
  const lines = [
    `| ${h.scenario} | ${h.strategy} | ${t.gpus} | ${t.tokensHeader} | ${h.flops} | ${h.gpuHours} | ${h.wallClock} | ${h.memory} | ${h.costKrw} | ${h.costUsd} |`,
    "|---|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map((row) => {
      const e = estimateOf(row);
      const { inputs } = row.report;
      const wall = md(
        `${duration(e.wallDays.expected, lang)} (${durationRange(e.wallDays.low, e.wallDays.high, lang)})`,
      );
      return `| **${md(rowName(row, lang))}** | ${t.strategy(e.strategy)} | ${gpuCount(inputs.gpuCount, gpuDisplayName(inputs.gpu))} | ${formatCount(inputs.tokens)} | ${formatSci(e.flops)} | ${mdCell(e.gpuHours, formatHours, formatHours)} | ${wall} | ${significant(e.memory.perGpuGB, 3)} GB (${e.memory.fits ? t.fits : t.tooBig}) | ${mdCell(e.costKrw, formatKrw, formatKrwShort)} | ${mdCell(e.costUsd, formatUsd, formatUsdShort)} |`;
    }),
    "",
    say("md.rangeNote", lang, { costs: vatCosts(rows[0]!.report.vat, lang) }),
    "",
    ...[
      ...new Set(
        rows.map((r) => {
          const gpu = gpuDisplayName(r.report.inputs.gpu);
          const price = r.report.price;
          return price === null
            ? say("md.noPrice", lang, { gpu, text: say("html.noPrice", lang) })
            : say("md.price", lang, {
                gpu,
                usd: `$${price.usdPerGpuHour.toFixed(2)}`,
                rule: render(price.rule, lang),
                date: price.date,
              });
        }),
      ),
    ],
    say("md.fx", lang, { rate: formatNumber(fx.krwPerUsd), date: fx.date }),
  ];
  return `${lines.join("\n")}\n`;
}
