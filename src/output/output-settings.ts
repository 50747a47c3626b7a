import type { Lang } from "../i18n/lang.js";
import { type CommandName, type CURRENCIES, FORMATS, type Format } from "../job/options.js";

/** How a command writes: format, language, file, and the spreadsheet options. */
export interface OutputSettings {
  format: Format;
  lang: Lang;
  currency: (typeof CURRENCIES)[number];
  out?: string;
  force: boolean;
  label?: string;
  header: boolean;
  color: boolean;
  /** The terminal's width (a table below 100 columns takes its compact layout). */
  width?: number;
}

/** The formats each command writes: html is a report, for the commands that estimate jobs. */
export function formatsOf(command: CommandName): readonly Format[] {
  return command === "estimate" || command === "compare" || command === "plan"
    ? FORMATS
    : FORMATS.filter((f) => f !== "html");
}
