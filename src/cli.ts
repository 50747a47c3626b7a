import { buildProgram, run } from "./cli/run.js";

// buildProgram: scripts/docs walks the registered options of the built bundle to write docs/options.md.
export { buildProgram, run };

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
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
  });
}
