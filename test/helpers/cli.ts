import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built binary, as a user runs it (npm test builds first). */
export const BIN = fileURLToPath(new URL("../../bin/llm-cost.js", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process with a clean colour environment. */
export function cli(args: readonly string[], env: Record<string, string> = {}, cwd?: string): CliResult {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...rest, ...env },
    ...(cwd ? { cwd } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
