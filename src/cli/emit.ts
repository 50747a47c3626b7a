import type { Lang } from "../i18n/lang.js";
import type { Message } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { Io } from "./io.js";
import type { OutputSettings } from "./output-settings.js";
import { writeOutput } from "./write-output.js";

/** A warning line as every command prints it, in the user's language. */
export function warningLine(warning: Message, lang: Lang): string {
  return `llm-cost: ${lang === "ko" ? "경고" : "warning"}: ${render(warning, lang)}\n`;
}

/**
 * Writes a command's output to stdout or its --out file, then its warnings (each once) on stderr.
 * The file is written first, so a failed --out is the only line on stderr, with no warning before it.
 */
export function emit(io: Io, settings: OutputSettings, text: string, warnings: readonly Message[]): void {
  const written = settings.out === undefined ? undefined : writeOutput(io.cwd, settings.out, text, settings.force);
  const seen = new Set<string>();
  for (const warning of warnings) {
    const line = warningLine(warning, settings.lang);
    if (seen.has(line)) continue;
    seen.add(line);
    io.stderr(line);
  }
  if (written === undefined) io.stdout(text);
  else io.stderr(settings.lang === "ko" ? `llm-cost: 파일을 썼습니다: ${written}\n` : `llm-cost: wrote ${written}\n`);
}
