import type { Duration } from "../job/values/duration.js";
import type { Money } from "../job/values/money.js";
import { formatNumber } from "../util/number-text.js";
import { type Message, msg } from "../i18n/message.js";
import type { MessageCode } from "../i18n/messages-en.js";
import { render } from "../i18n/render.js";
import { moneySaid } from "../job/values/money.js";
import { daysText, labelled, rangeText } from "./plan-check-units.js";
import type { PlanCandidate, PlanLimits, PlanSearch } from "../model/plan-search.js";
import type { Range } from "../model/range.js";
import { renderBoxTable } from "./box-table.js";
import {
  formatCount,
  formatDuration,
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
import { vatCosts } from "./vat-text.js";

const n = (x: number): string => formatNumber(x);
/** A raw number for the catalogue to format per language (a duration's days: "6.3 d", "약 6.3일"). */
const raw = (x: number): string => String(x);
const days = (d: number): Message => msg("said.days", { days: raw(d) });
const offer = (c: PlanCandidate): Message =>
  msg("plan.why.offer", {
    count: c.count,
    gpu: c.gpu.name,
    provider: c.offer.providerName,
    price: c.offer.usdPerGpuHour.toFixed(2),
  });
/** Won rounded up to the next 만, so "at least" holds: 1,139,412 → "114만 원". */
const krwAtLeast = (won: number): string => formatKrw(Math.ceil(won / 1e4) * 1e4);
/** Days rounded up to a tenth, so "at least" holds. */
const daysAtLeast = (d: number): string => n(Math.ceil(d * 10) / 10);

/**
 * Why no plan qualifies, and what would make one: the constraint that binds and the least change
 * to it (the cheapest cost to budget for, the shortest time to allow), as a message rendered per
 * language at the edge. Null when plans exist.
 */
export function explainPlan(
  search: PlanSearch,
  limits: PlanLimits,
  krwPerUsd: number,
  deadline?: Duration,
  budget?: Money,
): Message | null {
  if (search.cheapest.length > 0) return null;
  const won = (c: PlanCandidate): number => c.costUsd * krwPerUsd;
  if (search.binding.includes("memory")) return msg("plan.why.memory", { maxGpus: limits.maxGpus });
  const parts: Record<string, Message> = {};
  if (search.binding.includes("deadline") && search.fastestFitting) {
    const f = search.fastestFitting;
    parts["deadline"] = msg("plan.why.deadline", {
      duration: days(f.wallDays),
      offer: offer(f),
      atMax: f.count === limits.maxGpus ? "yes" : undefined,
      days: daysAtLeast(f.wallDays),
    });
  }
  if (search.binding.includes("budget")) {
    const meets = deadline !== undefined && search.cheapestMeetingDeadline !== undefined;
    const c = meets ? search.cheapestMeetingDeadline! : search.cheapestFitting!;
    parts["budget"] = msg("plan.why.budget", {
      budget: budget ? formatKrw(budget.krw) : undefined,
      within: meets ? deadline!.said : undefined,
      cost: formatKrw(won(c)),
      usd: formatUsd(c.costUsd),
      offer: offer(c),
      atLeast: krwAtLeast(won(c)),
    });
  }
  if (search.jointly) {
    const c = search.cheapestMeetingDeadline;
    const f = search.fastestWithinBudget;
    parts["jointly"] = msg("plan.why.jointly", {
      ...(c ? { cheapCost: formatKrw(won(c)), cheapOffer: offer(c), cheapAtLeast: krwAtLeast(won(c)) } : {}),
      ...(f ? { fastDuration: days(f.wallDays), fastOffer: offer(f), fastDays: daysAtLeast(f.wallDays) } : {}),
    });
  }
  return Object.keys(parts).length ? msg("plan.why.none", parts) : msg("plan.why.unpriced");
}

/** A cell: the expected value, and under it the range, dimmed. */
const range = (r: Range, main: (x: number) => string, short: (x: number) => string, paint: Paint, lang: Lang): string =>
  `${main(r.expected)}\n${paint.dim(rangeText(short(r.low), short(r.high), lang))}`;
const shortDays = (d: number): string => formatDuration(d).replace(/ (d|h|min|s)$/, "$1");
const shortDaysKo = (d: number): string => daysText(d, "ko").replace(/^약 /, "");

function planTable(rows: readonly PlanRow[], paint: Paint, options: PlanTableOptions): string {
  const { lang } = options;
  const t = textsFor(lang);
  const say = (code: MessageCode): string => render(msg(code), lang);
  const compact = isCompact(options);
  const showKrw = options.currency !== "usd";
  const showUsd = options.currency === "usd" || (options.currency === "both" && !compact);
  const days = (d: number): string => daysText(d, lang);
  const daysShort = lang === "ko" ? shortDaysKo : shortDays;
  const body = rows.map(({ candidate: c, report }) => {
    const e = report.estimates[0]!;
    return [
      // Compact (80 columns): memory per GPU without the unit's "/GPU", the offer without its date.
      `${paint.bold(t.gpuCount(n(c.count), c.gpu.name))}\n${paint.dim(`${significant(e.memory.perGpuGB, 3)} GB${compact ? "" : "/GPU"}, ${e.memory.fits ? t.fits : t.tooBig}`)}`,
      `${c.offer.providerName}\n${paint.dim(compact ? `$${c.offer.usdPerGpuHour.toFixed(2)}` : `$${c.offer.usdPerGpuHour.toFixed(2)} · ${c.offer.date}`)}`,
      range(e.gpuHours, formatHours, formatHours, paint, lang),
      range(e.wallDays, days, daysShort, paint, lang),
      ...(showKrw ? [range(e.costKrw!, formatKrw, formatKrwShort, paint, lang)] : []),
      ...(showUsd ? [range(e.costUsd!, formatUsd, formatUsdShort, paint, lang)] : []),
    ];
  });
  const head = [
    say("plan.head.gpus"),
    // The price per GPU-hour sits under the provider's name; the header says so unless the terminal is narrow.
    say(compact ? "plan.head.provider" : "plan.head.providerPrice"),
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

/** The plan's title: the job, and the deadline and budget it was held to (restated per language). */
export function planTitle(result: PlanResult, lang: Lang, full: boolean): string {
  const { inputs } = result.job;
  return render(
    msg("plan.title", {
      strategy: msg("said.strategy", { id: result.job.estimates[0]!.strategy }),
      params: formatCount(inputs.params),
      model: full ? inputs.model : undefined,
      tokens: formatCount(inputs.tokens),
      constraints: full ? planConstraints(result, lang).join("; ") : undefined,
    }),
    lang,
  );
}

/** The deadline and the budget the plan was held to, restated: "deadline 7 days", "예산 3억 원 (= $208,478, …)". */
export function planConstraints(result: PlanResult, lang: Lang): string[] {
  return [
    ...(result.deadline ? [render(msg("plan.deadline", { deadline: result.deadline.said }), lang)] : []),
    ...(result.budget ? [render(msg("plan.budget", { budget: moneySaid(result.budget) }), lang)] : []),
  ];
}

/** The plan as Markdown: one table per ranking, then how the plans were chosen. */
export function renderPlanMarkdown(result: PlanResult, lang: Lang): string {
  const say = (code: MessageCode, args: Parameters<typeof msg>[1] = {}): string => render(msg(code, args), lang);
  const section = (title: string, rows: readonly PlanRow[]): string =>
    renderMarkdownRows(
      rows.map(({ candidate: c, report }) => {
        const e = report.estimates[0]!;
        return {
          [say("plan.md.gpus")]: textsFor(lang).gpuCount(n(c.count), c.gpu.name),
          [say("plan.md.provider")]: c.offer.providerName,
          [say("plan.md.price")]: c.offer.usdPerGpuHour,
          [say("plan.md.gpuHours")]: formatHours(e.gpuHours.expected),
          [say("plan.md.wallClock")]: daysText(e.wallDays.expected, lang),
          [say("plan.md.costKrw")]: formatKrw(e.costKrw!.expected),
          [say("plan.md.costUsd")]: formatUsd(e.costUsd!.expected),
        };
      }),
      title,
    );
  const head = `### ${planTitle(result, lang, false)}`;
  if (result.explanation) return `${head}\n\n${markdownCell(render(result.explanation, lang))}\n`;
  const footer = say("plan.markdownFooter", {
    rate: result.fx.krwPerUsd,
    date: result.fx.date,
    costs: vatCosts(result.job.vat, lang),
  });
  return `${head}\n\n${section(say("plan.cheapestShort"), result.cheapest)}\n${section(say("plan.fastestShort"), result.fastest)}\n${footer}\n`;
}

/** The human plan: the job, the cheapest and the fastest plans, or why none qualify; then how they were chosen. */
export function renderPlan(
  result: PlanResult,
  paint: Paint,
  options: PlanTableOptions = { lang: "en", currency: "both" },
): string {
  const { lang } = options;
  const say = (code: MessageCode, args: Parameters<typeof msg>[1] = {}): string => render(msg(code, args), lang);
  const lines = [planTitle(result, lang, true)];
  if (result.explanation) lines.push(render(result.explanation, lang));
  else {
    lines.push(say("plan.cheapest"), planTable(result.cheapest, paint, options));
    lines.push(
      say("plan.fastest", { budget: result.budget ? "yes" : undefined }),
      planTable(result.fastest, paint, options),
    );
  }
  const footer = (label: MessageCode, text: string): string => labelled(`  ${say(label)}`, text);
  lines.push(
    say("plan.howChosen"),
    footer("plan.label.searched", searchedText(result, lang)),
    footer("plan.label.candidates", render(candidatesText(result.limits), lang)),
    footer("plan.label.constraints", say("plan.constraints")),
    footer("plan.label.efficiency", say("plan.efficiency")),
    footer(
      "plan.label.exchange",
      say("plan.exchange", { rate: result.fx.krwPerUsd, date: result.fx.date, costs: vatCosts(result.job.vat, lang) }),
    ),
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

/** What was searched: how many GPU types had a price, and those left out with why (grouped by reason). */
function searchedText(result: PlanResult, lang: Lang): string {
  const reasons = new Map<string, string[]>();
  for (const s of result.skipped) {
    const reason = render(s.reason, lang);
    reasons.set(reason, [...(reasons.get(reason) ?? []), s.gpu]);
  }
  const skipped = [...reasons].map(([reason, gpus]) => render(msg("plan.skipped", { reason, gpus }), lang)).join("");
  return render(
    msg("plan.searched", {
      count: result.gpuTypes,
      kind: msg("said.priceKind", { kind: result.priceKind }),
      provider: result.provider,
      skipped,
    }),
    lang,
  );
}
