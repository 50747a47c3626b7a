import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError, badValue } from "../errors.js";

/** Reads a user's file as UTF-8 text; a missing or unreadable file is a UsageError naming the flag and path. */
export function readTextFile(path: string, flag: string, cwd = "."): string {
  try {
    // Editors on Windows save JSON with a byte-order mark; it is not part of the text.
    return readFileSync(resolve(cwd, path), "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : `cannot be read (${code ?? "error"})`;
    throw badValue(flag, path, why);
  }
}

/** 1-based line and column of a character offset, for error messages that point into the file. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Reads and parses a JSON file the user named with `flag` (e.g. a Hugging Face config.json).
 * A syntax error is one line naming the file and, where the parser reports it, the line and column.
 */
export function readJsonFile(path: string, flag: string, cwd = "."): unknown {
  const text = readTextFile(path, flag, cwd);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 reports "... in JSON at position N"; a line number is easier to find in an editor.
    const position = /at position (\d+)/.exec(message)?.[1];
    const where =
      position === undefined
        ? ""
        : (() => {
            const { line, column } = lineAndColumn(text, Number(position));
            return ` at line ${line}, column ${column}`;
          })();
    const reason = message.replace(/ at position \d+( \(line \d+ column \d+\))?$/, "").replace(/ in JSON$/, "");
    throw new UsageError(`${path}: not valid JSON${where} (${reason})`);
  }
}
