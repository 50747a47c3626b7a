import type { z } from "zod";
import { UsageError, shown } from "../errors.js";

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

/** One line naming the file, the JSON path and what was wrong, for the first zod issue. */
export function describeZodError(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${file}: invalid`;
  if (issue.code === "unrecognized_keys")
    return `${file}: ${jsonPath([...issue.path, issue.keys[0] ?? ""])}: unknown key`;
  // zod says "expected string, received undefined" for a missing key, and "received Infinity" for a
  // number too large for a double (1e400); users read "missing" and "too large".
  const message = issue.message
    .replace(/^Invalid input: /, "")
    .replace(/^expected (.+), received undefined$/, "missing (expected $1)")
    .replace(/^expected number, received -?Infinity$/, "expected a number, got one too large to represent");
  return `${file}: ${jsonPath(issue.path)}: ${message}`;
}

/** Parses `data` with `schema`, or throws a UsageError whose message names the file and JSON path. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new UsageError(describeZodError(file, result.error));
  return result.data;
}
