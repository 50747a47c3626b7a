// Line-oriented logs (torchtune, Megatron, CSV). Every writer of these ends each record with a
// newline (print, DiskLogger's "\n", pandas' to_csv), so a last line without one was cut off while
// being written or copied, and its last number may be cut short too ("2398" from "2398.7"); such a
// log is refused rather than read with a wrong figure.

/** The lines, without their CR/LF. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  // A final newline leaves an empty last element that is not a line.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The 1-based number of a last line cut off mid-way, or undefined when the text ends cleanly. */
export function cutOffLine(text: string, lines: readonly string[]): number | undefined {
  if (text.endsWith("\n")) return undefined;
  const last = lines[lines.length - 1];
  return last !== undefined && last.trim() !== "" ? lines.length : undefined;
}
