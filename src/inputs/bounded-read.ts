import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { type Message, msg } from "../i18n/message.js";

/**
 * Every file a user names (--config, --model-config, --from, a scenario file, the auto-discovered
 * llm-cost.config.json) is at most this big: real ones are a few kilobytes, and the parsers'
 * work and memory grow with the size.
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file's text, or why it cannot be read. */
export type ReadResult = { ok: true; text: string } | { ok: false; code?: string; why: Message };

const unreadable = (code: string | undefined): Message =>
  code === "ENOENT"
    ? msg("read.missing")
    : code === "EISDIR"
      ? msg("read.directory")
      : msg("read.unreadable", { code: code ?? "error" });

/**
 * Reads a regular file of at most `maxBytes` as UTF-8 text. A device (/dev/zero), a named pipe
 * or a socket is refused before a byte is read; so is a file over the limit. The file is opened
 * non-blocking and checked through its descriptor, so a FIFO cannot hang the open and a swap
 * between the check and the read changes nothing.
 */
export function readBoundedFile(full: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  const tooBig = msg("read.tooLarge", {
    size: maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`,
  });
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? { ok: false, why: unreadable(code) } : { ok: false, code, why: unreadable(code) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, code: "EISDIR", why: unreadable("EISDIR") };
    if (!stat.isFile()) return { ok: false, why: msg("read.notFile") };
    if (stat.size > maxBytes) return { ok: false, why: tooBig };
    // Read to the end rather than trusting the size: some files (/proc) report 0 and still have text.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { ok: false, why: tooBig };
    }
    return decode(Buffer.concat(chunks, total));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? { ok: false, why: unreadable(code) } : { ok: false, code, why: unreadable(code) };
  } finally {
    closeSync(fd);
  }
}

/**
 * UTF-8 text without a byte-order mark (Windows editors add one). A file saved as UTF-16 (Windows
 * "Unicode") would otherwise read as garbage with NULs, and the parser would blame the first one.
 */
function decode(bytes: Buffer): ReadResult {
  const bom16 =
    bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  // UTF-16 without a BOM: ASCII text with every other byte zero.
  const zeros16 = bytes.length >= 4 && (bytes[0] === 0) !== (bytes[1] === 0) && (bytes[2] === 0) !== (bytes[3] === 0);
  if (bom16 || zeros16) return { ok: false, why: msg("read.utf16") };
  return { ok: true, text: bytes.toString("utf8").replace(/^\uFEFF/, "") };
}
