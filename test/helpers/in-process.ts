import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";

/** What one in-process run of the CLI did. `thrown` is set when run() threw (or rejected): always a bug. */
export interface RunOutcome {
  argv: readonly string[];
  code: number | undefined;
  stdout: string;
  stderr: string;
  thrown?: unknown;
  /** Text the CLI wrote to the real process.stdout/stderr or console instead of to its Io. */
  leaked: string;
  /** process.exit was called, or process.exitCode was changed, from inside run(). */
  touchedProcess: string | undefined;
}

/** A colour-free environment: no NO_COLOR / FORCE_COLOR, a fixed locale. */
export function cleanEnv(lang = "en_US.UTF-8"): Record<string, string> {
  return { LANG: lang, PATH: process.env["PATH"] ?? "" };
}

type Write = typeof process.stdout.write;

/**
 * Runs `run(argv, io)` in this process with stdout/stderr captured in memory, as the fuzzers need:
 * no child process, a given working directory, stdout not a terminal. `await` works whether run()
 * returns a number or a Promise<number>. While it runs, process.exit throws and any write to the
 * real process streams or console is recorded as a leak (the CLI must only write through its Io).
 */
export async function runInProcess(
  argv: readonly string[],
  options: { cwd: string; env?: Record<string, string>; stdoutIsTTY?: boolean; today?: string },
): Promise<RunOutcome> {
  let stdout = "";
  let stderr = "";
  let leaked = "";
  const io: Io = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? cleanEnv(),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    cwd: options.cwd,
    ...(options.today === undefined ? {} : { today: options.today }),
  };
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  const realExit = process.exit;
  const realConsole = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  const exitCodeBefore = process.exitCode;
  let touchedProcess: string | undefined;
  const leak = ((chunk: unknown) => {
    leaked += String(chunk);
    return true;
  }) as Write;
  process.stdout.write = leak;
  process.stderr.write = leak;
  console.log =
    console.error =
    console.warn =
    console.info =
      (...args: unknown[]) => {
        leaked += `${args.map(String).join(" ")}\n`;
      };
  process.exit = ((code?: number) => {
    touchedProcess = `process.exit(${code})`;
    throw new Error(`process.exit(${code}) called inside run()`);
  }) as typeof process.exit;
  let code: number | undefined;
  let thrown: unknown;
  try {
    code = await run(argv, io);
  } catch (error) {
    thrown = error ?? new Error(String(error));
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
    process.exit = realExit;
    Object.assign(console, realConsole);
    if (process.exitCode !== exitCodeBefore) {
      touchedProcess ??= `process.exitCode set to ${process.exitCode}`;
      process.exitCode = exitCodeBefore;
    }
  }
  return { argv, code, stdout, stderr, leaked, touchedProcess, ...(thrown === undefined ? {} : { thrown }) };
}

/** The argv as a shell line, for failure reports (JSON-quoted tokens, so odd characters show). */
export function showArgv(argv: readonly string[]): string {
  return `llm-cost ${argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(" ")}`;
}
