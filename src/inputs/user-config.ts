import { resolve } from "node:path";
import { usage } from "../errors.js";
import { msg, quoted } from "../i18n/message.js";
import { readBoundedFile } from "./bounded-read.js";
import { parseJsonText } from "./read-json-file.js";
import type { UserConfig } from "./user-config-schema.js";

/**
 * llm-cost.config.json: a team's own defaults and additions. Precedence is built-in < this file <
 * command-line flags. Own price offers (a negotiated rate) are used instead of the market median
 * for their GPU; own GPUs and models join the catalog. The schema is ./user-config-schema.ts.
 */
export const CONFIG_FILE_NAME = "llm-cost.config.json";

/** A config that was found, and the path it came from (for error messages and JSON provenance). */
export interface LoadedConfig {
  file: string;
  config: UserConfig;
}

/**
 * Reads the config: --config PATH when given (it must exist), else llm-cost.config.json in the
 * working directory when present, else none. Every failure names the file (and the JSON path).
 * The schema, and zod with it, is imported only when there is a file to check: every estimate
 * looks for the file, and most find none (start-up time: `npm run bench`).
 */
export async function loadUserConfig(explicitPath: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  const file = explicitPath ?? CONFIG_FILE_NAME;
  // Found or named, the file is read with the same bounds (./bounded-read.ts): a config that is a
  // link to /dev/zero is refused, not read until memory runs out.
  const result = readBoundedFile(resolve(cwd, file));
  if (!result.ok) {
    if (result.code === "ENOENT" && explicitPath === undefined) return undefined;
    const why = result.code === "EISDIR" ? msg("read.directoryNotConfig") : result.why;
    const args = { file: quoted(file), why };
    throw usage("file.unusable", explicitPath === undefined ? args : { ...args, flag: "--config" });
  }
  const data = parseJsonText(result.text, file);
  const { parseUserConfig } = await import("./user-config-schema.js");
  return { file, config: parseUserConfig(data, file) };
}
