import { describe, expect, it } from "vitest";
import { parseMoney } from "../src/job/values/money.js";
import { UsageError } from "../src/errors.js";

const FX = 1439;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("parseMoney: won", () => {
  // Worked by hand: 억 = 10^8, 만 = 10^4, 천 = 10^3, 조 = 10^12.
  const accepted: Array<[string, number]> = [
    ["3억", 300_000_000],
    ["2.5억", 250_000_000],
    ["5000만", 50_000_000],
    ["2억5000만", 250_000_000], // 2 × 10^8 + 5,000 × 10^4
    ["2억 5000만", 250_000_000],
    ["2억5천만", 250_000_000], // 2 × 10^8 + 5 × 10^3 × 10^4
    ["1조", 1_000_000_000_000],
    ["₩300,000,000", 300_000_000],
    ["300000000원", 300_000_000],
    ["300,000,000 KRW", 300_000_000],
    ["300,000,000 krw", 300_000_000],
    ["KRW 300,000,000", 300_000_000],
    ["3억 원", 300_000_000],
    ["3억원", 300_000_000],
    ["₩3억", 300_000_000],
    ["5천만", 50_000_000],
    ["천만 원", 10_000_000], // 1 × 10^3 × 10^4: a unit with no number counts once
    ["만 원", 10_000],
    ["3천5백만", 35_000_000], // (3,000 + 500) × 10^4
    ["1조 2000억", 1_200_000_000_000],
    ["1억 2345만 6789원", 123_456_789],
    ["5,000만", 50_000_000],
    [" 3억 ", 300_000_000],
  ];
  it.each(accepted)("reads %s as %d won", (text, won) => {
    const money = parseMoney(text, "--budget", FX);
    expect(money.currency).toBe("KRW");
    expect(money.krw).toBe(won);
    expect(money.usd).toBeCloseTo(won / FX, 6);
  });

  it("converts won to dollars at the given rate", () => {
    // 300,000,000 / 1,439 = 208,478.1098…: 1,439 × 208,478 = 299,999,842, remainder 158.
    expect(parseMoney("3억", "--budget", FX).usd).toBeCloseTo(208_478.11, 2);
  });

  it("restates the amount in full with the conversion", () => {
    // 250,000,000 / 1,439 = 173,731.76 → $173,732.
    expect(parseMoney("2억5000만", "--budget", FX).text).toBe("₩250,000,000 (= $173,732 at 1,439 KRW/USD)");
  });
});

describe("parseMoney: dollars", () => {
  const accepted: Array<[string, number, number]> = [
    ["$40k", 40_000, 57_560_000], // 40,000 × 1,439
    ["40000usd", 40_000, 57_560_000],
    ["40,000 USD", 40_000, 57_560_000],
    ["$1.2M", 1_200_000, 1_726_800_000], // 1,200,000 × 1,439
    ["$40,000", 40_000, 57_560_000],
    ["US$40k", 40_000, 57_560_000],
    ["USD 40000", 40_000, 57_560_000],
    ["40k USD", 40_000, 57_560_000],
    ["$1.5B", 1_500_000_000, 2_158_500_000_000],
    ["$2.5", 2.5, 3_597.5],
  ];
  it.each(accepted)("reads %s as $%d = %d won", (text, usd, won) => {
    const money = parseMoney(text, "--budget", FX);
    expect(money.currency).toBe("USD");
    expect(money.usd).toBe(usd);
    expect(money.krw).toBeCloseTo(won, 4);
  });

  it("restates the amount in full with the conversion", () => {
    expect(parseMoney("$40k", "--budget", FX).text).toBe("$40,000 (= ₩57,560,000 at 1,439 KRW/USD)");
    expect(parseMoney("$2.5", "--budget", FX).text).toBe("$2.5 (= ₩3,598 at 1,439 KRW/USD)");
  });

  it("uses the rate it is given", () => {
    expect(parseMoney("$1k", "--budget", 1300).krw).toBe(1_300_000);
  });
});

describe("parseMoney: rejected forms", () => {
  const rejected = [
    "",
    "   ",
    "-3억",
    "-$5",
    "$-5",
    "0원",
    "$0",
    "0억",
    "abc",
    "3억억",
    "5000만 2억",
    "2억15000만",
    "3억 5000",
    "5$",
    "1e999억",
    "$1e999",
    "300000000",
    "40000",
    "₩5 USD",
    "300M원",
    "$40x",
    "3 5억",
    "원",
    "$",
  ];
  it.each(rejected)("rejects %j with a message naming the flag and the value", (text) => {
    expect(() => parseMoney(text, "--budget", FX)).toThrow(UsageError);
    expect(() => parseMoney(text, "--budget", FX)).toThrow(new RegExp(`^invalid --budget "${escape(text)}"`));
  });

  it("lists every accepted form for an unreadable amount", () => {
    expect(() => parseMoney("abc", "--budget", FX)).toThrow(
      'invalid --budget "abc": expected an amount such as 3억, 2.5억, 5000만, 2억5000만, 2억 5000만, 2억5천만, 1조, ' +
        "₩300,000,000, 300000000원, 300,000,000 KRW, $40k, $1.2M, 40000usd or 40,000 USD",
    );
  });

  it("asks for a currency when the number has none", () => {
    expect(() => parseMoney("300000000", "--budget", FX)).toThrow(/did you mean 300000000원 or \$300000000\?/);
  });

  it("says where the $ goes", () => {
    expect(() => parseMoney("5$", "--budget", FX)).toThrow(/the \$ goes first: did you mean \$5\?/);
  });

  it("explains a repeated or out-of-order unit", () => {
    expect(() => parseMoney("3억억", "--budget", FX)).toThrow(/억 appears twice/);
    expect(() => parseMoney("5000만 2억", "--budget", FX)).toThrow(/억 comes after 만/);
    expect(() => parseMoney("2억15000만", "--budget", FX)).toThrow(/15,000만 is 1억 or more/);
  });

  it("says won takes no SI suffix", () => {
    expect(() => parseMoney("300M원", "--budget", FX)).toThrow(/won takes no k\/M\/B suffix/);
  });

  it("suggests 만 for a trailing plain number", () => {
    expect(() => parseMoney("3억 5000", "--budget", FX)).toThrow(/did you mean 3억 5000만\?/);
  });

  it("says zero and negative amounts must be above zero", () => {
    expect(() => parseMoney("0원", "--budget", FX)).toThrow(/greater than zero/);
    expect(() => parseMoney("-3억", "--budget", FX)).toThrow(/greater than zero/);
  });

  it("says an overflowing amount is too large", () => {
    expect(() => parseMoney("1e999억", "--budget", FX)).toThrow(/too large/);
  });

  it("treats a bad exchange rate as a bug, not user input", () => {
    expect(() => parseMoney("3억", "--budget", 0)).toThrow(RangeError);
  });
});
