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
  let lineWidth = displayWidth(line); // kept up to date: measuring the line for every word is quadratic
  for (const word of words.slice(1)) {
    const wordWidth = displayWidth(word);
    if (lineWidth + 1 + wordWidth > width && line.trim()) {
      lines.push(line);
      line = `${pad}${word}`;
      lineWidth = indent + wordWidth;
    } else {
      line = `${line} ${word}`;
      lineWidth += 1 + wordWidth;
    }
  }
  lines.push(line);
  return lines.join("\n");
}
