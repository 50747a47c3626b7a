import { type Document, parseDocument } from "yaml";
import { usage } from "../errors.js";
import { shown } from "../util/shown.js";
import { quoted, type Subject } from "../i18n/message.js";
import { lineAndColumn, readTextFile } from "./read-json-file.js";

// The library marks its nodes with these registered symbols (its isMap/isScalar test them). They are
// read directly because the CLI's yaml bundle (scripts/build.mjs) exports parseDocument alone.
const NODE_TYPE = Symbol.for("yaml.node.type");
const MAP = Symbol.for("yaml.map");
const SEQ = Symbol.for("yaml.seq");
const SCALAR = Symbol.for("yaml.scalar");
interface YamlNode {
  [NODE_TYPE]?: symbol;
  items?: Array<YamlNode & { key?: YamlNode; value?: YamlNode }>;
  value?: unknown;
  range?: [number, number, number];
}
const typeOf = (node: unknown): symbol | undefined =>
  node !== null && typeof node === "object" ? (node as YamlNode)[NODE_TYPE] : undefined;

/**
 * The first key that appears twice in one mapping, with its line. The library's own check
 * (uniqueKeys) compares each key with every earlier one, which is quadratic: 30,000 keys took 4.7 s
 * and 300,000 took 19 minutes. A set per mapping makes it linear; an explicit stack keeps deep
 * nesting off the call stack.
 */
function duplicateKey(doc: Document, text: string): string | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop() as YamlNode;
    const type = typeOf(node);
    if (type === SEQ) stack.push(...(node.items ?? []));
    if (type !== MAP) continue;
    const seen = new Set<string>();
    for (const pair of node.items ?? []) {
      const key = pair.key;
      const scalar = typeOf(key) === SCALAR;
      // Scalars by type and value (1 and "1" are different keys); other keys by their text.
      const name = scalar ? `${typeof key!.value}:${String(key!.value)}` : `node:${String(key)}`;
      if (seen.has(name)) {
        const offset = scalar ? key!.range?.[0] : undefined;
        const line = offset === undefined ? "" : `line ${lineAndColumn(text, offset).line}: `;
        return `${line}Map keys must be unique ("${shown(scalar ? String(key!.value) : String(key), 60)}" is given twice)`;
      }
      seen.add(name);
      stack.push(pair.value);
    }
  }
  return undefined;
}

/**
 * Parses YAML text into plain JavaScript values (YAML 1.2 core schema: `True`, `null`, `2e-5` and
 * empty values behave as in the trainers' own loaders). A syntax error, a duplicate key or several
 * documents in one file is a UsageError naming `file` and the line.
 */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    // The library appends "at line L, column C:" and a source excerpt; one line is enough here.
    const reason = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    const line = error.linePos?.[0].line;
    if (line === undefined) throw usage("file.problem", { file: quoted(file), detail: reason });
    throw usage("file.yamlAt", { file: quoted(file), line, detail: reason });
  }
  const duplicate = duplicateKey(doc, text);
  if (duplicate !== undefined) throw usage("file.problem", { file: quoted(file), detail: duplicate });
  try {
    return doc.toJS();
  } catch (error) {
    // Building values can still fail (e.g. too many aliases, the library's guard against
    // exponential "billion laughs" documents): still the user's file, still one line.
    throw usage("file.problem", { file: quoted(file), detail: (error as Error).message.split("\n")[0] ?? "" });
  }
}

/**
 * Training configs are a few kilobytes. The YAML library builds a node per value (about 25 µs and
 * 2 kB each), so a bigger file would cost seconds and hundreds of megabytes: 256 KB keeps the
 * worst case under a second.
 */
export const MAX_YAML_BYTES = 256 * 1024;

/** Reads and parses a YAML file the user named with `flag` (a training config); errors name the file and line. */
export function readYamlFile(path: string, flag: Subject | string, cwd = "."): unknown {
  return parseYaml(readTextFile(path, flag, cwd, MAX_YAML_BYTES), path);
}
