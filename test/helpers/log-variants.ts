// Malformed variants of every log fixture, from a fixed seed so a failure reproduces. Shared by the
// parser fuzz (test/log-fuzz.test.ts) and the CLI's (test/cli-calibrate-fuzz.test.ts).
import { readFileSync } from "node:fs";
import type { LogParseOptions, LogProblemCode } from "../../src/inputs/logs/log-measurement.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), "utf8");

export interface Base {
  name: string;
  text: string;
  options: LogParseOptions;
  kind: "lines" | "json" | "quoted-csv";
  /** how a loss value is written, to be replaced by a NaN */
  loss?: RegExp;
  nan?: string;
}
export const BASES: Base[] = (
  [
    { name: "torchtune-log.txt", options: {}, kind: "lines", loss: /loss:[\d.]+/g, nan: "loss:nan" },
    {
      name: "megatron-stdout.log",
      options: {},
      kind: "lines",
      loss: /lm loss: [\d.E+-]+/g,
      nan: "lm loss: NAN",
    },
    {
      name: "nemo2-stdout.log",
      options: { seqLen: 4096 },
      kind: "lines",
      loss: /reduced_train_loss: [\d.]+/g,
      nan: "reduced_train_loss: nan",
    },
    { name: "hf-trainer_state-tokens.json", options: {}, kind: "json", loss: /"loss": [\d.]+/g, nan: '"loss": NaN' },
    {
      name: "hf-trainer_state-samples.json",
      options: { seqLen: 2048, gpus: 8 },
      kind: "json",
      loss: /"loss": [\d.]+/g,
      nan: '"loss": NaN',
    },
    {
      name: "hf-trainer_state-cumulative.json",
      options: { gpus: 4 },
      kind: "json",
      loss: /"loss": [\d.]+/g,
      nan: '"loss": -Infinity',
    },
    { name: "wandb-history.csv", options: {}, kind: "lines", loss: /,1\.\d+,2e-05,/g, nan: ",NaN,2e-05," },
    { name: "wandb-panel.csv", options: {}, kind: "quoted-csv" },
  ] satisfies Omit<Base, "text">[]
).map((b) => ({ ...b, text: fixture(b.name) }));

/** mulberry32: a small seeded generator, so the variants are the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Variant {
  label: string;
  base: Base;
  text: string;
  /** the codes a mutation of this kind may produce, where it cannot leave a valid log */
  expected?: readonly LogProblemCode[];
}

export function variants(): Variant[] {
  const random = generator(20250315);
  const int = (n: number) => Math.floor(random() * n);
  const out: Variant[] = [];
  for (const base of BASES) {
    const { text } = base;
    const lines = text.split("\n");
    const add = (label: string, t: string, ...expected: LogProblemCode[]) =>
      out.push({ label: `${base.name}: ${label}`, base, text: t, ...(expected.length ? { expected } : {}) });

    for (let i = 0; i < 8; i++) {
      const at = 1 + int(text.length - 2);
      const cut = text.slice(0, at);
      // A cut right after a newline (or, in JSON, in the whitespace after the last brace) leaves a
      // whole, shorter log; anywhere else the last record is broken.
      const clean = cut.endsWith("\n") || (base.kind === "json" && cut.trim() === text.trim());
      // A cut before the first record (in a Megatron job's preamble) leaves nothing to recognise.
      const strict = !clean && base.kind !== "quoted-csv";
      add(`cut at ${at}`, cut, ...(strict ? (["log.truncated", "log.unknownFormat"] as const) : []));
    }
    for (let i = 0; i < 2; i++) {
      add(`cut at line ${i}`, lines.slice(0, 2 + int(lines.length - 2)).join("\n") + "\n");
    }
    for (let i = 0; i < 5; i++) add(`field deleted ${i}`, deleteField(base, text, int));
    if (base.loss && base.nan) {
      const matches = [...text.matchAll(base.loss)];
      for (let i = 0; i < 2; i++) {
        const m = matches[int(matches.length)]!;
        const nan = text.slice(0, m.index) + base.nan + text.slice(m.index + m[0].length);
        add(`NaN loss at ${m.index}`, nan, "log.nanLoss");
      }
    }
    for (let i = 0; i < 3; i++) add(`shuffled ${i}`, shuffle(base, text, int));
    const twice = base.kind === "json" ? doubledHistory(text) : text + text;
    // A CSV's header lands mid-file (read as a bad step); the rest restart their steps.
    add("run duplicated", twice, ...(base.name.endsWith(".csv") ? [] : (["log.mixedRuns"] as const)));
    if (base.kind === "json") add("two documents", text + text);
    for (let i = 0; i < 3; i++) {
      const at = int(text.length);
      const junk = Array.from({ length: 4 + int(12) }, () => String.fromCharCode(int(256))).join("");
      add(`junk at ${at}`, text.slice(0, at) + junk + text.slice(at));
      add(`NUL junk at ${at}`, `${text.slice(0, at)}\u0000${junk}${text.slice(at)}`, "log.unknownFormat");
    }
    for (let i = 0; i < 4; i++) {
      const digits = [...text.matchAll(/\d/g)];
      const m = digits[int(digits.length)]!;
      const swap = "x-.e ,|:"[int(8)]!;
      add(`digit garbled at ${m.index}`, text.slice(0, m.index) + swap + text.slice(m.index + 1));
    }
    add("empty", "", "log.empty");
    add("blank", "\n \r\n\t", "log.empty");
  }
  return out;
}

/** Removes one field: a "key:value" or "| key: value" on a random line, a JSON key, or a CSV column. */
function deleteField(base: Base, text: string, int: (n: number) => number): string {
  if (base.kind === "json") {
    const state = JSON.parse(text);
    const entries: Record<string, unknown>[] = state.log_history;
    const entry = entries[int(entries.length)]!;
    const keys = Object.keys(entry);
    delete entry[keys[int(keys.length)]!];
    return JSON.stringify(state, null, 2) + "\n";
  }
  const lines = text.split(/(?<=\n)/);
  if (base.name.endsWith(".csv")) {
    const column = int(lines[0]!.split(",").length);
    return lines
      .map((l) => {
        const cells = l.replace(/\r?\n$/, "").split(",");
        cells.splice(column, 1);
        return cells.join(",") + l.slice(l.replace(/\r?\n$/, "").length);
      })
      .join("");
  }
  const i = int(lines.length);
  const fields = [...lines[i]!.matchAll(/\| [^|:]+: [^|]+ |[\w.]+:\S+ /g)];
  if (fields.length === 0) return text;
  const f = fields[int(fields.length)]!;
  lines[i] = lines[i]!.slice(0, f.index) + lines[i]!.slice(f.index + f[0].length);
  return lines.join("");
}

/** Shuffles a trainer_state.json's log_history, or a text log's lines (a CSV's after its header). */
function shuffle(base: Base, text: string, int: (n: number) => number): string {
  const mix = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  if (base.kind === "json") {
    const state = JSON.parse(text);
    mix(state.log_history);
    return JSON.stringify(state, null, 2) + "\n";
  }
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  const tail = lines[lines.length - 1] === "" ? [lines.pop()!] : [];
  const head = base.name.endsWith(".csv") ? lines.splice(0, 1) : [];
  return [...head, ...mix(lines), ...tail].join(eol);
}

function doubledHistory(text: string): string {
  const state = JSON.parse(text);
  state.log_history = [...state.log_history, ...state.log_history];
  return JSON.stringify(state, null, 2) + "\n";
}
