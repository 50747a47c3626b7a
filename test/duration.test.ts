import { describe, expect, it } from "vitest";
import { parseDuration } from "../src/job/values/duration.js";
import { UsageError } from "../src/errors.js";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("parseDuration", () => {
  // Worked by hand: week = 7 days, month = 30 days, year = 365 days, hour = 1/24 day.
  const accepted: Array<[string, number]> = [
    ["90d", 90],
    ["90 d", 90],
    ["12w", 84], // 12 × 7
    ["2y", 730], // 2 × 365
    ["36h", 1.5], // 36 / 24
    ["3mo", 90], // 3 × 30
    ["90 days", 90],
    ["1 day", 1],
    ["2 years", 730],
    ["2 Years", 730],
    ["12 weeks", 84],
    ["3 months", 90],
    ["36 hours", 1.5],
    ["1.5y", 547.5], // 1.5 × 365
    ["90일", 90],
    ["12주", 84],
    ["2년", 730],
    ["36시간", 1.5],
    ["3개월", 90],
    ["3 개월", 90],
    ["3달", 90],
    [" 90d ", 90],
  ];
  it.each(accepted)("reads %s as %d days", (text, days) => {
    expect(parseDuration(text, "--days").days).toBe(days);
  });

  it("restates the duration in days and says how months and years are counted", () => {
    expect(parseDuration("90d", "--days").text).toBe("90 days");
    expect(parseDuration("1 day", "--days").text).toBe("1 day");
    expect(parseDuration("12w", "--days").text).toBe("12 weeks = 84 days");
    expect(parseDuration("36시간", "--days").text).toBe("36 hours = 1.5 days");
    expect(parseDuration("3mo", "--days").text).toBe("3 months = 90 days (a month counted as 30 days)");
    expect(parseDuration("2년", "--days").text).toBe("2 years = 730 days (a year counted as 365 days)");
  });

  const rejected = [
    "",
    "abc",
    "-3d",
    "0d",
    "0 days",
    "90",
    "3m",
    "90dys",
    "1e3d",
    "5 fortnights",
    "d",
    `${"9".repeat(400)}d`,
  ];
  it.each(rejected)("rejects %j with a message naming the flag and the value", (text) => {
    expect(() => parseDuration(text, "--days")).toThrow(UsageError);
    expect(() => parseDuration(text, "--days")).toThrow(new RegExp(`^invalid --days "${escape(text.slice(0, 57))}`));
  });

  it("lists the accepted forms", () => {
    expect(() => parseDuration("abc", "--days")).toThrow(
      'invalid --days "abc": expected a duration such as 90d, 90 days, 12w, 36h, 3mo, 2y, 2 years, 90일, 12주, 36시간, 3개월 or 2년',
    );
  });

  it("gives hints for a missing unit, an ambiguous m and a typo", () => {
    expect(() => parseDuration("90", "--days")).toThrow(/did you mean 90d\?/);
    expect(() => parseDuration("3m", "--days")).toThrow(/minutes or months: did you mean 3mo\?/);
    expect(() => parseDuration("90dys", "--days")).toThrow(/did you mean 90days\?/);
  });

  it("refuses zero, negative and overflowing durations", () => {
    expect(() => parseDuration("0d", "--days")).toThrow(/greater than zero/);
    expect(() => parseDuration("-3d", "--days")).toThrow(/greater than zero/);
    expect(() => parseDuration(`${"9".repeat(400)}d`, "--days")).toThrow(/too large/);
  });
});
