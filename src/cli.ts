import { run } from "./cli/run.js";

export { run };

/**
 * The CLI as a process runs it: the only place that touches the real process, everything below
 * takes an Io. The build bundles this module into dist/cli-<hash>.cjs, which dist/cli.js loads
 * (src/boot.ts).
 */
export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    cwd: process.cwd(),
  });
}
