import { resolve } from "node:path";
import { invalid, usage } from "../errors.js";
import { quoted, type Subject } from "../i18n/message.js";
import { readBoundedFile } from "./bounded-read.js";
import { duplicateJsonKey } from "./json-duplicates.js";

/**
 * Reads a user's file as UTF-8 text (a regular file of at most 10 MB, see ./bounded-read.ts); a
 * missing, unreadable or refused file is a UsageError naming the flag and path.
 */
export function readTextFile(path: string, flag: Subject | string, cwd = ".", maxBytes?: number): string {
  const result = readBoundedFile(resolve(cwd, path), maxBytes);
  if (!result.ok) throw invalid(flag, path, result.why);
  return result.text;
}

/**
 * Parses JSON text from `file` (as error messages name it): a syntax error names the line and
 * column, and a key given twice in one object is an error, as it is in YAML.
 */
export function parseJsonText(text: string, file: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 reports "... in JSON at position N"; a line number is easier to find in an editor.
    const position = /at position (\d+)/.exec(message)?.[1];
    const where =
      position === undefined
        ? ""
        : (() => {
            const { line, column } = lineAndColumn(text, Number(position));
            return { line, column };
          })();
    const reason = message.replace(/ at position \d+( \(line \d+ column \d+\))?$/, "").replace(/ in JSON$/, "");
    const detail = quoted(reason, 120);
    if (where === "") throw usage("file.notJson", { file: quoted(file), detail });
    throw usage("file.notJsonAt", { file: quoted(file), line: where.line, column: where.column, detail });
  }
  const duplicate = duplicateJsonKey(text);
  if (duplicate !== undefined) throw usage("file.duplicateKey", { file: quoted(file), key: duplicate });
  return data;
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
export function readJsonFile(path: string, flag: Subject | string, cwd = "."): unknown {
  return parseJsonText(readTextFile(path, flag, cwd), path);
}
