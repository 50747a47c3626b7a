import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN } from "./helpers/cli.js";

/**
 * The README pastes real output. Each `$ llm-cost …` / `$ npx llm-cost …` block is run again
 * (through sh, for its pipes, from the repository root) and must print exactly what the README
 * shows, so the README cannot drift from the tool.
 */
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const start = readme.indexOf("## Checking the numbers in the post");
const blocks = [...readme.matchAll(/```\n\$ (?:npx )?(llm-cost [^\n]+)\n([\s\S]*?)\n```/g)].map(
  ([, command, output]) => ({ command: command!, output: output! }),
);

describe("README: the pasted outputs are the tool's real output", () => {
  it("has the seed post's checks", () => {
    expect(start).toBeGreaterThan(0);
    expect(blocks.length).toBeGreaterThanOrEqual(13);
  });

  for (const { command, output } of blocks) {
    it(command, () => {
      const { NO_COLOR: _n, FORCE_COLOR: _f, LC_ALL: _a, LC_MESSAGES: _m, ...env } = process.env;
      const shell = command.replace(/^llm-cost /, `"${process.execPath}" "${BIN}" `);
      const root = fileURLToPath(new URL("..", import.meta.url));
      const stdout = execFileSync("/bin/sh", ["-c", shell], {
        encoding: "utf8",
        cwd: root,
        env: { ...env, LANG: "C.UTF-8" },
      });
      expect(stdout.replace(/\n$/, "")).toBe(output);
    });
  }
});
