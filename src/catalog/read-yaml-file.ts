import { parseDocument } from "yaml";
import { UsageError } from "../errors.js";
import { readTextFile } from "./read-config-file.js";

/**
 * Parses YAML text into plain JavaScript values (YAML 1.2 core schema: `True`, `null`, `2e-5` and
 * empty values behave as in the trainers' own loaders). A syntax error, a duplicate key or several
 * documents in one file is a UsageError naming `file` and the line.
 */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    // The library appends "at line L, column C:" and a source excerpt; one line is enough here.
    const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const line = error.linePos?.[0].line;
    throw new UsageError(`${file}: ${line === undefined ? "" : `line ${line}: `}${reason}`);
  }
  try {
    return doc.toJS();
  } catch (error) {
    // Building values can still fail (e.g. too many aliases, the library's guard against
    // exponential "billion laughs" documents): still the user's file, still one line.
    throw new UsageError(`${file}: ${(error as Error).message.split("\n")[0]}`);
  }
}

/** Reads and parses a YAML file the user named with `flag` (a training config); errors name the file and line. */
export function readYamlFile(path: string, flag: string, cwd = "."): unknown {
  return parseYaml(readTextFile(path, flag, cwd), path);
}
