import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/message.js";
import type { MessageCode } from "../i18n/messages-en.js";
import { render } from "../i18n/render.js";
import { formatNumber } from "../util/number-text.js";
import type { CheckClaimJson, CheckJson } from "./check-json.js";
import { formatCount, formatHours, formatKrw, formatSci, formatUsd, significant } from "./format.js";
import type { Paint } from "./paint.js";
import { daysRange, daysText, labelled, rangeText } from "./plan-check-units.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

const pct = (x: number): string => `${x < 0.01 ? significant(x * 100, 2) : significant(x * 100, 3)}%`;
const times = (x: number): string => `×${x >= 10 ? formatNumber(Math.round(x)) : x.toFixed(1)}`;
const n = (x: number): string => formatNumber(x, 2);

const FAMILY_NAMES: Record<string, string> = { ampere: "Ampere (A100)", hopper: "Hopper (H100/H800/H200)" };

/** The sentences of one check table, in one language. */
function sayer(lang: Lang) {
  const say = (code: MessageCode, args: Parameters<typeof msg>[1] = {}): string => render(msg(code, args), lang);
  const line = (label: MessageCode, code: MessageCode, args: Parameters<typeof msg>[1] = {}): string =>
    labelled(`  ${say(label)}`, say(code, args));
  const pcts = (low: number, high: number): string => rangeText(pct(low), pct(high), lang);
  return { say, line, pcts };
}

function publishedLine(c: CheckJson, lang: Lang): string {
  const { line, say } = sayer(lang);
  const p = c.published;
  const ctx = p.familyRuns;
  const family = ctx
    ? say("check.publishedFamily", {
        below: String(ctx.below),
        runs: String(ctx.runs),
        family: FAMILY_NAMES[p.family] ?? p.family,
        min: pct(ctx.min),
        max: pct(ctx.max),
        median: pct(ctx.median),
      })
    : undefined;
  return line("check.label.published", "check.published", {
    family,
    runs: p.allRuns.runs,
    min: pct(p.allRuns.min),
    max: pct(p.allRuns.max),
  });
}

function daysLines(c: CheckJson, claim: CheckClaimJson, paint: Paint, lang: Lang): string[] {
  const { say, line, pcts } = sayer(lang);
  const { gpus } = c.inputs;
  const i = c.implied;
  const counts = (low: number, high: number): string => rangeText(formatCount(low), formatCount(high), lang);
  return [
    paint.bold(say("check.claimedDays", { text: claim.text })),
    line("check.label.implies", "check.impliesDays", {
      mfu: pct(claim.judged),
      flops: formatSci(c.estimate.flops),
      peak: String(gpus.peakTflops),
      count: String(gpus.count),
      days: n(claim.value),
    }),
    publishedLine(c, lang),
    ...(i.tokens && i.gpuHours !== null
      ? [
          line("check.label.trains", "check.trains", {
            tokens: formatCount(i.tokens.expected),
            range: counts(i.tokens.low, i.tokens.high),
            given: formatCount(c.inputs.tokens),
          }),
        ]
      : []),
    line("check.label.verdict", "check.verdictDays", {
      summary: claim.summary,
      range: pcts(claim.range.low, claim.range.high),
      times: times(claim.factorVsExpected),
      mfu: pct(c.estimate.mfu.expected),
      days: daysText(c.estimate.wallDays.expected, lang),
    }),
  ];
}

/** Whether a claimed cost reads better with Korean VAT or without it, and each reading's verdict. */
function vatLine(vat: NonNullable<CheckClaimJson["vat"]>, krwPerUsd: number, lang: Lang): string {
  const { say, line } = sayer(lang);
  const rate = significant(vat.rate * 100, 3);
  const reading = (r: typeof vat.excluded): string =>
    say("check.taxReading", {
      expected: formatKrw(r.expected * krwPerUsd),
      judged: say("check.judged", { verdict: r.verdict, factor: significant(r.factor, 2) }),
    });
  return line("check.label.tax", "check.tax", {
    closer: vat.closer === "included" ? "included" : undefined,
    rate,
    without: reading(vat.excluded),
    with: reading(vat.included),
  });
}

function costLines(c: CheckJson, claim: CheckClaimJson, paint: Paint, lang: Lang): string[] {
  const { say, line } = sayer(lang);
  const i = c.implied;
  const won = (usd: number): string => formatKrw(usd * c.estimate.krwPerUsd);
  const offers = c.estimate.offersUsdPerGpuHour!;
  const onCost = i.tokens && i.gpuHours === null ? i.tokens : undefined;
  return [
    paint.bold(say("check.claimedCost", { text: claim.text })),
    line("check.label.implies", "check.impliesCost", {
      usd: n(i.usdPerGpuHour!),
      basis: i.usdPerGpuHourBasis ?? "",
      offers: rangeText(`$${offers.low.toFixed(2)}`, `$${offers.high.toFixed(2)}`, lang),
      ...(onCost
        ? {
            tokens: formatCount(onCost.expected),
            range: rangeText(formatCount(onCost.low), formatCount(onCost.high), lang),
            given: formatCount(c.inputs.tokens),
          }
        : {}),
    }),
    ...(claim.vat ? [vatLine(claim.vat, c.estimate.krwPerUsd, lang)] : []),
    line("check.label.verdict", "check.verdictCost", {
      summary: claim.summary,
      range: rangeText(won(claim.range.low), won(claim.range.high), lang),
      basis: claim.rangeBasis,
      times: times(claim.factorVsExpected),
      expected: formatKrw(c.estimate.costKrw!.expected),
    }),
  ];
}

/** The human check: the job's estimate, each claim with what it implies, and the verdict. */
export function renderCheck(c: CheckJson, paint: Paint, lang: Lang = "en"): string {
  const { say, line, pcts } = sayer(lang);
  const { inputs, estimate: e } = c;
  const hours = (low: number, high: number): string => rangeText(formatHours(low), formatHours(high), lang);
  const lines = [
    say("check.title", {
      strategy: msg("said.strategy", { id: inputs.strategy }),
      params: formatCount(inputs.params),
      model: inputs.model ?? undefined,
      tokens: formatCount(inputs.tokens),
      count: String(inputs.gpus.count),
      gpu: inputs.gpus.name,
    }),
    line("check.label.estimate", "check.estimate", {
      flops: formatSci(e.flops),
      gpuHours: formatHours(e.gpuHours.expected),
      gpuHoursRange: hours(e.gpuHours.low, e.gpuHours.high),
      days: daysText(e.wallDays.expected, lang),
      daysRange: daysRange(e.wallDays.low, e.wallDays.high, lang),
      cost:
        e.costKrw && e.costUsd
          ? say("check.cost", { krw: formatKrw(e.costKrw.expected), usd: formatUsd(e.costUsd.expected) })
          : undefined,
      mfu: pct(e.mfu.expected),
      mfuRange: pcts(e.mfu.low, e.mfu.high),
    }),
    ...c.claims.flatMap((claim) =>
      claim.claim === "days" ? daysLines(c, claim, paint, lang) : costLines(c, claim, paint, lang),
    ),
    paint.bold(
      say("check.verdict", {
        summary: c.summary,
        which: c.claims.length > 1 ? msg("check.which", { claim: c.verdictClaim }) : undefined,
      }),
    ),
    say("check.factorNote"),
  ];
  // Labelled lines indent under their label; the rest by two spaces.
  return `${lines.map((l) => wrap(l, TEXT_WIDTH, l.startsWith("  ") ? 15 : 2)).join("\n")}\n`;
}
