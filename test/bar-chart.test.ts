import { describe, expect, it } from "vitest";
import { displayWidth } from "../src/i18n/width.js";
import { renderBarChart, type BarChartRow } from "../src/output/bar-chart.js";

const lines = (chart: string): string[] => chart.replace(/\n$/, "").split("\n");

describe("renderBarChart", () => {
  it("scales bars to the largest value: 14 free cells → 100 fills 14, 50 fills 7", () => {
    // width 20 = label 1 + space + 14 cells + space + text 3 (the longest text, "100")
    const chart = renderBarChart(
      [
        { label: "a", value: 100, text: "100" },
        { label: "b", value: 50, text: "50" },
      ],
      { width: 20, title: "Cost", unicode: true },
    );
    expect(lines(chart)).toEqual(["Cost", `a ${"█".repeat(14)} 100`, `b ${"█".repeat(7)} 50`]);
  });

  it("draws eighths with partial blocks: 10% of 16 cells = 1.6 cells = █▋ (13 eighths)", () => {
    const rows: BarChartRow[] = [
      { label: "a", value: 100, text: "x" },
      { label: "b", value: 10, text: "y" },
    ];
    expect(lines(renderBarChart(rows, { width: 20, title: "t", unicode: true }))[2]).toBe("b █▋ y");
    const partials = renderBarChart(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ label: "r", value: n, text: "" })),
      { width: 4, title: "", unicode: true },
    );
    // width 4 = label 1 + space + 1 cell + space + empty text: n/8 of the cell is exactly n eighths
    expect(lines(partials).slice(1)).toEqual(["r ▏ ", "r ▎ ", "r ▍ ", "r ▌ ", "r ▋ ", "r ▊ ", "r ▉ ", "r █ "]);
  });

  it("falls back to # without unicode, rounding to whole cells", () => {
    const rows: BarChartRow[] = [
      { label: "a", value: 100, text: "x" },
      { label: "b", value: 10, text: "y" },
    ];
    const chart = renderBarChart(rows, { width: 20, title: "t", unicode: false });
    expect(lines(chart)).toEqual(["t", `a ${"#".repeat(16)} x`, "b ## y"]);
    expect(chart).not.toMatch(/[█▏▎▍▌▋▊▉]/);
  });

  it("pads labels to one column so bars start together, counting Hangul as two columns", () => {
    const chart = renderBarChart(
      [
        { label: "dapt", value: 2, text: "402만 원" },
        { label: "한국어", value: 1, text: "258만 원" },
      ],
      { width: 40, title: "Cost (₩)", unicode: true },
    );
    const [, first = "", second = ""] = lines(chart);
    expect(first.startsWith("dapt   █")).toBe(true);
    expect(second.startsWith("한국어 █")).toBe(true);
    expect(displayWidth("402만 원")).toBe(8);
    expect(displayWidth("한국어")).toBe(6);
  });

  it("keeps every line within the width, long Korean labels and amounts included", () => {
    const rows: BarChartRow[] = [
      { label: "한국어 도메인 적응 사전학습 (DAPT) 8×H100 spot 시나리오", value: 123_456_789, text: "1억 2,346만 원" },
      { label: "lora", value: 2_580_000, text: "258만 원" },
      { label: "scratch from random init, 2×H100 on-demand", value: 40_200_000, text: "4,020만 원" },
    ];
    for (const width of [24, 30, 40, 60, 80, 100, 120]) {
      for (const unicode of [true, false]) {
        for (const line of lines(
          renderBarChart(rows, { width, title: "Cost (₩) — expected, all scenarios compared side by side", unicode }),
        )) {
          expect(displayWidth(line)).toBeLessThanOrEqual(width);
        }
      }
    }
    const wide = lines(renderBarChart(rows, { width: 100, title: "Cost", unicode: true }));
    expect(wide[1]).toContain("1억 2,346만 원");
    expect(wide[1]).toMatch(/…/);
  });

  it("defaults to 100 columns", () => {
    const chart = renderBarChart([{ label: "a", value: 1, text: "1" }], { title: "t", unicode: true });
    expect(displayWidth(lines(chart)[1] ?? "")).toBe(100);
  });

  it("draws no bar for zero (or a broken value) and at least an eighth for any value above zero", () => {
    const chart = renderBarChart(
      [
        { label: "big", value: 1e9, text: "big" },
        { label: "tiny", value: 1, text: "tiny" },
        { label: "zero", value: 0, text: "0" },
        { label: "nan", value: Number.NaN, text: "?" },
      ],
      { width: 40, title: "t", unicode: true },
    );
    const [, , tiny, zero, nan] = lines(chart);
    expect(tiny).toBe("tiny ▏ tiny");
    expect(zero).toBe("zero 0");
    expect(nan).toBe("nan  ?");
    expect(
      renderBarChart(
        [
          { label: "z", value: 1, text: "1" },
          { label: "t", value: 1e-9, text: "0" },
        ],
        { width: 20, title: "", unicode: false },
      ),
    ).toContain("t # 0");
    expect(renderBarChart([{ label: "a", value: 0, text: "0" }], { width: 20, title: "all zero", unicode: true })).toBe(
      "all zero\na 0\n",
    );
    expect(renderBarChart([], { width: 20, title: "empty", unicode: true })).toBe("empty\n");
  });
});
