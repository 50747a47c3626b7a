/** How many characters of a user's value a message echoes: enough to recognise it, never a flood. */
export const SHOWN_CHARS = 80;

/**
 * A user's value as a message may quote it: cut to `max` characters (a 50 MB value must not be
 * copied, escaped and printed whole) and with control characters written visibly.
 */
export function shown(value: string, max = SHOWN_CHARS): string {
  // Cut before escaping (escaping walks every character), then again after (escapes are longer).
  const cut = value.length > max ? value.slice(0, max) : value;
  const escaped = escapeControls(cut);
  return escaped.length > max || cut.length < value.length ? `${escaped.slice(0, max - 3)}...` : escaped;
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
