import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotDir } from "./helpers/dir-snapshot.js";
import { cleanEnv, runInProcess } from "./helpers/in-process.js";
import { checkOutcome } from "./helpers/output-oracle.js";
import { spawnCli } from "./helpers/spawn-cli.js";

// `estimate --out FILE` (src/cli/write-output.ts), beyond test/cli-output-files.test.ts: it writes
// only when asked, exactly what stdout would have shown and never colour; atomically (a temporary
// file and a rename, none left behind, success or failure); never over an existing file without
// --force, even when the estimate fails; never over a directory, a pipe or a device; and every
// refusal is one "llm-cost: " line with exit 2. In-process through run(), one case through the binary.

const JOB = ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];
const FORMATS = ["table", "json", "csv", "tsv", "markdown", "html"] as const;

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "llm-cost-out-file-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const run = (argv: string[], cwd: string, options: { env?: Record<string, string>; tty?: boolean } = {}) =>
  runInProcess(argv, { cwd, env: options.env ?? cleanEnv(), stdoutIsTTY: options.tty ?? false });

/** A file's bytes and modification time, to show that it was not touched. */
const fingerprint = (file: string): string => `${readFileSync(file, "base64")} ${statSync(file).mtimeMs}`;

describe("estimate --out", () => {
  it.each(FORMATS)(
    "--format %s: nothing written without --out; with it, exactly stdout's text in one new file",
    async (format) => {
      const dir = freshDir();
      const plain = await run([...JOB, "--format", format], dir);
      expect(checkOutcome(plain)).toBeUndefined();
      expect(plain.code).toBe(0);
      expect(plain.stdout.length).toBeGreaterThan(100);
      expect(readdirSync(dir)).toEqual([]);

      const name = `report.${format}`;
      const written = await run([...JOB, "--format", format, "--out", name], dir);
      expect(written.code).toBe(0);
      expect(written.stdout).toBe("");
      expect(written.stderr).toBe(`llm-cost: wrote ${join(dir, name)}\n`);
      // Only the file: no temporary file left beside it.
      expect(readdirSync(dir)).toEqual([name]);
      expect(readFileSync(join(dir, name), "utf8")).toBe(plain.stdout);
    },
  );

  it("never writes colour into the file, even at a terminal or with FORCE_COLOR (stdout at a terminal has it)", async () => {
    const dir = freshDir();
    const atTerminal = await run(JOB, dir, { tty: true });
    expect(atTerminal.stdout).toMatch(/\u001b\[/);
    await run([...JOB, "--out", "tty.txt"], dir, { tty: true });
    await run([...JOB, "--out", "forced.txt"], dir, { env: { ...cleanEnv(), FORCE_COLOR: "1" } });
    for (const file of ["tty.txt", "forced.txt"]) expect(readFileSync(join(dir, file), "utf8")).not.toMatch(/\u001b\[/);
    expect(readdirSync(dir).sort()).toEqual(["forced.txt", "tty.txt"]);
  });

  it("--force without --out is refused and writes nothing; --out - is stdout; --out into an existing sub-folder writes there", async () => {
    const dir = freshDir();
    const forced = await run([...JOB, "--force", "--format", "json"], dir);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toBe("llm-cost: --force replaces the file --out writes: give --out FILE too\n");
    expect(readdirSync(dir)).toEqual([]);
    const dash = await run([...JOB, "--out", "-", "--format", "json"], dir);
    expect(JSON.parse(dash.stdout).command).toBe("estimate");
    expect(readdirSync(dir)).toEqual([]);
    mkdirSync(join(dir, "reports"));
    expect((await run([...JOB, "--out", "reports/r.md", "--format", "markdown"], dir)).code).toBe(0);
    expect(readdirSync(join(dir, "reports"))).toEqual(["r.md"]);
  });

  // An existing file is replaced only with --force, and only by a finished report: when the
  // estimate fails (a bad flag, a bad GPU, --budget in CSV, a bad format or language), the old file
  // stays byte for byte, with its time, and nothing else appears.
  const failing: Array<[string, string[]]> = [
    ["no --force", [...JOB, "--format", "markdown", "--out", "keep.md"]],
    [
      "an unknown GPU, with --force",
      ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH900", "--out", "keep.md", "--force"],
    ],
    ["--budget in CSV, with --force", [...JOB, "--format", "csv", "--budget", "3억", "--out", "keep.md", "--force"]],
    ["an unknown format, with --force", [...JOB, "--format", "pdf", "--out", "keep.md", "--force"]],
    ["an unknown language, with --force", [...JOB, "--lang", "fr", "--out", "keep.md", "--force"]],
    ["a broken config, with --force", [...JOB, "--config", "bad.json", "--out", "keep.md", "--force"]],
    ["a missing value, with --force", [...JOB, "--force", "--out", "keep.md", "--mfu"]],
  ];
  it.each(failing)("leaves an existing file untouched: %s", async (_name, argv) => {
    const dir = freshDir();
    writeFileSync(join(dir, "keep.md"), "precious");
    writeFileSync(join(dir, "bad.json"), '{"gpus": 8}');
    const before = snapshotDir(dir);
    const print = fingerprint(join(dir, "keep.md"));
    const outcome = await run(argv, dir);
    expect(checkOutcome(outcome)).toBeUndefined();
    expect(outcome.code).toBe(2);
    expect(fingerprint(join(dir, "keep.md"))).toBe(print);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it("replaces an existing file with --force, atomically (no temporary file left)", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, "keep.json"), "old");
    const outcome = await run([...JOB, "--format", "json", "--out", "keep.json", "--force"], dir);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "keep.json"), "utf8")).command).toBe("estimate");
    expect(readdirSync(dir)).toEqual(["keep.json"]);
  });

  it("never writes over a directory, a symlink to one, or a named pipe, even with --force", async () => {
    const dir = freshDir();
    mkdirSync(join(dir, "folder"));
    symlinkSync(join(dir, "folder"), join(dir, "link"));
    let pipe = false;
    try {
      execFileSync("mkfifo", [join(dir, "pipe")]);
      pipe = true;
    } catch {
      // No mkfifo here: the pipe case is skipped, the others still run.
    }
    const before = snapshotDir(dir);
    for (const target of ["folder", "link", ".", "", ...(pipe ? ["pipe"] : [])]) {
      for (const force of [[], ["--force"]]) {
        const outcome = await run([...JOB, "--out", target, ...force], dir);
        expect(checkOutcome(outcome), `--out ${JSON.stringify(target)} ${force}`).toBeUndefined();
        expect(outcome.code, `--out ${JSON.stringify(target)} ${force}: ${outcome.stderr}`).toBe(2);
        expect(outcome.stderr).toMatch(
          /^llm-cost: invalid --out "[^"]*": (is a directory|not a regular file|give a file name)/,
        );
      }
    }
    expect(snapshotDir(dir)).toEqual(before);
    expect(readdirSync(join(dir, "folder"))).toEqual([]);
  });

  it("a missing folder, or a file used as a folder: one error line, and no folder is created", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, "file.txt"), "x");
    const before = snapshotDir(dir);
    for (const target of ["no/such/dir/r.txt", "file.txt/r.txt", "new/"]) {
      const outcome = await run([...JOB, "--out", target], dir);
      expect(checkOutcome(outcome), target).toBeUndefined();
      expect(outcome.code, `${target}: ${outcome.stderr}`).toBe(2);
      expect(snapshotDir(dir)).toEqual(before);
    }
  });

  it("a file name at the system's limit is written; one over it is one error line, with nothing left", async () => {
    const dir = freshDir();
    // 250 characters is a legal name (the limit is 255 bytes): the temporary name must not overflow it.
    const long = "r".repeat(250);
    const ok = await run([...JOB, "--out", long], dir);
    expect(checkOutcome(ok)).toBeUndefined();
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([long]);
    for (const tooLong of ["r".repeat(300), `${"d".repeat(300)}/r.txt`]) {
      const before = snapshotDir(dir);
      const outcome = await run([...JOB, "--out", tooLong], dir);
      expect(checkOutcome(outcome)).toBeUndefined();
      expect(outcome.code).toBe(2);
      expect(snapshotDir(dir)).toEqual(before);
    }
  });

  it("never deletes a file it did not make: a stale temporary file of the same name stays", async () => {
    const dir = freshDir();
    // In-process the CLI's pid is this process's: this is the temporary name it would choose.
    const stale = `.report.md.${process.pid}.tmp`;
    writeFileSync(join(dir, stale), "someone else's");
    const outcome = await run([...JOB, "--format", "markdown", "--out", "report.md"], dir);
    expect(checkOutcome(outcome)).toBeUndefined();
    expect(readFileSync(join(dir, stale), "utf8")).toBe("someone else's");
    if (outcome.code === 0) expect(readFileSync(join(dir, "report.md"), "utf8")).toMatch(/^### 7B parameters/);
    else expect(readdirSync(dir)).toEqual([stale]);
  });

  it("through the built binary: an over-long name is exit 2 and one line, not a crash", async () => {
    const dir = freshDir();
    const outcome = await spawnCli([...JOB, "--out", "r".repeat(300)], dir);
    expect(checkOutcome(outcome)).toBeUndefined();
    expect(outcome.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});
