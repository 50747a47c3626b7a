import type { z } from "zod";
import { UsageError, shown } from "../errors.js";
import { type Message, msg, quoted } from "../i18n/message.js";

/**
 * A key from the user's file as an error message may show it: control characters escaped (a NUL or
 * an ESC sequence must not reach the terminal) and a very long key cut, so the message stays one short line.
 */
function shownKey(key: string): string {
  return shown(key, 60);
}

/** Writes a JSON path the way a reader would look it up: models[3].arch.kvHeads. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${shownKey(String(key))}` : shownKey(String(key));
  }
  return out || "(top level)";
}

/** The problem naming the file, the JSON path and what was wrong, for the first zod issue. */
export function zodProblem(file: string, error: z.ZodError): Message {
  const issue = error.issues[0];
  if (!issue) return msg("file.invalid", { file: quoted(file) });
  // Point at the offending key itself rather than at the object that holds it.
  if (issue.code === "unrecognized_keys")
    return msg("file.unknownKey", { file: quoted(file), path: jsonPath([...issue.path, issue.keys[0] ?? ""]) });
  // zod says "expected string, received undefined" for a missing key, and "received Infinity" for a
  // number too large for a double (1e400); users read "missing" and "too large".
  const message = issue.message
    .replace(/^Invalid input: /, "")
    .replace(/^expected (.+), received undefined$/, "missing (expected $1)")
    .replace(/^expected number, received -?Infinity$/, "expected a number, got one too large to represent");
  // zod's own words, in English: the path and the file are what a reader acts on.
  return msg("file.invalidAt", { file: quoted(file), path: jsonPath(issue.path), detail: message });
}

/** Parses `data` with `schema`, or throws a UsageError whose message names the file and JSON path. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new UsageError(zodProblem(file, result.error));
  return result.data;
}
