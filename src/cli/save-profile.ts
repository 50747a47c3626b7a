import { resolve } from "node:path";
import { usage } from "../errors.js";
import { quoted } from "../i18n/message.js";
import { readBoundedFile } from "../inputs/bounded-read.js";
import { parseJsonText } from "../inputs/read-json-file.js";
import { CONFIG_FILE_NAME } from "../inputs/user-config.js";
import type { UserProfile } from "../inputs/user-config-schema.js";
import { writeOutput } from "./write-output.js";

/**
 * Stores a profile in the config file (--config PATH, else ./llm-cost.config.json), atomically:
 * the file is parsed, the profile of that name replaced in place (or added at the end), and the
 * whole written back with two-space indentation through a temporary file and a rename, so every
 * other key survives and a crash leaves the old file. The result is checked against the config
 * schema before anything is written: --save never leaves a file that llm-cost would refuse.
 * Returns the path written.
 */
export async function saveProfile(cwd: string, configFlag: string | undefined, profile: UserProfile): Promise<string> {
  const file = configFlag ?? CONFIG_FILE_NAME;
  const read = readBoundedFile(resolve(cwd, file));
  if (!read.ok && read.code !== "ENOENT") throw usage("file.unusable", { file: quoted(file), why: read.why });
  const data = read.ok ? (parseJsonText(read.text, file) as Record<string, unknown>) : {};
  const before = Array.isArray(data["profiles"]) ? (data["profiles"] as Array<{ name?: unknown }>) : [];
  const at = before.findIndex((p) => p?.name === profile.name);
  const profiles = at < 0 ? [...before, profile] : before.map((p, i) => (i === at ? profile : p));
  const next = { ...data, profiles };
  const { parseUserConfig } = await import("../inputs/user-config-schema.js");
  parseUserConfig(next, file);
  writeOutput(cwd, file, `${JSON.stringify(next, null, 2)}\n`, true, "config");
  return file;
}
