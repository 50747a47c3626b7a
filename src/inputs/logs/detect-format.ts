// Which format a log is, from its content first (a torchtune log may be called anything.txt) and its
// name second (a .csv whose header uses only custom column names), and the one entry point that
// reads any of them.

import { parseHfTrainerState } from "./hf-trainer.js";
import type { LogFormat, LogParseOptions, LogResult } from "./log-measurement.js";
import { problem } from "./log-measurement.js";
import { parseMegatron } from "./megatron.js";
import { parseTorchtune } from "./torchtune.js";
import { parseWandbCsv, WANDB_COLUMNS } from "./wandb-csv.js";

const TORCHTUNE = /^\s*Step \d+ \| /m;
const MEGATRON = /\biteration\s+\d+\s*\/\s*\d+\s*\|/;
// Text logs hold no NUL and few other C0 controls; a file with them is binary (a pickle, a
// TensorBoard event file, a checkpoint) passed by mistake.
// (TAB, LF, VT, FF, CR and ESC are allowed: ESC for the colour codes some launchers print.)
function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && !(c >= 9 && c <= 13) && c !== 27) return true;
  }
  return false;
}

/** The format, or undefined when the text is none that llm-cost reads. */
export function detectFormat(text: string, file: string): LogFormat | undefined {
  if (looksBinary(text)) return undefined;
  if (/^\s*[{[]/.test(text) || /\.json$/i.test(file)) return "hf-trainer";
  if (TORCHTUNE.test(text)) return "torchtune";
  if (MEGATRON.test(text)) return "megatron";
  if (/\.csv$/i.test(file) || csvHeaderNamesAColumn(text)) return "wandb-csv";
  return undefined;
}

function csvHeaderNamesAColumn(text: string): boolean {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const known = new Set<string>(Object.values(WANDB_COLUMNS).flat());
  return header
    .split(",")
    .map((c) => c.trim().replace(/^"|"$/g, ""))
    .some((c) => known.has(c.replace(/^.+? - /, "")));
}

/** Reads one log's text; `file` is the name used in the measurement and in problems. */
export function parseLog(text: string, file: string, options: LogParseOptions = {}): LogResult {
  if (text.trim() === "") return problem("log.empty", { file });
  switch (detectFormat(text, file)) {
    case "hf-trainer":
      return parseHfTrainerState(text, file, options);
    case "torchtune":
      return parseTorchtune(text, file, options);
    case "megatron":
      return parseMegatron(text, file, options);
    case "wandb-csv":
      return parseWandbCsv(text, file, options);
    default:
      return problem("log.unknownFormat", { file });
  }
}
