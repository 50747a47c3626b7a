import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDocs, regenerate } from "../scripts/docs/generate.mjs";
import { buildProgram, run } from "../src/cli/run.js";
import { OPTIONS } from "../src/job/options.js";
import { ROOT } from "./helpers/cli.js";

// Every example output in README.md and docs/, and docs/options.md, is written by `npm run docs`.
// This runs the same generator in memory, with the CLI's source in process, and fails when a file
// differs from what it would write: a price, a rate or a formula changed and the docs were not
// regenerated. The fix is `npm run docs`, never an edit by hand.
const { files, examples } = await generateDocs(ROOT, { run, buildProgram, OPTIONS });

describe("generated docs are current (npm run docs)", () => {
  it("README and docs hold the examples, and options.md is generated", () => {
    expect(examples).toBeGreaterThanOrEqual(15);
    expect([...files.keys()]).toContain("docs/options.md");
    expect([...files.keys()]).toContain("README.md");
  });

  it.each([...files.keys()])("%s", (file) => {
    const onDisk = readFileSync(join(ROOT, file), "utf8");
    expect(onDisk, `${file} is stale: run npm run docs`).toBe(files.get(file));
  });

  it("a block that no longer matches its command is rewritten (so a stale block fails the test above)", async () => {
    const marker = "<!-- llm-cost: estimate --params 7B --tokens 15B --gpus 2xH100 --strategy dapt --format csv -->";
    const stale = `${marker}\n\`\`\`text\n$ llm-cost estimate …\nold output\n\`\`\`\n`;
    const { text, examples: n } = await regenerate(stale, run, ROOT);
    expect(n).toBe(1);
    expect(text).not.toBe(stale);
    expect(text).toMatch(/^label,model,params,active_params,tokens,strategy,/m);
    // 6 × 7e9 × 15e9 tokens = 6.3e20 FLOPs
    expect(text).toMatch(/^,,7000000000,7000000000,15000000000,dapt,H100,2,[^\n]*,6\.3e\+20,/m);
    expect((await regenerate(text, run, ROOT)).text).toBe(text);
  });

  it("the pipes a documented command may use are applied as a shell would", async () => {
    const marker = "<!-- llm-cost: gpus --format csv | grep -E '^(id|h100-sxm),' | head -n 1 -->";
    const { text } = await regenerate(`${marker}\n`, run, ROOT);
    // marker, ```text, $ llm-cost …, the output, ```: grep keeps the header and H100, head the header.
    const output = text.split("\n").slice(3, -2);
    expect(output).toHaveLength(1);
    expect(output[0]).toMatch(/^id,name,/);
  });
});
