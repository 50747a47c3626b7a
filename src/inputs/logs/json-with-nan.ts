// JSON as Python's json module writes it: NaN, Infinity and -Infinity appear bare (allow_nan is on
// by default), which JSON.parse rejects. Hugging Face's trainer_state.json carries a NaN loss that
// way, and that is exactly the value a caller must see, so those tokens become null first.

import type { LogProblem } from "./log-measurement.js";
import { problem } from "./log-measurement.js";

// Strings are matched whole first so a "NaN" inside one is left alone.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g;

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: LogProblem };

export function parseJsonWithNaN(text: string, file: string): JsonResult {
  const json = text.replace(TOKENS, (t) => (t.startsWith('"') ? t : "null"));
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    // A file that stops with brackets still open was cut off; anything else is malformed.
    if (unclosed(json)) return problem("log.truncated", { file, line: json.split("\n").length });
    return problem("log.badJson", { file, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Whether the text ends inside a string or with a { or [ not closed. */
function unclosed(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return inString || depth > 0;
}
