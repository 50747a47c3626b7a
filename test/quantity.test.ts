import { msg } from "../src/i18n/message.js";
import { describe, expect, it } from "vitest";
import { LIMITS, parseCount, parseFraction, parsePositiveNumber } from "../src/job/values/quantity.js";
import { UsageError } from "../src/errors.js";

describe("parseCount", () => {
  const accepted: Array<[string, number]> = [
    ["7B", 7e9],
    ["6.7b", 6.7e9],
    ["175M", 175e6],
    ["1.5T", 1.5e12],
    ["15k", 15e3],
    ["7e9", 7e9],
    ["7E9", 7e9],
    ["7000000000", 7e9],
    ["7_000_000_000", 7e9],
    ["7,000,000,000", 7e9],
    [" 15B ", 15e9],
    ["1", 1],
    ["1.5e3k", 1.5e6],
    ["0.5B", 5e8],
  ];
  it.each(accepted)("accepts %s", (text, value) => {
    expect(parseCount(text, "--params")).toBeCloseTo(value, 0);
  });

  const rejected = [
    "",
    "abc",
    "7X",
    "-7B",
    "0",
    "0B",
    "0.5",
    "1e400",
    "7 B B",
    "B7",
    "NaN",
    "Infinity",
    "7..5B",
    "1e-3",
  ];
  it.each(rejected)("rejects %j with a message naming the flag and the value", (text) => {
    expect(() => parseCount(text, "--tokens")).toThrow(UsageError);
    expect(() => parseCount(text, "--tokens")).toThrow(
      new RegExp(`--tokens "${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`),
    );
  });
});

describe("parseFraction", () => {
  it("reads plain fractions and percentages", () => {
    expect(parseFraction("0.4", "--mfu")).toBe(0.4);
    expect(parseFraction("40%", "--mfu")).toBe(0.4);
    expect(parseFraction("1", "--mfu")).toBe(1);
  });
  it.each(["0", "1.01", "-0.3", "abc", "150%", ""])("rejects %j", (text) => {
    expect(() => parseFraction(text, "--mfu")).toThrow(/invalid --mfu/);
  });
});

describe("parsePositiveNumber", () => {
  it("reads prices and rates", () => {
    expect(parsePositiveNumber("2.49", "--price", msg("what.price"), LIMITS.usdPerGpuHour)).toBe(2.49);
    expect(parsePositiveNumber("1,439", "--fx", msg("what.price"), LIMITS.krwPerUsd)).toBe(1439);
  });
  it.each(["0", "-1", "x", "1e999", "2e98", "10001"])("rejects %j as a price", (text) => {
    expect(() => parsePositiveNumber(text, "--price", msg("what.price"), LIMITS.usdPerGpuHour)).toThrow(
      /invalid --price/,
    );
  });
  it("keeps bytes per token within what tokenizers give", () => {
    expect(() => parsePositiveNumber("7e-312", "--bytes-per-token", msg("what.price"), LIMITS.bytesPerToken)).toThrow(
      /at least 0\.1/,
    );
  });
});

describe("limits", () => {
  it("a count above 1e18 (or --params above 1e15) is refused, not overflowed", () => {
    expect(parseCount("1e18", "--tokens")).toBe(1e18);
    expect(() => parseCount("1.1e18", "--tokens")).toThrow(/too large: at most 1e\+18/);
    expect(() => parseCount("1e300", "--params", LIMITS.params)).toThrow(/too large: at most 1e\+15/);
  });
});
