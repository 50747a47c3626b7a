import { invalid } from "../../errors.js";
import { msg, type Subject } from "../../i18n/message.js";
import { formatNumber } from "../../util/number-text.js";
import { closest } from "../../util/suggest.js";
import { own } from "../../util/own.js";

/** A length of time in days; `text` restates it and says how months and years were counted. */
export interface Duration {
  days: number;
  text: string;
}

/** Every form parseDuration accepts, for error messages. */
const FORMS = msg("reason.durationForms");

interface Unit {
  days: number;
  singular: string;
  plural: string;
  /** How a calendar unit of uneven length was counted, shown with the result. */
  note?: string;
}

const DAY: Unit = { days: 1, singular: "day", plural: "days" };
const WEEK: Unit = { days: 7, singular: "week", plural: "weeks" };
const HOUR: Unit = { days: 1 / 24, singular: "hour", plural: "hours" };
// Months and years vary in length; fixed counts keep the arithmetic checkable, and the text says so.
const MONTH: Unit = { days: 30, singular: "month", plural: "months", note: "a month counted as 30 days" };
const YEAR: Unit = { days: 365, singular: "year", plural: "years", note: "a year counted as 365 days" };

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
  const said = `${plain(count)} ${count === 1 ? unit.singular : unit.plural}`;
  if (unit === DAY) return { days, text: said };
  const inDays = `${said} = ${plain(days)} ${days === 1 ? "day" : "days"}`;
  return { days, text: unit.note ? `${inDays} (${unit.note})` : inDays };
}
