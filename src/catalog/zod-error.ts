import type { z } from "zod";
import { UsageError } from "../errors.js";

/** Writes a JSON path the way a reader would look it up: models[3].arch.kvHeads. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(top level)";
}

/** One line naming the file, the JSON path and what was wrong, for the first zod issue. */
export function describeZodError(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${file}: invalid`;
  if (issue.code === "unrecognized_keys") return `${file}: ${jsonPath([...issue.path, issue.keys[0] ?? ""])}: unknown key`;
  return `${file}: ${jsonPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, "")}`;
}

/** Parses `data` with `schema`, or throws a UsageError whose message names the file and JSON path. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new UsageError(describeZodError(file, result.error));
  return result.data;
}
