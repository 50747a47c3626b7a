import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "./helpers/find-chromium.js";

// How the browser test finds Chromium (or says why it skips), on fake installs in a temp directory.
const root = mkdtempSync(join(tmpdir(), "llm-cost-chromium-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const fakeBrowser = (path: string): string => {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, 0o755);
  return path;
};

describe("findChromium", () => {
  it("uses CHROMIUM_PATH when set, and only it", () => {
    const browser = fakeBrowser(join(root, "custom", "chrome"));
    expect(findChromium({ CHROMIUM_PATH: browser }, [])).toEqual({ path: browser });
    expect(findChromium({ CHROMIUM_PATH: join(root, "missing") }, [browser]).reason).toBe(
      `CHROMIUM_PATH=${join(root, "missing")} is not an executable file`,
    );
  });

  it("takes the first usual path that exists, then playwright's newest download", () => {
    const usual = fakeBrowser(join(root, "usr", "chromium"));
    const cache = join(root, "pw");
    const older = fakeBrowser(join(cache, "chromium-1100", "chrome-linux", "chrome"));
    const newer = fakeBrowser(join(cache, "chromium-1200", "chrome-linux", "chrome"));
    const env = { PLAYWRIGHT_BROWSERS_PATH: cache };
    expect(findChromium(env, [join(root, "nothing"), usual]).path).toBe(usual);
    expect(findChromium(env, [join(root, "nothing")]).path).toBe(newer);
    expect(older).not.toBe(newer);
  });

  it("without one, the reason names what was looked for", () => {
    const { path, reason } = findChromium({ PLAYWRIGHT_BROWSERS_PATH: join(root, "empty") }, ["/nope/chromium"]);
    expect(path).toBeUndefined();
    expect(reason).toBe(
      `no Chromium: set CHROMIUM_PATH, or install one at /nope/chromium or with playwright (${join(root, "empty")})`,
    );
  });
});
