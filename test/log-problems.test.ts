import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLog } from "../src/inputs/logs/detect-format.js";
import type { LogParseOptions, LogProblem, LogProblemCode } from "../src/inputs/logs/log-measurement.js";
import { logProblemMessage } from "../src/inputs/logs/log-problem-message.js";
import { EN } from "../src/i18n/messages-en.js";
import { render } from "../src/i18n/render.js";

// Each class of bad log, in each format where it can occur, is refused with one problem and no
// measurement. The bad logs are the fixtures with one thing broken, so each case isolates that thing.

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/logs/${name}`, import.meta.url), "utf8");
const torchtune = fixture("torchtune-log.txt");
const megatron = fixture("megatron-stdout.log");
const hfTokens = fixture("hf-trainer_state-tokens.json");
const hfSamples = fixture("hf-trainer_state-samples.json");
const hfCumulative = fixture("hf-trainer_state-cumulative.json");
const history = fixture("wandb-history.csv");
const panel = fixture("wandb-panel.csv");
const nemo = fixture("nemo2-stdout.log");

function refused(text: string, file: string, options: LogParseOptions = {}): LogProblem {
  const result = parseLog(text, file, options);
  if (result.ok) throw new Error(`${file} was accepted: ${JSON.stringify(result.measurement)}`);
  // Nothing but the problem comes back from a refused log.
  expect(Object.keys(result).sort()).toEqual(["ok", "problem"]);
  expect(result.problem.args.file).toBe(file);
  return result.problem;
}
const code = (text: string, file: string, options: LogParseOptions = {}): LogProblemCode =>
  refused(text, file, options).code;

const lines = (text: string): string[] => text.split("\n");
const hfWith = (text: string, edit: (state: { log_history: Record<string, unknown>[] }) => void): string => {
  const state = JSON.parse(text);
  edit(state);
  return JSON.stringify(state, null, 2);
};

describe("empty and unknown logs", () => {
  it("an empty or blank file is log.empty", () => {
    expect(code("", "a.log")).toBe("log.empty");
    expect(code(" \n\r\n\t\n", "a.log")).toBe("log.empty");
    expect(code("", "a.csv")).toBe("log.empty");
  });

  it("text that is no known log, binary data and JSON without log_history are log.unknownFormat", () => {
    expect(code("epoch 1 done\nall good\n", "notes.txt")).toBe("log.unknownFormat");
    expect(code("\u0000\u0001PK\u0003\u0004 binary", "events.out")).toBe("log.unknownFormat");
    expect(code('{"model_type": "llama"}\n', "config.json")).toBe("log.unknownFormat");
  });
});

describe("truncated logs", () => {
  it("a line-oriented log whose last line has no newline was cut off", () => {
    // "tokens_per_second_per_gpu:2399.2" cut to "…:239": a wrong number if read, so refused.
    const cut = torchtune.slice(0, torchtune.lastIndexOf("2399.2") + 3);
    expect(refused(cut, "tt.txt")).toEqual({ code: "log.truncated", args: { file: "tt.txt", line: 13 } });
    const megatronCut = megatron.slice(0, megatron.indexOf("iteration      100") + 40);
    expect(code(megatronCut, "m.log")).toBe("log.truncated");
  });

  it("JSON that stops with brackets open was cut off; other broken JSON is log.badJson", () => {
    expect(code(hfTokens.slice(0, hfTokens.length / 2), "trainer_state.json")).toBe("log.truncated");
    expect(code('{"log_history": [1, 2,]}\n', "trainer_state.json")).toBe("log.badJson");
  });

  it("a CSV cut inside a quoted cell or in an unquoted last row", () => {
    expect(code(panel.slice(0, -3), "panel.csv")).toBe("log.truncated");
    expect(code(history.slice(0, -5), "history.csv")).toBe("log.truncated");
  });

  it("is not claimed when the cut falls on a line boundary (that leaves a shorter, whole log)", () => {
    const whole = lines(torchtune).slice(0, 8).join("\n") + "\n";
    expect(parseLog(whole, "tt.txt").ok).toBe(true);
  });
});

describe("logs without throughput", () => {
  it("torchtune lines without tokens_per_second_per_gpu", () => {
    const stripped = torchtune.replace(/tokens_per_second_per_gpu:\S+ /g, "");
    expect(refused(stripped, "tt.txt")).toEqual({
      code: "log.noThroughput",
      args: { file: "tt.txt", format: "torchtune", fields: "tokens_per_second_per_gpu" },
    });
  });

  it("Megatron iteration lines without a step time", () => {
    expect(code(megatron.replace(/ elapsed time per iteration \(ms\): [\d.]+ \|/g, ""), "m.log")).toBe(
      "log.noThroughput",
    );
  });

  it("a trainer_state.json with neither a summary nor cumulative tokens (a mid-run checkpoint's)", () => {
    const checkpoint = hfWith(hfTokens, (s) => {
      s.log_history = s.log_history.filter((e) => !("train_runtime" in e));
    });
    expect(code(checkpoint, "trainer_state.json")).toBe("log.noThroughput");
  });

  it("a W&B CSV with no throughput column", () => {
    const csv = "_step,_runtime,train/global_step,train/loss\n0,10.0,10,2.3\n1,20.0,20,2.2\n";
    expect(code(csv, "w.csv")).toBe("log.noThroughput");
  });
});

describe("bad numbers", () => {
  it("a zero, negative or non-finite throughput or step time is log.badNumber naming field and step", () => {
    expect(refused(torchtune.replace(":2401.3 ", ":0 "), "tt.txt")).toEqual({
      code: "log.badNumber",
      args: { file: "tt.txt", field: "tokens_per_second_per_gpu", step: 4, value: "0" },
    });
    expect(code(torchtune.replace(":2401.3 ", ":inf "), "tt.txt")).toBe("log.badNumber");
    expect(code(megatron.replace("(ms): 8400.0", "(ms): -8400.0"), "m.log")).toBe("log.badNumber");
    const zeroRate = hfWith(hfTokens, (s) => {
      s.log_history.at(-1)!["train_tokens_per_second"] = 0;
    });
    expect(code(zeroRate, "s.json")).toBe("log.badNumber");
  });
});

describe("NaN losses", () => {
  it("torchtune loss:nan", () => {
    const bad = torchtune.replace("loss:1.8975", "loss:nan");
    expect(refused(bad, "tt.txt")).toEqual({ code: "log.nanLoss", args: { file: "tt.txt", step: 5 } });
  });

  it("Hugging Face's bare NaN (Python's json writes it so)", () => {
    const bad = hfTokens.replace('"loss": 1.5203', '"loss": NaN');
    expect(refused(bad, "trainer_state.json")).toEqual({
      code: "log.nanLoss",
      args: { file: "trainer_state.json", step: 30 },
    });
  });

  it("Megatron's nan-iteration count and a printed NAN loss", () => {
    expect(code(megatron.replace("number of nan iterations:   0 |", "number of nan iterations:   3 |"), "m.log")).toBe(
      "log.nanLoss",
    );
    expect(code(megatron.replace("lm loss: 7.580000E+00", "lm loss: NAN"), "m.log")).toBe("log.nanLoss");
  });

  it("a W&B CSV loss of NaN", () => {
    expect(code(history.replace(",1.8,2e-05,", ",NaN,2e-05,"), "w.csv")).toBe("log.nanLoss");
  });
});

describe("step order", () => {
  it("two lines swapped is log.nonMonotonicSteps, naming both steps", () => {
    const l = lines(torchtune);
    [l[4], l[5]] = [l[5]!, l[4]!];
    expect(refused(l.join("\n"), "tt.txt")).toEqual({
      code: "log.nonMonotonicSteps",
      args: { file: "tt.txt", step: 5, previous: 6 },
    });
  });

  it("Megatron and trainer_state.json entries out of order", () => {
    const l = lines(megatron);
    const a = l.findIndex((x) => x.includes("iteration       50/"));
    const b = l.findIndex((x) => x.includes("iteration       60/"));
    [l[a], l[b]] = [l[b]!, l[a]!];
    expect(code(l.join("\n"), "m.log")).toBe("log.nonMonotonicSteps");
    const swapped = hfWith(hfTokens, (s) => {
      const h = s.log_history;
      [h[2], h[3]] = [h[3]!, h[2]!];
    });
    expect(code(swapped, "s.json")).toBe("log.nonMonotonicSteps");
  });
});

describe("mixed runs", () => {
  it("a second torchtune run appended to the same DiskLogger file", () => {
    expect(refused(torchtune + torchtune, "tt.txt")).toEqual({
      code: "log.mixedRuns",
      args: { file: "tt.txt", step: 1, previous: 12, reason: "restart", detail: "" },
    });
  });

  it("Megatron arguments that change, or a different train_iters", () => {
    const rerun =
      megatron +
      megatron.replace(
        "seq_length ...................................... 4096",
        "seq_length ...................................... 2048",
      );
    expect(refused(rerun, "m.log")).toMatchObject({
      code: "log.mixedRuns",
      args: { reason: "settings", detail: "seq_length 4096 → 2048" },
    });
    const other = megatron.replace("iteration       90/    1000", "iteration       90/    2000");
    expect(code(other, "m.log")).toBe("log.mixedRuns");
  });

  it("a W&B chart export holding two runs", () => {
    const two = '"Step","a - loss","b - loss"\r\n"1","2.0","2.1"\r\n';
    expect(refused(two, "panel.csv")).toMatchObject({
      code: "log.mixedRuns",
      args: { reason: "names", detail: "a, b" },
    });
  });

  it("a trainer_state.json with two end-of-training summaries", () => {
    const twice = hfWith(hfTokens, (s) => {
      s.log_history.push({ ...s.log_history.at(-1)!, step: 60 });
    });
    expect(refused(twice, "s.json")).toMatchObject({ code: "log.mixedRuns", args: { reason: "summaries" } });
  });
});

describe("too little to measure", () => {
  it("a single logged step cannot be both warm-up and measurement", () => {
    const one = lines(torchtune)[0]! + "\n";
    expect(refused(one, "tt.txt")).toEqual({
      code: "log.tooFewSteps",
      args: { file: "tt.txt", found: 1, needed: 2 },
    });
  });
});

describe("what the caller must add", () => {
  it("samples/s needs --seq-len first, then --gpus", () => {
    expect(code(hfSamples, "s.json")).toBe("log.needsSeqLen");
    expect(code(hfSamples, "s.json", { seqLen: 2048 })).toBe("log.needsGpus");
  });

  it("NeMo stdout gives no sequence length; Megatron without world_size needs --gpus", () => {
    expect(code(nemo, "nemo.log")).toBe("log.needsSeqLen");
    const noWorld = megatron.replace(/^ {2}world_size .*\n/m, "");
    expect(code(noWorld, "m.log")).toBe("log.needsGpus");
    expect(parseLog(noWorld, "m.log", { gpus: 16 }).ok).toBe(true);
  });

  it("cumulative tokens without a summary need --gpus", () => {
    const noSummary = hfWith(hfCumulative, (s) => {
      s.log_history = s.log_history.filter((e) => !("train_loss" in e));
    });
    expect(code(noSummary, "s.json")).toBe("log.needsGpus");
  });

  it("a column override naming a column or field that does not exist is log.badColumn", () => {
    expect(refused(history, "w.csv", { column: { tokensPerSecPerGpu: "perf/tps" } })).toEqual({
      code: "log.badColumn",
      args: { file: "w.csv", field: "tokensPerSecPerGpu", column: "perf/tps" },
    });
    expect(code(history, "w.csv", { column: { tokensPerSecond: "loss" } })).toBe("log.badColumn");
  });
});

/** The problem as one line in the chosen language, as the CLI prints it. */
const logProblemText = (p: LogProblem, lang: "en" | "ko"): string => render(logProblemMessage(p), lang);
/** The log codes of the one catalogue. */
const LOG_CODES = Object.keys(EN).filter((c) => c.startsWith("log.")) as LogProblemCode[];

describe("problem texts", () => {
  const samples: { [C in LogProblemCode]: Extract<LogProblem, { code: C }>["args"] } = {
    "log.empty": { file: "run.log" },
    "log.unknownFormat": { file: "run.log" },
    "log.truncated": { file: "run.log", line: 12 },
    "log.badJson": { file: "run.log", detail: "Unexpected token ]" },
    "log.noThroughput": { file: "run.log", format: "torchtune", fields: "tokens_per_second_per_gpu" },
    "log.badNumber": { file: "run.log", field: "tokens_per_second_per_gpu", step: 4, value: "0" },
    "log.nanLoss": { file: "run.log", step: 5 },
    "log.nonMonotonicSteps": { file: "run.log", step: 5, previous: 6 },
    "log.mixedRuns": { file: "run.log", step: 1, previous: 12, reason: "restart", detail: "" },
    "log.tooFewSteps": { file: "run.log", found: 1, needed: 2 },
    "log.needsSeqLen": { file: "run.log", format: "hf-trainer" },
    "log.needsGpus": { file: "run.log", format: "hf-trainer" },
    "log.badColumn": { file: "run.log", field: "tokensPerSecPerGpu", column: "perf/tps" },
  };

  it("every code has one English and one Korean line, each naming the file", () => {
    for (const c of LOG_CODES) {
      const p = { code: c, args: samples[c] } as LogProblem;
      for (const lang of ["en", "ko"] as const) {
        const text = logProblemText(p, lang);
        expect(text.startsWith("run.log: "), `${c} ${lang}`).toBe(true);
        expect(text).not.toContain("\n");
        expect(text).not.toContain("undefined");
      }
      expect(logProblemText(p, "ko")).toMatch(/[\uac00-\ud7a3]/);
    }
    expect([...LOG_CODES].sort()).toEqual(Object.keys(samples).sort());
  });

  it("reads as a person would write it", () => {
    const noThroughput = { code: "log.noThroughput", args: samples["log.noThroughput"] } as LogProblem;
    expect(logProblemText(noThroughput, "ko")).toBe(
      "run.log: torchtune 로그에 처리량 필드가 없습니다 (찾은 필드: tokens_per_second_per_gpu)",
    );
    const mixed = { code: "log.mixedRuns", args: samples["log.mixedRuns"] } as LogProblem;
    expect(logProblemText(mixed, "en")).toBe(
      "run.log: more than one run in one log (the steps start again at 1 after 12); give each run its own file",
    );
  });

  it("shows control characters in a file name instead of printing them", () => {
    const p = { code: "log.empty", args: { file: "a\u001b[31mb.log" } } as LogProblem;
    expect(logProblemText(p, "en")).not.toContain("\u001b");
  });
});
