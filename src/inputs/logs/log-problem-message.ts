// A refused log as a message of the one catalogue (codes log.* in src/i18n/messages-*.ts). The
// parsers return data only; this is where that data becomes message arguments.

import { type Message, type MessageArg, msg, quoted } from "../../i18n/message.js";
import type { LogProblem } from "./log-measurement.js";

/**
 * Text read from the user's disk (the file name, a field, a value, a column, a parser's detail) is
 * quoted, so the renderer cuts it short and makes control characters visible; counts and the
 * format are llm-cost's own and pass as plain text (no digit grouping: "line 1234" is a line number).
 */
const FROM_DISK = new Set(["file", "field", "value", "column", "detail"]);

export function logProblemMessage(p: LogProblem): Message {
  const args: Record<string, MessageArg> = {};
  for (const [key, value] of Object.entries(p.args))
    args[key] = FROM_DISK.has(key) ? quoted(String(value)) : String(value);
  return msg(p.code, args);
}
