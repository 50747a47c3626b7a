import { z } from "zod";
import { COMMANDS as TABLE_COMMANDS } from "../../src/job/options.js";
import { VALUE_FLAGS } from "./cli-flags.js";
import { Scenario } from "../../src/inputs/scenario-schema.js";
import { PriceOffer } from "../../src/catalog/schemas.js";
import { CheckJson } from "../../src/output/check-json.js";
import { CompareJson } from "../../src/output/compare-json.js";
import { EstimateJson } from "../../src/output/estimate-json.js";
import { PlanJson } from "../../src/output/plan-json.js";

/**
 * The oracle the CLI fuzzers (test/fuzz-cli.test.ts) and the malformed-file tests share: what any
 * run of `llm-cost` must look like, whatever its arguments.
 *
 * - exit 0 with sane output, or exit 2 with exactly one line on stderr starting "llm-cost: ";
 *   never exit 1 or anything else, never a stack trace, never a throw out of run();
 * - no "NaN", "Infinity", "undefined" or "[object Object]" anywhere (unless the argv itself holds
 *   that text and an error message quotes it back);
 * - --format json parses and passes the command's zod schema (src/output/*-json.ts; the commands
 *   without one in src/ get the schemas below);
 * - no negative numbers. Every number llm-cost prints is a count, a size, a time, a price, a cost, an
 *   efficiency or a ratio, all ≥ 0, with ONE exception: `validate`'s relative errors ("error" in its
 *   JSON rows and CSV, the signed "-10%" column of its table), which say whether the default
 *   estimate over- or under-shot a published run. So in JSON every number must be ≥ 0 except under a
 *   key named "error"; in CSV/TSV every numeric cell except an "error" column; in the text formats
 *   no "-<digit>" / "−<digit>" standing alone, except in `validate`'s table.
 */

/** The commands `run` knows: the option table's, and completion. */
export const COMMANDS = [...TABLE_COMMANDS, "completion"] as const;
export type CommandName = (typeof COMMANDS)[number];

export { VALUE_FLAGS } from "./cli-flags.js";

/** The value commander would give --format (the last one wins), or undefined; undefined also after "--". */
export function formatOf(argv: readonly string[]): string | undefined {
  let format: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") break;
    if (token.startsWith("--format=")) format = token.slice("--format=".length);
    else if (VALUE_FLAGS.has(token)) {
      if (token === "--format") format = argv[i + 1];
      i++;
    }
  }
  return format?.trim().toLowerCase();
}

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);

/** `gpus --format json` (src/output/listings.ts GpuRow; no schema in src/). */
const GpusJson = z
  .array(
    z
      .strictObject({
        id: z.string().min(1),
        name: z.string().min(1),
        fullName: z.string().min(1),
        memoryGB: positive,
        denseTflops16: positive,
        precision: z.string().min(1),
        tdpW: positive,
        providers: z.number().int().min(0),
        minUsdPerGpuHour: positive.nullable(),
        medianUsdPerGpuHour: positive.nullable(),
        maxUsdPerGpuHour: positive.nullable(),
        priceDates: z.string().nullable(),
        source: z.string().min(1),
      })
      .refine(
        (g) =>
          g.minUsdPerGpuHour === null ||
          (g.minUsdPerGpuHour <= g.medianUsdPerGpuHour! && g.medianUsdPerGpuHour! <= g.maxUsdPerGpuHour!),
        "expected min <= median <= max",
      ),
  )
  .min(1);

/** `prices [GPU] --format json`: the catalog's offers themselves. */
const PricesJson = z.array(PriceOffer);

/** `models --format json` (src/output/listings.ts modelRows). */
const ModelsJson = z
  .array(
    z.strictObject({
      id: z.string().min(1),
      name: z.string().min(1),
      params: z.number().int().positive(),
      publishedParams: z.number().int().positive(),
      layers: z.number().int().positive(),
      hidden: z.number().int().positive(),
      heads: z.number().int().positive(),
      kvHeads: z.number().int().positive(),
      ffn: z.number().int().positive(),
      vocab: z.number().int().positive(),
      tiedEmbeddings: z.enum(["true", "false"]),
      source: z.string().min(1),
    }),
  )
  .min(1);

/** `scenarios --format json`: each scenario as written, plus where it came from. */
const ScenariosJson = z
  .array(
    z.looseObject({ origin: z.string().min(1) }).transform((row, ctx) => {
      const { origin: _origin, ...scenario } = row;
      const parsed = Scenario.safeParse(scenario);
      if (!parsed.success)
        ctx.addIssue({ code: "custom", message: `not a scenario: ${parsed.error.issues[0]?.message}` });
      return row;
    }),
  )
  .min(1);

/** `validate --format json` (src/output/accuracy-report.ts validationJson; no schema in src/). "error" is signed. */
const AccuracySummary = z.looseObject({
  rows: z.number().int().positive(),
  medianAbsError: nonNegative,
  shareWithin25: nonNegative.max(1),
  shareInsideRange: nonNegative.max(1),
  meanHighOverLow: z.number().finite().min(1),
});
const AccuracySection = z.looseObject({
  leaveOneSourceOut: AccuracySummary,
  leaveOneRowOut: AccuracySummary,
  constant35: z.looseObject({ medianAbsError: nonNegative }),
  constant40: z.looseObject({ medianAbsError: nonNegative }),
  rows: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        group: z.string().min(1),
        measured: positive,
        predicted: positive,
        error: z.number().finite().min(-1),
        inside: z.boolean(),
        halfWidth: positive,
      }),
    )
    .min(1),
});
const ValidateJson = z.looseObject({
  schemaVersion: z.literal(2),
  command: z.literal("validate"),
  method: z.string().min(1),
  model: z.looseObject({ steadyState: z.looseObject({}), goodput: z.looseObject({}), range: z.looseObject({}) }),
  wholeRuns: AccuracySection,
  speed: AccuracySection,
  fineTuningSpeed: AccuracySection,
  memory: z.looseObject({ rows: z.array(z.looseObject({ id: z.string(), error: z.number().finite() })) }),
});

/** The zod schema of each command's --format json. */
export const JSON_SCHEMAS: Record<CommandName, z.ZodType | undefined> = {
  estimate: EstimateJson,
  compare: CompareJson,
  plan: PlanJson,
  check: CheckJson,
  scenarios: ScenariosJson,
  validate: ValidateJson,
  gpus: GpusJson,
  prices: PricesJson,
  models: ModelsJson,
  // Arrays of rows checked by their own tests (test/fx.test.ts, test/cli-calibrate.test.ts).
  fx: undefined,
  calibrate: undefined,
  completion: undefined,
};

/** JSON keys whose numbers are legitimately signed (see the header comment). */
export const SIGNED_KEYS = new Set(["error"]);

/** Every number in `value` that is negative (or not finite) outside SIGNED_KEYS, as "path = n". */
export function badNumbers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => badNumbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) =>
      SIGNED_KEYS.has(k) && typeof v === "number"
        ? Number.isFinite(v)
          ? []
          : [`${path}.${k} = ${v}`]
        : badNumbers(v, `${path}.${k}`),
    );
  }
  return [];
}

/** RFC 4180 records (quoted fields may hold the separator, quotes and newlines). */
export function parseDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      // CRLF ends the record (handled at the \n).
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A cell that is a plain number (what the CSV writers print for numeric columns). */
const NUMERIC_CELL = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

function checkDelimited(text: string, separator: string): string | undefined {
  const rows = parseDelimited(text, separator);
  const header = rows[0];
  if (!header || header.length < 2) return "no header row";
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) return `row ${i} has ${row.length} fields, the header ${header.length}`;
    if (i === 0) continue;
    for (const [j, cell] of row.entries()) {
      if (/^(NaN|-?Infinity|undefined|null)$/.test(cell)) return `row ${i} ${header[j]} = ${cell}`;
      if (NUMERIC_CELL.test(cell) && Number(cell) < 0 && !SIGNED_KEYS.has(header[j]!))
        return `row ${i} ${header[j]} = ${cell} (negative)`;
    }
  }
  return undefined;
}

/** A minus sign standing before a digit, not inside a word, date or range ("A100-40GB", "2026-01-21", "447–1,242"). */
const NEGATIVE_IN_TEXT = /(?:^|[\s(=:,;|│$₩~<>[])[-−]\.?\d/m;

/** Text that must never appear in output (checked case-sensitively, as words). */
const POISON = [/\bNaN\b/, /Infinity(?! Fabric)/, /\bundefined\b/, /\[object Object\]/];

/** A stack frame: "    at fn (file:line:col)" or "    at file:line:col". */
const STACK_FRAME = /\n\s+at (?:[^\n]* \()?(?:file:|node:|\/)[^\n]*:\d+(?::\d+)?\)?$/m;

/**
 * The error line with the user's own long or odd tokens taken out: an error may quote a value back
 * (commander quotes unknown options whole), and a NUL or a 5,000-character value that the user typed
 * is theirs, not the message's. What is left must be short and free of control characters.
 */
function withoutEchoes(line: string, argv: readonly string[]): string {
  let rest = line;
  const pieces = argv.flatMap((t) => (/^--[^=]+=/.test(t) ? [t, t.slice(t.indexOf("=") + 1)] : [t]));
  for (const token of pieces.sort((a, b) => b.length - a.length)) {
    if (token.length > 40 || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(token)) rest = rest.split(token).join("…");
  }
  return rest;
}

/** The command a vector runs: its first token when that names a command (commander allows nothing before it). */
export function commandOf(argv: readonly string[]): CommandName | undefined {
  return COMMANDS.find((c) => c === argv[0]);
}

export interface Outcome {
  argv: readonly string[];
  code: number | null | undefined;
  stdout: string;
  stderr: string;
  thrown?: unknown;
  leaked?: string;
  touchedProcess?: string | undefined;
}

/**
 * Checks one run against the contract above; returns what is wrong (a short label first, so that
 * failures group by kind), or undefined when the run is fine.
 */
export function checkOutcome(o: Outcome): string | undefined {
  if (o.thrown !== undefined) {
    const e = o.thrown as Error;
    return `threw ${e?.name ?? typeof e}: ${String(e?.message ?? e).slice(0, 200)}${e?.stack ? ` @ ${e.stack.split("\n").slice(1, 3).join(" ").replace(/\s+/g, " ").slice(0, 200)}` : ""}`;
  }
  if (o.leaked) return `wrote to the real process streams: ${JSON.stringify(o.leaked.slice(0, 200))}`;
  if (o.touchedProcess) return `touched the process: ${o.touchedProcess}`;
  if (o.code !== 0 && o.code !== 2) return `exit ${o.code}: ${JSON.stringify(o.stderr.slice(0, 300))}`;
  for (const [name, text] of [
    ["stdout", o.stdout],
    ["stderr", o.stderr],
  ] as const) {
    if (STACK_FRAME.test(text)) return `stack trace on ${name}: ${JSON.stringify(text.slice(0, 300))}`;
  }
  // stderr holds only one-line messages, so any "\n    at " there is a trace (stdout may wrap text to "    at …").
  if (o.stderr.includes("\n    at ")) return `stack trace on stderr: ${JSON.stringify(o.stderr.slice(0, 300))}`;
  const argvText = o.argv.join(" ");
  if (o.code === 2) {
    if (o.stdout !== "") return `exit 2 with output on stdout: ${JSON.stringify(o.stdout.slice(0, 200))}`;
    if (!/^llm-cost: [^\n]*\n$/.test(o.stderr))
      return `exit 2 without exactly one "llm-cost: " line on stderr: ${JSON.stringify(o.stderr.slice(0, 300))}`;
    const own = withoutEchoes(o.stderr.slice(0, -1), o.argv);
    if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(own))
      return `error line holds a control or line-break character: ${JSON.stringify(o.stderr.slice(0, 300))}`;
    if (own.length > 1000)
      return `error line is ${own.length} characters long: ${JSON.stringify(o.stderr.slice(0, 200))}…`;
    if (/^llm-cost: *\n$/.test(o.stderr)) return "empty error message";
    for (const poison of POISON) {
      // An error may quote the user's own value back ("invalid --mfu \"NaN\""); only flag text the argv does not hold.
      const hit = poison.exec(o.stderr);
      if (hit && !argvText.includes(hit[0]))
        return `"${hit[0]}" in the error: ${JSON.stringify(o.stderr.slice(0, 300))}`;
    }
    return undefined;
  }
  // Exit 0.
  const errLines = o.stderr.split("\n").slice(0, -1);
  if (o.stderr !== "" && (!o.stderr.endsWith("\n") || errLines.some((l) => !l.startsWith("llm-cost: "))))
    return `exit 0 with stray stderr: ${JSON.stringify(o.stderr.slice(0, 300))}`;
  if (o.stdout === "" && !/^llm-cost: (wrote |파일을 썼습니다: )/m.test(o.stderr))
    return "exit 0 with nothing on stdout";
  for (const poison of POISON) {
    const hit = poison.exec(o.stdout) ?? poison.exec(o.stderr);
    if (hit) {
      const at = (o.stdout + o.stderr).indexOf(hit[0]);
      return `"${hit[0]}" in the output: ${JSON.stringify((o.stdout + o.stderr).slice(Math.max(0, at - 80), at + 40))}`;
    }
  }
  if (/^Usage: /.test(o.stdout)) return undefined; // --help / help
  if (/^\d+\.\d+\.\d+\n$/.test(o.stdout)) return undefined; // --version
  const command = commandOf(o.argv);
  if (command === undefined)
    return `exit 0 for no known command but not help or version: ${JSON.stringify(o.stdout.slice(0, 100))}`;
  if (command === "completion") return /^(#|#compdef) /.test(o.stdout) ? undefined : "completion printed no script";
  const format = formatOf(o.argv) ?? "table";
  if (/^llm-cost: (wrote |파일을 썼습니다: )/m.test(o.stderr)) return undefined; // --out: the file is checked by its own tests
  if (format === "json") {
    let data: unknown;
    try {
      data = JSON.parse(o.stdout);
    } catch (error) {
      return `--format json is not JSON (${(error as Error).message.slice(0, 100)})`;
    }
    const schema = JSON_SCHEMAS[command];
    if (schema) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const at = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown>)?.[k as PropertyKey], data);
        return `--format json fails the ${command} schema at ${issue.path.join(".")}: ${issue.message} (value ${JSON.stringify(at)?.slice(0, 80)})`;
      }
    }
    const bad = badNumbers(data);
    if (bad.length) return `negative number in JSON: ${bad.slice(0, 3).join(", ")}`;
    return undefined;
  }
  if (format === "csv" || format === "tsv") {
    const problem = checkDelimited(o.stdout, format === "csv" ? "," : "\t");
    return problem ? `${format}: ${problem}` : undefined;
  }
  if (command !== "validate") {
    const hit = NEGATIVE_IN_TEXT.exec(o.stdout);
    if (hit)
      return `negative number in ${format} output: ${JSON.stringify(o.stdout.slice(Math.max(0, hit.index - 60), hit.index + 30))}`;
  }
  return undefined;
}
