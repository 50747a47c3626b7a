import Table from "cli-table3";
import { own } from "../util/own.js";

export type Align = "left" | "right" | "center";

/** A body row: one cell per column, or a single cell spanning every column. A cell may hold several lines. */
export type BoxRow = string[] | [{ colSpan: number; content: string }];

export interface BoxTable {
  head: string[];
  colAligns: Align[];
  rows: BoxRow[];
}

/**
 * The estimate and plan tables: cli-table3 with a header, one space of padding, no colours of its
 * own and no rules between body rows (compact). For the tables these commands print, the same
 * characters are drawn here directly: cli-table3 lays a table out in time quadratic in its cells,
 * measures every line of every cell several times (through string-width's emoji regex) and, for
 * every line it draws, cuts the whole cell to 10 columns for a debug message, one character at a
 * time. Cold, in a fresh process, that took 8-10 ms for one estimate table: a sixth of a bare
 * `node -e 0`, more than all the arithmetic (`npm run bench`).
 *
 * The direct path takes only what it can measure exactly as cli-table3 does (see `lineWidth`) and
 * lays it out by cli-table3's rules; any other table goes to cli-table3 itself, which stays the
 * reference: test/box-table.test.ts checks that both give the same text on random tables.
 */
export function renderBoxTable(table: BoxTable): string {
  return drawDirectly(table) ?? drawWithCliTable3(table);
}

function drawWithCliTable3({ head, colAligns, rows }: BoxTable): string {
  const table = new Table({ head, colAligns, style: { head: [], border: [], compact: true } });
  table.push(...rows);
  return table.toString();
}

/** The SGR escapes cli-table3 strips before measuring a line (utils.codeRegex). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: an SGR escape starts with ESC.
const SGR = /\u001b\[((?:\d*;){0,5}\d*)m/g;

/**
 * Besides printable ASCII, the characters whose width string-width (cli-table3's measure) gives
 * as below; a table with any other character goes to cli-table3.
 */
const NARROW: ReadonlyArray<readonly [number, number]> = [
  [0xa0, 0xa8],
  [0xaa, 0xad],
  [0xaf, 0xff], // Latin-1 (©, ® are emoji to string-width)
  [0x2010, 0x2027], // dashes, quotes, bullets, …
  [0x20a9, 0x20a9], // ₩
  [0x2190, 0x2193], // ← ↑ → ↓ (↔ and the diagonals are emoji)
  [0x2212, 0x2212],
  [0x2264, 0x2265], // − ≤ ≥
];
const HANGUL: readonly [number, number] = [0xac00, 0xd7a3]; // two columns

const within = (cp: number, [lo, hi]: readonly [number, number]): boolean => cp >= lo && cp <= hi;

/**
 * A line's width in columns as cli-table3 measures it, or undefined when this module cannot be
 * sure: a character outside the sets above, or a colour left open at the end of the line (which
 * cli-table3 would close and reopen on the next line).
 */
function lineWidth(line: string): number | undefined {
  if (!closesItsStyles(line)) return undefined;
  let width = 0;
  for (const ch of line.replace(SGR, "")) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp <= 0x7e)
      width += 1; // printable ASCII: nearly every character
    else if (NARROW.some((range) => within(cp, range))) width += 1;
    else if (within(cp, HANGUL)) width += 2;
    else return undefined;
  }
  return width;
}

/** Escapes of the styles cli-table3 tracks across the lines of a cell (utils.codeCache): [style, on]. */
const TRACKED: Record<string, readonly [string, boolean]> = {
  "\u001b[1m": ["bold", true],
  "\u001b[22m": ["bold", false],
  "\u001b[3m": ["italics", true],
  "\u001b[23m": ["italics", false],
  "\u001b[4m": ["underline", true],
  "\u001b[24m": ["underline", false],
  "\u001b[7m": ["inverse", true],
  "\u001b[27m": ["inverse", false],
  "\u001b[9m": ["strikethrough", true],
  "\u001b[29m": ["strikethrough", false],
};

/**
 * Whether a line ends with every style cli-table3 tracks switched off, read by its rules: then
 * cli-table3 adds no escapes of its own to the line (chalk closes its styles at every line break).
 */
function closesItsStyles(line: string): boolean {
  let foreground: string | undefined;
  let background: string | undefined;
  const on = new Map<string, boolean>();
  for (const [escape, params] of line.matchAll(SGR)) {
    const code = params ? Number.parseInt(params.split(";")[0]!, 10) : 0;
    if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) foreground = escape;
    else if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) background = escape;
    else if (code === 0) {
      foreground = background = undefined;
      on.clear();
    } else {
      const tracked = own(TRACKED, escape);
      if (tracked) on.set(tracked[0], tracked[1]);
    }
  }
  return (
    (foreground ?? "\u001b[39m") === "\u001b[39m" &&
    (background ?? "\u001b[49m") === "\u001b[49m" &&
    ![...on.values()].some(Boolean)
  );
}

interface Measured {
  /** The cell's lines, each with its width. */
  lines: Array<{ text: string; width: number }>;
  /** Columns spanned: 1, or every column. */
  span: number;
}

function measure(content: string, span: number): Measured | undefined {
  const lines: Measured["lines"] = [];
  for (const text of content.split("\n")) {
    const width = lineWidth(text);
    if (width === undefined) return undefined;
    lines.push({ text, width });
  }
  return { lines, span };
}

/** cli-table3's utils.pad: fills `text` (of `width` columns) to `size` columns. */
function pad(text: string, width: number, size: number, align: Align | undefined): string {
  const fill = size - width;
  if (align === "right") return " ".repeat(fill) + text;
  if (align === "center") return " ".repeat(fill - Math.ceil(fill / 2)) + text + " ".repeat(Math.ceil(fill / 2));
  return text + " ".repeat(fill);
}

/**
 * The table drawn without cli-table3, or undefined when it is not one this module can measure
 * exactly. Exported for the tests, which hold it to cli-table3's output and check that the
 * commands' own tables take this path.
 */
export function drawDirectly({ head, colAligns, rows }: BoxTable): string | undefined {
  const columns = head.length;
  const measured: Measured[][] = [];
  for (const row of [head, ...rows]) {
    const first = row[0];
    const cells =
      typeof first === "object" && row.length === 1
        ? [first.colSpan === columns ? measure(first.content, columns) : undefined]
        : row.length === columns
          ? (row as string[]).map((cell) => (typeof cell === "string" ? measure(cell, 1) : undefined))
          : [undefined];
    if (cells.some((cell) => cell === undefined)) return undefined;
    measured.push(cells as Measured[]);
  }
  // The rule under the head and the bottom rule are drawn for these shapes only.
  if (measured.length < 2 || measured[1]!.length !== columns) return undefined;

  // Column widths as cli-table3 computes them (layout-manager's computeWidths): the widest line of
  // each column plus padding, at least 1; then, last spanning row first, a span wider than its
  // columns widens them by its excess divided among the columns not yet widened, left to right.
  const widths: number[] = new Array(columns).fill(1);
  const widest = (cell: Measured): number => Math.max(...cell.lines.map((l) => l.width)) + 2;
  for (const cells of measured)
    if (cells.length === columns) cells.forEach((cell, x) => (widths[x] = Math.max(widths[x]!, widest(cell))));
  const spans = measured.filter((cells) => cells.length === 1).map((cells) => widest(cells[0]!));
  for (const desired of spans.reverse()) {
    let existing = widths.reduce((a, b) => a + b, 0) + columns - 1;
    for (let x = 0, left = columns; left > 0 && desired > existing; x++, left--) {
      const more = Math.round((desired - existing) / left);
      existing += more;
      widths[x]! += more;
    }
  }

  const full = widths.reduce((a, b) => a + b, 0) + columns - 1;
  const rule = (left: string, cross: string, right: string): string =>
    left + widths.map((w) => "─".repeat(w)).join(cross) + right;
  const out = [rule("┌", "┬", "┐")];
  measured.forEach((cells, y) => {
    if (y === 1) out.push(rule("├", "┼", "┤"));
    const height = Math.max(...cells.map((cell) => cell.lines.length));
    for (let i = 0; i < height; i++) {
      const drawn = cells.map((cell, x) => {
        const line = cell.lines[i] ?? { text: "", width: 0 };
        return ` ${pad(line.text, line.width, (cell.span === 1 ? widths[x]! : full) - 2, colAligns[x])} `;
      });
      out.push(`│${drawn.join("│")}│`);
    }
  });
  out.push(measured[measured.length - 1]!.length === columns ? rule("└", "┴", "┘") : `└${"─".repeat(full)}┘`);
  return out.join("\n");
}
