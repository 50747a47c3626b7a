import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDuration,
  formatDurationKo,
  formatKrw,
  formatKrwShort,
  formatSci,
  formatUsd,
} from "../src/output/format.js";

describe("formatKrw (억/만)", () => {
  const cases: Array<[number, string]> = [
    [0, "0 원"],
    [1, "1 원"],
    [4321, "4,321 원"],
    [9999.6, "1만 원"],
    [10_000, "1만 원"],
    [21_600_000, "2,160만 원"],
    [100_000_000, "1억 원"],
    [250_000_000, "2억 5,000만 원"],
    [300_000_000, "3억 원"],
    [199_996_000, "2억 원"],
    [1_234_567_890, "12억 3,457만 원"],
    [1e12, "1조 원"],
    [1.2e12, "1조 2,000억 원"],
    [3.5e15, "3,500조 원"],
  ];
  it.each(cases)("%d won → %s", (won, text) => expect(formatKrw(won)).toBe(text));
  it("short form for ranges", () => {
    expect(formatKrwShort(18_700_000)).toBe("1,870만");
    expect(formatKrwShort(250_000_000)).toBe("2.5억");
    expect(formatKrwShort(1.23e12)).toBe("1.23조");
  });
  it("refuses negative and non-finite amounts instead of printing them", () => {
    expect(() => formatKrw(-1)).toThrow(RangeError);
    expect(() => formatKrw(Number.NaN)).toThrow(RangeError);
  });
});

describe("other formats", () => {
  it("scientific FLOPs", () => {
    expect(formatSci(6.3e20)).toBe("6.3e20");
    expect(formatSci(6.0646e20)).toBe("6.06e20");
    expect(formatSci(1000)).toBe("1e3");
  });
  it("counts", () => {
    expect(formatCount(6_738_415_616)).toBe("6.74B");
    expect(formatCount(175e6)).toBe("175M");
    expect(formatCount(1.5e12)).toBe("1.5T");
    expect(formatCount(999)).toBe("999");
  });
  it("dollars", () => {
    expect(formatUsd(1060.2)).toBe("$1,060");
    expect(formatUsd(12_345_678)).toBe("$12.3M");
    expect(formatUsd(0.004)).toBe("$0.00");
  });
  it("durations pick a readable unit and are never negative", () => {
    expect(formatDuration(730)).toBe("730 d");
    expect(formatDuration(8.87)).toBe("8.9 d");
    expect(formatDuration(0.25)).toBe("6 h");
    expect(formatDuration((1 / 24 / 60) * 12)).toBe("12 min");
    expect(formatDuration(3 / 86400)).toBe("3 s");
  });
});

describe("Korean durations (약 = about)", () => {
  const cases: Array<[number, string]> = [
    [8.868, "약 8.9일"],
    [14.86, "약 15일"],
    // Two years read in years, not "약 730일" (issue #14: the largest unit that reads naturally).
    [730, "약 2년"],
    [0.25, "약 6시간"],
    [12 / 1440, "약 12분"],
    [3 / 86400, "약 3초"],
  ];
  it.each(cases)("%d days → %s", (days, text) => expect(formatDurationKo(days)).toBe(text));
});
