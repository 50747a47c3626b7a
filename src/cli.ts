import { run } from "./cli/run.js";

// The only place that touches the real process: everything below takes an Io.
process.exitCode = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
});
