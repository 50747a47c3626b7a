import { buildProgram } from "../../src/cli/run.js";

/**
 * The long flags the CLI registers, read from the same commander program it parses with, so the
 * fuzzers' grammar cannot fall behind when a command gains a flag.
 */
const program = buildProgram({ stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, cwd: "." });
const options = program.commands.flatMap((command) => command.options);

/** Every long flag of every command, plus the program's own --help and --version. */
export const LONG_FLAGS: readonly string[] = [
  ...new Set([...options.map((o) => o.long).filter((f): f is string => f !== undefined), "--help", "--version"]),
];

/** Flags that take a value (`--x <v>` or `--x [v]`): the next token is their value. */
export const VALUE_FLAGS: ReadonlySet<string> = new Set(
  options.filter((o) => o.required || o.optional).flatMap((o) => (o.long ? [o.long] : [])),
);
