import { shown } from "../util/shown.js";
import { formatNumber } from "../util/number-text.js";
import type { Lang } from "./lang.js";
import type { Message, MessageArg, Origin, Subject } from "./message.js";
import { EN, type Catalogue } from "./messages-en.js";
import { KO } from "./messages-ko.js";

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en: EN, ko: KO };

/** An option's key as the flag a user types: seqLen → --seq-len. */
export function flagOf(field: string): string {
  // A parser called with the flag itself (a library caller, the tests) names it as given.
  if (field.startsWith("--")) return field;
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Where a value came from, in words: the flag, or the file and key (a scenario names itself). */
function originText(field: string, origin: Origin | undefined, lang: Lang): string {
  switch (origin?.kind) {
    case "config":
    case "trainer":
      return `${shown(origin.file)}: ${origin.key}`;
    case "scenario":
      return lang === "ko"
        ? `시나리오 "${origin.id}" (${shown(origin.file)}): ${origin.key}`
        : `scenario "${origin.id}" (${shown(origin.file)}): ${origin.key}`;
    case "profile":
      return lang === "ko"
        ? `프로필 "${origin.name}" (${shown(origin.file)})`
        : `profile "${origin.name}" (${shown(origin.file)})`;
    default:
      return flagOf(field);
  }
}

export function subjectText(s: Subject, lang: Lang): string {
  return s.positional ? s.field : originText(s.field, s.origin, lang);
}

function argText(arg: MessageArg, lang: Lang): string | undefined {
  if (arg === undefined) return undefined;
  if (typeof arg === "string") return arg;
  if (typeof arg === "number") return formatNumber(arg);
  if (Array.isArray(arg)) return arg.join(", ");
  const value = arg as Exclude<MessageArg, string | number | readonly string[] | undefined>;
  switch (value.kind) {
    case "message":
      return render(value, lang);
    case "subject":
      return subjectText(value, lang);
    case "quoted":
      return shown(value.text, value.max);
  }
}

/** The message as one language says it. */
export function render(message: Message, lang: Lang): string {
  const args: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(message.args)) args[key] = argText(value, lang);
  return CATALOGUES[lang][message.code](args);
}
