import type { Duration } from "../job/values/duration.js";
import type { Money } from "../job/values/money.js";
import { formatNumber } from "../util/number-text.js";
import type { PlanCandidate, PlanLimits, PlanSearch } from "../model/plan-search.js";
import type { Range } from "../model/range.js";
import { renderBoxTable } from "./box-table.js";
import {
  formatCount,
  formatDuration,
  formatDurationKo,
  formatHours,
  formatKrw,
  formatKrwShort,
  formatUsd,
  formatUsdShort,
  significant,
} from "./format.js";
import type { Paint } from "./paint.js";
import { candidatesText, type PlanResult, type PlanRow } from "./plan-result.js";
import { wrap } from "./wrap.js";
import type { Lang } from "../i18n/lang.js";
import { textsFor } from "../i18n/texts.js";
import { type Currency, isCompact, lineWidth } from "./estimate-table.js";
import { markdownCell, renderMarkdownRows } from "./sheet.js";
import { capitalized, vatCosts } from "./vat-text.js";

const n = (x: number): string => formatNumber(x);
const who = (c: PlanCandidate): string =>
  `${n(c.count)} × ${c.gpu.name} from ${c.offer.providerName} at $${c.offer.usdPerGpuHour.toFixed(2)}/GPU-hour`;
/** Won rounded up to the next 만, so "at least" holds: 1,139,412 → "114만 원". */
const krwAtLeast = (won: number): string => formatKrw(Math.ceil(won / 1e4) * 1e4);
/** Days rounded up to a tenth, so "at least" holds. */
const daysAtLeast = (days: number): string => `${n(Math.ceil(days * 10) / 10)} days`;

/**
 * Why no plan qualifies, and what would make one: the constraint that binds and the least change
 * to it (the cheapest cost to budget for, the shortest time to allow). Null when plans exist.
 */
export function explainPlan(
  search: PlanSearch,
  limits: PlanLimits,
  krwPerUsd: number,
  deadline?: Duration,
  budget?: Money,
): string | null {
  if (search.cheapest.length > 0) return null;
  const won = (c: PlanCandidate): number => c.costUsd * krwPerUsd;
  if (search.binding.includes("memory")) {
    return `Nothing fits in memory: no priced GPU type holds the job at up to ${n(limits.maxGpus)} GPUs with ZeRO-3. Try lora or qlora, a shorter --seq-len, a smaller --micro-batch or --recompute full.`;
  }
  const parts: string[] = [];
  if (search.binding.includes("deadline") && search.fastestFitting) {
    const f = search.fastestFitting;
    parts.push(
      `The deadline binds: the fastest plan that fits takes ${formatDuration(f.wallDays)} (${who(f)}${f.count === limits.maxGpus ? ", the most GPUs the global batch keeps busy" : ", where more GPUs stop paying"}): extend --deadline to at least ${daysAtLeast(f.wallDays)}.`,
    );
  }
  if (search.binding.includes("budget")) {
    const c = deadline && search.cheapestMeetingDeadline ? search.cheapestMeetingDeadline : search.cheapestFitting!;
    const meets = deadline && search.cheapestMeetingDeadline ? ` and finishes within ${deadline.text}` : "";
    parts.push(
      `The budget binds: nothing costs ${budget ? formatKrw(budget.krw) : "that"} or less at any GPU count. The cheapest plan that fits${meets} costs ${formatKrw(won(c))} (${formatUsd(c.costUsd)}; ${who(c)}): raise --budget to at least ${krwAtLeast(won(c))}.`,
    );
  }
  if (search.jointly) {
    const c = search.cheapestMeetingDeadline;
    const f = search.fastestWithinBudget;
    parts.push(
      "The deadline and the budget bind together: each can be met, not both." +
        (c
          ? ` The cheapest plan that meets the deadline costs ${formatKrw(won(c))} (${who(c)}): raise --budget to at least ${krwAtLeast(won(c))}.`
          : "") +
        (f
          ? ` The fastest plan within the budget takes ${formatDuration(f.wallDays)} (${who(f)}): extend --deadline to at least ${daysAtLeast(f.wallDays)}.`
          : ""),
    );
  }
  return parts.length
    ? `No plan qualifies. ${parts.join(" ")}`
    : "No plan qualifies: no GPU type in the search has a price (give --price with --gpu).";
}

const range = (r: Range, main: (x: number) => string, short: (x: number) => string, paint: Paint): string =>
  `${main(r.expected)}\n${paint.dim(`${short(r.low)}–${short(r.high)}`)}`;
const shortDays = (d: number): string => formatDuration(d).replace(/ (d|h|min|s)$/, "$1");

function planTable(rows: readonly PlanRow[], paint: Paint, options: PlanTableOptions): string {
  const t = textsFor(options.lang);
  const compact = isCompact(options);
  const showKrw = options.currency !== "usd";
  const showUsd = options.currency === "usd" || (options.currency === "both" && !compact);
  const days = options.lang === "ko" ? formatDurationKo : formatDuration;
  const daysShort = options.lang === "ko" ? (d: number) => formatDurationKo(d).replace(/^약 /, "") : shortDays;
  const body = rows.map(({ candidate: c, report }) => {
    const e = report.estimates[0]!;
    return [
      // Compact (80 columns): memory per GPU without the unit's "/GPU", the offer without its date.
      `${paint.bold(t.gpuCount(n(c.count), c.gpu.name))}\n${paint.dim(`${significant(e.memory.perGpuGB, 3)} GB${compact ? "" : "/GPU"}, ${e.memory.fits ? t.fits : t.tooBig}`)}`,
      `${c.offer.providerName}\n${paint.dim(compact ? `$${c.offer.usdPerGpuHour.toFixed(2)}` : `$${c.offer.usdPerGpuHour.toFixed(2)} · ${c.offer.date}`)}`,
      range(e.gpuHours, formatHours, formatHours, paint),
      range(e.wallDays, days, daysShort, paint),
      ...(showKrw ? [range(e.costKrw!, formatKrw, formatKrwShort, paint)] : []),
      ...(showUsd ? [range(e.costUsd!, formatUsd, formatUsdShort, paint)] : []),
    ];
  });
  const head = [
    "GPUs",
    // The price per GPU-hour sits under the provider's name; the header says so unless the terminal is narrow.
    options.lang === "ko"
      ? compact
        ? "클라우드"
        : "클라우드, GPU 시간당 $"
      : compact
        ? "Provider"
        : "Provider, $/GPU-h",
    t.headers.gpuHours,
    t.headers.wallClock,
    ...(showKrw ? [t.headers.costKrw] : []),
    ...(showUsd ? [t.headers.costUsd] : []),
  ];
  return renderBoxTable({
    head: head.map((h) => paint.bold(h)),
    colAligns: ["left", "left", ...head.slice(2).map(() => "right" as const)],
    rows: body,
  });
}

/** Language, money columns and terminal width of a plan table. */
export interface PlanTableOptions {
  lang: Lang;
  currency: Currency;
  width?: number;
}

/** The plan as Markdown: one table per ranking, then how the plans were chosen. */
export function renderPlanMarkdown(result: PlanResult, lang: Lang): string {
  const section = (title: string, rows: readonly PlanRow[]): string =>
    renderMarkdownRows(
      rows.map(({ candidate: c, report }) => {
        const e = report.estimates[0]!;
        return {
          gpus: `${n(c.count)} × ${c.gpu.name}`,
          provider: c.offer.providerName,
          "$/GPU-hour": c.offer.usdPerGpuHour,
          "GPU-hours": formatHours(e.gpuHours.expected),
          "wall-clock": (lang === "ko" ? formatDurationKo : formatDuration)(e.wallDays.expected),
          "cost (KRW)": formatKrw(e.costKrw!.expected),
          "cost (USD)": formatUsd(e.costUsd!.expected),
        };
      }),
      title,
    );
  const { inputs } = result.job;
  const head = `### Plan: ${result.job.estimates[0]!.strategy} of ${formatCount(inputs.params)} parameters × ${formatCount(inputs.tokens)} tokens`;
  if (result.explanation) return `${head}\n\n${markdownCell(result.explanation)}\n`;
  return `${head}\n\n${section("Cheapest", result.cheapest)}\n${section("Fastest", result.fastest)}\n${capitalized(vatCosts(result.job.vat, "en"))}; ${n(result.fx.krwPerUsd)} KRW per USD (${result.fx.date}).\n`;
}

/** The human plan: the job, the cheapest and the fastest plans, or why none qualify; then how they were chosen. */
export function renderPlan(
  result: PlanResult,
  paint: Paint,
  options: PlanTableOptions = { lang: "en", currency: "both" },
): string {
  const { inputs } = result.job;
  const strategy = result.job.estimates[0]!.strategy;
  const constraints = [
    result.deadline ? `deadline ${result.deadline.text}` : undefined,
    result.budget ? `budget ${result.budget.text}` : undefined,
  ].filter(Boolean);
  const lines = [
    `Plan: ${strategy} of ${formatCount(inputs.params)} parameters${inputs.model ? ` (${inputs.model})` : ""} × ${formatCount(inputs.tokens)} tokens${constraints.length ? `; ${constraints.join("; ")}` : ""}`,
  ];
  if (result.explanation) lines.push(result.explanation);
  else {
    lines.push("Cheapest (fewest GPUs that fit and meet the deadline)", planTable(result.cheapest, paint, options));
    lines.push(
      `Fastest (where more GPUs stop paying${result.budget ? ", within the budget" : ""})`,
      planTable(result.fastest, paint, options),
    );
  }
  const reasons = new Map<string, string[]>();
  for (const s of result.skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.gpu]);
  const skipped = [...reasons].map(([reason, gpus]) => `; ${reason}: ${gpus.join(", ")}`).join("");
  lines.push(
    "How the plans were chosen",
    `  Searched     ${result.gpuTypes} GPU types with a current ${result.priceKind} price${result.provider ? ` from ${result.provider}` : ""}${skipped}`,
    `  Candidates   ${candidatesText(result.limits)}`,
    "  Constraints  met by the expected wall-clock and cost; the second line of each cell is the range",
    "  Efficiency   each GPU type and count estimated in full: steady-state speed from its compute, memory bandwidth and fabric, times goodput (llm-cost validate shows how well this predicts)",
    `  Exchange     ${n(result.fx.krwPerUsd)} KRW per USD (${result.fx.date}); ${vatCosts(result.job.vat, "en")}`,
  );
  // Tables as rendered; labelled footer lines indent under their label; other lines by two spaces.
  const layout = (l: string): string =>
    l.includes("\n")
      ? l
          .split("\n")
          .map((s) => s.trimEnd())
          .join("\n")
      : wrap(l, lineWidth(options), l.startsWith("  ") ? 15 : 2);
  return `${lines.map(layout).join("\n")}\n`;
}
