import { loadCatalog } from "../src/catalog/load.js";
import { Chalk } from "chalk";
import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { estimateFromFlags } from "./helpers/job.js";
import { buildPlan } from "../src/job/plan-job.js";
import { specFrom } from "../src/job/spec-from-flags.js";
import { type Align, type BoxRow, type BoxTable, drawDirectly, renderBoxTable } from "../src/output/box-table.js";
import { renderEstimateTable } from "../src/output/estimate-table.js";
import { renderPlan } from "../src/output/plan-output.js";

// renderBoxTable draws the estimate and plan tables without cli-table3 when it can measure every
// character exactly as cli-table3 does, and hands any other table to cli-table3. Either way the
// text must be cli-table3's own, byte for byte: cli-table3 with the same options is the oracle.

/** Every table renderBoxTable draws, recorded, so the tests can check which path each one took. */
const drawn = vi.hoisted(() => [] as BoxTable[]);
vi.mock("../src/output/box-table.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/output/box-table.js")>();
  return {
    ...real,
    renderBoxTable: (table: BoxTable) => {
      drawn.push(table);
      return real.renderBoxTable(table);
    },
  };
});

function cliTable3({ head, colAligns, rows }: BoxTable): string {
  const table = new Table({ head, colAligns, style: { head: [], border: [], compact: true } });
  table.push(...rows);
  return table.toString();
}

const paint = new Chalk({ level: 1 });
/** Text as the commands write it (ASCII, Hangul, the punctuation they use), sometimes painted. */
const plainChar = fc.constantFrom(..."ab Z09.,%$()/-_:;'", ..."만원억조가힣", ..."–—·×…₩→≤≥−", "é", "\u00a0");
/** Characters the direct path leaves to cli-table3: emoji, ©, CJK, combining and zero-width marks, a tab. */
const oddChar = fc.constantFrom("🚀", "😀", "©", "中", "\u0301", "\u200b", "\t", "\u{1f1f0}\u{1f1f7}");
const word = fc.oneof(
  { weight: 60, arbitrary: fc.string({ unit: plainChar, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(plainChar, oddChar), maxLength: 6 }) },
);
const painted = fc
  .tuple(word, fc.constantFrom("bold", "dim", "green", "red", "none"))
  .map(([text, style]) => (style === "none" ? text : paint[style](text)));
/** A cell: one to three lines; a few carry an escape that cli-table3 treats specially (left open). */
const cellText = fc.oneof(
  { weight: 150, arbitrary: fc.array(painted, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")) },
  { weight: 1, arbitrary: painted.map((text) => `\u001b[1m${text}`) },
  { weight: 1, arbitrary: painted.map((text) => `\u001b[32m${text}\n${text}\u001b[39m`) },
);

const tables: fc.Arbitrary<BoxTable> = fc.integer({ min: 1, max: 7 }).chain((columns) =>
  fc.record({
    head: fc.array(painted, { minLength: columns, maxLength: columns }),
    colAligns: fc.array(fc.constantFrom<Align>("left", "right", "center"), { minLength: columns, maxLength: columns }),
    rows: fc.array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.array(cellText, { minLength: columns, maxLength: columns }) as fc.Arbitrary<BoxRow>,
        },
        { weight: 1, arbitrary: cellText.map((content) => [{ colSpan: columns, content }] as BoxRow) },
      ),
      { minLength: 1, maxLength: 8 },
    ),
  }),
);

describe("renderBoxTable", () => {
  it("draws exactly what cli-table3 draws, on either path", () => {
    let direct = 0;
    fc.assert(
      fc.property(tables, (table) => {
        const expected = cliTable3(table);
        const fast = drawDirectly(table);
        if (fast !== undefined) {
          direct++;
          expect(fast).toBe(expected);
        }
        expect(renderBoxTable(table)).toBe(expected);
      }),
      { seed: 0xb0c5, numRuns: 2000 },
    );
    expect(direct).toBeGreaterThan(600); // the direct path is exercised, not only the fallback
  });

  it("draws the estimate and plan tables directly, in English and Korean, with and without colour", async () => {
    drawn.length = 0;
    const report = estimateFromFlags({ params: "7B", tokens: "15B", gpus: "2xH100" });
    for (const lang of ["en", "ko"] as const) {
      for (const level of [0, 1] as const)
        renderEstimateTable(report, new Chalk({ level }), { lang, currency: "both" });
    }
    const plan = buildPlan(
      specFrom({ params: "7B", tokens: "15B", strategy: "dapt" }, {}),
      { deadline: "7d", top: "5" },
      loadCatalog(),
    );
    renderPlan(plan, new Chalk({ level: 1 }));
    expect(drawn.length).toBeGreaterThanOrEqual(6);
    for (const table of drawn) {
      expect(drawDirectly(table)).toBeDefined();
      expect(drawDirectly(table)).toBe(cliTable3(table));
    }
  });
});
