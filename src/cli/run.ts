import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { UsageError, escapeControls, invalid } from "../errors.js";
import { langFromArgv, langFromEnv } from "../i18n/lang.js";
import { type Message, msg, quoted } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import { COMMANDS, commandsTaking } from "../job/options.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { selectCatalog } from "./catalog-dir.js";
import { addCompletionCommand } from "./completion-command.js";
import { localizeHelp } from "./localize-help.js";
import { addEstimateCommand } from "./estimate-command.js";
import { examplesText } from "./examples.js";
import { addListCommands } from "./list-commands.js";
import { addValidateCommand } from "./validate-command.js";
import { addCompareCommand } from "./compare-command.js";
import { addPlanCommand } from "./plan-command.js";
import { addCheckCommand } from "./check-command.js";
import { addCalibrateCommand } from "./calibrate-command.js";
import { addScenariosCommand } from "./scenarios-command.js";
import type { Io } from "./io.js";

/** Exit codes: 0 done, 2 bad input (one line on stderr). Anything else is a bug and is re-thrown. */
export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

function version(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/** Control characters other than line breaks and tabs, and the colour (SGR) sequences llm-cost writes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters.
const OUTPUT_CONTROLS = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Output text with every control character written visibly (\u001b), except colours, tabs and line breaks. */
export function visibleControls(text: string): string {
  return text.replace(OUTPUT_CONTROLS, (match) => (match.length > 1 ? match : escapeControls(match)));
}

/** The longest argument accepted: a path may be 4,096 bytes (PATH_MAX), and no value is longer. */
export const MAX_ARGUMENT = 4096;

/** The longest error line printed, in characters: values in it are already cut (errors.ts `shown`). */
export const MAX_ERROR_LINE = 240;

/** One line, no "error:" prefix from commander, no trailing newline inside, at most MAX_ERROR_LINE characters. */
export function oneLine(message: string): string {
  // A message that quotes a huge value whole is cut before any further work on it.
  const bounded = message.length > 4 * MAX_ERROR_LINE ? message.slice(0, 4 * MAX_ERROR_LINE) : message;
  // Split and trim rather than a /\s*\n\s*/ regex, which is quadratic on long runs of spaces.
  const joined = bounded
    .replace(/^error:/i, "")
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(" ");
  // Text quoted from a user's file (a JSON parser's snippet) may hold control characters.
  return fitLine(escapeControls(joined));
}

/**
 * The line cut to MAX_ERROR_LINE characters. A closing hint in brackets ("(did you mean H100?)")
 * is what a reader acts on, so it is kept and the text before it (a list of choices) is cut.
 */
function fitLine(line: string): string {
  if (line.length <= MAX_ERROR_LINE) return line;
  const hintStart = line.endsWith(")") ? line.lastIndexOf(" (") : -1;
  const hint = hintStart > 0 ? line.slice(hintStart) : "";
  if (hint.length > 0 && hint.length <= MAX_ERROR_LINE / 2)
    return `${line.slice(0, MAX_ERROR_LINE - hint.length - 3)}...${hint}`;
  return `${line.slice(0, MAX_ERROR_LINE - 3)}...`;
}

/**
 * The commander program with every command and option registered, as run() parses with. Also
 * walked by scripts/docs (docs/options.md is generated from it). Help text that commander would
 * print on stderr goes to `heldBack` (see run()).
 */
export function buildProgram(io: Io, heldBack: string[] = []): Command {
  const program = new Command("llm-cost")
    .description("What training an LLM will cost: FLOPs, GPU-hours, days, and money in won and dollars")
    .version(version(), "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      // Commander writes the whole help here before failing on a missing or unknown command; the
      // user gets one line instead (below), so this text is held back and only passed on when
      // the run succeeds.
      writeErr: (text) => heldBack.push(text),
      // Commander's own errors are reprinted below as one line; keep it from printing them first.
      outputError: () => {},
    })
    .showSuggestionAfterError(true);
  addEstimateCommand(program, io);
  addValidateCommand(program, io);
  addListCommands(program, io);
  addCompareCommand(program, io);
  addPlanCommand(program, io);
  addCheckCommand(program, io);
  addCalibrateCommand(program, io);
  addScenariosCommand(program, io);
  addCompletionCommand(program, io);
  program.addHelpText("after", examplesText(""));
  for (const command of program.commands) command.addHelpText("after", examplesText(command.name()));
  return program;
}

/**
 * Runs the CLI on `argv` (without node and the script) and resolves to the exit code. It never calls
 * process.exit, so tests and fuzzers can drive it in-process. It is async because commands import
 * what only some runs need (zod for user files, yaml for --from) when they need it.
 */
export async function run(argv: readonly string[], rawIo: Io): Promise<number> {
  // Names and text from the user's files are checked where they are read; this is the last line of
  // defence: nothing but llm-cost's own colours reaches the terminal as a control sequence.
  const io: Io = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(visibleControls(text)),
    stderr: (text) => rawIo.stderr(visibleControls(text)),
  };
  const heldBack: string[] = [];
  const program = buildProgram(io, heldBack);
  // Errors and --help speak the user's language too: --lang if it was typed, else the locale.
  const lang = langFromArgv(argv) ?? langFromEnv(io.env);
  localizeHelp(program, lang);
  const fail = (message: Message): number => {
    io.stderr(`${fitLine(`llm-cost: ${oneLine(render(message, lang))}`)}\n`);
    return EXIT_USAGE;
  };
  selectCatalog(io);
  const missingCommand = msg("input.missingCommand", { commands: [...COMMANDS, "completion"] });
  if (argv.length === 0) return fail(missingCommand);
  // No flag value or file name is this long; bounding every argument bounds the work any parser
  // (a regular expression, an edit distance) can be made to do on it.
  const long = argv.findIndex((arg) => arg.length > MAX_ARGUMENT);
  if (long >= 0) {
    const arg = argv[long]!;
    const glued = /^(--[\w-]+)=/.exec(arg)?.[1];
    const before = argv[long - 1];
    const flag = glued ?? (before?.startsWith("--") ? before : "argument");
    const field = flag.replace(/^--/, "").replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const about = flag === "argument" ? "argument" : field;
    return fail(invalid(about, arg, msg("reason.tooLong", { max: MAX_ARGUMENT })).said);
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    for (const text of heldBack) io.stderr(text);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.said);
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT_OK; // --help, --version
      // "llm-cost --" or "llm-cost help nope": commander shows the help as an error.
      if (error.code === "commander.help")
        return fail(argv[0] === "help" ? msg("input.helpUnknown", { command: quoted(argv[1] ?? "") }) : missingCommand);
      return fail(commanderMessage(error, argv[0] ?? ""));
    }
    throw error;
  }
}

/**
 * Commander's own errors (an unknown option or command, a missing value) as message codes, so they
 * speak the user's language too. An option that another command takes says which one.
 */
function commanderMessage(error: CommanderError, command: string): Message {
  const text = error.message.replace(/^error:\s*/i, "");
  const guess = /\(Did you mean (.+?)\?\)/i.exec(text)?.[1];
  const hint = guess === undefined ? undefined : msg("hint.didYouMean", { guess });
  const quotedName = /'([^']*)'/.exec(text)?.[1] ?? "";
  switch (error.code) {
    case "commander.unknownOption": {
      const option = quotedName.split("=")[0]!;
      const elsewhere = commandsTaking(option).filter((c) => c !== command);
      return msg("input.unknownOption", {
        option: quoted(option),
        ...(elsewhere.length && guess === undefined ? { elsewhere: elsewhere.join(", ") } : {}),
        ...(hint ? { hint } : {}),
      });
    }
    case "commander.unknownCommand":
      return msg("input.unknownCommand", { command: quoted(quotedName), ...(hint ? { hint } : {}) });
    case "commander.optionMissingArgument":
      return msg("input.optionNeedsValue", { option: quotedName.split(" ")[0]!, command });
    case "commander.missingArgument":
      return msg("input.missingArgument", { argument: quotedName, command });
    case "commander.excessArguments":
      return msg("input.tooManyArguments", { command, value: "" });
    default:
      return msg("file.problem", { file: "llm-cost", detail: quoted(text, 200) });
  }
}
