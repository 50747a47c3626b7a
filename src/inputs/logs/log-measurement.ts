// What `llm-cost calibrate` reads out of one training log, and the ways a log can be refused.
// Pure data: the parsers build these, the CLI (later) prints them; nothing here does I/O.

/** The log formats read. */
export const LOG_FORMATS = ["hf-trainer", "torchtune", "megatron", "wandb-csv"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Median and spread of the steady-state step time, in seconds per optimizer step. */
export interface StepTimeStats {
  median: number;
  /** 10th percentile (linear interpolation, numpy's default) */
  p10: number;
  /** 90th percentile */
  p90: number;
}

/**
 * One run's measured throughput. "Logged steps" are log records (one line of a torchtune or Megatron
 * log, one log_history entry, one CSV row), each covering `logging_steps`/`log_interval` optimizer
 * steps, not optimizer steps themselves.
 */
export interface LogMeasurement {
  format: LogFormat;
  /** the name the caller gave, for messages and tables */
  file: string;
  /** logged steps the steady-state figure is the median of (1 for a run average) */
  steps: number;
  /** leading logged steps left out as warm-up (see steady-state.ts for the rule) */
  warmupStepsSkipped: number;
  /** optimizer-step number of the last logged step used */
  lastStep: number;
  /** steady-state training tokens per second per GPU (median over the kept logged steps) */
  tokensPerSecPerGpu: number;
  /**
   * "per-step": from the logged steps, warm-up left out. "run-average": the trainer's own whole-run
   * average (Hugging Face's train_* summary), which includes warm-up and so reads a little low.
   */
  basis: "per-step" | "run-average";
  /** seconds per optimizer step over the kept logged steps, where the log gives step times */
  stepTimeSec?: StepTimeStats;
  /** GPUs in the run: from the log where it says (Megatron's world_size), else from the caller */
  gpus?: number;
  /** GPU model as the log names it (an `nvidia-smi -L` line in a job's stdout) */
  gpuName?: string;
  /** tokens per sequence: from the log where it says (Megatron's seq_length), else from the caller */
  seqLen?: number;
  /** sequences per optimizer step over all GPUs, where logged */
  globalBatchSequences?: number;
  /**
   * Peak memory PyTorch allocated on one GPU, in GB of 1e9 bytes (llm-cost's unit everywhere): the
   * largest logged value, warm-up included since a peak is a peak. torchtune logs GiB (2^30 bytes;
   * releases before 0.3 divided by 1e9 instead), Megatron logs "MB" that are MiB (2^20 bytes); both
   * are converted here.
   */
  peakMemoryGB?: number;
  /** the trainer's own model TFLOP/s per GPU (Megatron's "throughput per GPU"), median over kept steps */
  tflopsPerGpuLogged?: number;
}

/** Arguments of each problem, by code: values to put into the message, never English text. */
export interface LogProblemArgs {
  "log.empty": { file: string };
  "log.unknownFormat": { file: string };
  "log.truncated": { file: string; line: number };
  "log.badJson": { file: string; detail: string };
  "log.noThroughput": { file: string; format: LogFormat; fields: string };
  "log.badNumber": { file: string; field: string; step: number; value: string };
  "log.nanLoss": { file: string; step: number };
  "log.nonMonotonicSteps": { file: string; step: number; previous: number };
  /**
   * restart: the step count starts again (step after previous); settings: the run's settings change
   * (detail: "seq_length 4096 → 2048"); names: a CSV holds several W&B runs (detail: their names);
   * summaries: a trainer_state.json holds several end-of-training summaries (detail: how many).
   */
  "log.mixedRuns": {
    file: string;
    step: number;
    previous: number;
    reason: "restart" | "settings" | "names" | "summaries";
    detail: string;
  };
  "log.tooFewSteps": { file: string; found: number; needed: number };
  "log.needsSeqLen": { file: string; format: LogFormat };
  "log.needsGpus": { file: string; format: LogFormat };
  "log.badColumn": { file: string; field: string; column: string };
}
export type LogProblemCode = keyof LogProblemArgs;

/** Why a log was refused, as data: the code picks the message, args fill it. */
export type LogProblem = { [C in LogProblemCode]: { code: C; args: LogProblemArgs[C] } }[LogProblemCode];

/** A parser's answer: a measurement, or one problem and nothing else from that log. */
export type LogResult = { ok: true; measurement: LogMeasurement } | { ok: false; problem: LogProblem };

/** What the caller knows that a log may not say. */
export interface LogParseOptions {
  /** tokens per sequence (--seq-len): turns samples/s into tokens/s */
  seqLen?: number;
  /** GPUs in the run (--gpus): turns whole-run rates into per-GPU rates */
  gpus?: number;
  /** W&B CSV: canonical field (see wandb-csv.ts) → the column that holds it */
  column?: Record<string, string>;
}

/** Builds a problem with its code and args checked against each other. */
export function problem<C extends LogProblemCode>(
  code: C,
  args: LogProblemArgs[C],
): { ok: false; problem: LogProblem } {
  return { ok: false, problem: { code, args } as LogProblem };
}
