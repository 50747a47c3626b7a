import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "./helpers/cli.js";
import { spawnCli } from "./helpers/spawn-cli.js";

// Issue 16, classes 6 and 7: what only a real process shows (closed stdout, a deleted working
// directory, writers racing, signals). Few and quick: the rest of the hostile tests run in process.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llm-cost-hostile-process-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sh = (script: string, cwd = dir) =>
  spawnSync("sh", ["-c", script], { cwd, encoding: "utf8", env: { ...process.env, LANG: "en_US.UTF-8", BIN } });

describe("the process boundary", () => {
  it.each([
    ["--version", '"$BIN" --version'],
    ["an estimate", '"$BIN" estimate --params 7B --tokens 1B --gpus H100'],
  ])("%s with stdout closed is an error, not output silently lost", (_name, command) => {
    const result = spawnSync("sh", ["-c", `node ${command} >&-`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, BIN },
    });
    expect(result.stderr).toBe("llm-cost: cannot write the output (standard output is closed)\n");
    expect(result.status).toBe(2);
  });

  it("stdout sent to /dev/null is not mistaken for a closed one", () => {
    const result = sh('node "$BIN" --version > /dev/null');
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("a deleted working directory: --version works, a relative --out names the missing folder", () => {
    const gone = join(dir, "gone");
    mkdirSync(gone);
    const result = sh(
      `cd "${gone}" && rmdir "${gone}" && node "$BIN" --version && node "$BIN" estimate --params 7B --tokens 1B --gpus H100 --out r.json; echo "exit $?"`,
    );
    expect(result.stdout).toBe("0.1.0\nexit 2\n");
    expect(result.stderr).toBe(`llm-cost: invalid --out "r.json": the folder ${gone} does not exist\n`);
  });
});

describe("--out between processes", () => {
  it("writers racing for one new file: exactly one wins, the rest are refused, the file is the winner's", async () => {
    const racers = ["1B", "2B", "3B", "4B", "5B", "6B"];
    const outcomes = await Promise.all(
      racers.map((p) =>
        spawnCli(
          ["estimate", "--params", p, "--tokens", "1B", "--gpus", "H100", "--format", "json", "--out", "race.json"],
          dir,
        ),
      ),
    );
    const winners = outcomes.filter((o) => o.code === 0);
    expect(winners).toHaveLength(1);
    for (const o of outcomes.filter((o) => o.code !== 0)) {
      expect(o.code).toBe(2);
      expect(o.stderr).toBe('llm-cost: invalid --out "race.json": the file exists; add --force to replace it\n');
    }
    const written = JSON.parse(readFileSync(join(dir, "race.json"), "utf8"));
    expect(`${written.inputs.params / 1e9}B`).toBe(winners[0]!.argv[2]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("SIGINT or SIGTERM at any moment leaves no temporary file, and the target whole or absent", async () => {
    const sub = mkdtempSync(join(dir, "signals-"));
    const delays = [0, 40, 80, 120, 160, 200, 240, 280];
    await Promise.all(
      delays.map(
        (delay, i) =>
          new Promise<void>((resolve) => {
            const child = spawn(
              process.execPath,
              [
                BIN,
                "estimate",
                "--params",
                "7B",
                "--tokens",
                "1B",
                "--gpus",
                "H100",
                "--format",
                "html",
                "--out",
                `r${i}.html`,
              ],
              { cwd: sub },
            );
            setTimeout(() => child.kill(i % 2 ? "SIGINT" : "SIGTERM"), delay);
            child.on("close", () => resolve());
          }),
      ),
    );
    const left = readdirSync(sub);
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    for (const name of left) expect(readFileSync(join(sub, name), "utf8")).toMatch(/<\/html>\s*$/);
    expect(existsSync(sub)).toBe(true);
  });
});
