import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Finds the package root: the nearest directory at or above `start` holding a package.json.
 * Walking up (instead of a fixed "../../") keeps presets/ and package.json reachable from every
 * layout the code runs in: src/catalog/*.ts under vitest, and the single bundled dist/cli.js.
 */
export function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`llm-cost: no package.json above ${start}`);
    dir = parent;
  }
}

/** The llm-cost package root (where package.json and presets/ live), found once at start-up. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
