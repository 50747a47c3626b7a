/** Output languages. */
export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The language when --lang is not given: Korean when the locale says so (LANG, LC_ALL or
 * LC_MESSAGES starting with "ko", as in ko_KR.UTF-8), else English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"] || "";
  return /^ko/i.test(locale) ? "ko" : "en";
}

/** --lang from raw argv (for errors raised before commander has parsed it), else undefined. */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value === "ko" || value === "en") return value;
  }
  return undefined;
}
