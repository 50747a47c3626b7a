// A Weights & Biases run history exported as CSV: run.history().to_csv() (columns "_step",
// "_runtime", "_timestamp" and the metric names as logged) or the web app's chart export
// ("Step", then "<run name> - <metric>" with __MIN and __MAX companions). Metric names are the
// trainer's: the Hugging Face WandbCallback logs "train/loss", "train/global_step",
// "train/num_input_tokens_seen"; torchtune's WandBLogger logs "loss", "global_step",
// "tokens_per_second_per_gpu", "peak_memory_alloc"; Megatron logs "iteration-time" (seconds).
//
// Each canonical field below is looked up under those names, first found wins; `column` in the
// options names the column outright for a field (a custom metric name). W&B's "_step" counts
// wandb.log calls, not optimizer steps, so trainer step columns are preferred over it.

import { parseCsv } from "./csv.js";
import type { LogParseOptions, LogResult } from "./log-measurement.js";
import { problem } from "./log-measurement.js";
import { loggedNumber, positive } from "./log-number.js";
import { givenCount, perStepResult } from "./per-step-result.js";
import type { StepPoint } from "./steady-state.js";
import { stepOrderProblem } from "./step-order.js";

/** Canonical fields (the keys of `column`), each with its unit and the names tried by default. */
export const WANDB_COLUMNS = {
  /** optimizer step */
  step: ["train/global_step", "global_step", "trainer/global_step", "Step", "_step", "step"],
  /** training loss */
  loss: ["train/loss", "loss", "train_loss", "lm loss", "reduced_train_loss"],
  /** tokens per second per GPU */
  tokensPerSecPerGpu: [
    "tokens_per_second_per_gpu",
    "train/tokens_per_second_per_gpu",
    "tokens_per_sec_per_gpu",
    "throughput/tokens_per_sec_per_gpu",
  ],
  /** tokens seen so far over all GPUs (cumulative) */
  tokensSeen: ["train/num_input_tokens_seen", "num_input_tokens_seen"],
  /** seconds since the run started (cumulative) */
  runtime: ["_runtime"],
  /** seconds per optimizer step */
  stepTime: ["iteration-time", "train_step_timing in s", "step_time"],
  /** peak memory allocated per GPU, GiB */
  peakMemoryGiB: ["peak_memory_alloc", "train/peak_memory_alloc"],
  /** the trainer's own TFLOP/s per GPU (no default: "throughput" means different things) */
  tflopsPerGpu: [],
} as const satisfies Record<string, readonly string[]>;
export type WandbField = keyof typeof WANDB_COLUMNS;

const RUN_PREFIX = /^(.+?) - (.+)$/;
const GIB = 2 ** 30;

export function parseWandbCsv(text: string, file: string, options: LogParseOptions = {}): LogResult {
  const csv = parseCsv(text);
  const rows = csv.rows.filter((r) => r.some((c) => c.trim() !== ""));
  if (!csv.complete) return problem("log.truncated", { file, line: csv.rows.length });
  const header = rows[0];
  if (!header) return problem("log.empty", { file });

  // The web export names each column "<run> - <metric>"; more than one run name is more than one run.
  const names = header.map((h) => h.trim());
  const runs = new Set<string>();
  const metrics = names.map((h) => {
    if (/__(MIN|MAX)$/.test(h)) return "";
    const m = RUN_PREFIX.exec(h);
    if (!m) return h;
    runs.add(m[1]!);
    return m[2]!;
  });
  if (runs.size > 1) {
    const detail = [...runs].slice(0, 4).join(", ");
    return problem("log.mixedRuns", { file, step: 0, previous: 0, reason: "names", detail });
  }

  const index: Partial<Record<WandbField, number>> = {};
  for (const field of Object.keys(WANDB_COLUMNS) as WandbField[]) {
    const chosen = options.column?.[field];
    const candidates: readonly string[] = chosen !== undefined ? [chosen] : WANDB_COLUMNS[field];
    const at = candidates.map((c) => metrics.indexOf(c)).find((i) => i >= 0);
    if (at === undefined && chosen !== undefined) return problem("log.badColumn", { file, field, column: chosen });
    if (at !== undefined) index[field] = at;
  }
  for (const field of Object.keys(options.column ?? {})) {
    if (!(field in WANDB_COLUMNS)) return problem("log.badColumn", { file, field, column: options.column![field]! });
  }
  if (index.step === undefined) return problem("log.noThroughput", { file, format: "wandb-csv", fields: "step" });

  const direct: StepPoint[] = [];
  const cumulative: { step: number; tokens: number; seconds: number }[] = [];
  let peakGiB: number | undefined;
  for (const row of rows.slice(1)) {
    const cell = (field: WandbField): string | undefined => {
      const at = index[field];
      const v = at === undefined ? undefined : row[at]?.trim();
      return v === "" ? undefined : v;
    };
    const read = (field: WandbField, step: number): number | undefined | LogResult => {
      const text = cell(field);
      if (text === undefined) return undefined;
      const v = loggedNumber(text);
      return positive(v) ? v : problem("log.badNumber", { file, field, step, value: text });
    };
    const stepText = cell("step");
    if (stepText === undefined) continue;
    const step = loggedNumber(stepText);
    if (step === undefined || !Number.isInteger(step) || step < 0) {
      return problem("log.badNumber", { file, field: "step", step: 0, value: stepText });
    }
    const lossText = cell("loss");
    if (lossText !== undefined) {
      const loss = loggedNumber(lossText);
      if (loss === undefined) return problem("log.badNumber", { file, field: "loss", step, value: lossText });
      if (!Number.isFinite(loss)) return problem("log.nanLoss", { file, step });
    }
    const values: Partial<Record<WandbField, number>> = {};
    for (const field of [
      "tokensPerSecPerGpu",
      "tokensSeen",
      "runtime",
      "stepTime",
      "peakMemoryGiB",
      "tflopsPerGpu",
    ] as const) {
      const v = read(field, step);
      if (typeof v === "object") return v;
      if (v !== undefined) values[field] = v;
    }
    if (values.peakMemoryGiB !== undefined) peakGiB = Math.max(peakGiB ?? 0, values.peakMemoryGiB);
    if (values.tokensPerSecPerGpu !== undefined) {
      direct.push({
        step,
        tokensPerSecPerGpu: values.tokensPerSecPerGpu,
        ...(values.stepTime !== undefined ? { stepTimeSec: values.stepTime } : {}),
        ...(values.tflopsPerGpu !== undefined ? { tflopsPerGpu: values.tflopsPerGpu } : {}),
      });
    } else if (values.tokensSeen !== undefined && values.runtime !== undefined) {
      cumulative.push({ step, tokens: values.tokensSeen, seconds: values.runtime });
    }
  }

  const gpus = givenCount(options.gpus);
  const facts = {
    gpus,
    seqLen: givenCount(options.seqLen),
    peakMemoryGB: peakGiB === undefined ? undefined : (peakGiB * GIB) / 1e9,
  };
  if (direct.length > 0) return perStepResult("wandb-csv", file, direct, facts);
  if (cumulative.length > 0) {
    // Cumulative tokens count every GPU's, so per GPU needs the count.
    if (gpus === undefined) return problem("log.needsGpus", { file, format: "wandb-csv" });
    const points = cumulative.slice(1).flatMap((c, i): StepPoint[] => {
      const b = cumulative[i]!;
      const steps = c.step - b.step;
      const seconds = c.seconds - b.seconds;
      const tokens = c.tokens - b.tokens;
      // Steps out of order are refused below; runtime or tokens going back is a resume: no interval.
      if (!(steps > 0 && seconds > 0 && tokens > 0)) return [];
      return [{ step: c.step, tokensPerSecPerGpu: tokens / seconds / gpus, stepTimeSec: seconds / steps }];
    });
    const order = stepOrderProblem(
      cumulative.map((c) => c.step),
      file,
    );
    if (order) return { ok: false, problem: order };
    return perStepResult("wandb-csv", file, points, facts);
  }
  const fields = [...WANDB_COLUMNS.tokensPerSecPerGpu, `${WANDB_COLUMNS.tokensSeen[0]} with _runtime`].join(", ");
  return problem("log.noThroughput", { file, format: "wandb-csv", fields });
}
