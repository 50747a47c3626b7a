// Megatron-LM stdout (megatron/training/training.py, training_log), and NeMo 2 / Megatron-Bridge
// stdout, which prints the same "iteration i/N | key: value |" shape with its own keys:
//
//   [2025-03-02 10:15:21] iteration       30/    1000 | consumed samples:         7680 |
//   elapsed time per iteration (ms): 8192.0 | throughput per GPU (TFLOP/s/GPU): 380.0 |
//   learning rate: 3.000000E-04 | global batch size:   256 | lm loss: 7.512345E+00 | loss scale: 1.0 |
//   grad norm: 1.234 | number of skipped iterations:   0 | number of nan iterations:   0 |
//
//   Training epoch 0, iteration 5/99 | lr: 1.5e-05 | global_batch_size: 128 | global_step: 5 |
//   reduced_train_loss: 2.31 | train_step_timing in s: 4.2 | consumed_samples: 768
//
// (each on one line). A line covers log_interval iterations and its time is their average. Megatron
// prints its arguments first ("  seq_length ........ 4096", dots padding each name to 48), which
// give the sequence length, GPU count and global batch; Lightning (NeMo) prints
// "Initializing distributed: GLOBAL_RANK: 0, MEMBER: 1/16" for the GPU count. report_memory prints
// "memory (MB) | allocated: … | max allocated: …" in MiB. A job's stdout often starts with
// `nvidia-smi -L` ("GPU 0: NVIDIA H100 80GB HBM3 (UUID: …)"), which names the GPU.
//
// Megatron leaves a NaN loss out of the line (it prints only averages >= 0) and counts it under
// "number of nan iterations"; older versions and NeMo print "nan". Either refuses the log.

import type { LogParseOptions, LogResult } from "./log-measurement.js";
import { problem } from "./log-measurement.js";
import { cutOffLine, splitLines } from "./log-lines.js";
import { loggedNumber, positive } from "./log-number.js";
import { givenCount, perStepResult } from "./per-step-result.js";
import type { StepPoint } from "./steady-state.js";

const ITERATION = /\biteration\s+(\d+)\s*\/\s*(\d+)\s*\|(.*)$/;
const ARGUMENT = /^\s+(\w+) \.+ (\S.*)$/;
const MEMBER = /Initializing distributed: GLOBAL_RANK: \d+, MEMBER: \d+\/(\d+)/;
const MEMORY = /memory \(MB\)\s*\|(.*)$/;
const SMI = /^GPU \d+: (.+?) \(UUID: /;
const MIB = 2 ** 20;

/** Each quantity under the names Megatron and NeMo give it, with the factor to seconds where timed. */
const KEYS = {
  timeMs: ["elapsed time per iteration (ms)"],
  timeS: ["train_step_timing in s"],
  batch: ["global batch size", "global_batch_size"],
  consumed: ["consumed samples", "consumed_samples"],
  loss: ["lm loss", "reduced_train_loss"],
  nanIterations: ["number of nan iterations"],
  step: ["global_step"],
  tflops: ["throughput per GPU (TFLOP/s/GPU)"],
  loggedRate: ["tokens_per_sec_per_gpu"],
} as const;
/** The arguments read, and what differing values of each would mean. */
const SETTINGS = ["seq_length", "world_size", "global_batch_size"] as const;

interface Row {
  step: number;
  seconds: number;
  batch?: number;
  consumed?: number;
  tflops?: number;
  loggedRate?: number;
}

/** "key: value | key: value |" → map; the key is everything before the last colon. */
function fieldsOf(rest: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of rest.split("|")) {
    const colon = part.lastIndexOf(":");
    if (colon > 0) fields.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
  }
  return fields;
}

const pick = (fields: Map<string, string>, names: readonly string[]): [string, string] | undefined => {
  for (const name of names) {
    const v = fields.get(name);
    if (v !== undefined) return [name, v];
  }
  return undefined;
};

export function parseMegatron(text: string, file: string, options: LogParseOptions = {}): LogResult {
  const lines = splitLines(text);
  const cut = cutOffLine(text, lines);
  if (cut !== undefined) return problem("log.truncated", { file, line: cut });

  const settings = new Map<string, number>();
  const rows: Row[] = [];
  let member: number | undefined;
  let gpuName: string | undefined;
  let peakMiB: number | undefined;
  let total: number | undefined;
  let previous = 0;

  for (const line of lines) {
    const arg = ARGUMENT.exec(line);
    if (arg && (SETTINGS as readonly string[]).includes(arg[1]!)) {
      const value = loggedNumber(arg[2]!);
      const before = settings.get(arg[1]!);
      // A resumed job prints its arguments again; only a changed value means another run.
      if (value !== undefined && before !== undefined && value !== before) {
        const detail = `${arg[1]} ${before} → ${value}`;
        return problem("log.mixedRuns", { file, step: previous, previous, reason: "settings", detail });
      }
      if (positive(value)) settings.set(arg[1]!, value);
      continue;
    }
    const world = MEMBER.exec(line);
    if (world) member = Number(world[1]);
    gpuName ??= SMI.exec(line.trim())?.[1];
    const memory = MEMORY.exec(line);
    if (memory) {
      const max = loggedNumber(fieldsOf(memory[1]!).get("max allocated") ?? "");
      if (positive(max)) peakMiB = Math.max(peakMiB ?? 0, max);
      continue;
    }

    const iteration = ITERATION.exec(line);
    if (!iteration) continue;
    const fields = fieldsOf(iteration[3]!);
    const stepField = pick(fields, KEYS.step);
    const step = stepField ? loggedNumber(stepField[1]) : Number(iteration[1]);
    if (step === undefined || !Number.isInteger(step) || step < 0) {
      return problem("log.badNumber", { file, field: "global_step", step: previous, value: stepField?.[1] ?? "" });
    }
    // train_iters is fixed for a run; another total means another run's lines.
    const lineTotal = Number(iteration[2]);
    if (total !== undefined && lineTotal !== total && !stepField) {
      const detail = `train_iters ${total} → ${lineTotal}`;
      return problem("log.mixedRuns", { file, step, previous, reason: "settings", detail });
    }
    total = lineTotal;

    const loss = pick(fields, KEYS.loss);
    if (loss) {
      const v = loggedNumber(loss[1]);
      if (v === undefined) return problem("log.badNumber", { file, field: loss[0], step, value: loss[1] });
      if (!Number.isFinite(v)) return problem("log.nanLoss", { file, step });
    }
    const nan = pick(fields, KEYS.nanIterations);
    if (nan && (loggedNumber(nan[1]) ?? 0) !== 0) return problem("log.nanLoss", { file, step });

    const ms = pick(fields, KEYS.timeMs);
    const s = pick(fields, KEYS.timeS);
    const timed = ms ?? s;
    previous = step;
    if (!timed) continue;
    const time = loggedNumber(timed[1]);
    if (!positive(time)) return problem("log.badNumber", { file, field: timed[0], step, value: timed[1] });
    const row: Row = { step, seconds: ms ? time / 1000 : time };
    for (const [key, names] of [
      ["batch", KEYS.batch],
      ["consumed", KEYS.consumed],
      ["tflops", KEYS.tflops],
      ["loggedRate", KEYS.loggedRate],
    ] as const) {
      const found = pick(fields, names);
      if (!found) continue;
      const v = loggedNumber(found[1]);
      if (!positive(v)) return problem("log.badNumber", { file, field: found[0], step, value: found[1] });
      row[key] = v;
    }
    rows.push(row);
  }

  const fields = `${KEYS.timeMs[0]}, ${KEYS.timeS[0]}`;
  if (rows.length === 0) return problem("log.noThroughput", { file, format: "megatron", fields });
  const seqLen = settings.get("seq_length") ?? givenCount(options.seqLen);
  const gpus = settings.get("world_size") ?? member ?? givenCount(options.gpus);
  const points = rows.map((row, i): StepPoint | undefined => {
    // The batch: as logged, else from consumed samples between two lines, else the argument.
    const before = rows[i - 1];
    const fromConsumed =
      before?.consumed !== undefined && row.consumed !== undefined && row.step > before.step
        ? (row.consumed - before.consumed) / (row.step - before.step)
        : undefined;
    const batch = row.batch ?? (positive(fromConsumed) ? fromConsumed : settings.get("global_batch_size"));
    const rate =
      batch !== undefined && seqLen !== undefined && gpus !== undefined
        ? (batch * seqLen) / row.seconds / gpus
        : row.loggedRate;
    if (rate === undefined) return undefined;
    return {
      step: row.step,
      tokensPerSecPerGpu: rate,
      stepTimeSec: row.seconds,
      ...(row.tflops !== undefined ? { tflopsPerGpu: row.tflops } : {}),
    };
  });
  const known = points.filter((p): p is StepPoint => p !== undefined);
  if (known.length < points.length) {
    // Say what is missing, in the order a user can supply it.
    if (seqLen === undefined) return problem("log.needsSeqLen", { file, format: "megatron" });
    if (gpus === undefined) return problem("log.needsGpus", { file, format: "megatron" });
    const batchFields = `${KEYS.batch.join(", ")}, ${KEYS.consumed.join(", ")}, global_batch_size argument`;
    return problem("log.noThroughput", { file, format: "megatron", fields: batchFields });
  }
  const batches = rows.flatMap((r) => (r.batch !== undefined ? [r.batch] : []));
  const globalBatch = batches.length > 0 ? batches[batches.length - 1] : settings.get("global_batch_size");
  return perStepResult("megatron", file, known, {
    gpus,
    gpuName,
    seqLen,
    globalBatchSequences: globalBatch,
    peakMemoryGB: peakMiB === undefined ? undefined : (peakMiB * MIB) / 1e9,
  });
}
