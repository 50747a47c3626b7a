import { displayWidth } from "../i18n/width.js";

/** Terminal width the human output is laid out for (the brief: readable at 100 columns). */
export const TEXT_WIDTH = 100;

/**
 * Wraps `text` at spaces so no line is wider than `width` terminal columns; continuation lines start with
 * `indent` spaces. A single word longer than the width is left whole rather than cut.
 */
export function wrap(text: string, width = TEXT_WIDTH, indent = 0): string {
  const pad = " ".repeat(indent);
  const words = text.split(" "); // single spaces, so runs of spaces (column alignment) survive
  const lines: string[] = [];
  let line = words[0] ?? "";
  for (const word of words.slice(1)) {
    if (displayWidth(line) + 1 + displayWidth(word) > width && line.trim()) {
      lines.push(line);
      line = `${pad}${word}`;
    } else {
      line = `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.join("\n");
}
