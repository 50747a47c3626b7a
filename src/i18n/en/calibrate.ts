import type { Args } from "../catalogue-types.js";

/** English: calibrate, its training logs and the profiles it saves. The Korean twin is ../ko/calibrate.ts. */
export const CALIBRATE_EN = {
  "log.empty": (a: Args) => `${a.file}: the log is empty`,
  "log.unknownFormat": (a: Args) =>
    `${a.file}: not a log llm-cost reads (a Hugging Face trainer_state.json, a torchtune metric log, Megatron-LM/NeMo stdout or a W&B history CSV)`,
  "log.truncated": (a: Args) =>
    `${a.file}: the log stops in the middle of line ${a.line} (cut off while being written or copied?)`,
  "log.badJson": (a: Args) => `${a.file}: not valid JSON (${a.detail})`,
  "log.noThroughput": (a: Args) => `${a.file}: no throughput field in this ${a.format} log (looked for ${a.fields})`,
  "log.badNumber": (a: Args) => `${a.file}: ${a.field} at step ${a.step} is "${a.value}", not a positive number`,
  "log.nanLoss": (a: Args) =>
    `${a.file}: the loss is NaN or infinite at step ${a.step}; a diverged run's speed is no guide`,
  "log.nonMonotonicSteps": (a: Args) => `${a.file}: step ${a.step} comes after step ${a.previous}; steps must increase`,
  "log.mixedRuns": (a: Args) => `${a.file}: more than one run in one log (${mixedEn(a)}); give each run its own file`,
  "log.tooFewSteps": (a: Args) =>
    `${a.file}: ${a.found} logged step(s) with throughput; at least ${a.needed} are needed to leave out warm-up`,
  "log.needsSeqLen": (a: Args) =>
    `${a.file}: this ${a.format} log gives samples, not tokens; give the sequence length with --seq-len`,
  "log.needsGpus": (a: Args) =>
    `${a.file}: this ${a.format} log gives the whole run's rate but not its GPU count; give it with --gpus`,
  "log.badColumn": (a: Args) => `${a.file}: no column "${a.column}" for ${a.field} in the CSV header`,
  "profile.noConfig": (a: Args) =>
    `--profile ${a.name}: no config file to read profiles from (llm-cost calibrate --log FILE --save ${a.name} makes one, or give --config PATH)`,
  "profile.unknown": (a: Args) =>
    `--profile: no profile "${a.name}" in ${a.file} (${a.known ? `it has ${a.known}` : "it has none yet; llm-cost calibrate --save adds one"})`,
  "profile.otherGpu": (a: Args) =>
    `profile "${a.name}" was measured on ${a.measured}, not ${a.given} (${a.about}): a speed measured on one GPU type does not carry over to another; calibrate on ${a.given} or leave out --profile`,
  "profile.otherStrategy": (a: Args) =>
    `profile "${a.name}" was measured for --strategy ${a.measured}, not ${a.given}: LoRA and full training run at different speeds; give --strategy ${a.measured} or calibrate the other`,
  "profile.otherModel": (a: Args) =>
    `profile "${a.name}" was measured on a model of ${a.measured} parameters, not ${a.given}: calibrate on this model or leave out --profile`,
  "warn.profileScaled": (a: Args) =>
    `profile "${a.name}" measured ${a.measured} tokens/s per GPU on ${a.fromGpus} GPUs at sequence ${a.fromSeqLen}; this job has ${a.toGpus} GPUs at sequence ${a.toSeqLen}, so it is scaled by the throughput model: ${a.measured} × ${a.modelHere} / ${a.modelThere} = ${a.speed} tokens/s per GPU`,
  "reason.columnMap": (a: Args) => `expected field=column pairs, comma-separated; fields: ${a.choices}`,
  "calibrate.saveOneLog": (a: Args) => `--save stores one measurement: give one --log with it (got ${a.count})`,
  "calibrate.needLog": () => "the training log to measure, e.g. --log trainer_state.json (several: --log a.log b.log)",
  "calibrate.saveName": () => "expected a name of letters, digits, dots, dashes and underscores, at most 64",
  "calibrate.oneStrategy": () => "calibrate measures one job: give the one strategy the log trained",
  "calibrate.noGpu": (a: Args) =>
    `${a.file}: the log does not say which GPUs it ran on; give them with --gpus (e.g. --gpus 8xH100)`,
  "calibrate.gpuDiffers": (a: Args) => `${a.file}: the log ran on ${a.log}, but --gpus says ${a.given}`,
  "calibrate.countDiffers": (a: Args) => `${a.file}: the log ran on ${a.log} GPUs, but --gpus says ${a.given}`,
  "calibrate.seqLenDiffers": (a: Args) =>
    `${a.file}: the log's sequence length is ${a.log}, but --seq-len says ${a.given}`,
  "calibrate.abovePeak": (a: Args) =>
    `${a.file}: ${a.tokens} tokens/s per GPU would be ${a.times}× the dense peak of ${a.gpu} for a model of ${a.params} parameters; is the log's rate per node, or the model size wrong?`,
  "calibrate.saved": (a: Args) =>
    `saved profile "${a.name}" (${a.tokens} tokens/s per GPU on ${a.gpus} × ${a.gpu}) in ${a.file}; use it with --profile ${a.name}`,
  "calibrate.heading": (a: Args) =>
    a.basis === "run-average"
      ? `${a.file}: ${a.format} log, the trainer's whole-run average (warm-up included, so a little low)`
      : `${a.file}: ${a.format} log, ${a.steps} logged steps after ${a.warmup} of warm-up (up to step ${a.last})`,
  "calibrate.labelMeasured": () => "measured",
  "calibrate.labelMfu": () => "implied MFU",
  "calibrate.labelModel": () => "default model",
  "calibrate.labelProjection": () => "projection",
  "calibrate.speed": (a: Args) => `${a.tokens} tokens/s per GPU`,
  "calibrate.stepTime": (a: Args) => `step ${a.median} s (p10–p90 ${a.p10}–${a.p90} s)`,
  "calibrate.cluster": (a: Args) => `${a.gpus} × ${a.gpu}, sequence ${a.seqLen}`,
  "calibrate.peakMemory": (a: Args) => `peak memory ${a.gb} GB`,
  "calibrate.impliedMfu": (a: Args) =>
    `${a.mfu} of ${a.gpu}'s dense ${a.tflops} TFLOP/s at ${a.flops} FLOPs per token${a.logged ? ` (the log's own TFLOP/s: ${a.logged})` : ""}`,
  "calibrate.modelOff": (a: Args) => `${a.model} tokens/s per GPU for this job: ${a.ratio}× the measured speed`,
  "calibrate.projection": (a: Args) =>
    `${a.tokens} tokens at the measured speed × goodput ${a.goodput}: ${a.hours} GPU-hours (${a.hoursRange}), ${a.days} (${a.daysRange})${a.cost ? `, ${a.cost}` : ""}`,
} satisfies Record<string, (a: Args) => string>;

/** Why one log holds more than one run (log.mixedRuns), by its reason. */
function mixedEn(a: Args): string {
  switch (a.reason) {
    case "restart":
      return `the steps start again at ${a.step} after ${a.previous}`;
    case "settings":
      return `the settings change after step ${a.previous}: ${a.detail}`;
    case "names":
      return `runs ${a.detail}`;
    default:
      return `${a.detail} end-of-training summaries`;
  }
}
