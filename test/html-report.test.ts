import { describe, expect, it } from "vitest";
import { estimateFromFlags } from "./helpers/job.js";
import type { Range } from "../src/model/range.js";
import {
  barLength,
  CHART_PLOT_WIDTH,
  escapeHtml,
  renderHtmlReport,
  reportFromEstimate,
  type ReportDocument,
  type ReportRow,
} from "../src/output/html-report.js";

const flat = (x: number): Range => ({ low: x, expected: x, high: x });

/** A row whose cost (₩) and wall-clock (days) are given; the rest follow from them. */
function row(label: string, costKrw: Range, wallDays: Range = flat(1)): ReportRow {
  return {
    label,
    description: `${label} row`,
    flops: 1e20,
    gpuHours: flat(100),
    wallDays,
    costKrw,
    costUsd: flat(costKrw.expected / 1439),
  };
}

function doc(rows: ReportRow[], extra: Partial<ReportDocument> = {}): ReportDocument {
  return {
    title: "Test report",
    subtitle: "unit test",
    rows,
    assumptions: [{ label: "Price", text: "$2.00 per GPU-hour" }],
    generatedBy: "llm-cost test",
    ...extra,
  };
}

/** The `attr` of every chart bar of one chart, in row order. */
function bars(html: string, chart: "cost" | "days", attr = "width"): number[] {
  const rects = [...html.matchAll(/<rect [^>]*>/g)].map((m) => m[0]).filter((r) => r.includes(`data-bar="${chart}"`));
  return rects.map((r) => Number(new RegExp(` ${attr}="([^"]*)"`).exec(r)?.[1]));
}

/** Tags open and close in order (void and self-closing elements aside): a cheap well-formedness check. */
function unbalancedTags(html: string): string[] {
  const voids = new Set(["meta", "br", "hr", "img", "input", "link"]);
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of html.replace(/<!doctype html>/i, "").matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const [, closing, rawName = "", selfClosing] = m;
    const name = rawName.toLowerCase();
    if (voids.has(name) || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}>`);
  }
  return [...problems, ...stack.map((t) => `<${t}> unclosed`)];
}

describe("renderHtmlReport", () => {
  it("escapes every text: a label with <script> appears as text", () => {
    const evil = `<script>alert("x")</script>`;
    const html = renderHtmlReport(
      doc([{ ...row(evil, flat(1e6)), description: `a & b <img onerror=x> 'q'` }], {
        title: `<b>title</b>`,
        subtitle: `"quoted" & <i>`,
        assumptions: [{ label: "<u>GPU</u>", text: "</dd><script>x</script>" }],
        notes: ["<em>note</em>"],
        generatedBy: `llm-cost "><script>`,
      }),
    );
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<u>|<em>/i);
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
    expect(html).toContain("a &#38; b &#60;img onerror=x&#62; &#39;q&#39;");
    expect(html).toContain("<title>&#60;b&#62;title&#60;/b&#62;</title>");
    expect(escapeHtml(`<&>"'`)).toBe("&#60;&#38;&#62;&#34;&#39;");
  });

  it("loads nothing: no src, href, @import, url() or script; a URL in the text stays text", () => {
    const html = renderHtmlReport(
      doc([row("a", flat(5e7))], { assumptions: [{ label: "Source", text: "https://example.com/prices" }] }),
    );
    for (const banned of ["src=", "href=", "@import", "url(", "<script", "<link", "<img", "<iframe", "<object"])
      expect(html).not.toContain(banned);
    expect(html.match(/https?:\/\//g)).toEqual(["https://"]);
    expect(html).toContain("<dd>https://example.com/prices</dd>");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it("is one well-formed page: doctype, lang, utf-8, title, one h1, table, two charts, assumptions", () => {
    const html = renderHtmlReport(doc([row("scratch", flat(4.02e6)), row("lora", flat(2.58e6))]));
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html.match(/<tbody>[\s\S]*<\/tbody>/)?.[0].match(/<tr>/g)).toHaveLength(2);
    expect(html).toContain("<dt>Price</dt><dd>$2.00 per GPU-hour</dd>");
    expect(html).toContain("402만 원");
    expect(unbalancedTags(html)).toEqual([]);
  });

  it("draws one bar per row in each chart", () => {
    const rows = [1, 2, 3, 4, 5, 6].map((i) => row(`s${i}`, flat(i * 1e7), flat(i)));
    const html = renderHtmlReport(doc(rows));
    expect(bars(html, "cost")).toHaveLength(6);
    expect(bars(html, "days")).toHaveLength(6);
    expect(bars(html, "cost", "data-row")).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("scales bars to the largest value: 100 and 25 → 400 and 100 units", () => {
    expect(CHART_PLOT_WIDTH).toBe(400);
    const html = renderHtmlReport(doc([row("big", flat(100), flat(2)), row("small", flat(25), flat(8))]));
    expect(bars(html, "cost")).toEqual([400, 100]);
    expect(bars(html, "days")).toEqual([100, 400]);
  });

  it("scales to the top of the widest whisker, so whiskers fit: expected 100 (high 200) and 50 → 200 and 100", () => {
    const html = renderHtmlReport(doc([row("wide", { low: 50, expected: 100, high: 200 }), row("narrow", flat(50))]));
    expect(bars(html, "cost")).toEqual([200, 100]);
    // Whisker from low 50 (100 units) to high 200 (400 units), after the 150-unit label column.
    expect(html).toContain('<path class="whisker" d="M250 25H550M250 20V30M550 20V30"/>');
  });

  it("never draws a zero-width bar for a value above zero, and no NaN or Infinity anywhere", () => {
    const html = renderHtmlReport(doc([row("huge", flat(1e12)), row("tiny", flat(1e-3)), row("zero", flat(0))]));
    expect(bars(html, "cost")).toEqual([400, 1, 0]);
    expect(barLength(1, 1e9)).toBe(1);
    expect(barLength(0, 0)).toBe(0);
    const broken = renderHtmlReport(
      doc([row("nan", flat(Number.NaN), flat(Number.POSITIVE_INFINITY)), row("zero", flat(0), flat(0))]),
    );
    expect(broken).not.toMatch(/NaN|Infinity/);
    expect(bars(broken, "cost")).toEqual([0, 0]);
    expect(broken).toContain("—");
  });

  it("shows memory per GPU and fit only when rows carry it", () => {
    expect(renderHtmlReport(doc([row("a", flat(1e6))]))).not.toContain("Memory/GPU");
    const html = renderHtmlReport(doc([{ ...row("a", flat(1e6)), memoryPerGpuGB: 95.3, fits: false }]));
    expect(html).toContain("95.3 GB");
    expect(html).toContain('<span class="too-big">too big</span>');
  });
});

describe("reportFromEstimate", () => {
  const report = estimateFromFlags({ params: "7B", tokens: "15B", gpus: "2xH100" });
  const d = reportFromEstimate(report, "llm-cost 0.1.0");

  it("has one row per strategy with the estimate's own numbers", () => {
    expect(d.rows.map((r) => r.label)).toEqual(["scratch", "dapt", "tapt", "sft", "lora", "qlora"]);
    for (const [i, e] of report.estimates.entries()) {
      expect(d.rows[i]?.costKrw).toEqual(e.costKrw);
      expect(d.rows[i]?.wallDays).toEqual(e.wallDays);
      expect(d.rows[i]?.memoryPerGpuGB).toBe(e.memory.perGpuGB);
    }
    expect(d.title).toBe("7B parameters × 15B tokens on 2 × H100");
  });

  it("lists the assumptions behind the numbers and renders a page with won amounts", () => {
    const labels = d.assumptions.map((a) => a.label);
    for (const label of ["GPU", "Price", "Exchange rate", "Memory"]) expect(labels).toContain(label);
    expect(labels.some((l) => l.startsWith("Efficiency ("))).toBe(true);
    const html = renderHtmlReport(d);
    expect(html).toMatch(/\d만 원/);
    expect(bars(html, "cost")).toHaveLength(6);
    expect(html).toContain("Made with llm-cost 0.1.0.");
    expect(unbalancedTags(html)).toEqual([]);
  });
});
