import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Every entry under `dir` (recursively) with its size and modification time, one string each, sorted:
 * two snapshots are equal when nothing was created, removed, or written to in between.
 */
export function snapshotDir(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      const stat = statSync(join(dir, rel), { throwIfNoEntry: false });
      if (!stat) continue;
      out.push(`${rel} ${stat.isDirectory() ? "dir" : stat.size} ${stat.mtimeMs}`);
      if (stat.isDirectory()) walk(rel);
    }
  };
  walk("");
  return out.sort();
}
