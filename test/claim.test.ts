import { describe, expect, it } from "vitest";
import { render } from "../src/i18n/render.js";
import { judgedText } from "../src/job/check-claim.js";
import { impliedMfu, judge, judgeMfu, publishedContext, timesApart } from "../src/model/claim.js";
import type { Judgement } from "../src/model/claim.js";

// The model judges; the words are the catalogue's, rendered per language at the edge.
const verdictText = (j: Judgement, lang: "en" | "ko" = "en"): string => render(judgedText(j), lang);

describe("implied efficiency", () => {
  it("the seed's '2 years on 2 H100s' for 7B × 15B tokens implies MFU 0.50%", () => {
    // 6 × 7e9 × 15e9 = 6.3e20 FLOPs; 989.4e12 × 2 × 730 × 86,400 = 1.24807e23 FLOP-seconds of peak
    // 6.3e20 / 1.24807e23 = 0.0050478
    expect(impliedMfu(6.3e20, 989.4, 2, 730)).toBeCloseTo(0.0050478, 6);
  });

  it("the same job in 7 days implies MFU 52.6%", () => {
    // 989.4e12 × 2 × 7 × 86,400 = 1.19678e21; 6.3e20 / 1.19678e21 = 0.52641
    expect(impliedMfu(6.3e20, 989.4, 2, 7)).toBeCloseTo(0.52641, 4);
  });
});

describe("verdicts", () => {
  const hopper = { low: 0.248 / 1.742, high: 0.396 }; // 0.14237–0.396: the default range for 2 H100s

  it("below the range is pessimistic for an efficiency, by low / value", () => {
    // 0.14237 / 0.0050478 = 28.20
    const j = judge(0.0050478, hopper, "higher");
    expect(j.verdict).toBe("pessimistic");
    expect(j.factor).toBeCloseTo(28.2, 1);
    expect(verdictText(j)).toBe("pessimistic by ×28");
    expect(verdictText(j, "ko")).toBe("비관적 (×28)");
  });

  it("above the range is optimistic for an efficiency, by value / high", () => {
    // 0.52641 / 0.396 = 1.3293
    const j = judge(0.52641, hopper, "higher");
    expect(j).toEqual({ verdict: "optimistic", factor: expect.closeTo(1.3293, 3) });
    expect(verdictText(j)).toBe("optimistic by ×1.3");
    expect(verdictText(j, "ko")).toBe("낙관적 (×1.3)");
  });

  it("inside the range (ends included) is plausible with factor 1", () => {
    expect(judge(0.25, hopper, "higher")).toEqual({ verdict: "plausible", factor: 1 });
    expect(judge(0.396, hopper, "higher")).toEqual({ verdict: "plausible", factor: 1 });
  });

  it("for a cost the sides swap: too low is optimistic, too high pessimistic", () => {
    expect(judge(50, { low: 100, high: 150 }, "lower")).toEqual({ verdict: "optimistic", factor: 2 });
    expect(judge(300, { low: 100, high: 150 }, "lower")).toEqual({ verdict: "pessimistic", factor: 2 });
  });

  it("an MFU above 1 is impossible", () => {
    // 1.2 / 0.4 = 3
    expect(judgeMfu(1.2, { low: 0.1, high: 0.4 })).toEqual({ verdict: "impossible", factor: expect.closeTo(3, 9) });
  });

  it("timesApart is symmetric and at least 1", () => {
    expect(timesApart(0.248, 0.0050478)).toBeCloseTo(49.13, 2); // 0.248 / 0.0050478
    expect(timesApart(2, 8)).toBe(4);
  });
});

describe("published context", () => {
  it("min, median, max and how many runs are below", () => {
    expect(publishedContext([0.3, 0.1, 0.4, 0.2], 0.25)).toEqual({
      runs: 4,
      min: 0.1,
      median: 0.25,
      max: 0.4,
      below: 2,
    });
  });
});
