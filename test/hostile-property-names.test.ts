import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROPERTY_NAMES, expectHandled, expectRefused, measure } from "./helpers/hostile.js";

// Issue 16, class 1: names of built-in object properties typed as data must read as unknown
// names, never as the inherited function (a crash, or NaN reported as "too large").

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "llm-cost-hostile-names-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JOB = ["--params", "7B", "--tokens", "1B"];
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe("built-in property names as flag values", () => {
  it.each(PROPERTY_NAMES)("--lora-targets %s is refused naming the flag (estimate, plan, check)", async (name) => {
    for (const argv of [
      ["estimate", ...JOB, "--gpus", "1xH100", "--strategy", "lora", "--lora-targets", name],
      ["plan", ...JOB, "--strategy", "lora", "--lora-targets", name],
      ["check", ...JOB, "--gpus", "1xH100", "--claimed-days", "30d", "--strategy", "lora", "--lora-targets", name],
    ])
      expectRefused(await measure(argv, dir), /^llm-cost: invalid --lora-targets .*expected a comma list/);
  });

  it.each(PROPERTY_NAMES)("a unit spelled %s is an unknown unit, not a size too large", async (name) => {
    const cases: Array<[string[], RegExp]> = [
      [["plan", ...JOB, "--strategy", "lora", "--deadline", `90${name}`], /invalid --deadline .*expected a duration/],
      [
        ["estimate", "--params", "7B", "--corpus", `61${name}`, "--corpus-lang", "en", "--gpus", "1xH100"],
        /invalid --corpus .*expected a size/,
      ],
      [["plan", ...JOB, "--strategy", "lora", "--budget", `3${name}`], /invalid --budget .*expected an amount/],
      [
        ["estimate", `--params`, `7${name}`, "--tokens", "1B", "--gpus", "1xH100"],
        /invalid --params .*expected a positive count/,
      ],
    ];
    for (const [argv, pattern] of cases) {
      const outcome = await measure(argv, dir);
      expectRefused(outcome, pattern);
      expect(outcome.stderr).not.toMatch(/too large/);
    }
  });

  it.each(PROPERTY_NAMES)("%s as any other name a user types is unknown", async (name) => {
    for (const argv of [
      ["estimate", ...JOB, "--gpus", `1x${name}`],
      ["estimate", ...JOB, "--gpus", "1xH100", "--provider", name],
      ["estimate", "--model", name, "--tokens", "1B", "--gpus", "1xH100"],
      ["estimate", ...JOB, "--gpus", "1xH100", "--strategy", name],
      ["estimate", ...JOB, "--gpus", "1xH100", "--grid", name],
      ["estimate", "--params", "7B", "--corpus", "1GB", "--corpus-lang", name, "--gpus", "1xH100"],
      ["compare", name],
      ["scenarios", name],
      ["prices", name],
    ])
      expectRefused(await measure(argv, dir));
  });
});

describe("built-in property names inside files", () => {
  it.each(PROPERTY_NAMES)("a trainer YAML naming module or optimizer %s is priced, with a note", async (name) => {
    const yaml = write(
      "axolotl.yaml",
      `base_model: meta-llama/Llama-2-7b-hf\nadapter: lora\nlora_target_modules: [q_proj, "${name}"]\noptimizer: "${name}"\n`,
    );
    const outcome = await measure(
      ["estimate", "--from", yaml, "--tokens", "1B", "--gpus", "1xH100", "--format", "json"],
      dir,
    );
    expectHandled(outcome);
    expect(outcome.code).toBe(0);
    const json = JSON.parse(outcome.stdout);
    expect(json.inputs.loraTargets).toEqual(["q"]);
    expect(JSON.stringify(json.inputs.from.notes)).toContain(`optimizer: ${name} has no llm-cost equivalent`);
  });

  it.each(PROPERTY_NAMES)("a torchtune optimizer component ending in %s is noted, not used", async (name) => {
    const yaml = write(
      "tt.yaml",
      `model:\n  _component_: torchtune.models.llama2.lora_llama2_7b\n  lora_attn_modules: [q_proj, "${name}"]\noptimizer:\n  _component_: torch.optim.${name}\n`,
    );
    const outcome = await measure(
      ["estimate", "--from", yaml, "--tokens", "1B", "--gpus", "1xH100", "--format", "json"],
      dir,
    );
    expectHandled(outcome);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout).inputs.loraTargets).toEqual(["q"]);
  });

  it.each(PROPERTY_NAMES)("a scenario with loraTargets %s is invalid for scenarios and compare alike", async (name) => {
    const file = write(
      "scenario.json",
      JSON.stringify({
        id: "x",
        title: "X",
        params: 7e9,
        strategy: "lora",
        tokens: "1B",
        gpus: "1xH100",
        loraTargets: name,
      }),
    );
    for (const command of ["scenarios", "compare"])
      expectRefused(
        await measure([command, file], dir),
        /scenario\.json: loraTargets: expected q, k, v, o, gate, up, down/,
      );
  });

  it.each(PROPERTY_NAMES)("a config whose provider, gpus or grid is %s is refused naming the file", async (name) => {
    for (const [key, value] of [
      ["provider", name],
      ["gpus", `1x${name}`],
    ]) {
      const config = write("cfg.json", JSON.stringify({ [key as string]: value }));
      expectRefused(await measure(["estimate", ...JOB, "--config", config], dir), /cfg\.json|--provider|--gpus/);
    }
  });

  it("a config with a __proto__ key is an unknown key, not a prototype", async () => {
    const config = write("proto.json", '{"__proto__": {"pue": 2}, "pue": 1.2}');
    expectRefused(
      await measure(["estimate", ...JOB, "--gpus", "1xH100", "--config", config], dir),
      /proto\.json: __proto__: unknown key/,
    );
  });
});
