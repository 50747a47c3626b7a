import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused, measure } from "./helpers/hostile.js";

// Issue 16, classes 2 and 5: every file a user names, or that is found by name, is a regular file
// of at most 10 MB in UTF-8, read before any parse; a duplicate key is an error in JSON as in YAML.

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llm-cost-hostile-files-"));
  execFileSync("mkfifo", [join(dir, "fifo")]);
  mkdirSync(join(dir, "folder"));
  // Sparse: 11 MB on paper, nothing on disk.
  writeFileSync(join(dir, "huge.json"), "");
  truncateSync(join(dir, "huge.json"), 11 * 1024 * 1024);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer): string => {
  writeFileSync(join(dir, name), content);
  return name;
};
const JOB = ["--params", "7B", "--tokens", "1B", "--gpus", "1xH100"];
/** Each way a file reaches llm-cost, as the argv that names `path`. */
const READERS: Array<[string, (path: string) => string[]]> = [
  ["--config", (p) => ["estimate", ...JOB, "--config", p]],
  ["plan --config", (p) => ["plan", "--params", "7B", "--tokens", "1B", "--strategy", "lora", "--config", p]],
  ["--model-config", (p) => ["estimate", "--model-config", p, "--tokens", "1B", "--gpus", "1xH100"]],
  ["--from", (p) => ["estimate", "--from", p, "--tokens", "1B", "--gpus", "1xH100"]],
  ["compare FILE", (p) => ["compare", p]],
  ["scenarios FILE", (p) => ["scenarios", p]],
];

describe("files that are not regular files, or too big, are refused before reading", () => {
  const paths: Array<[string, () => string, RegExp]> = [
    ["/dev/zero", () => "/dev/zero", /not a regular file/],
    ["/dev/urandom", () => "/dev/urandom", /not a regular file/],
    ["a named pipe nobody writes to", () => join(dir, "fifo"), /not a regular file/],
    ["a directory", () => join(dir, "folder"), /is a directory/],
    // A training config's limit is lower (256 KB): see the YAML tests below.
    ["an 11 MB file", () => join(dir, "huge.json"), /larger than (10 MB|256 KB)/],
  ];
  for (const [reader, argv] of READERS)
    it.each(paths)(`${reader} %s`, async (_name, path, says) => {
      expectRefused(await measure(argv(path()), dir), says);
    });

  it.each([
    ["/dev/zero", "/dev/zero", /not a regular file/],
    ["a named pipe", "fifo", /not a regular file/],
    ["an 11 MB file", "huge.json", /larger than 10 MB/],
  ])("llm-cost.config.json found in the directory as a link to %s, with no flag given", async (_n, target, says) => {
    const cwd = mkdtempSync(join(dir, "cwd-"));
    symlinkSync(target.startsWith("/") ? target : join(dir, target), join(cwd, "llm-cost.config.json"));
    expectRefused(await measure(["estimate", ...JOB], cwd), new RegExp(`llm-cost\\.config\\.json: ${says.source}`));
  });
});

describe("UTF-16 files are named as such", () => {
  const json = '{"pue": 1.2}';
  const forms: Array<[string, Buffer]> = [
    ["UTF-16 LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")])],
    ["UTF-16 BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, "utf16le").swap16()])],
    ["UTF-16 LE without a BOM", Buffer.from(json, "utf16le")],
  ];
  for (const [reader, argv] of READERS)
    it.each(forms)(`${reader} in %s`, async (_name, bytes) => {
      expectRefused(await measure(argv(write("utf16.json", bytes)), dir), /utf16\.json.*UTF-16; save it as UTF-8/);
    });
});

describe("a key given twice is an error in JSON as in YAML", () => {
  it.each([
    ["at the top", '{"pue": 1.2, "lang": "en", "pue": 1.5}', "pue"],
    ["inside fx", '{"fx": {"krwPerUsd": 1400, "date": "2026-01-01", "krwPerUsd": 1, "source": "x"}}', "fx.krwPerUsd"],
    ["inside a list", '{"prices": [{"gpu": "H100"}, {"gpu": "A100", "gpu": "H100"}]}', "prices[1].gpu"],
    ["after nested objects", '{"fx": {"a": {"b": 1}}, "lang": "en", "fx": 1}', "fx"],
    ["spelled with an escape", '{"pue": 1.2, "p\\u0075e": 1.5}', "pue"],
  ])("config %s", async (_name, text, path) => {
    const file = write("dup.json", text);
    expectRefused(
      await measure(["estimate", ...JOB, "--config", file], dir),
      new RegExp(`dup\\.json: ${path.replace(/[.[\]]/g, "\\$&")}: duplicate key`),
    );
  });

  it("a config.json with hidden_size twice", async () => {
    const file = write("hf.json", '{"model_type": "llama", "hidden_size": 4096, "hidden_size": 8}');
    expectRefused(
      await measure(["estimate", "--model-config", file, "--tokens", "1B", "--gpus", "H100"], dir),
      /hf\.json: hidden_size: duplicate key/,
    );
  });

  it("a scenario file with title twice", async () => {
    const file = write("scen.json", '[{"id": "a", "title": "A", "title": "B"}]');
    expectRefused(await measure(["scenarios", file], dir), /scen\.json: \[0\]\.title: duplicate key/);
  });

  it("equal keys that differ in text are not duplicates", async () => {
    const file = write(
      "ok.json",
      '{"fx": {"krwPerUsd": 1400, "date": "2026-01-01", "source": "a,\\"b\\"{["}, "lang": "en"}',
    );
    const outcome = await measure(["estimate", ...JOB, "--config", file], dir);
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
  });

  it.each([
    [
      "at the top",
      "base_model: a\nsequence_len: 512\nbase_model: b\n",
      /line 3: Map keys must be unique \("base_model" is given twice\)/,
    ],
    [
      "nested",
      "model:\n  _component_: x\n  lora_rank: 8\n  lora_rank: 16\n",
      /line 4: Map keys must be unique \("lora_rank"/,
    ],
    ["in flow style", "base_model: a\nfsdp_config: {a: 1, a: 2}\n", /line 2: Map keys must be unique \("a"/],
  ])("a trainer YAML with a key twice %s", async (_name, text, says) => {
    expectRefused(
      await measure(["estimate", "--from", write("dup.yaml", text), "--tokens", "1B", "--gpus", "H100"], dir),
      says,
    );
  });
});

describe("parse work grows linearly with the file", () => {
  it("a trainer YAML as big as allowed (256 KB, 20,000 keys) is read in well under 2 s", async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join("\n");
    const file = write("many.yaml", `base_model: meta-llama/Llama-2-7b-hf\n${keys}\n`);
    const outcome = await measure(
      ["estimate", "--from", file, "--tokens", "1B", "--gpus", "H100", "--format", "json"],
      dir,
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    expect(outcome.ms).toBeLessThan(2000);
    expect(JSON.parse(outcome.stdout).inputs.from.ignored).toHaveLength(51);
  });

  it.each([30_000, 300_000])("a trainer YAML of %d keys (over 256 KB) is refused before parsing", async (n) => {
    const keys = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join("\n");
    const file = write("many.yaml", `base_model: meta-llama/Llama-2-7b-hf\n${keys}\n`);
    expectRefused(
      await measure(["estimate", "--from", file, "--tokens", "1B", "--gpus", "H100"], dir),
      /invalid --from "many\.yaml": larger than 256 KB/,
    );
  });

  it("a JSON config 10,000 objects deep is checked for duplicates without a quadratic path", async () => {
    const file = write("deep.json", `{"$comment": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`);
    const outcome = await measure(["estimate", ...JOB, "--config", file], dir);
    expectRefused(outcome, /deep\.json: \$comment: expected string/);
  });
});
