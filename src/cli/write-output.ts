import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.js";

/**
 * Writes `text` to the file the user asked for with --out, atomically: to a temporary file beside
 * it, then a rename, so a reader never sees half a report and a failure leaves nothing behind.
 * Never over a directory; an existing file is replaced only with --force.
 */
export function writeOutput(cwd: string, path: string, text: string, force: boolean): string {
  const target = resolve(cwd, path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`invalid --out "${path}": the folder ${dir} does not exist`);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new UsageError(`invalid --out "${path}": is a directory; give a file name`);
    if (!force) throw new UsageError(`invalid --out "${path}": the file exists; add --force to replace it`);
  }
  const temp = join(dir, `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: "utf8", flag: "wx" });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`invalid --out "${path}": cannot be written (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return target;
}
