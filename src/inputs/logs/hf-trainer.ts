// Hugging Face Trainer's trainer_state.json (also what axolotl and LLaMA-Factory leave, both being
// Trainer subclasses). Its log_history holds, in order:
//   - a training entry every logging_steps: {loss, grad_norm, learning_rate, epoch, step}, plus
//     num_input_tokens_seen (all processes' tokens, cumulative) with include_num_input_tokens_seen,
//     and in newer transformers also the cumulative train_runtime and train_tokens_per_second;
//   - eval entries {eval_loss, …, step}, passed over;
//   - one end-of-training summary {train_runtime, train_samples_per_second, train_steps_per_second,
//     total_flos, train_loss, step}, plus train_tokens_per_second with include_tokens_per_second.
//
// Units, from TrainingArguments' docs and speed_metrics: train_tokens_per_second in the summary is
// per device; train_samples_per_second counts the global batch, so it is divided by the GPU count;
// num_input_tokens_seen is gathered over all processes, so its rate is too.
//
// Per-step figures (warm-up left out) need the cumulative runtime and tokens on the training
// entries and the GPU count; without them the summary's whole-run average is used, warm-up and all.

import type { LogParseOptions, LogResult } from "./log-measurement.js";
import { problem } from "./log-measurement.js";
import { positive } from "./log-number.js";
import { parseJsonWithNaN } from "./json-with-nan.js";
import { defined, finished, givenCount, perStepResult } from "./per-step-result.js";
import type { StepPoint } from "./steady-state.js";
import { stepOrderProblem } from "./step-order.js";

type Entry = Record<string, unknown>;
const isEntry = (v: unknown): v is Entry => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

export function parseHfTrainerState(text: string, file: string, options: LogParseOptions = {}): LogResult {
  const parsed = parseJsonWithNaN(text, file);
  if (!parsed.ok) return parsed;
  const state = parsed.value;
  if (!isEntry(state) || !Array.isArray(state["log_history"])) return problem("log.unknownFormat", { file });
  const entries = state["log_history"].filter(isEntry);
  const gpus = givenCount(options.gpus);
  const seqLen = givenCount(options.seqLen);

  const training = entries.filter((e) => "loss" in e && typeof e["step"] === "number");
  for (const e of training) {
    const loss = e["loss"];
    const step = e["step"] as number;
    // null is where Python wrote NaN or Infinity.
    if (loss === null || (typeof loss === "number" && !Number.isFinite(loss))) {
      return problem("log.nanLoss", { file, step });
    }
    if (typeof loss !== "number") return problem("log.badNumber", { file, field: "loss", step, value: String(loss) });
  }
  const order = stepOrderProblem(
    training.map((e) => e["step"] as number),
    file,
  );
  if (order) return { ok: false, problem: order };
  const summaries = entries.filter((e) => "train_runtime" in e && ("train_loss" in e || "total_flos" in e));
  if (summaries.length > 1) {
    const step = num(summaries[1]!["step"]) ?? 0;
    const previous = num(summaries[0]!["step"]) ?? 0;
    return problem("log.mixedRuns", { file, step, previous, reason: "summaries", detail: String(summaries.length) });
  }

  // Three cumulative entries make two intervals: one to leave out as warm-up, one to measure.
  const cumulative = training.filter(
    (e) => positive(num(e["num_input_tokens_seen"])) && positive(num(e["train_runtime"])),
  );
  if (cumulative.length >= 3 && gpus !== undefined) {
    return perStepResult("hf-trainer", file, intervals(cumulative, gpus), { gpus, seqLen });
  }

  const summary = summaries[0];
  if (summary) {
    const lastStep = num(summary["step"]) ?? num(state["global_step"]) ?? 0;
    const average = (tokensPerSecPerGpu: number): LogResult =>
      finished({
        format: "hf-trainer",
        file,
        steps: 1,
        warmupStepsSkipped: 0,
        lastStep,
        tokensPerSecPerGpu,
        basis: "run-average",
        ...defined({ gpus, seqLen }),
      });
    if ("train_tokens_per_second" in summary) {
      const v = num(summary["train_tokens_per_second"]);
      if (!positive(v)) return badSummary(file, "train_tokens_per_second", summary, lastStep);
      return average(v);
    }
    if ("train_samples_per_second" in summary) {
      const v = num(summary["train_samples_per_second"]);
      if (!positive(v)) return badSummary(file, "train_samples_per_second", summary, lastStep);
      if (seqLen === undefined) return problem("log.needsSeqLen", { file, format: "hf-trainer" });
      if (gpus === undefined) return problem("log.needsGpus", { file, format: "hf-trainer" });
      return average((v * seqLen) / gpus);
    }
  }
  if (cumulative.length >= 3) return problem("log.needsGpus", { file, format: "hf-trainer" });
  const fields = "train_tokens_per_second, train_samples_per_second, num_input_tokens_seen with train_runtime";
  return problem("log.noThroughput", { file, format: "hf-trainer", fields });
}

function badSummary(file: string, field: string, summary: Entry, step: number): LogResult {
  return problem("log.badNumber", { file, field, step, value: String(summary[field]) });
}

/**
 * One point per pair of consecutive cumulative entries: their tokens and seconds apart. A pair
 * whose runtime or tokens go backwards straddles a resume from checkpoint (the runtime restarts with
 * each train() call) and measures nothing, so it is left out; the steps' order was checked before.
 */
function intervals(entries: readonly Entry[], gpus: number): StepPoint[] {
  return entries.slice(1).flatMap((e, i) => {
    const before = entries[i]!;
    const steps = (e["step"] as number) - (before["step"] as number);
    const seconds = (e["train_runtime"] as number) - (before["train_runtime"] as number);
    const tokens = (e["num_input_tokens_seen"] as number) - (before["num_input_tokens_seen"] as number);
    if (!(steps > 0 && seconds > 0 && tokens > 0)) return [];
    return [{ step: e["step"] as number, tokensPerSecPerGpu: tokens / seconds / gpus, stepTimeSec: seconds / steps }];
  });
}
