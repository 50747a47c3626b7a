// torchtune metric logs: DiskLogger and StdoutLogger write one line per log_dict call,
// "Step {step} | name:value name:value ", in the order the recipe built the dict. The training
// recipes log loss, lr and tokens_per_second_per_gpu every log_every_n_steps, and with
// log_peak_memory_stats also peak_memory_active/alloc/reserved (GiB). Validation writes
// "Step N | val_loss:…" lines, which have no loss key and are passed over. DiskLogger opens its file
// for appending, so a rerun with the same filename lands in the same file: a restart of the steps.
//
// tokens_per_second_per_gpu is already per GPU (tokens / (time × world size)), so no GPU count or
// sequence length is needed; torchtune logs no step time, so there is no step-time spread either.

import type { LogParseOptions, LogResult } from "./log-measurement.js";
import { problem } from "./log-measurement.js";
import { cutOffLine, splitLines } from "./log-lines.js";
import { loggedNumber, positive } from "./log-number.js";
import { givenCount, perStepResult } from "./per-step-result.js";
import type { StepPoint } from "./steady-state.js";

const RECORD = /^Step (\d+) \| (.*)$/;
// A value runs to the next space, except a printed tensor, whose device='cuda:0' has none inside
// the parentheses but a space after the comma.
const PAIR = /([A-Za-z_][\w./-]*):(tensor\([^)]*\)|\S+)/g;
const THROUGHPUT = "tokens_per_second_per_gpu";
const PEAK = "peak_memory_alloc";
const GIB = 2 ** 30;

export function parseTorchtune(text: string, file: string, options: LogParseOptions = {}): LogResult {
  const lines = splitLines(text);
  const cut = cutOffLine(text, lines);
  if (cut !== undefined) return problem("log.truncated", { file, line: cut });

  const points: StepPoint[] = [];
  let peakGiB: number | undefined;
  for (const line of lines) {
    const record = RECORD.exec(line.trimStart());
    if (!record) continue;
    const step = Number(record[1]);
    const fields = new Map([...record[2]!.matchAll(PAIR)].map((m) => [m[1]!, m[2]!] as const));
    const lossText = fields.get("loss");
    if (lossText === undefined) continue;
    const loss = loggedNumber(lossText);
    if (loss === undefined) return problem("log.badNumber", { file, field: "loss", step, value: lossText });
    if (!Number.isFinite(loss)) return problem("log.nanLoss", { file, step });

    const memText = fields.get(PEAK);
    if (memText !== undefined) {
      const mem = loggedNumber(memText);
      if (!positive(mem)) return problem("log.badNumber", { file, field: PEAK, step, value: memText });
      peakGiB = Math.max(peakGiB ?? 0, mem);
    }
    const rateText = fields.get(THROUGHPUT);
    if (rateText === undefined) continue;
    const rate = loggedNumber(rateText);
    if (!positive(rate)) return problem("log.badNumber", { file, field: THROUGHPUT, step, value: rateText });
    points.push({ step, tokensPerSecPerGpu: rate });
  }
  if (points.length === 0) return problem("log.noThroughput", { file, format: "torchtune", fields: THROUGHPUT });
  return perStepResult("torchtune", file, points, {
    gpus: givenCount(options.gpus),
    seqLen: givenCount(options.seqLen),
    peakMemoryGB: peakGiB === undefined ? undefined : (peakGiB * GIB) / 1e9,
  });
}
