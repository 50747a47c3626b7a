/**
 * How old an exchange rate is. The won has moved by 10 % within a year (1,350 to 1,484 KRW/USD in
 * 2025: presets/fx.json), so a rate much older than a quarter puts every won figure off by more than
 * the price lists' own rounding; past FX_STALE_DAYS the estimate says so.
 */
export const FX_STALE_DAYS = 90;

const DAY_MS = 86_400_000;

/**
 * The last day a source date covers, as a UTC time: a day itself, a month's or a quarter's last day,
 * a year's 31 December (a monthly average is as fresh as its last day). undefined for what is not a
 * date ("given": a --fx typed without one).
 */
function lastDayOf(date: string): number | undefined {
  const m = /^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])))?$/.exec(date.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[3] !== undefined) return Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
  // Day 0 of the month after is the last day of the month (or quarter) meant.
  const endMonth = m[2] !== undefined ? Number(m[2]) : m[4] !== undefined ? 3 * Number(m[4]) : 12;
  return Date.UTC(year, endMonth, 0);
}

/** Whole days from a rate's date to `today` (YYYY-MM-DD); undefined when either is not a date. */
export function fxAgeDays(date: string, today: string): number | undefined {
  const from = lastDayOf(date);
  const to = /^\d{4}-\d{2}-\d{2}$/.test(today) ? lastDayOf(today) : undefined;
  if (from === undefined || to === undefined) return undefined;
  return Math.round((to - from) / DAY_MS);
}
