import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHEET_COLUMNS } from "../src/output/sheet.js";
import { cli } from "./helpers/cli.js";
import { INVOCATIONS, isSheetNumber, MATRIX, parseDelimited } from "./helpers/command-matrix.js";

// ANSI escapes: a machine format or a piped table never carries them.
const ANSI = /\u001b\[/;

/** Columns of the shared schema that hold numbers (label, model, strategy, gpu, provider and fits do not). */
const NUMERIC = SHEET_COLUMNS.filter((c) => !["label", "model", "strategy", "gpu", "provider", "fits"].includes(c));

/** A machine format parses; a human one has its shape. Returns the parsed rows for CSV and TSV. */
function checkFormat(format: string, stdout: string): string[][] | undefined {
  expect(stdout).not.toMatch(ANSI);
  switch (format) {
    case "json":
      expect(() => JSON.parse(stdout)).not.toThrow();
      return undefined;
    case "csv":
    case "tsv": {
      const rows = parseDelimited(stdout, format);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
      return rows;
    }
    case "markdown":
      expect(stdout).toMatch(/^\|.*\|$/m);
      return undefined;
    case "html":
      expect(stdout).toMatch(/^<!doctype html>/);
      return undefined;
    default:
      expect(stdout.trim().length).toBeGreaterThan(0);
      return undefined;
  }
}

describe("every command × every format × both languages (in process)", () => {
  it.each(MATRIX.map((m) => [m.argv.join(" "), m] as const))("%s", async (_name, m) => {
    const r = await cli(m.argv);
    expect(r.stderr.split("\n").filter((l) => l && !l.startsWith("llm-cost: "))).toEqual([]);
    expect(r.status, r.stderr).toBe(0);
    const rows = checkFormat(m.format, r.stdout);
    // In the rows of jobs, numbers in the shared columns are numbers every spreadsheet reads as numbers.
    if (rows && ["estimate", "compare", "plan", "check"].includes(m.command)) {
      const header = rows[0]!;
      for (const column of NUMERIC) {
        const i = header.indexOf(column);
        if (i < 0) continue;
        for (const row of rows.slice(1))
          if (row[i] !== "") expect(isSheetNumber(row[i]!), `${column}=${row[i]}`).toBe(true);
      }
    }
  });
});

describe("one spreadsheet from several commands", () => {
  it("estimate, compare and plan CSV share the schema's columns, in order, and stack into one table", async () => {
    const parts = await Promise.all([
      cli([...INVOCATIONS.estimate, "--format", "csv", "--label", "estimate"]),
      cli([...INVOCATIONS.compare, "--format", "csv", "--label", "compare", "--no-header"]),
      cli([...INVOCATIONS.plan, "--format", "csv", "--label", "plan", "--no-header"]),
      cli([...INVOCATIONS.compare, "--format", "csv"]),
      cli([...INVOCATIONS.plan, "--format", "csv"]),
      cli([...INVOCATIONS.check, "--format", "csv"]),
    ]);
    for (const p of parts) expect(p.status, p.stderr).toBe(0);
    const headers = [parts[0]!, parts[3]!, parts[4]!, parts[5]!].map((p) => parseDelimited(p.stdout, "csv")[0]!);
    // Each command's header starts with every column of the shared schema, in the schema's order.
    for (const header of headers) expect(header.slice(0, SHEET_COLUMNS.length)).toEqual([...SHEET_COLUMNS]);
    // Appending with --no-header puts every row under the first header: one table.
    const sheet = parseDelimited(parts[0]!.stdout + parts[1]!.stdout + parts[2]!.stdout, "csv");
    const header = sheet[0]!;
    const body = sheet.slice(1);
    expect(new Set(body.map((r) => r[0]))).toEqual(new Set(["estimate", "compare", "plan"]));
    // 6 strategies + 2 scenarios + 2 plans per ranking × 2 rankings.
    expect(body).toHaveLength(6 + 2 + 4);
    for (const column of NUMERIC) {
      const i = header.indexOf(column);
      for (const row of body) if (row[i] !== "") expect(isSheetNumber(row[i]!), `${column}=${row[i]}`).toBe(true);
    }
    const flops = header.indexOf("flops");
    // 6 × 7e9 × 15e9 = 6.3e20: exponent form, never a 21-digit integer.
    expect(body[0]![flops]).toBe("6.3e+20");
  });
  it("--label names the run in JSON too; --no-header drops only the header", async () => {
    const json = JSON.parse((await cli([...INVOCATIONS.estimate, "--format", "json", "--label", "run-1"])).stdout);
    expect(json.label).toBe("run-1");
    const withHeader = (await cli([...INVOCATIONS.estimate, "--format", "tsv"])).stdout.split("\n");
    const without = (await cli([...INVOCATIONS.estimate, "--format", "tsv", "--no-header"])).stdout.split("\n");
    expect(without).toEqual(withHeader.slice(1));
  });
});

describe("--out writes the format its extension names", () => {
  it.each([
    ["x.csv", /^label,model,params,/],
    ["x.tsv", /^label\tmodel\tparams\t/],
    ["x.json", /^\{\n {2}"schemaVersion": 1/],
    ["x.md", /^### 7B parameters/],
    ["x.html", /^<!doctype html>/],
    ["x.txt", /┌/],
  ])("%s", async (file, shape) => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-out-"));
    const r = await cli([...INVOCATIONS.estimate, "--out", file], {}, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, file), "utf8")).toMatch(shape);
  });
  it("a --format that contradicts the extension is refused, and nothing is written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-out-"));
    const r = await cli([...INVOCATIONS.estimate, "--out", "x.csv", "--format", "json"], {}, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'llm-cost: invalid --format "json": --out x.csv is csv; drop --format or give a file ending in .json\n',
    );
  });
});
