import { formatsOf } from "../../src/output/output-settings.js";
import { parseDelimited as parseRecords } from "./output-oracle.js";
import { COMMANDS, type CommandName, type Format } from "../../src/job/options.js";

/** One valid invocation of each command: the end-to-end tests run it in every format and both languages. */
export const INVOCATIONS: Readonly<Record<CommandName, readonly string[]>> = {
  estimate: ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"],
  compare: ["compare", "sft-7b", "lora-7b", "--gpus", "8xH100"],
  plan: ["plan", "--params", "7B", "--tokens", "15B", "--strategy", "dapt", "--deadline", "30d", "--top", "2"],
  check: [
    "check",
    "--params",
    "7B",
    "--tokens",
    "15B",
    "--gpus",
    "2xH100",
    "--claimed-days",
    "730",
    "--claimed-cost",
    "3억",
  ],
  scenarios: ["scenarios"],
  validate: ["validate", "--speed"],
  gpus: ["gpus"],
  prices: ["prices", "H100"],
  models: ["models"],
  fx: ["fx"],
  calibrate: [
    "calibrate",
    "--log",
    "test/fixtures/logs/megatron-stdout.log",
    "--params",
    "7B",
    "--tokens",
    "15B",
    "--gpus",
    "16xH100",
  ],
};

/** Every (command, format, language) the CLI promises. */
export const MATRIX: ReadonlyArray<{ command: CommandName; format: Format; lang: "en" | "ko"; argv: string[] }> =
  COMMANDS.flatMap((command) =>
    formatsOf(command).flatMap((format) =>
      (["en", "ko"] as const).map((lang) => ({
        command,
        format,
        lang,
        argv: [...INVOCATIONS[command], "--format", format, "--lang", lang],
      })),
    ),
  );

/** CSV (RFC 4180) or TSV into rows of cells, with the output oracle's parser. */
export function parseDelimited(text: string, format: "csv" | "tsv"): string[][] {
  const rows = parseRecords(text, format === "csv" ? "," : "\t");
  // A last line break ends the last record; it starts no empty one.
  return rows.filter((r, i) => !(i === rows.length - 1 && r.length === 1 && r[0] === ""));
}

/** JSON's number grammar: what pandas, R and spreadsheets read as a number without a locale. */
export const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Whether a cell is a number every reader takes as one: JSON's grammar, finite, and an integer
 * written out in full only below 2^63 (pandas reads a longer integer as text).
 */
export function isSheetNumber(cell: string): boolean {
  if (!JSON_NUMBER.test(cell) || !Number.isFinite(Number(cell))) return false;
  return /[.eE]/.test(cell) || Math.abs(Number(cell)) < 2 ** 63;
}
