// Opens a rendered report in a real browser (a system Chromium through playwright-core): nothing
// fails to load, no console errors, every bar is drawn, won amounts are on the page. It also
// writes docs/report-screenshot.png, the picture in docs/commands.md. Chromium is found through
// CHROMIUM_PATH or the usual install paths (helpers/find-chromium.ts); without one the test is
// skipped and says why. CI installs it. The screenshot is not compared: glyphs depend on the machine's fonts.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Range } from "../src/model/range.js";
import { renderHtmlReport, type ReportDocument, type ReportRow } from "../src/output/html-report.js";
import { findChromium } from "./helpers/find-chromium.js";

const chromiumFound = findChromium();
const CHROMIUM = chromiumFound.path ?? "";
if (chromiumFound.reason) console.warn(`html-report.browser.test.ts skipped: ${chromiumFound.reason}`);
const SCREENSHOT = fileURLToPath(new URL("../docs/report-screenshot.png", import.meta.url));
const TIMEOUT = 60_000;

// 7B parameters × 300B tokens on 16 × H100 at $3.92 per GPU-hour and 1,439 KRW per USD: the
// README's 15B-token GPU-hours scaled by 20, so amounts run from 만 to 억.
const GPUS = 16;
const USD_PER_GPU_HOUR = 3.92;
const KRW_PER_USD = 1439;

function strategy(
  label: string,
  description: string,
  flops: number,
  low: number,
  expected: number,
  high: number,
  memoryPerGpuGB: number,
): ReportRow {
  const gpuHours: Range = { low: low * 20, expected: expected * 20, high: high * 20 };
  const map = (f: (h: number) => number): Range => ({
    low: f(gpuHours.low),
    expected: f(gpuHours.expected),
    high: f(gpuHours.high),
  });
  return {
    label,
    description,
    flops: flops * 20,
    gpuHours,
    wallDays: map((h) => h / GPUS / 24),
    costUsd: map((h) => h * USD_PER_GPU_HOUR),
    costKrw: map((h) => h * USD_PER_GPU_HOUR * KRW_PER_USD),
    memoryPerGpuGB,
    fits: memoryPerGpuGB <= 80,
  };
}

const DOC: ReportDocument = {
  title: "7B parameters × 300B tokens on 16 × H100",
  subtitle: "NVIDIA H100 SXM5 80GB · generic LLaMA-like shape · 한국어 말뭉치 300B 토큰",
  labelHeading: "Strategy",
  rows: [
    strategy(
      "scratch",
      "Pretraining from scratch: all weights from random init · MFU 25%",
      6.3e20,
      447,
      713,
      1242,
      38.2,
    ),
    strategy(
      "dapt",
      "도메인 적응 사전학습 (DAPT): continued pretraining on domain text · MFU 25%",
      6.3e20,
      447,
      713,
      1242,
      38.2,
    ),
    strategy(
      "tapt",
      "태스크 적응 사전학습 (TAPT): continued pretraining on task text · MFU 25%",
      6.3e20,
      447,
      713,
      1242,
      38.2,
    ),
    strategy(
      "sft",
      "Supervised fine-tuning (full): full fine-tuning on instructions · MFU 25%",
      6.3e20,
      442,
      707,
      1474,
      38.2,
    ),
    strategy("lora", "LoRA: adapters on a frozen bf16 base · MFU 26%", 4.24e20, 330, 458, 700, 21.7),
    strategy("qlora", "QLoRA: adapters on a frozen 4-bit base · MFU 23%", 4.24e20, 360, 517, 700, 12.9),
  ],
  assumptions: [
    { label: "GPU", text: "NVIDIA H100 SXM5 80GB: 989.4 TFLOPS dense bf16, 80 GB; 16 GPUs" },
    {
      label: "Efficiency (scratch, dapt, tapt)",
      text: "MFU 25% (range 14%–40%): median whole-run MFU of published Hopper full runs",
    },
    {
      label: "Price",
      text: "$3.92 per GPU-hour: median over providers of each provider's lowest current on-demand offer; dated 2026-01-21..2026-10-19",
    },
    { label: "Exchange rate", text: "1,439 KRW per USD (2025-12-30; Seoul close, source https://www.kbs.co.kr)" },
  ],
  notes: [],
  generatedBy: "llm-cost 0.1.0",
};

describe.skipIf(!chromiumFound.path)("HTML report in Chromium", () => {
  let browser: Browser | undefined;
  let dir = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "llm-cost-report-"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    "loads with no errors or requests, draws every bar, shows won amounts; writes the README screenshot",
    async () => {
      const file = join(dir, "report.html");
      writeFileSync(file, renderHtmlReport(DOC));
      const url = pathToFileURL(file).href;
      if (!browser) throw new Error("chromium did not start");
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      const failed: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => requests.push(r.url()));
      page.on("requestfailed", (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? "?"}`));

      await page.goto(url, { waitUntil: "load" });

      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      expect(requests).toEqual([url]); // the page itself, nothing else
      expect(await page.title()).toBe(DOC.title);
      expect(await page.locator("h1").textContent()).toBe(DOC.title);

      const bars = await page.locator("svg rect[data-bar]").all();
      expect(bars).toHaveLength(DOC.rows.length * 2);
      for (const bar of bars) {
        const box = await bar.boundingBox();
        expect(box?.width).toBeGreaterThan(0);
        expect(box?.height).toBeGreaterThan(0);
      }

      const text = (await page.locator("body").textContent()) ?? "";
      expect(text).toMatch(/\d억/);
      expect(text).toMatch(/\d만/);
      expect(text).not.toMatch(/NaN|Infinity|undefined/);
      // The layout fits the viewport: no sideways scrolling on a laptop-sized window.
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(1100);

      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(existsSync(SCREENSHOT)).toBe(true);
      await page.close();
    },
    TIMEOUT,
  );
});
