import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError, invalid, shown } from "../errors.js";
import { type Message, msg } from "../i18n/message.js";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Temporary files that exist right now. On Ctrl-C or a kill they are removed, then the process
 * dies of the signal as usual. One set of listeners serves every write (a program that writes in a
 * loop must not pile them up); while they are registered a signal waits for the synchronous write
 * to finish, and they stay until such a waiting signal has been delivered.
 */
const pending = new Set<string>();
let listening = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
  stopListening();
  process.kill(process.pid, signal);
}

function stopListening(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  listening = false;
}

function track(temp: string): void {
  pending.add(temp);
  if (listening) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  listening = true;
}

function untrack(temp: string): void {
  pending.delete(temp);
  setImmediate(() => {
    if (pending.size === 0 && listening) stopListening();
  });
}

/**
 * Writes `text` to the file the user asked for with --out, atomically: to a temporary file beside
 * it, then into place, so a reader never sees half a report and a failure leaves nothing behind.
 * Never over a directory (or a device, pipe or socket). Without --force the target is created
 * exclusively (a hard link of the temporary file fails if the name exists, even when another
 * writer got there between our check and our write); with --force it is replaced by a rename and
 * keeps the old file's permissions.
 */
export function writeOutput(cwd: string, path: string, text: string, force: boolean, field = "out"): string {
  // `field` is the flag the path came from: --out, or --config when calibrate --save writes a profile.
  const bad = (why: Message) => invalid(field, path, why);
  if (path.trim() === "") throw bad(msg("reason.outEmpty"));
  // "reports/" names a folder; resolve() would drop the slash and write a file called "reports".
  if (/[/\\]$/.test(path)) throw bad(msg("reason.outFolder"));
  const target = resolve(cwd, path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw bad(msg("reason.outNoFolder", { folder: shown(dir) }));
  let mode: number | undefined;
  if (existsSync(target)) {
    const stat = statSync(target);
    if (stat.isDirectory()) throw bad(msg("reason.outIsDirectory"));
    // The rename would replace the node itself: /dev/null as root, a named pipe.
    if (!stat.isFile()) throw bad(msg("reason.outNotFile"));
    if (!force) throw bad(msg("reason.outExists"));
    mode = stat.mode & 0o7777;
  }
  // An unpredictable name: a temporary file left by a killed run (same pid, in a container) or
  // planted by someone else is never ours to collide with. Short: a target name near the
  // file-name limit must not push it over.
  const temp = join(dir, `.${basename(target).slice(0, 32)}.${randomBytes(8).toString("hex")}.tmp`);
  let created = false;
  track(temp);
  try {
    writeFileSync(temp, text, { encoding: "utf8", flag: "wx", ...(mode === undefined ? {} : { mode }) });
    created = true;
    // writeFileSync's mode is filtered by the umask; the old file's mode is what the user chose.
    if (mode !== undefined) chmodSync(temp, mode);
    if (force) renameSync(temp, target);
    else linkExclusive(temp, target, text, bad);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw bad(msg("reason.outUnwritable", { code: (error as NodeJS.ErrnoException).code ?? "error" }));
  } finally {
    // Remove only what this run made (after a link the temporary name is a second name of the target).
    if (created) rmSync(temp, { force: true });
    untrack(temp);
  }
  return target;
}

/** Gives the temporary file the target's name, failing if that name exists (created meanwhile). */
function linkExclusive(temp: string, target: string, text: string, bad: (why: Message) => UsageError): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw bad(msg("reason.outExists"));
    // A file system without hard links (some network and FAT mounts): create the target
    // exclusively and write it directly, still never over another writer's file.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    try {
      writeFileSync(target, text, { encoding: "utf8", flag: "wx" });
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === "EEXIST") throw bad(msg("reason.outExists"));
      throw inner;
    }
  }
}
