/**
 * A problem with what the user gave us (a flag, a file). The CLI prints its message as one line on
 * stderr and exits with code 2; library callers receive it as a throw. Anything that is not a
 * UsageError is a bug in llm-cost and is re-thrown.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Builds the one-line message for a bad flag value: names the flag, the value and what is allowed. */
export function badValue(flag: string, value: string, allowed: string, hint?: string): UsageError {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  const tail = hint ? ` (${hint})` : "";
  return new UsageError(`invalid ${flag} "${shown}": ${allowed}${tail}`);
}

/**
 * Control characters written as \uXXXX, so text quoted from a user's file (a JSON parser's snippet,
 * a key) can neither break an error line nor drive the terminal (a NUL, an ESC sequence).
 */
export function escapeControls(text: string): string {
  let escaped = "";
  for (const c of text) {
    const code = c.codePointAt(0)!;
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    escaped += control ? `\\u${code.toString(16).padStart(4, "0")}` : c;
  }
  return escaped;
}
