import { extname } from "node:path";
import { invalid, usage } from "../errors.js";
import { type Lang, LANGS, langFromEnv } from "../i18n/lang.js";
import { msg } from "../i18n/message.js";
import { CURRENCIES, type CommandName, type Format } from "../job/options.js";
import { formatsOf, type OutputSettings } from "../output/output-settings.js";

export type { OutputSettings } from "../output/output-settings.js";
import { parseChoice } from "../job/values/choices.js";
import type { Io } from "./io.js";

/** The output flags every command takes, as commander hands them over. */
export interface OutputFlags {
  format?: string;
  out?: string;
  force?: boolean;
  lang?: string;
  currency?: string;
  label?: string;
  header?: boolean;
  color?: boolean;
}

/** The width tables are drawn for: the terminal's, or $COLUMNS when output is piped to a pager. */
function terminalWidth(io: Io): number | undefined {
  const fromEnv = Number(io.env["COLUMNS"]);
  return io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
}

const EXTENSIONS: Readonly<Record<string, Format>> = {
  ".csv": "csv",
  ".tsv": "tsv",
  ".tab": "tsv",
  ".json": "json",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".txt": "table",
};

/** A label is one printable line: it becomes a spreadsheet cell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to refuse control characters.
const LABEL = /^[^\u0000-\u001f\u007f-\u009f]{1,100}$/u;

/**
 * Reads the output flags: the format from --format, else from --out's extension, else table; an
 * explicit --format that contradicts the extension is an error (a .csv file holding a table would
 * be read as garbage by the spreadsheet it is meant for).
 */
export function outputSettings(flags: OutputFlags, command: CommandName, io: Io, configLang?: Lang): OutputSettings {
  const allowed = formatsOf(command);
  const out = flags.out === "-" ? undefined : flags.out;
  if (flags.force && out === undefined) throw usage("rule.forceNeedsOut");
  const extension = out === undefined ? "" : extname(out).toLowerCase();
  const inferred = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension] : undefined;
  const explicit = flags.format === undefined ? undefined : parseChoice(flags.format, allowed, "format");
  if (explicit !== undefined && inferred !== undefined && explicit !== inferred)
    throw invalid(
      "format",
      flags.format!,
      msg("reason.formatAgainstOut", { file: out!, inferred, extension: explicit === "markdown" ? "md" : explicit }),
    );
  const format = explicit ?? inferred ?? "table";
  if (!allowed.includes(format))
    throw invalid("out", out ?? "", msg("reason.formatNotHere", { command, choices: allowed }));
  const lang = flags.lang === undefined ? (configLang ?? langFromEnv(io.env)) : parseChoice(flags.lang, LANGS, "lang");
  const currency = parseChoice(flags.currency ?? "both", CURRENCIES, "currency");
  if (flags.label !== undefined && !LABEL.test(flags.label)) throw invalid("label", flags.label, msg("reason.label"));
  return {
    format,
    lang,
    currency,
    ...(out === undefined ? {} : { out }),
    force: flags.force === true,
    ...(flags.label === undefined ? {} : { label: flags.label }),
    header: flags.header !== false,
    // Colour only on a terminal's table: never in a file or a machine format.
    color: flags.color !== false && out === undefined && format === "table",
    ...(out === undefined && terminalWidth(io) !== undefined ? { width: terminalWidth(io)! } : {}),
  };
}
