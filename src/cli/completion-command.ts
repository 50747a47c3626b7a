import type { Command, Option } from "commander";
import { invalid } from "../errors.js";
import { argument, msg } from "../i18n/message.js";
import { loadCatalog } from "../catalog/load.js";
import { longFlag, OPTIONS } from "../job/options.js";
import type { Io } from "./io.js";

/**
 * Values offered for each flag: the option table's fixed lists, and the catalog's names for GPUs,
 * models and providers (so completion grows with the presets, never from a hand-written list).
 */
function completionValues(): Record<string, readonly string[]> {
  const values: Record<string, readonly string[]> = {};
  for (const option of OPTIONS) if (option.values) values[longFlag(option)] = option.values;
  const catalog = loadCatalog();
  values["--gpus"] = catalog.gpus.flatMap((g) => g.aliases.slice(0, 1));
  values["--model"] = catalog.models.map((m) => m.id);
  values["--provider"] = [...new Set(catalog.prices.map((p) => p.provider))];
  return values;
}

interface Spec {
  name: string;
  flags: string[];
}

/** Commands and their long flags, read from the program itself so completion never drifts. */
function specs(program: Command): Spec[] {
  return program.commands.map((c) => ({
    name: c.name(),
    flags: c.options.map((o: Option) => o.long).filter((l): l is string => !!l),
  }));
}

/** A bash completion script: commands first, then that command's flags and their known values. */
export function bashCompletion(program: Command): string {
  const all = specs(program);
  const cases = all.map((s) => `    ${s.name}) opts="${s.flags.join(" ")} --help" ;;`).join("\n");
  const values = Object.entries(completionValues())
    .map(([flag, vs]) => `    ${flag}) COMPREPLY=( $(compgen -W "${vs.join(" ")}" -- "$cur") ); return ;;`)
    .join("\n");
  return `# bash completion for llm-cost; install: llm-cost completion bash > ~/.local/share/bash-completion/completions/llm-cost
_llm_cost() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd="\${COMP_WORDS[1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${all.map((s) => s.name).join(" ")} --help --version" -- "$cur") )
    return
  fi
  case "$prev" in
${values}
  esac
  case "$cmd" in
${cases}
    *) opts="--help" ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -o default -F _llm_cost llm-cost
`;
}

/** zsh's first completion directory, written out literally (not a template placeholder). */
const ZSH_FPATH = "$" + "{fpath[1]}";

/** A zsh completion script (compdef), with the same commands, flags and values. */
export function zshCompletion(program: Command): string {
  const all = specs(program);
  const known = completionValues();
  const flagSpec = (flag: string): string =>
    known[flag] ? `'${flag}[${flag.slice(2)}]:value:(${known[flag]!.join(" ")})'` : `'${flag}[${flag.slice(2)}]'`;
  const cases = all.map((s) => `    ${s.name}) _arguments ${s.flags.map(flagSpec).join(" ")} ;;`).join("\n");
  return `#compdef llm-cost
# zsh completion for llm-cost; install: llm-cost completion zsh > "${ZSH_FPATH}/_llm-cost"
_llm_cost() {
  if (( CURRENT == 2 )); then
    compadd ${all.map((s) => s.name).join(" ")}
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _llm_cost llm-cost
`;
}

/** Registers `completion bash|zsh`: prints a completion script built from the registered commands. */
export function addCompletionCommand(program: Command, io: Io): void {
  program
    .command("completion <shell>")
    .description("print a shell completion script: bash or zsh")
    .action((shell: string) => {
      if (shell === "bash") io.stdout(bashCompletion(program));
      else if (shell === "zsh") io.stdout(zshCompletion(program));
      else throw invalid(argument("shell"), shell, msg("reason.shell"));
    });
}
