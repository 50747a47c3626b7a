import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import type { main, run } from "./cli.js";

/** What the CLI bundle exports (src/cli.ts). */
export interface CliBundle {
  main: typeof main;
  run: typeof run;
}

/**
 * Runs the CommonJS bundle of the CLI with V8's code cache for it, the way Node runs a CommonJS
 * module (the same wrapper and arguments) but handing V8 the bytecode the build already compiled.
 * Without it every start parses the whole bundle and compiles each function on its first call:
 * about 0.13x of `node -e 0` for an estimate (`npm run bench`). Node 20 has no compile cache of its
 * own for this (module.enableCompileCache came in Node 22).
 *
 * V8 checks the cache against this V8 (version and flags) and the source's length; a cache that
 * does not fit is ignored, and the bundle compiles from source as usual. The build names both files
 * after the bundle's content hash, so a cache never meets a bundle it was not made for.
 */
export function loadBundle(file: string, cacheFile: string): { bundle: CliBundle; script: Script } {
  const source = readFileSync(file, "utf8");
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache (a build that made none): compile from source.
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as CliBundle };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { bundle: module.exports, script };
}
