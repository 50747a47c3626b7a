import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { UsageError } from "../errors.js";
import { addEstimateCommand } from "./estimate-command.js";
import { addListCommands } from "./list-commands.js";
import { addValidateCommand } from "./validate-command.js";
import type { Io } from "./io.js";

/** Exit codes: 0 done, 2 bad input (one line on stderr). Anything else is a bug and is re-thrown. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** One line, no "error:" prefix from commander, no trailing newline inside. */
function oneLine(message: string): string {
  return message.replace(/^error:\s*/i, "").replace(/\s*\n\s*/g, " ").trim();
}

/**
 * Runs the CLI on `argv` (without node and the script) and returns the exit code. It never calls
 * process.exit, so tests and fuzzers can drive it in-process.
 */
export function run(argv: readonly string[], io: Io): number {
  const program = new Command("llm-cost")
    .description("What training an LLM will cost: FLOPs, GPU-hours, days, and money in won and dollars")
    .version(version(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Commander's own errors are reprinted below as one line; keep it from printing them first.
      outputError: () => {},
    })
    .showSuggestionAfterError(true);
  addEstimateCommand(program, io);
  addValidateCommand(program, io);
  addListCommands(program, io);

  if (argv.length === 0) {
    io.stderr("llm-cost: missing command: expected estimate, validate, gpus, prices or models (see llm-cost --help)\n");
    return EXIT_USAGE;
  }
  try {
    program.parse([...argv], { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`llm-cost: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      io.stderr(`llm-cost: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
