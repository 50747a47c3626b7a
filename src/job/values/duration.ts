import { invalid } from "../../errors.js";
import { type Message, msg, type Subject } from "../../i18n/message.js";
import { render } from "../../i18n/render.js";
import { formatNumber } from "../../util/number-text.js";
import { closest } from "../../util/suggest.js";
import { own } from "../../util/own.js";

/** A length of time in days, as typed (count and unit) and restated. */
export interface Duration {
  days: number;
  /** The number the user typed and its unit ("3", month): the restatement is rendered from them. */
  count: number;
  unit: UnitName;
  /** The restatement as a message, rendered per language at the edge: "3개월(90일, 한 달은 30일로 계산)". */
  said: Message;
  /** The same in English, for the JSON and the English output: "3 months = 90 days (a month counted as 30 days)". */
  text: string;
}

export type UnitName = "day" | "week" | "hour" | "month" | "year";

/** Every form parseDuration accepts, for error messages. */
const FORMS = msg("reason.durationForms");

interface Unit {
  days: number;
  name: UnitName;
}

const DAY: Unit = { days: 1, name: "day" };
const WEEK: Unit = { days: 7, name: "week" };
const HOUR: Unit = { days: 1 / 24, name: "hour" };
// Months and years vary in length; fixed counts keep the arithmetic checkable, and the restatement
// (the catalogue's "said.duration") says how they were counted.
const MONTH: Unit = { days: 30, name: "month" };
const YEAR: Unit = { days: 365, name: "year" };

/** Unit spellings, lower-case. Bare "m" is absent on purpose: minutes or months? */
const UNITS: Record<string, Unit> = {
  d: DAY,
  day: DAY,
  days: DAY,
  일: DAY,
  w: WEEK,
  wk: WEEK,
  wks: WEEK,
  week: WEEK,
  weeks: WEEK,
  주: WEEK,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  시간: HOUR,
  mo: MONTH,
  mon: MONTH,
  month: MONTH,
  months: MONTH,
  개월: MONTH,
  달: MONTH,
  y: YEAR,
  yr: YEAR,
  yrs: YEAR,
  year: YEAR,
  years: YEAR,
  년: YEAR,
};

const plain = (n: number): string => formatNumber(n, 2);

/**
 * Parses a duration: "90d", "12w", "36h", "3mo" (30 days each), "2y" (365 days each), "90 days",
 * "2 years", or Korean "90일", "12주", "36시간", "3개월", "2년". Finite and greater than zero.
 */
export function parseDuration(value: string, flag: Subject | string): Duration {
  const text = value.trim();
  if (/^[-−]/.test(text)) throw invalid(flag, value, msg("reason.durationPositive"));
  const match = /^(\d[\d,_]*(?:\.\d*)?|\.\d+)\s*(\S.*)?$/.exec(text);
  if (!match) throw invalid(flag, value, FORMS);
  const [, digits = "", unitText] = match;
  const count = Number(digits.replace(/[,_]/g, ""));
  if (unitText === undefined) throw invalid(flag, value, FORMS, msg("hint.unitMissing", { guess: `${digits}d` }));
  const unitName = unitText.toLowerCase();
  const unit = own(UNITS, unitName);
  if (!unit) {
    const guess = unitName === "m" ? "mo" : closest(unitName, Object.keys(UNITS));
    const hint =
      unitName === "m"
        ? msg("hint.mOrMonths", { guess: `${digits}mo` })
        : guess
          ? msg("hint.didYouMean", { guess: `${digits}${guess}` })
          : undefined;
    throw invalid(flag, value, FORMS, hint);
  }
  const days = count * unit.days;
  // A million days (2,700 years) is far past any training deadline; beyond it the arithmetic that
  // follows (GPUs × days) stops being meaningful.
  if (!Number.isFinite(days) || days > 1e6) throw invalid(flag, value, msg("reason.durationTooLarge"));
  if (days <= 0) throw invalid(flag, value, msg("reason.durationPositive"));
  const said = msg("said.duration", { count: plain(count), unit: unit.name, days: plain(days) });
  return { days, count, unit: unit.name, said, text: render(said, "en") };
}
