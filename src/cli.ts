import { readFileSync, readlinkSync } from "node:fs";
import { isAbsolute } from "node:path";
import { buildProgram, run } from "./cli/run.js";

// buildProgram: scripts/docs walks the registered options of the built bundle to write docs/options.md.
export { buildProgram, run };
export { OPTIONS } from "./job/options.js";

/**
 * The CLI as a process runs it: the only place that touches the real process, everything below
 * takes an Io. The build bundles this module into dist/cli-<hash>.cjs, which dist/cli.js loads
 * (src/boot.ts).
 */
export async function main(): Promise<void> {
  // A reader that stops early (`llm-cost … | head`) closes the pipe: that is not an error, so stop
  // writing quietly instead of dying with EPIPE and a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      // Any other failure to write (a full disk, /dev/full): one line, not a stack trace.
      if (stream === process.stdout)
        process.stderr.write(`llm-cost: cannot write the output (${error.code ?? error.message})\n`);
      process.exit(2);
    });
  }
  // `llm-cost … >&-`: Node puts /dev/null on a closed standard stream, so the output would vanish
  // with exit 0. Say so instead (before any work), as a write to a closed descriptor would.
  if (stdoutWasClosed()) {
    process.stderr.write("llm-cost: cannot write the output (standard output is closed)\n");
    process.exitCode = 2;
    return;
  }
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    cwd: workingDirectory(),
    today: new Date().toISOString().slice(0, 10),
  });
}

/**
 * The working directory, or where it was when it has since been deleted (process.cwd() throws
 * ENOENT then): relative paths then name files that do not exist, which each command reports as
 * such, while --version and --help still work.
 */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch {
    const pwd = process.env["PWD"];
    return pwd !== undefined && isAbsolute(pwd) ? pwd : "/nonexistent-working-directory";
  }
}

/**
 * Whether file descriptor 1 is the /dev/null that Node opens (read-write) in place of a closed
 * one. A shell's `> /dev/null` opens it write-only, so it is not mistaken for this. Linux only
 * (/proc); elsewhere the check says no.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync("/proc/self/fd/1") !== "/dev/null") return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"))?.[1];
    // O_ACCMODE is 3; O_RDWR is 2.
    return flags !== undefined && (Number.parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
}
