import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { snapshotDir } from "./dir-snapshot.js";
import type { Failures } from "./failures.js";
import { knownBug } from "./known-bugs.js";
import { GOOD_CONFIG, GOOD_SCENARIOS } from "./fuzz-argv.js";
import { cleanEnv, runInProcess } from "./in-process.js";
import { checkOutcome, type Outcome } from "./output-oracle.js";

// Over a thousand broken files fed to every command that reads one: the config file
// (llm-cost.config.json in the working directory, or --config FILE for estimate, compare, plan and
// check) and scenario files (`scenarios FILE`, `compare FILE`). Each must end in exit 2 with ONE line
// on stderr that names the file and, for a problem with the JSON's shape, the JSON path; and nothing
// may be written (the directory is snapshotted, recursively with sizes and times, before and after).
// The cases are generated with a fixed seed; test/malformed-files.test.ts runs them in-process
// through run(), test/slow/malformed-binary.test.ts a sample through the built binary. Files whose
// values are well-formed but extreme (1e308, 0) or that carry a BOM are not necessarily broken: for them the CLI may also answer, with output that passes the general
// contract of test/helpers/output-oracle.ts (no NaN, no Infinity, valid JSON).

export const SEED = Number(process.env["FUZZ_SEED"] ?? 0xf11e5);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** How a file reaches the CLI. `config` targets read llm-cost.config.json or --config; `scenario` targets read a scenario file. */
interface Target {
  name: string;
  reads: "config" | "scenario";
  /** The file's path, relative to the working directory, as the argv names it. */
  file: string;
  argv: (file: string) => string[];
}
const JOB = ["--params", "7B", "--tokens", "15B"];
export const TARGETS: Target[] = [
  {
    name: "estimate --config",
    reads: "config",
    file: "team.json",
    argv: (f) => ["estimate", ...JOB, "--gpus", "2xH100", "--config", f],
  },
  {
    name: "estimate --config --format json --out",
    reads: "config",
    file: "conf/llm.json",
    argv: (f) => ["estimate", ...JOB, "--gpus", "2xH100", "--config", f, "--format", "json", "--out", "out.json"],
  },
  {
    name: "estimate --config (GPUs from the config)",
    reads: "config",
    file: "gpus.json",
    argv: (f) => ["estimate", ...JOB, "--config", f, "--format", "csv"],
  },
  {
    name: "estimate, default llm-cost.config.json",
    reads: "config",
    file: "llm-cost.config.json",
    argv: () => ["estimate", ...JOB, "--gpus", "H100", "--strategy", "dapt"],
  },
  { name: "compare --config", reads: "config", file: "cfg.json", argv: (f) => ["compare", "sft-7b", "--config", f] },
  {
    name: "plan --config",
    reads: "config",
    file: "plan.json",
    argv: (f) => ["plan", ...JOB, "--strategy", "dapt", "--gpus", "H100,A100", "--config", f, "--format", "json"],
  },
  {
    name: "check --config",
    reads: "config",
    file: "check.json",
    argv: (f) => ["check", ...JOB, "--gpus", "2xH100", "--claimed-days", "730", "--config", f],
  },
  { name: "scenarios FILE", reads: "scenario", file: "mine.json", argv: (f) => ["scenarios", f] },
  {
    name: "scenarios FILE --format json",
    reads: "scenario",
    file: "sub/team-scenarios.json",
    argv: (f) => ["scenarios", "lora-7b", f, "--format", "json"],
  },
  { name: "compare FILE", reads: "scenario", file: "my-runs.json", argv: (f) => ["compare", f, "--gpus", "2xH100"] },
  {
    name: "compare NAME FILE --format json",
    reads: "scenario",
    file: "x/y/runs.json",
    argv: (f) => ["compare", "qlora-7b", f, "--format", "json"],
  },
];
const CONFIG_TARGETS = TARGETS.filter((t) => t.reads === "config");
const SCENARIO_TARGETS = TARGETS.filter((t) => t.reads === "scenario");

/** A valid config using every section (so that every kind of key can be broken). */
export const BASE_CONFIG: Json = {
  ...GOOD_CONFIG,
  gpus: "2xH100",
  priceKind: "on-demand",
  lang: "en",
  pue: 1.2,
  grid: 400,
} as Json;
/** Valid scenario files in the three shapes a file may have: a list, { scenarios: [...] }, one scenario. */
export const BASE_SCENARIOS: Json[] = [
  GOOD_SCENARIOS as unknown as Json,
  { $comment: "ours", scenarios: GOOD_SCENARIOS } as unknown as Json,
  { ...GOOD_SCENARIOS[1], gpus: "8xA100" } as Json,
];

/** What a case must do. `strict`: exit 2 naming the file (and `path`, if given); `weak`: exit 0 with sane output, or exit 2 naming the file. */
export interface Case {
  kind: string;
  target: Target;
  content: string | Buffer | "<directory>" | "<unreadable>";
  oracle: "strict" | "weak";
  /** The JSON path the message must name: the reported path must be this, an ancestor of it (a union) or below it. */
  path?: Path;
  /** Text the message must contain besides the file name. */
  says?: RegExp;
}

/** models[3].arch.kvHeads, as src/catalog/zod-error.ts writes it. */
function jsonPath(path: Path): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${key}` : key;
  return out || "(top level)";
}

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function setAt(doc: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = clone(doc);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Every leaf (string, number, boolean) and every object node of a document, with its path. */
function walk(
  doc: Json,
  path: Path = [],
  out = { leaves: [] as Array<{ path: Path; value: Json }>, objects: [] as Path[] },
) {
  if (Array.isArray(doc)) doc.forEach((v, i) => walk(v, [...path, i], out));
  else if (doc !== null && typeof doc === "object") {
    out.objects.push(path);
    for (const [k, v] of Object.entries(doc)) walk(v, [...path, k], out);
  } else out.leaves.push({ path, value: doc });
  return out;
}

/** JSON text with numbers JSON.stringify cannot write (1e400 parses to Infinity). */
function withRawNumber(doc: Json, path: Path, raw: string): string {
  return JSON.stringify(setAt(doc, path, "\u0000RAW\u0000")).replace('"\\u0000RAW\\u0000"', raw);
}

const pickFrom = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
const baseFor = (reads: Target["reads"]): fc.Arbitrary<Json> =>
  reads === "config" ? fc.constant(BASE_CONFIG) : pickFrom(BASE_SCENARIOS);
const targetFor = (reads: Target["reads"]) => pickFrom(reads === "config" ? CONFIG_TARGETS : SCENARIO_TARGETS);
const anyTarget = pickFrom(TARGETS);
const anyDoc = fc.oneof(
  fc.constant({ reads: "config" as const, doc: BASE_CONFIG }),
  pickFrom(BASE_SCENARIOS).map((doc) => ({ reads: "scenario" as const, doc })),
);

/** Truncated JSON: a valid file cut short anywhere. */
const truncated = fc
  .tuple(anyDoc, fc.double({ min: 0, max: 0.999, noNaN: true }), fc.boolean())
  .chain(([{ reads, doc }, at, pretty]) => {
    const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
    const cut = text.slice(0, Math.floor(at * text.length));
    return targetFor(reads).map(
      (target): Case => ({ kind: "truncated JSON", target, content: cut, oracle: "strict", says: /not valid JSON/ }),
    );
  });

/** A leaf replaced by a value of a type no field of that kind accepts. */
const wrongType = fc.tuple(pickFrom(["config", "scenario"] as const), fc.nat(), fc.nat()).chain(([reads, i, j]) =>
  fc.tuple(baseFor(reads), targetFor(reads)).map(([doc, target]): Case => {
    const leaves = walk(doc).leaves;
    const { path, value } = leaves[i % leaves.length]!;
    // Counts (params, tokens, …) may be numbers or strings, so a number is no wrong type for them.
    const count = ["params", "addVocab", "vocab", "tokens", "examples", "tokensPerExample"].includes(
      String(path[path.length - 1]),
    );
    const wrong: Json[] =
      typeof value === "string"
        ? [count ? [] : 42, {}, [], true, null, [["nested"]]]
        : typeof value === "number"
          ? [{}, [], true, false, null, [1]]
          : ["true", 1, null, {}];
    return {
      kind: "wrong type",
      target,
      content: JSON.stringify(setAt(doc, path, wrong[j % wrong.length]!)),
      oracle: "strict",
      path,
    };
  }),
);

/** A number made negative, infinite (1e400 parses to Infinity), zero, or huge but finite. */
const badNumber = fc
  .tuple(
    pickFrom(["config", "scenario"] as const),
    fc.nat(),
    pickFrom(["-1", "-0.5", "-1e308", "1e400", "-1e400", "0", "1e308", "1e300", "4e15", "1e-320"]),
  )
  .chain(([reads, i, raw]) =>
    fc.tuple(baseFor(reads), targetFor(reads)).map(([doc, target]): Case => {
      const numbers = walk(doc).leaves.filter((l) => typeof l.value === "number");
      const { path } = numbers[i % numbers.length]!;
      // Negative and infinite numbers are wrong for every field; zero and extreme finite ones only for some.
      const strict = raw.startsWith("-") || raw.endsWith("e400");
      return {
        kind: strict ? "negative or infinite number" : "extreme number",
        target,
        content: withRawNumber(doc, path, raw),
        oracle: strict ? "strict" : "weak",
        ...(strict ? { path } : {}),
      };
    }),
  );

/** A key no schema knows, at any object of the file. */
const unknownKey = fc
  .tuple(
    pickFrom(["config", "scenario"] as const),
    fc.nat(),
    pickFrom([
      "gpuz",
      "colour",
      "Gpus",
      "$schema",
      "__proto__",
      "constructor",
      "toString",
      "😀",
      "",
      "a".repeat(300),
      "prices ",
      "id\u0000",
    ]),
  )
  .chain(([reads, i, key]) =>
    fc.tuple(baseFor(reads), targetFor(reads)).map(([doc, target]): Case => {
      const objects = walk(doc).objects;
      const at = objects[i % objects.length]!;
      // The key goes in as text: `{"__proto__": 1}` must reach JSON.parse as written.
      const node = at.reduce<Json>((n, k) => (n as Record<string | number, Json>)[k]!, doc);
      const inner = JSON.stringify(node);
      const withKey = `{${JSON.stringify(key)}:1${inner === "{}" ? "" : `,${inner.slice(1, -1)}`}}`;
      const content =
        at.length === 0
          ? withKey
          : JSON.stringify(setAt(doc, at, "\u0000OBJ\u0000")).replace('"\\u0000OBJ\\u0000"', withKey);
      return { kind: "unknown key", target, content, oracle: "strict", path: at, says: /unknown key/ };
    }),
  );

const DEPTH = 10_000;
const deepArrays = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;
/** Deep nesting: 10,000 levels of arrays or objects, whole, as a value, inside a list, or cut short. */
const deepCases: Case[] = [
  ...CONFIG_TARGETS.flatMap((target): Case[] => [
    { kind: "deep nesting", target, content: deepArrays(DEPTH), oracle: "strict", path: [] },
    { kind: "deep nesting", target, content: `{"gpus": ${deepArrays(DEPTH)}}`, oracle: "strict", path: ["gpus"] },
    {
      kind: "deep nesting",
      target,
      content: `{"prices": [${deepArrays(DEPTH)}]}`,
      oracle: "strict",
      path: ["prices", 0],
    },
    {
      kind: "deep nesting",
      target,
      content: `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`,
      oracle: "strict",
      path: ["a"],
      says: /unknown key/,
    },
    { kind: "deep nesting", target, content: "[".repeat(DEPTH), oracle: "strict", says: /not valid JSON/ },
  ]),
  ...SCENARIO_TARGETS.flatMap((target): Case[] => [
    { kind: "deep nesting", target, content: deepArrays(DEPTH), oracle: "strict", path: [0] },
    {
      kind: "deep nesting",
      target,
      content: `[{"id": "deep", "title": ${deepArrays(DEPTH)}, "params": "7B", "strategy": "dapt", "tokens": "1B"}]`,
      oracle: "strict",
      path: [0, "title"],
    },
    {
      kind: "deep nesting",
      target,
      content: `{"scenarios": ${deepArrays(DEPTH)}}`,
      oracle: "strict",
      path: ["scenarios", 0],
    },
    { kind: "deep nesting", target, content: `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`, oracle: "strict" },
    { kind: "deep nesting", target, content: `${'[{"a":'.repeat(DEPTH)}`, oracle: "strict", says: /not valid JSON/ },
  ]),
  {
    kind: "deep nesting (100,000 levels)",
    target: TARGETS[0]!,
    content: deepArrays(100_000),
    oracle: "strict",
    path: [],
  },
  {
    kind: "deep nesting (100,000 levels)",
    target: SCENARIO_TARGETS[0]!,
    content: deepArrays(100_000),
    oracle: "strict",
    path: [0],
  },
];

/** Empty files and top-level values of the wrong kind. */
const emptyish: Case[] = TARGETS.flatMap((target): Case[] => [
  { kind: "empty file", target, content: "", oracle: "strict", says: /not valid JSON/ },
  { kind: "only whitespace", target, content: " \n\t\r\n ", oracle: "strict", says: /not valid JSON/ },
  ...["null", "0", '"llm-cost"', "true", "[]", "-1"].map(
    (text): Case => ({ kind: "wrong top-level value", target, content: text, oracle: "strict", path: [] }),
  ),
  ...(target.reads === "scenario" ? [{ kind: "empty object", target, content: "{}", oracle: "strict" } as Case] : []),
]);

/** Bytes that are not JSON, sometimes starting like JSON. */
const garbage = fc
  .tuple(
    anyTarget,
    fc.uint8Array({ minLength: 1, maxLength: 3000 }),
    pickFrom(["", "{", '{"gpus": "', "[", '[{"id": "']),
  )
  .map(([target, bytes, start]): Case => {
    const content = Buffer.concat([Buffer.from(start), Buffer.from(bytes)]);
    let parses = true;
    try {
      JSON.parse(content.toString("utf8"));
    } catch {
      parses = false;
    }
    return {
      kind: "binary garbage",
      target,
      content,
      oracle: parses ? "weak" : "strict",
      ...(parses ? {} : { says: /not valid JSON/ }),
    };
  });

/** A UTF-8 byte-order mark before valid or broken JSON; a UTF-16 file. */
const bomCases = fc.tuple(anyDoc, fc.boolean(), fc.boolean()).chain(([{ reads, doc }, broken, utf16]) =>
  targetFor(reads).map((target): Case => {
    const text = JSON.stringify(doc);
    if (utf16)
      return {
        kind: "UTF-16 file",
        target,
        content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
        oracle: "strict",
      };
    // A BOM before valid JSON is not a broken file: reading it is fine, refusing it (naming the file) too.
    return broken
      ? { kind: "BOM before broken JSON", target, content: `\ufeff${text.slice(0, -1)}`, oracle: "strict" }
      : { kind: "BOM before valid JSON", target, content: `\ufeff${text}`, oracle: "weak" };
  }),
);

/** Values of the right type that the estimate rejects: the message must still say which file they came from. */
const semanticCases: Case[] = [
  ...CONFIG_TARGETS.flatMap((target): Case[] => [
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({ prices: [{ gpu: "H900", usdPerGpuHour: 2, date: "2026-01-01", source: "x" }] }),
      oracle: "strict",
      path: ["prices", 0, "gpu"],
    },
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({
        models: [{ ...GOOD_CONFIG.models[0], arch: { ...GOOD_CONFIG.models[0]!.arch, kvHeads: 3 } }],
      }),
      oracle: "strict",
      path: ["models", 0, "arch", "kvHeads"],
    },
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({ pue: 0.5 }),
      oracle: "strict",
      path: ["pue"],
    },
    // Well-typed values that only the estimate finds wrong; a --gpus or --price on the command line may override them.
    // (Only the target without --gpus takes its GPUs from the config; compare's scenario and plan's --gpu bring their own.)
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({ gpus: "2xH900" }),
      oracle: target.name.includes("GPUs from the config") ? "strict" : "weak",
    },
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({ gpus: "2xH100", provider: "nope" }),
      oracle: "strict",
    },
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({ gpus: "2xH100", gpuSpecs: [{ ...GOOD_CONFIG.gpuSpecs[0], id: "h100-sxm" }] }),
      oracle: "weak",
    },
    {
      kind: "config value the estimate rejects",
      target,
      content: JSON.stringify({ fx: { krwPerUsd: 1400, date: "yesterday", source: "x" } }),
      oracle: "strict",
      path: ["fx", "date"],
    },
  ]),
  ...SCENARIO_TARGETS.flatMap((target): Case[] => [
    ...[
      { gpus: "2xH900" },
      { model: "llama-9-7b" },
      { tokens: "lots" },
      { tokens: "7X" },
      { gpus: "0xH100" },
      { seqLen: 1e9 },
    ].map(
      (change): Case => ({
        kind: "scenario value the estimate rejects",
        target,
        content: JSON.stringify([{ ...GOOD_SCENARIOS[0], ...change }]),
        // `scenarios` only checks the file's shape; `compare --gpus` replaces the scenario's GPUs.
        oracle:
          target.name.startsWith("scenarios") || ("gpus" in change && target.argv("").includes("--gpus"))
            ? "weak"
            : "strict",
      }),
    ),
    ...[
      [{ ...GOOD_SCENARIOS[0], params: "7B" }, [0, "model"]],
      [{ ...GOOD_SCENARIOS[0], corpus: "61GB" }, [0, "corpus"]],
      [{ ...GOOD_SCENARIOS[0], loraRank: 8 }, [0, "loraRank"]],
      [{ ...GOOD_SCENARIOS[1], tokensPerExample: undefined }, [0, "tokensPerExample"]],
      [{ ...GOOD_SCENARIOS[0], tokens: undefined, corpus: "1GB" }, [0, "corpus"]],
    ].map(
      ([scenario, path]): Case => ({
        kind: "scenario breaking a cross-field rule",
        target,
        content: JSON.stringify([scenario]),
        oracle: "strict",
        path: path as Path,
      }),
    ),
    {
      kind: "duplicate scenario ids",
      target,
      content: JSON.stringify([GOOD_SCENARIOS[0], GOOD_SCENARIOS[1], GOOD_SCENARIOS[0]]),
      oracle: "strict",
      path: [2, "id"],
      says: /duplicate id/,
    },
  ]),
];

/** Five-megabyte files. */
const FIVE_MB = 5 * 1024 * 1024;
const bigCases: Case[] = [
  {
    kind: "5 MB file",
    target: TARGETS[0]!,
    content: JSON.stringify({ $comment: "x".repeat(FIVE_MB), gpus: 8 }),
    oracle: "strict",
    path: ["gpus"],
  },
  { kind: "5 MB file", target: TARGETS[2]!, content: `[${"1,".repeat(FIVE_MB / 2)}1]`, oracle: "strict", path: [] },
  {
    kind: "5 MB file",
    target: TARGETS[3]!,
    content: `${" ".repeat(FIVE_MB)}{"gpus": x}`,
    oracle: "strict",
    says: /not valid JSON/,
  },
  {
    kind: "5 MB file",
    target: TARGETS[4]!,
    content: JSON.stringify({ [`k${"y".repeat(FIVE_MB)}`]: 1 }),
    oracle: "strict",
    says: /unknown key/,
  },
  {
    kind: "5 MB file",
    target: SCENARIO_TARGETS[0]!,
    content: JSON.stringify([{ ...GOOD_SCENARIOS[0], title: "t".repeat(FIVE_MB), strategy: "fastest" }]),
    oracle: "strict",
    path: [0, "strategy"],
  },
  {
    kind: "5 MB file",
    target: SCENARIO_TARGETS[2]!,
    content: `[${JSON.stringify(GOOD_SCENARIOS[0]).repeat(2)}${" ".repeat(FIVE_MB)}]`,
    oracle: "strict",
    says: /not valid JSON/,
  },
];

/** A directory where the file should be; a file nobody may read. */
const dirCases: Case[] = TARGETS.map((target) => ({
  kind: "a directory instead of a file",
  target,
  content: "<directory>",
  oracle: "strict",
  says: /directory/,
}));
export const unreadableCases: Case[] = TARGETS.map((target) => ({
  kind: "unreadable file (chmod 000)",
  target,
  content: "<unreadable>",
  oracle: "strict",
  says: /cannot be read|EACCES|permission/i,
}));

/** Generated cases per kind (fixed seed), then the fixed ones. */
export function generatedCases(): Case[] {
  const sample = <T>(arb: fc.Arbitrary<T>, n: number, k: number): T[] => fc.sample(arb, { seed: SEED + k, numRuns: n });
  return [
    ...sample(truncated, 160, 1),
    ...sample(wrongType, 200, 2),
    ...sample(badNumber, 200, 3),
    ...sample(unknownKey, 150, 4),
    ...sample(garbage, 100, 5),
    ...sample(bomCases, 40, 6),
    ...deepCases,
    ...emptyish,
    ...semanticCases,
    ...bigCases,
    ...dirCases,
  ];
}

/** Writes the case's file into `dir` (its own folders too). */
export function placeFile(dir: string, c: Case): void {
  const full = join(dir, c.target.file);
  mkdirSync(dirname(full), { recursive: true });
  if (c.content === "<directory>") mkdirSync(full);
  else if (c.content === "<unreadable>") {
    writeFileSync(full, JSON.stringify(BASE_CONFIG));
    chmodSync(full, 0o000);
  } else writeFileSync(full, c.content);
}

/** The path a message names after "FILE: ", up to the next ": " (undefined when it names none). */
function reportedPath(stderr: string, file: string): string | undefined {
  const at = stderr.indexOf(`${file}: `);
  if (at < 0) return undefined;
  const rest = stderr.slice(at + file.length + 2);
  return rest.slice(0, rest.indexOf(": ") < 0 ? undefined : rest.indexOf(": "));
}

/** `b` is `a` or lies below it (models[0] is below models; models[0].arch.x below models[0]). */
const isWithin = (a: string, b: string): boolean =>
  b === a || b.startsWith(`${a}.`) || b.startsWith(`${a}[`) || a === "(top level)";

/** Checks one case's outcome; returns what is wrong, or undefined. */
export function judge(c: Case, o: Outcome, before: string[], after: string[]): string | undefined {
  const general = checkOutcome(o);
  if (general) return general;
  // A file that was not broken after all may be answered, and then --out writes its file.
  if (c.oracle === "weak" && o.code === 0) after = after.filter((e) => !e.startsWith("out.json "));
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    const added = after.filter((e) => !before.includes(e)).map((e) => e.split(" ")[0]);
    return `the directory changed: ${added.join(", ") || "an entry was modified or removed"}`;
  }
  if (c.oracle === "weak" && o.code === 0) return undefined;
  if (o.code !== 2) return `exit ${o.code} for a broken file (${c.kind})`;
  const file = c.target.file;
  if (!o.stderr.includes(file)) return `the message does not name the file: ${JSON.stringify(o.stderr.slice(0, 200))}`;
  if (c.says && !c.says.test(o.stderr))
    return `the message does not say ${c.says}: ${JSON.stringify(o.stderr.slice(0, 200))}`;
  if (c.path) {
    const want = jsonPath(c.path);
    const got = reportedPath(o.stderr, file);
    // A union (e.g. loraTargets: a string or a list) reports at itself, above the broken leaf.
    if (
      got === undefined ||
      !(isWithin(got, want) || isWithin(want, got)) ||
      (got === "(top level)" && want !== "(top level)")
    ) {
      return `the message names path ${got === undefined ? "none" : JSON.stringify(got)}, not ${JSON.stringify(want)}: ${JSON.stringify(o.stderr.slice(0, 200))}`;
    }
  }
  return undefined;
}

/** Runs each case in a fresh directory (in-process) and collects failures by kind. */
export async function runCases(cases: readonly Case[], failures: Failures): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "llm-cost-malformed-"));
  for (const [i, c] of cases.entries()) {
    const dir = join(root, String(i));
    mkdirSync(dir);
    placeFile(dir, c);
    const argv = c.target.argv(c.target.file);
    const before = snapshotDir(dir);
    const outcome = await runInProcess(argv, { cwd: dir, env: cleanEnv() });
    const problem = judge(c, outcome, before, snapshotDir(dir));
    if (problem) report(failures, c, outcome, `${c.kind} via ${c.target.name}: ${problem}`, problem);
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(root, { recursive: true, force: true });
}

/** Failures explained by a known bug (test/helpers/known-bugs.ts) are counted, not failed. */
export const known = new Map<string, number>();
export function report(failures: Failures, c: Case, outcome: Outcome, label: string, problem: string): void {
  const text = typeof c.content === "string" ? c.content : c.content.toString("utf8");
  const bug = knownBug(problem, outcome, `${outcome.argv.join(" ")} ${text.length > 100_000 ? "" : text}`);
  if (bug) known.set(bug.id, (known.get(bug.id) ?? 0) + 1);
  else failures.add(outcome.argv, label, `file: ${describeContent(c.content)}`);
}

function describeContent(content: Case["content"]): string {
  const text = typeof content === "string" ? content : content.toString("utf8");
  return text.length > 160 ? `${JSON.stringify(text.slice(0, 120))}… (${text.length} chars)` : JSON.stringify(text);
}

/** Root reads a chmod 000 file anyway; then the case cannot be made and is skipped (not faked). */
export function canMakeUnreadable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-perm-"));
  const file = join(dir, "x.json");
  writeFileSync(file, "{}");
  chmodSync(file, 0o000);
  let readable = true;
  try {
    readFileSync(file);
  } catch {
    readable = false;
  }
  rmSync(dir, { recursive: true, force: true });
  return !readable;
}
