import type { Command } from "commander";
import { type CommandName, optionsOf } from "../job/options.js";

/**
 * Registers a command's options from the one option table (src/job/options.ts): the same flag,
 * help text and stated default on every command that takes it. No defaults reach commander (the
 * resolver applies them, so an origin says whether the user gave a value).
 */
export function addOptions(command: Command, name: CommandName): Command {
  for (const option of optionsOf(name)) {
    const help = option.defaultText === undefined ? option.help : `${option.help} (default: ${option.defaultText})`;
    command.option(option.flags, help);
  }
  return command;
}
