import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleControls } from "../src/cli/run.js";
import { markdownText } from "../src/output/estimate-markdown.js";
import { GOOD_CONFIG } from "./helpers/fuzz-argv.js";
import { CONTROL, expectHandled, expectRefused, measure } from "./helpers/hostile.js";

// Issue 16, class 3: text from config, scenario and trainer files never drives the terminal, and
// never breaks a Markdown table or list.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llm-cost-hostile-injection-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown): string => {
  writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  return name;
};

/** Sequences a hostile name may carry: window title, colour, clear screen, cursor moves, C1 CSI, NUL, line breaks. */
const SEQUENCES = [
  "\u001b]0;pwned\u0007",
  "\u001b[31m",
  "\u001b[2J\u001b[H",
  "\u001b[1A\u001b[2K",
  "\u009b31m",
  "\u0000",
  "\r",
  "x\n- fake list item",
  "\t",
  "\u007f",
];

describe("config and scenario text with control characters is refused, naming the field", () => {
  const gpu = GOOD_CONFIG.gpuSpecs[0]!;
  const price = GOOD_CONFIG.prices[1]!;
  it.each(SEQUENCES.map((s) => [JSON.stringify(s), s]))("%s", async (_shown, seq) => {
    const configs: Array<[object, RegExp]> = [
      [{ gpuSpecs: [{ ...gpu, name: `GPU${seq}` }] }, /gpuSpecs\[0\]\.name: control characters/],
      [{ gpuSpecs: [{ ...gpu, source: `src${seq}` }] }, /gpuSpecs\[0\]\.source: control characters/],
      [{ gpuSpecs: [{ ...gpu, aliases: [`a${seq}`] }] }, /gpuSpecs\[0\]\.aliases\[0\]: control characters/],
      [{ prices: [{ ...price, providerName: `p${seq}` }] }, /prices\[0\]\.providerName: control characters/],
      [{ prices: [{ ...price, region: `r${seq}` }] }, /prices\[0\]\.region: control characters/],
      [{ fx: { krwPerUsd: 1400, date: "2026-01-01", source: `s${seq}` } }, /fx\.source: control characters/],
      [{ models: [{ ...GOOD_CONFIG.models[0], name: `m${seq}` }] }, /models\[0\]\.name: control characters/],
    ];
    for (const [config, says] of configs)
      expectRefused(
        await measure(
          ["estimate", "--params", "7B", "--tokens", "1B", "--gpus", "H100", "--config", write("c.json", config)],
          dir,
        ),
        says,
      );
    const scenario = { id: "x", title: `T${seq}`, params: 7e9, strategy: "dapt", tokens: "1B", gpus: "H100" };
    for (const command of ["scenarios", "compare"])
      expectRefused(
        await measure([command, write("s.json", [scenario])], dir),
        /s\.json: \[0\]\.title: control characters/,
      );
  });
});

describe("trainer YAML text reaches the output visibly escaped", () => {
  it.each(SEQUENCES.filter((s) => !s.includes("\n") && !s.includes("\r")).map((s) => [JSON.stringify(s), s]))(
    "%s in module, adapter and optimizer names and in ignored keys",
    async (_shown, seq) => {
      const q = JSON.stringify(`evil${seq}`);
      const yaml = write(
        "a.yaml",
        `base_model: meta-llama/Llama-2-7b-hf\nadapter: ${q}\nlora_target_modules: [q_proj, ${q}]\noptimizer: ${q}\n${q}: 1\n`,
      );
      for (const format of ["table", "markdown", "csv"]) {
        const outcome = await measure(
          ["estimate", "--from", yaml, "--tokens", "1B", "--gpus", "H100", "--format", format],
          dir,
        );
        expectHandled(outcome);
        expect(outcome.code).toBe(0);
        expect(CONTROL.test(outcome.stdout.replace(/\r\n/g, "\n"))).toBe(false);
        expect(CONTROL.test(outcome.stderr)).toBe(false);
      }
    },
  );
});

describe("the output's last line of defence", () => {
  it("keeps colours, tabs and line breaks, and shows every other control character", () => {
    expect(visibleControls("\u001b[31mred\u001b[39m\tx\r\n")).toBe("\u001b[31mred\u001b[39m\tx\r\n");
    expect(visibleControls("a\u001b]0;t\u0007b")).toBe("a\\u001b]0;t\\u0007b");
    expect(visibleControls("\u009b2J\u0000")).toBe("\\u009b2J\\u0000");
  });
});

describe("--format markdown escapes names and sources", () => {
  it.each([
    ["a|b", "a\\|b"],
    ["*bold* _it_", "\\*bold\\* \\_it\\_"],
    ["[link](http://x)", "\\[link\\](http://x)"],
    ["<script>", "\\<script\\>"],
    ["`code`", "\\`code\\`"],
    ["# heading", "\\# heading"],
    ["a\\b", "a\\\\b"],
    ["line\n- item", "line - item"],
  ])("%j → %j", (text, escaped) => {
    expect(markdownText(text)).toBe(escaped);
  });

  it("a GPU name, a provider and sources with | keep the table's columns", async () => {
    const config = write("c.json", {
      gpuSpecs: [{ ...GOOD_CONFIG.gpuSpecs[0], name: "GPU | with | pipes", source: "a|b" }],
      prices: [{ gpu: "h100-500w", usdPerGpuHour: 2, providerName: "prov|x", date: "2026-01-01", source: "s|t" }],
      fx: { krwPerUsd: 1400, date: "2026-01-01", source: "fx | *src*" },
    });
    const outcome = await measure(
      [
        "estimate",
        "--params",
        "7B",
        "--tokens",
        "1B",
        "--gpus",
        "h100-500w",
        "--config",
        config,
        "--format",
        "markdown",
      ],
      dir,
    );
    expect(outcome.stderr).toBe("");
    const rows = outcome.stdout.split("\n").filter((l) => l.startsWith("|"));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length).toBe(11);
    expect(outcome.stdout).toContain("- GPU: GPU \\| with \\| pipes,");
    expect(outcome.stdout).toContain('offer "prov\\|x"');
    expect(outcome.stdout).toContain("fx \\| \\*src\\*");
  });
});
