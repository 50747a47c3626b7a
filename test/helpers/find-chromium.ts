import { accessSync, constants, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** Where Chromium usually is: Debian/Ubuntu packages, Google Chrome, then playwright's own downloads. */
export const USUAL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Chromium binaries playwright has downloaded under `cache` (newest build first). */
function playwrightBrowsers(cache: string): string[] {
  let dirs: string[];
  try {
    dirs = readdirSync(cache).filter((d) => /^chromium(_headless_shell)?-\d+$/.test(d));
  } catch {
    return [];
  }
  const build = (d: string) => Number(d.slice(d.lastIndexOf("-") + 1));
  return dirs
    .sort((a, b) => build(b) - build(a))
    .flatMap((d) =>
      ["chrome-linux/chrome", "chrome-linux64/chrome", "chrome-linux/headless_shell"].map((f) => join(cache, d, f)),
    );
}

/**
 * The Chromium the browser test drives: $CHROMIUM_PATH when set (and then only it), else the first
 * executable of USUAL_PATHS and playwright's cache ($PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright).
 * Without one, `reason` says what was looked for, for the skip message.
 */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  usual: readonly string[] = USUAL_PATHS,
): { path: string; reason?: undefined } | { path?: undefined; reason: string } {
  const wanted = env["CHROMIUM_PATH"];
  if (wanted)
    return executable(wanted) ? { path: wanted } : { reason: `CHROMIUM_PATH=${wanted} is not an executable file` };
  const cache = env["PLAYWRIGHT_BROWSERS_PATH"] || join(homedir(), ".cache", "ms-playwright");
  const found = [...usual, ...playwrightBrowsers(cache)].find(executable);
  if (found) return { path: found };
  return {
    reason: `no Chromium: set CHROMIUM_PATH, or install one at ${usual.join(", ")} or with playwright (${cache})`,
  };
}
