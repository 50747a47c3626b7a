import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
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
  const full = resolve(cwd, file);
  let text: string;
  try {
    if (statSync(full).isDirectory()) throw new UsageError(`${file}: is a directory, not a config file`);
    text = readFileSync(full, "utf8").replace(/^\uFEFF/, ""); // a byte-order mark is not part of the JSON
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && explicitPath === undefined) return undefined;
    throw new UsageError(
      `${file}: cannot be read (${code ?? "error"})${explicitPath !== undefined ? " (--config)" : ""}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const { parseUserConfig } = await import("./user-config-schema.js");
  return { file, config: parseUserConfig(data, file) };
}
