import type { Outcome } from "./output-oracle.js";

/**
 * Bugs the fuzzers found in src/ that are reported but not fixed by the tests' author (they sit in
 * files under active change). A fuzz failure that one of these explains is counted and printed, not
 * failed, so that the fuzzers keep guarding everything else; each bug also has a minimal
 * reproduction that test/fuzz-cli.test.ts runs with `it.fails`: when the bug is fixed that test
 * starts failing, and the entry (and its `it.fails`) must be deleted, which makes the fuzzers strict
 * about it again.
 */
export interface KnownBug {
  id: string;
  /** What goes wrong, where (file and cause), and the fix proposed. */
  summary: string;
  /** A minimal argv that shows it (run in-process in an empty directory, or with `files` written first). */
  repro: string[];
  files?: Record<string, string>;
  /** Whether a failure is this bug: the oracle's problem text, the run, and the input (argv and any file's text). */
  matches: (problem: string, outcome: Outcome, input: string) => boolean;
  /** What the reproduction must show once fixed (default: test/helpers/output-oracle.ts checkOutcome passes). */
  fixed?: (outcome: Outcome) => string | undefined;
}

/** The input holds a number of magnitude ≥ 1e15 or ≤ 1e-15 written with an exponent (1e300, 7e-312), or 16+ digits. */
export function hasExtremeNumber(input: string): boolean {
  for (const [, , exponent] of input.matchAll(/(\d+(?:\.\d*)?|\.\d+)e([+-]?\d+)/gi)) if (Math.abs(Number(exponent)) >= 15) return true;
  return /\d{16,}/.test(input.replace(/[,_]/g, ""));
}

export const KNOWN_BUGS: KnownBug[] = [
  {
    id: "overflow",
    summary:
      "Inputs of extreme but finite magnitude are accepted and overflow: --params 5e296, --tokens 9e284, --examples 5e114, --price 2e98 or 9e-123, " +
      "--fx 6e20, --bytes-per-token 7e-312, --budget 1e300원, and the same numbers in a config file (usdPerGpuHour 1e308) or a scenario file " +
      "(examples 1e300). The table then throws RangeError 'formatKrw: Infinity' out of run() (src/output/format.ts:16, called from " +
      "estimate-table.ts / compare-table.ts), prints 'Infinity', '∞T' or '×Infinity', prints negative won ('…조 -899,782,…억': formatKrw's " +
      "minor = inSmall - major*ratio goes negative beyond 2^53), and --format json prints null for FLOPs, tokens or costs and an unsafe " +
      "integer for gpusToSpendByDeadline. Cause: src/core/quantity.ts parseCount/parsePositiveNumber, src/core/money.ts parseMoney and " +
      "the config/scenario schemas only require finite and > 0. Fix: upper and lower bounds per quantity (e.g. params ≤ 1e15, tokens ≤ 1e18, " +
      "price ≤ 1e4 $/GPU-h, fx ≤ 1e6, bytes/token ≥ 0.01, budget ≤ 1e18 won) and a check in buildReport that every result is finite, as a UsageError.",
    repro: ["estimate", "--params", "1e300", "--tokens", "15B", "--gpus", "2xH100"],
    matches: (problem, _o, input) => hasExtremeNumber(input) && /Infinity|∞|formatKrw|formatUsd|RangeError|received null|Too big|negative number|NaN/.test(problem),
  },
  {
    id: "help-on-stderr",
    summary:
      "`llm-cost --` and `llm-cost help nope` print the whole program help to stderr followed by 'llm-cost: (outputHelp)' and exit 2: " +
      "more than one line, and not a message. Cause: src/cli/run.ts: with no command, commander calls help({ error: true }), which " +
      "writes the help through configureOutput.writeErr (io.stderr) and throws CommanderError 'commander.help' / '(outputHelp)' with " +
      "exitCode 1, which run() passes to fail(). Fix: route writeErr's help text nowhere (or to a buffer) and map code 'commander.help' " +
      "to the same one-line 'missing command' error run() gives for an empty argv.",
    repro: ["--"],
    matches: (problem, o) => problem.startsWith("exit 2 without exactly one") && /^Usage: /.test(o.stderr),
  },
  {
    id: "warning-then-error",
    summary:
      "estimate prints its warnings (e.g. 'llm-cost: warning: --mfu 0.901 is above 0.7 …') before writing --out, so a failing --out " +
      "(a directory, an existing file without --force, a missing folder) ends in exit 2 with two lines on stderr. Cause: " +
      "src/cli/estimate-command.ts action: the `for (const warning of report.warnings) io.stderr(...)` loop runs before writeOutput. " +
      "Fix: print the warnings after the output is written (or check the --out target first).",
    repro: ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "H100", "--mfu", "0.9", "--out", "."],
    matches: (problem, o) => problem.startsWith("exit 2 without exactly one") && /^llm-cost: warning: /.test(o.stderr),
  },
  {
    id: "control-characters-from-file",
    summary:
      "A file that is not JSON makes an error line holding its raw bytes: V8's JSON.parse message quotes a snippet of the text, and " +
      "NUL, ESC (terminal escape sequences), \\r, \\f and the NULs of a UTF-16 file reach stderr unescaped. Cause: the message is passed " +
      "on as is by src/catalog/read-config-file.ts readJsonFile (scenario files, --model-config) and src/catalog/user-config.ts " +
      "loadUserConfig (config files); src/cli/run.ts oneLine only folds \\n. Fix (one place): in run.ts oneLine, escape " +
      "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029] as \\uXXXX (src/catalog/zod-error.ts already does so for JSON keys).",
    repro: ["scenarios", "bad.json"],
    files: { "bad.json": "[\u0000\u001b[31m\r" },
    matches: (problem, o) => problem.startsWith("error line holds a control") && /not valid JSON/.test(o.stderr),
  },
  {
    id: "config-value-blamed-on-flag",
    summary:
      "A well-typed config value that the estimate rejects is reported as a flag the user never typed, without the file: " +
      '{"gpus": "2xH900"} in llm-cost.config.json gives \'invalid --gpus "2xH900": unknown GPU\', {"provider": "nope"} gives ' +
      "'invalid --provider \"nope\"'. Worse, a gpuSpecs entry with a built-in id (\"h100-sxm\") replaces that GPU and its aliases, " +
      "so a later --gpus H100 fails with 'unknown GPU \"H100\"'. Cause: src/cli/estimate-command.ts withConfig copies config values " +
      "into the flags, and the flag parsers (parseGpuSelection, resolvePrice) name the flag; src/catalog/merge-config.ts lets an own " +
      "GPU id shadow a built-in one silently. Fix: remember which values came from the config (withConfig already records `sources`) " +
      "and rethrow their UsageErrors as 'FILE: gpus: …'; reject or name a gpuSpecs/models id that duplicates a built-in one.",
    repro: ["estimate", "--params", "7B", "--tokens", "15B"],
    files: { "llm-cost.config.json": JSON.stringify({ gpus: "2xH900" }) },
    matches: (problem, o) => problem.startsWith("the message does not name the file") && /invalid --(gpus?|provider) /.test(o.stderr),
    fixed: (o) => (o.code === 2 && o.stderr.includes("llm-cost.config.json") ? undefined : `not naming the config: ${o.stderr}`),
  },
  {
    id: "prices-csv-without-header",
    summary:
      "`llm-cost prices V100 --format csv` (a GPU with no offers) prints an empty line: no header row. Cause: src/output/listings.ts " +
      "rowsToCsv takes the columns from the first row. (The same function also drops columns: `prices H100 --format csv` has no " +
      "instance and gpusPerInstance columns although 12 of its 21 offers have them, because the first offer has none; see the " +
      "it.fails test on it.) Fix: columns = the union of every row's keys, or a fixed column list per listing.",
    repro: ["prices", "V100", "--format", "csv"],
    matches: (problem, o) => problem === "csv: no header row" && o.argv[0] === "prices",
  },
];

/** The known bug that explains a failure, if any. */
export function knownBug(problem: string, outcome: Outcome, input = outcome.argv.join(" ")): KnownBug | undefined {
  return KNOWN_BUGS.find((bug) => bug.matches(problem, outcome, input));
}
