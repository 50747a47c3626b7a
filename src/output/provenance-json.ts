import type { Lang } from "../i18n/lang.js";
import type { Message, Origin } from "../i18n/message.js";
import { flagOf, render } from "../i18n/render.js";

/** Where an input came from, as JSON: the flag, the file and key, the scenario, or the default. */
export type OriginJson =
  | { kind: "flag"; flag: string }
  | { kind: "default" }
  | { kind: "plan" }
  | { kind: "config" | "trainer"; file: string; key: string }
  | { kind: "scenario"; id: string; file: string; key: string }
  | { kind: "profile"; name: string; file: string };

export function originJson(origins: Readonly<Record<string, Origin>>): Record<string, OriginJson> {
  return Object.fromEntries(
    Object.entries(origins).map(([field, o]) => [
      field,
      o.kind === "flag" ? { kind: "flag", flag: flagOf(field) } : { ...o },
    ]),
  );
}

/** Warnings as JSON: a stable code for programs, the text in the output's language for people. */
export function warningsJson(warnings: readonly Message[], lang: Lang): Array<{ code: string; message: string }> {
  const seen = new Set<string>();
  const out: Array<{ code: string; message: string }> = [];
  for (const w of warnings) {
    const message = render(w, lang);
    if (seen.has(message)) continue;
    seen.add(message);
    out.push({ code: w.code, message });
  }
  return out;
}
