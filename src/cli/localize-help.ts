import type { Command } from "commander";
import type { Lang } from "../i18n/lang.js";
import { COMMAND_HELP_KO, OPTION_HELP_KO } from "../i18n/ko/option-help.js";

/**
 * `--help` in the user's language: the program's commands and options take their Korean
 * descriptions (and stated defaults) under --lang ko or a Korean LANG. Commander's own words
 * ("Usage", "Options") stay as commander prints them.
 */
export function localizeHelp(program: Command, lang: Lang): void {
  if (lang !== "ko") return;
  program.description("LLM 학습 비용 추정: FLOPs, GPU 시간, 소요 기간, 원·달러 비용");
  for (const option of program.options) if (option.long === "--version") option.description = "버전 출력";
  program.helpOption("-h, --help", "도움말 보기");
  for (const command of program.commands) {
    command.helpOption("-h, --help", "이 명령어의 도움말 보기");
    const description = COMMAND_HELP_KO[command.name()];
    if (description) command.description(description);
    for (const option of command.options) {
      const ko = OPTION_HELP_KO[option.attributeName()];
      if (!ko) continue;
      option.description = ko.default === undefined ? ko.help : `${ko.help} (기본값: ${ko.default})`;
    }
  }
}
