import type { Command, Option } from "commander";
import { badValue } from "../errors.js";
import type { Io } from "./io.js";

/** Values offered for flags whose values are a fixed list. */
const VALUES: Record<string, readonly string[]> = {
  "--strategy": ["all", "scratch", "dapt", "tapt", "sft", "lora", "qlora"],
  "--format": ["table", "json", "csv", "tsv", "markdown", "html"],
  "--lang": ["en", "ko"],
  "--currency": ["both", "krw", "usd"],
  "--recompute": ["none", "selective", "full"],
  "--zero": ["0", "1", "2", "3"],
  "--optimizer": ["adamw", "adamw-bf16", "adamw-8bit", "adafactor", "sgd"],
  "--precision": ["bf16", "fp8"],
  "--price-kind": ["on-demand", "spot", "reserved"],
  "--corpus-lang": ["ko", "ko-expanded", "en", "code"],
  "--gpus": ["H100", "2xH100", "8xH100", "H200", "B200", "A100", "8xA100", "A100-40GB", "L40S", "L4", "MI300X"],
};

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
  const values = Object.entries(VALUES)
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
  const flagSpec = (flag: string): string =>
    VALUES[flag] ? `'${flag}[${flag.slice(2)}]:value:(${VALUES[flag]!.join(" ")})'` : `'${flag}[${flag.slice(2)}]'`;
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
      else throw badValue("completion", shell, "expected bash or zsh");
    });
}
