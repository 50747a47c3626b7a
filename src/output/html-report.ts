import type { StrategyEstimate } from "../model/estimate.js";
/**
 * A self-contained HTML report: title, the estimate table, an inline SVG chart of cost and
 * wall-clock, and the assumptions. One file that opens offline and prints: no scripts, no fonts,
 * images or stylesheets from anywhere (a Content-Security-Policy says so to the browser too).
 * Pure: it returns a string; the caller writes it.
 */
import { gpuDisplayName } from "../catalog/gpus.js";
import { vatCosts } from "./vat-text.js";
import { formatNumber } from "../util/number-text.js";
import type { Range } from "../model/range.js";
import type { EstimateReport } from "../model/report.js";
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
import { render } from "../i18n/render.js";
import type { Lang } from "../i18n/lang.js";
import { textsFor } from "../i18n/texts.js";
import { formatDurationKo, formatDurationRangeKo } from "./format.js";
import { gpuLine, memoryLine, say, gridLabel } from "./report-text.js";

/** One line of the table and one bar in each chart: a strategy (estimate) or a scenario (compare). */
export interface ReportRow {
  label: string;
  description: string;
  flops: number;
  gpuHours: Range;
  wallDays: Range;
  /** null when the GPU has no price. */
  costKrw: Range | null;
  costUsd: Range | null;
  memoryPerGpuGB?: number;
  fits?: boolean;
}

/** A strategy's figures as a report row shows them (the label and description are the caller's). */
export function reportFigures(e: StrategyEstimate): Omit<ReportRow, "label" | "description"> {
  return {
    flops: e.flops,
    gpuHours: e.gpuHours,
    wallDays: e.wallDays,
    costKrw: e.costKrw,
    costUsd: e.costUsd,
    memoryPerGpuGB: e.memory.perGpuGB,
    fits: e.memory.fits,
  };
}

/** A named assumption a reader needs to check the numbers (GPU, efficiency, price, exchange rate…). */
export interface ReportAssumption {
  label: string;
  text: string;
}

/** Everything the HTML page shows, independent of which command produced it. */
export interface ReportDocument {
  /** The page's language (its lang attribute, headings and labels); English when absent. */
  lang?: Lang;
  title: string;
  subtitle: string;
  /** Heading of the first column: "Strategy" for estimate, "Scenario" for compare. */
  labelHeading?: string;
  rows: ReportRow[];
  /** What the expected value and the range mean, printed under the table. */
  rangeNote?: string;
  assumptions: ReportAssumption[];
  /** Warnings and advice (a strategy that does not fit, an implausible --mfu). */
  notes?: string[];
  /** Footer text, e.g. "llm-cost 0.1.0". */
  generatedBy: string;
}

/** Escapes text for HTML element content and quoted attribute values (also inside inline SVG). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A formatter that prints "—" rather than NaN, Infinity or a negative amount. */
function safe(format: (n: number) => string): (n: number) => string {
  return (n) => (Number.isFinite(n) && n >= 0 ? format(n) : "—");
}

const pct = (x: number): string => `${significant(x * 100, 2)}%`;
const days = safe(formatDuration);
const daysShort = safe((d: number) => formatDuration(d).replace(/ (d|h|min|s)$/, "$1"));
const krw = safe(formatKrw);
const krwShort = safe(formatKrwShort);

/** The report of `estimate`: one row per strategy, the assumptions as the table footer lists them. */
export function reportFromEstimate(
  report: EstimateReport,
  generatedBy = "llm-cost",
  lang: Lang = "en",
): ReportDocument {
  const { inputs, price, fx, energy } = report;
  const t = textsFor(lang);
  const gpu = gpuDisplayName(inputs.gpu);
  const model = inputs.model ?? (inputs.modelShape === "generic" ? t.genericShape : "config.json");
  const efficiency = new Map<string, string[]>();
  for (const e of report.estimates) {
    const eff = e.efficiency.wholeRun;
    const range = say("report.efficiencyRange", lang, {
      mfu: pct(eff.expected),
      low: pct(eff.low),
      high: pct(eff.high),
    });
    const key = `${range}: ${render(efficiencyBasis(e.efficiency), lang)}`;
    efficiency.set(key, [...(efficiency.get(key) ?? []), t.strategy(e.strategy)]);
  }
  const m = inputs.memory;
  return {
    lang,
    title: say("html.title", lang, {
      params: formatCount(inputs.params),
      tokens: formatCount(inputs.tokens),
      count: String(inputs.gpuCount),
      gpu,
    }),
    subtitle: say("html.subtitle", lang, { gpuName: inputs.gpu.name, model, basis: inputs.tokensBasis }),
    labelHeading: t.headers.strategy,
    rows: report.estimates.map((e) => ({
      label: t.strategy(e.strategy),
      description: say("html.row", lang, {
        name: lang === "ko" ? e.nameKo : e.name,
        description: lang === "ko" ? e.descriptionKo : e.description,
        trains: formatCount(e.trainableParams),
        mfu: pct(e.efficiency.wholeRun.expected),
      }),
      ...reportFigures(e),
    })),
    rangeNote: `${say("html.rangeNote", lang, { costs: vatCosts(report.vat, lang) })} ${say("html.rangeBasis", lang)}`,
    assumptions: [
      { label: say("html.label.gpu", lang), text: gpuLine(report, lang) },
      ...[...efficiency].map(([text, ids]) => ({ label: say("html.efficiency", lang, { ids: ids.join(", ") }), text })),
      {
        label: say("html.label.price", lang),
        text:
          price === null
            ? say("html.noPrice", lang)
            : say("html.price", lang, {
                usd: `$${price.usdPerGpuHour.toFixed(2)}`,
                rule: price.rule,
                date: price.date,
              }),
      },
      {
        label: say("html.label.fx", lang),
        text: say("html.fx", lang, {
          rate: formatNumber(fx.krwPerUsd),
          date: fx.date,
          source: lang === "ko" ? (fx.sourceKo ?? fx.source) : fx.source,
        }),
      },
      {
        label: say("html.label.energy", lang),
        text: say("report.energy", lang, {
          tdp: String(energy.tdpW),
          times: "×",
          pue: String(energy.pue),
          grid: String(energy.gCO2PerKWh),
          label: gridLabel(energy, lang),
        }),
      },
      {
        label: say("html.label.memory", lang),
        text: `${memoryLine(report, lang, m.zero ? `ZeRO-${m.zero}` : t.noSharding)}; ${say("html.gbNote", lang)}`,
      },
    ],
    notes: [
      ...report.warnings.map((w) => render(w, lang)),
      ...report.estimates
        .filter((e) => !e.memory.fits)
        .map((e) =>
          say("html.tooBig", lang, {
            strategy: t.strategy(e.strategy),
            need: significant(e.memory.perGpuGB, 3),
            gpu,
            has: String(e.memory.gpuMemoryGB),
            zero3: e.memory.minGpusWithZero3 === null ? undefined : String(e.memory.minGpusWithZero3),
          }),
        ),
    ],
    generatedBy,
  };
}

// ---- chart geometry (SVG user units; the SVG scales down on narrow screens) ----

/** Width of the bar area: a bar for the largest value in a chart is this wide. */
export const CHART_PLOT_WIDTH = 400;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 170;
const ROW_HEIGHT = 30;
const BAR_HEIGHT = 16;
const PAD_Y = 10;
const LABEL_CHARS = 20;

/** SVG coordinates rounded to 0.01 so the markup stays short; never NaN. */
const num = (n: number): string => String(Number.isFinite(n) ? Math.round(n * 100) / 100 : 0);
const nonNegative = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** Bar length for `value` on a scale whose largest value is `max`; at least 1 unit when value > 0. */
export function barLength(value: number, max: number, plotWidth = CHART_PLOT_WIDTH): number {
  const v = nonNegative(value);
  if (v === 0 || !(max > 0) || !Number.isFinite(max)) return 0;
  return Math.max(1, (Math.min(v, max) / max) * plotWidth);
}

interface ChartSpec {
  id: string;
  title: string;
  rows: ReadonlyArray<{ label: string; range: Range; text: string }>;
  colour: string;
}

const truncate = (text: string, chars: number): string =>
  [...text].length > chars ? `${[...text].slice(0, chars - 1).join("")}…` : text;

/** One horizontal bar chart: bar = expected value, whisker = low–high, value label to the right. */
function renderChart(spec: ChartSpec): string {
  const max = Math.max(0, ...spec.rows.map((r) => Math.max(nonNegative(r.range.expected), nonNegative(r.range.high))));
  const height = PAD_Y * 2 + spec.rows.length * ROW_HEIGHT;
  const width = LABEL_WIDTH + CHART_PLOT_WIDTH + VALUE_WIDTH;
  const x0 = LABEL_WIDTH;
  const rows = spec.rows.map((row, i) => {
    const mid = PAD_Y + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    const bar = barLength(row.range.expected, max);
    const low = barLength(row.range.low, max);
    const high = barLength(row.range.high, max);
    const whisker =
      high > low
        ? `<path class="whisker" d="M${num(x0 + low)} ${num(mid)}H${num(x0 + high)}M${num(x0 + low)} ${num(mid - 5)}V${num(mid + 5)}M${num(x0 + high)} ${num(mid - 5)}V${num(mid + 5)}"/>`
        : "";
    return [
      `<g><title>${escapeHtml(`${row.label}: ${row.text}`)}</title>`,
      `<text class="label" x="${num(x0 - 8)}" y="${num(mid)}" dy="0.35em" text-anchor="end">${escapeHtml(truncate(row.label, LABEL_CHARS))}</text>`,
      `<rect data-bar="${spec.id}" data-row="${i}" x="${num(x0)}" y="${num(mid - BAR_HEIGHT / 2)}" width="${num(bar)}" height="${BAR_HEIGHT}" fill="${spec.colour}" rx="2"/>`,
      whisker,
      `<text class="value" x="${num(x0 + Math.max(bar, high) + 8)}" y="${num(mid)}" dy="0.35em">${escapeHtml(row.text)}</text>`,
      "</g>",
    ].join("");
  });
  return [
    `<svg class="chart" role="img" aria-labelledby="${spec.id}-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title>`,
    `<line class="axis" x1="${x0}" y1="${PAD_Y / 2}" x2="${x0}" y2="${num(height - PAD_Y / 2)}"/>`,
    ...rows,
    "</svg>",
  ].join("\n");
}

/** A table cell: expected value, the range on a second, quieter line. */
function rangeCell(
  range: Range | null,
  main: (n: number) => string,
  short: (n: number) => string,
  lang?: string,
): string {
  const attr = lang ? ` lang="${lang}"` : "";
  if (range === null) return `<td class="num">—</td>`;
  return `<td class="num"${attr}>${escapeHtml(main(range.expected))}<span class="range">${escapeHtml(short(range.low))}–${escapeHtml(short(range.high))}</span></td>`;
}

/** Wall-clock for a page in `lang`: English "14.9 d" with "9.3d–25.9d"; Korean "약 15일" with "9.3~26일". */
function dayCells(lang: Lang): { main: (n: number) => string; range: (r: Range) => string } {
  if (lang === "ko")
    return {
      main: safe(formatDurationKo),
      range: (r) =>
        [r.low, r.high].every((n) => Number.isFinite(n) && n >= 0) ? formatDurationRangeKo(r.low, r.high) : "—",
    };
  return { main: days, range: (r) => `${daysShort(r.low)}–${daysShort(r.high)}` };
}

function renderTable(doc: ReportDocument, lang: Lang): string {
  const withMemory = doc.rows.some((r) => r.memoryPerGpuGB !== undefined);
  const say0 = (code: Parameters<typeof say>[0]): string => say(code, lang);
  const head = [
    doc.labelHeading ?? textsFor(lang).headers.strategy,
    say0("html.col.flops"),
    say0("html.col.gpuHours"),
    say0("html.col.wallClock"),
    ...(withMemory ? [say0("html.col.memory")] : []),
    say0("html.col.costKrw"),
    say0("html.col.costUsd"),
  ];
  const wall = dayCells(lang);
  const body = doc.rows.map((r) => {
    const memory =
      r.memoryPerGpuGB === undefined
        ? "<td></td>"
        : `<td class="num">${escapeHtml(safe((gb) => `${significant(gb, 3)} GB`)(r.memoryPerGpuGB))}${r.fits === undefined ? "" : `<span class="${r.fits ? "fits" : "too-big"}">${escapeHtml(say0(r.fits ? "html.fits" : "html.tooBigCell"))}</span>`}</td>`;
    return [
      "<tr>",
      `<th scope="row"><span class="name">${escapeHtml(r.label)}</span><span class="desc">${escapeHtml(r.description)}</span></th>`,
      `<td class="num">${escapeHtml(safe(formatSci)(r.flops))}</td>`,
      rangeCell(r.gpuHours, safe(formatHours), safe(formatHours)),
      `<td class="num">${escapeHtml(wall.main(r.wallDays.expected))}<span class="range">${escapeHtml(wall.range(r.wallDays))}</span></td>`,
      withMemory ? memory : "",
      rangeCell(r.costKrw, krw, krwShort, "ko"),
      rangeCell(r.costUsd, safe(formatUsd), safe(formatUsdShort)),
      "</tr>",
    ].join("");
  });
  return [
    "<table>",
    `<thead><tr>${head.map((h, i) => `<th scope="col"${i > 0 ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>\n${body.join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
}

// Hangul fallbacks first among the sans faces so ₩ amounts (만, 억, 원) never fall back to tofu.
const FONTS = `system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif`;

const CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#fff;color:#1c1e21;font:15px/1.5 ${FONTS}}
main{max-width:1000px;margin:0 auto;padding:32px 24px}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:18px;margin:32px 0 12px;border-bottom:1px solid #d8dce0;padding-bottom:4px}
.subtitle{color:#555;margin:0}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:8px 10px;border-bottom:1px solid #e3e6ea;vertical-align:top;text-align:left}
thead th{background:#f3f5f7;border-bottom:2px solid #c9ced4;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.name{display:block;font-weight:600}
.desc{display:block;font-weight:400;color:#5b6169;font-size:12.5px;max-width:300px}
.range{display:block;color:#6b7178;font-size:12.5px}
.fits,.too-big{display:block;font-size:12.5px;font-weight:600}
.fits{color:#1e7d3a}.too-big{color:#b3261e}
.note{color:#5b6169;font-size:13px}
figure{margin:0 0 20px}
figcaption{font-weight:600;margin-bottom:4px}
svg.chart{max-width:100%;height:auto;display:block}
svg .label{font:13px ${FONTS};fill:#1c1e21}
svg .value{font:12.5px ${FONTS};fill:#333}
svg .axis{stroke:#9aa0a6;stroke-width:1}
svg .whisker{stroke:#222;stroke-width:1.5;fill:none}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0;font-size:14px}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.notes li{color:#b3261e}
footer{margin-top:32px;color:#6b7178;font-size:12.5px}
@page{size:A4;margin:14mm}
@media print{main{max-width:none;padding:0}body{font-size:12px}table{font-size:11.5px}tr,figure,dl{break-inside:avoid}h2{break-after:avoid}}
`.trim();

/** Renders the report as one self-contained HTML page (inline CSS and SVG, no scripts or external resources). */
export function renderHtmlReport(doc: ReportDocument): string {
  const lang = doc.lang ?? "en";
  const say0 = (code: Parameters<typeof say>[0]): string => say(code, lang);
  const wallText = dayCells(lang).main;
  // A row without a price has no cost bar: the table shows "—" for it.
  const chartRows = (pick: (r: ReportRow) => Range | null, text: (r: Range) => string) =>
    doc.rows.flatMap((r) => {
      const range = pick(r);
      return range === null ? [] : [{ label: r.label, range, text: text(range) }];
    });
  const cost = renderChart({
    id: "cost",
    title: say0("html.chart.cost"),
    colour: "#2f6db5",
    rows: chartRows(
      (r) => r.costKrw,
      (r) => krw(r.expected),
    ),
  });
  const wall = renderChart({
    id: "days",
    title: say0("html.chart.days"),
    colour: "#d9822b",
    rows: chartRows(
      (r) => r.wallDays,
      (r) => wallText(r.expected),
    ),
  });
  const notes = doc.notes ?? [];
  return [
    "<!doctype html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Tells the browser the page loads nothing: a stray reference would fail loudly, not leak.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="generator" content="${escapeHtml(doc.generatedBy)}">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<header><h1>${escapeHtml(doc.title)}</h1><p class="subtitle">${escapeHtml(doc.subtitle)}</p></header>`,
    `<section class="estimate"><h2>${escapeHtml(say0("html.heading.estimate"))}</h2>`,
    renderTable(doc, lang),
    `<p class="note">${escapeHtml(doc.rangeNote ?? say0("html.rangeNote"))}</p>`,
    "</section>",
    ...(notes.length
      ? [
          `<section class="notes"><h2>${escapeHtml(say0("html.heading.notes"))}</h2><ul>`,
          ...notes.map((n) => `<li>${escapeHtml(n)}</li>`),
          "</ul></section>",
        ]
      : []),
    `<section class="charts"><h2>${escapeHtml(say0("html.heading.charts"))}</h2>`,
    `<figure><figcaption>${escapeHtml(say0("html.caption.cost"))}</figcaption>\n${cost}\n</figure>`,
    `<figure><figcaption>${escapeHtml(say0("html.caption.days"))}</figcaption>\n${wall}\n</figure>`,
    `<p class="note">${escapeHtml(say0("html.barNote"))}</p>`,
    "</section>",
    `<section class="assumptions"><h2>${escapeHtml(say0("html.heading.assumptions"))}</h2><dl>`,
    ...doc.assumptions.map((a) => `<dt>${escapeHtml(a.label)}</dt><dd>${escapeHtml(a.text)}</dd>`),
    "</dl></section>",
    `<footer>${escapeHtml(say("html.madeWith", lang, { by: doc.generatedBy }))}</footer>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
