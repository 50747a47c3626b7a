import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";

/**
 * Writes `text` to the file the user asked for with --out, atomically: to a temporary file beside
 * it, then a rename, so a reader never sees half a report and a failure leaves nothing behind.
 * Never over a directory (or a device, pipe or socket); an existing file is replaced only with --force.
 */
export function writeOutput(cwd: string, path: string, text: string, force: boolean): string {
  if (path.trim() === "") throw new UsageError(`invalid --out "${path}": give a file name`);
  // "reports/" names a folder; resolve() would drop the slash and write a file called "reports".
  if (/[/\\]$/.test(path)) throw new UsageError(`invalid --out "${path}": names a folder; give a file name`);
  const target = resolve(cwd, path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`invalid --out "${path}": the folder ${dir} does not exist`);
  if (existsSync(target)) {
    const stat = statSync(target);
    if (stat.isDirectory()) throw new UsageError(`invalid --out "${path}": is a directory; give a file name`);
    // The rename would replace the node itself: /dev/null as root, a named pipe.
    if (!stat.isFile())
      throw new UsageError(`invalid --out "${path}": not a regular file (a device, pipe or socket); give a file name`);
    if (!force) throw new UsageError(`invalid --out "${path}": the file exists; add --force to replace it`);
  }
  // A short temporary name: a target name near the file-name limit must not push it over.
  const temp = join(dir, `.${basename(target).slice(0, 32)}.${process.pid}.tmp`);
  let created = false;
  try {
    writeFileSync(temp, text, { encoding: "utf8", flag: "wx" });
    created = true;
    renameSync(temp, target);
  } catch (error) {
    // Remove only what this run made: "wx" fails with EEXIST on a file that was there before.
    if (created || (error as NodeJS.ErrnoException).code !== "EEXIST") {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Nothing was made under a name the system refuses (ENAMETOOLONG).
      }
    }
    throw new UsageError(
      `invalid --out "${path}": cannot be written (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  return target;
}
