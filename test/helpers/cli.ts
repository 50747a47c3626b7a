import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PRESETS_DIR_ENV } from "../../src/cli/catalog-dir.js";
import { cleanEnv, runInProcess } from "./in-process.js";

/** The built binary, as a user runs it (npm test builds first). */
export const BIN = fileURLToPath(new URL("../../bin/llm-cost.js", import.meta.url));

/** The repository root: where a user runs the examples (paths such as test/fixtures/… resolve from here). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The tests' own catalog (GPUs, prices, exchange rate, energy), frozen, so that numbers worked out by
 * hand do not move when presets/ gets new prices or rates. Models, strategies, efficiency and the
 * published runs still come from presets/.
 */
export const FIXTURE_CATALOG = fileURLToPath(new URL("../fixtures/catalog/", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process (run(argv, io), the code the binary runs) on the fixture catalog, in
 * an English locale without colour variables; `env` adds to or overrides that. Without `today` the
 * exchange rate's age is not checked (the binary takes the process's date). A throw from run() is a
 * bug and is re-thrown.
 */
export async function cli(
  args: readonly string[],
  env: Record<string, string> = {},
  cwd = ROOT,
  today?: string,
): Promise<CliResult> {
  const outcome = await runInProcess(args, {
    cwd,
    env: { ...cleanEnv(), [PRESETS_DIR_ENV]: FIXTURE_CATALOG, ...env },
    ...(today === undefined ? {} : { today }),
  });
  if (outcome.thrown !== undefined) throw outcome.thrown;
  return { status: outcome.code ?? null, stdout: outcome.stdout, stderr: outcome.stderr };
}

/** Runs the built binary in a child process (for the few tests of the binary itself), on the fixture catalog. */
export function cliBinary(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): CliResult {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...rest, LANG: "en_US.UTF-8", [PRESETS_DIR_ENV]: FIXTURE_CATALOG, ...env },
    cwd,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
