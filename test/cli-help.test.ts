import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cli } from "./helpers/cli.js";

const COMMANDS = [
  "estimate",
  "validate",
  "gpus",
  "prices",
  "models",
  "scenarios",
  "compare",
  "plan",
  "check",
  "completion",
];

describe("help, version and completion", () => {
  it("--version prints the package version", async () => {
    const { status, stdout } = await cli(["--version"]);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it.each(COMMANDS)("%s --help lists its options and shows examples", async (command) => {
    const { status, stdout } = await cli([command, "--help"]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: llm-cost /);
    expect(stdout).toMatch(/\nExamples:\n {2}llm-cost /);
  });
  it("help points to the listing commands for names, not to files", async () => {
    const estimate = (await cli(["estimate", "--help"])).stdout.replace(/\s+/g, " ");
    expect(estimate).toMatch(/--gpus <spec> +GPUs: 2xH100, 8xA100-40GB, H100 \(one GPU\);.*llm-cost gpus lists them/);
    expect(estimate).toMatch(
      /--model <name> +a model preset \(llama-2-7b, qwen2\.5-7b, \.\.\.; llm-cost models lists them\)/,
    );
    expect((await cli(["compare", "--help"])).stdout.replace(/\s+/g, " ")).toMatch(/see llm-cost scenarios/);
    for (const command of COMMANDS)
      expect((await cli([command, "--help"])).stdout).not.toMatch(/README|presets\/\w+\.json/);
  });
  it("bash completion is valid bash and knows every command and estimate's flags", async () => {
    const script = (await cli(["completion", "bash"])).stdout;
    expect(spawnSync("bash", ["-n"], { input: script }).status).toBe(0);
    for (const command of COMMANDS) expect(script).toContain(command);
    expect(script).toMatch(/estimate\) opts="[^"]*--gpus[^"]*--lang/);
    expect(script).toContain('--strategy) COMPREPLY=( $(compgen -W "all scratch dapt tapt sft lora qlora"');
  });
  it("zsh completion declares compdef and the commands; another shell is one clear error", async () => {
    const script = (await cli(["completion", "zsh"])).stdout;
    expect(script).toMatch(/^#compdef llm-cost/);
    expect(script).toContain(
      "compadd estimate validate gpus prices models fx compare plan check calibrate scenarios completion",
    );
    const zsh = spawnSync("zsh", ["-n"], { input: script });
    if (zsh.error === undefined) expect(zsh.status).toBe(0); // only where zsh is installed
    const fish = await cli(["completion", "fish"]);
    expect(fish.status).toBe(2);
    expect(fish.stderr).toBe('llm-cost: invalid shell "fish": expected bash or zsh\n');
  });
});

describe("--help in Korean", () => {
  it("every option of the table has its Korean help, and --lang ko (or a Korean LANG) prints it", async () => {
    const { OPTIONS } = await import("../src/job/options.js");
    const { OPTION_HELP_KO, COMMAND_HELP_KO } = await import("../src/i18n/ko/option-help.js");
    expect(OPTIONS.filter((o) => OPTION_HELP_KO[o.key] === undefined).map((o) => o.key)).toEqual([]);
    const { COMMANDS } = await import("../src/job/options.js");
    expect([...COMMANDS, "completion"].filter((c) => COMMAND_HELP_KO[c] === undefined)).toEqual([]);
    const ko = await cli(["estimate", "--help", "--lang", "ko"]);
    expect(ko.stdout).toContain("학습 방식별 FLOPs, GPU 시간, 소요 기간, GPU당 메모리, 원·달러 비용");
    expect(ko.stdout).toMatch(/--gpus <spec> +GPU: 2xH100/);
    expect((await cli(["plan", "--help"], { LANG: "ko_KR.UTF-8" })).stdout).toContain("--top <n>");
    expect((await cli(["plan", "--help"], { LANG: "ko_KR.UTF-8" })).stdout).toContain(
      "순위마다 보여 줄 계획 수 (기본값: 5)",
    );
    // English stays English.
    expect((await cli(["plan", "--help"])).stdout).toContain("how many plans to list in each ranking (default: 5)");
  });
});
