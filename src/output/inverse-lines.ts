import { textsFor } from "../i18n/texts.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/message.js";
import type { MessageCode } from "../i18n/messages-en.js";
import { render } from "../i18n/render.js";
import type { Range } from "../model/range.js";
import { formatNumber } from "../util/number-text.js";
import { formatCount, formatHours, formatKrw, formatSci, formatUsd, significant } from "./format.js";
import type { InverseJson } from "./inverse-json.js";
import { daysText, labelled, rangeText } from "./plan-check-units.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

const pct = (x: number): string => `${significant(x * 100, 2)}%`;
const n = (x: number): string => formatNumber(x);

/** A label column 15 wide, as in the Assumptions block. */
const LABEL_WIDTH = 15;

type Args = Parameters<typeof msg>[1];

/** The sentences of the lines, in one language. */
function sayer(lang: Lang) {
  const say = (code: MessageCode, args: Args = {}): string => render(msg(code, args), lang);
  const countRange = (r: Range): string => rangeText(formatCount(r.low), formatCount(r.high), lang);
  return { say, countRange };
}

/** The budget restated: as typed in English (the JSON's text); in Korean 억/만 won and dollars. */
const budgetText = (b: NonNullable<InverseJson["budget"]>, lang: Lang): string =>
  lang === "en" ? b.text : `${formatKrw(b.krw)} (${formatUsd(b.usd)})`;
/** The deadline restated: as typed in English; in Korean its days ("30일"). */
const deadlineText = (d: NonNullable<InverseJson["deadline"]>, lang: Lang): string =>
  lang === "en" ? d.text : `${significant(d.days, 4)}일`;

function budgetLines(
  b: NonNullable<InverseJson["budget"]>,
  gpuName: string,
  deadline: InverseJson["deadline"],
  lang: Lang,
): string[] {
  const { say, countRange } = sayer(lang);
  const lines = [
    labelled(
      say("inverse.label.budget"),
      say("inverse.budget", {
        budget: budgetText(b, lang),
        gpuHours: formatHours(b.gpuHours),
        price: b.usdPerGpuHour.toFixed(2),
        days: daysText(b.wallDays, lang),
        count: String(b.gpuCount),
        gpu: gpuName,
      }),
    ),
    ...b.strategies.map((s) =>
      labelled(
        `  ${textsFor(lang).strategy(s.strategy)}`,
        say("inverse.trains", { tokens: formatCount(s.tokens.expected), range: countRange(s.tokens) }),
      ),
    ),
  ];
  const c = b.chinchilla;
  if (c) {
    lines.push(
      labelled(
        "  Chinchilla",
        say("inverse.chinchilla", {
          flops: formatSci(c.computeFlops.expected),
          strategy: c.strategy,
          mfu: pct(c.mfu.expected),
          params: formatCount(c.params.expected),
          tokens: formatCount(c.tokens.expected),
          range: countRange(c.params),
        }),
      ),
    );
  }
  if (b.gpusToSpendByDeadline !== null && deadline) {
    lines.push(
      labelled(
        `  ${say("inverse.label.within", { deadline: deadlineText(deadline, lang) })}`,
        say("inverse.spend", { count: n(b.gpusToSpendByDeadline), gpu: gpuName }),
      ),
    );
  }
  return lines;
}

function deadlineLines(d: NonNullable<InverseJson["deadline"]>, gpuName: string, lang: Lang): string[] {
  const { say } = sayer(lang);
  return [
    labelled(
      say("inverse.label.deadline"),
      say("inverse.deadline", { deadline: deadlineText(d, lang), days: significant(d.days, 4) }),
    ),
    ...d.strategies.map((s) => {
      if (s.gpusNeeded === null || s.wallDays === null)
        return labelled(`  ${textsFor(lang).strategy(s.strategy)}`, say("inverse.noCount", { gpu: gpuName }));
      const r = s.gpusNeededRange;
      const gb = s.perGpuGB === null ? "" : significant(s.perGpuGB, 3);
      const memory =
        s.fits === null
          ? say("inverse.notChecked")
          : s.fits
            ? say("inverse.fits", { gb })
            : say("inverse.tooBig", { gb, zero3: s.minGpusWithZero3 === null ? undefined : n(s.minGpusWithZero3) });
      return labelled(
        `  ${textsFor(lang).strategy(s.strategy)}`,
        say("inverse.needs", {
          count: n(s.gpusNeeded),
          gpu: gpuName,
          range: r === null || r.low === r.high ? undefined : rangeText(n(r.low), n(r.high), lang),
          days: daysText(s.wallDays, lang),
          memory,
        }),
      );
    }),
  ];
}

/** The lines `estimate --budget/--deadline` prints under the table, in the output's language. */
export function renderInverseLines(inverse: InverseJson, gpuName: string, lang: Lang = "en"): string {
  const lines = [
    ...(inverse.budget ? budgetLines(inverse.budget, gpuName, inverse.deadline, lang) : []),
    ...(inverse.deadline ? deadlineLines(inverse.deadline, gpuName, lang) : []),
  ];
  return `${lines.map((l) => wrap(l, TEXT_WIDTH, LABEL_WIDTH)).join("\n")}\n`;
}
