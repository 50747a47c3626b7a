import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS_DIR_ENV } from "../src/cli/catalog-dir.js";
import { parseLog } from "../src/inputs/logs/detect-format.js";
import { FIXTURE_CATALOG } from "./helpers/cli.js";
import { cleanEnv, runInProcess, showArgv } from "./helpers/in-process.js";
import { variants } from "./helpers/log-variants.js";

// Every malformed log the parser refuses (the seeded variants of test/log-fuzz.test.ts) is refused
// by `calibrate --save` too: exit 2, exactly one line on stderr naming the file, nothing on stdout,
// and the config file byte for byte as it was (nothing is saved from a rejected log).

describe("calibrate --save on malformed logs", () => {
  it("exits 2 with one line and leaves the config file untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "llm-cost-calibrate-fuzz-"));
    const config = `${JSON.stringify({ $comment: "keep me", provider: "aws" }, null, 4)}\n`;
    writeFileSync(join(dir, "cfg.json"), config);
    const env = { ...cleanEnv(), [PRESETS_DIR_ENV]: FIXTURE_CATALOG, LLM_COST_TODAY: "2025-03-15" };
    const refused = variants().filter((v) => !parseLog(v.text, v.base.name, v.base.options).ok);
    expect(refused.length).toBeGreaterThanOrEqual(200);
    const failures: string[] = [];
    for (const [i, v] of refused.entries()) {
      // The base's name keeps its extension (format detection reads it); the index keeps them apart.
      const file = `${i}-${v.base.name}`;
      writeFileSync(join(dir, file), v.text);
      const o = v.base.options;
      const argv = [
        "calibrate",
        "--log",
        file,
        "--params",
        "8B",
        "--tokens",
        "1B",
        ...(o.seqLen ? ["--seq-len", String(o.seqLen)] : []),
        "--gpus",
        o.gpus ? `${o.gpus}xH100` : "H100",
        "--save",
        "x",
        "--config",
        "cfg.json",
      ];
      const r = await runInProcess(argv, { cwd: dir, env });
      const lines = r.stderr.split("\n").filter((l) => l !== "");
      const wrong =
        r.thrown !== undefined
          ? `threw ${String(r.thrown)}`
          : r.code !== 2
            ? `exit ${r.code}`
            : lines.length !== 1 || !r.stderr.endsWith("\n")
              ? `stderr ${JSON.stringify(r.stderr)}`
              : !lines[0]!.includes(file)
                ? `does not name the file: ${lines[0]}`
                : r.stdout !== ""
                  ? "wrote to stdout"
                  : readFileSync(join(dir, "cfg.json"), "utf8") !== config
                    ? "changed the config file"
                    : undefined;
      if (wrong) failures.push(`${v.label}: ${showArgv(argv)}: ${wrong}`);
    }
    expect(failures).toEqual([]);
  });
});
