import type { PublishedRun } from "../catalog/run-schema.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { modelFromFile } from "../catalog/throughput-model.js";
import type { ThroughputFile, ThroughputMeasurement } from "../catalog/throughput-schema.js";
import { genericArchitecture } from "../model/architecture.js";
import { coherentSteadyState, type RangeParams } from "../model/efficiency.js";
import { jobFor, type ThroughputRequest } from "../model/estimate.js";
import type { TrainingKind } from "../model/flops.js";
import { goodput, type GoodputParams } from "../model/goodput.js";
import { runGpu } from "./published-runs.js";
import { DEFAULT_LORA_RANK, LORA_TARGETS, trainableLoraParams } from "../model/lora.js";
import { nelderMead } from "./nelder-mead.js";
import { median } from "../util/stats.js";
import { flopsPerByte, type SteadyJob, type SteadyStateParams } from "../model/throughput.js";

/**
 * Fits the throughput model on the bundled evidence and measures it out of sample. Pure: the caller
 * reads the files.
 *
 * Each parameter is fitted on the evidence that isolates it:
 * - balance exponent α, fp8 speed-up, LoRA and QLoRA factors: same-source pairs that differ in one
 *   thing only (the same script on A100 and H100; bf16 and fp8; full and LoRA; LoRA and QLoRA);
 * - matmul efficiency E and per-layer overhead: every steady-state measurement, each publication
 *   weighing the same in total (a table of ten rows must not outvote a table of two);
 * - goodput K and p: published whole runs, against the steady state the model predicts for them;
 * - the range: the out-of-sample errors (leave one source out), as the 80 % conformal interval of
 *   |log error| (the ⌈(n+1)·0.8⌉-th smallest), for small jobs from the fine-tuning measurements (the
 *   jobs one node runs, on the widest variety of software stacks) and for large ones from whole runs.
 */

/** The evidence and the cited constants the fit starts from. */
export interface FitInput {
  measurements: readonly ThroughputMeasurement[];
  runs: readonly PublishedRun[];
  gpus: readonly GpuSpec[];
  file: ThroughputFile;
}

/** A steady-state measurement ready to predict: its jobs are built once (they do not depend on the fit). */
export interface SteadyRow {
  id: string;
  group: string;
  task: "pretraining" | "fine-tuning";
  training: TrainingKind;
  gpuCount: number;
  measured: number;
  job: SteadyJob;
  fullJob: SteadyJob;
  loraJob: SteadyJob;
}

/** A published whole run ready to predict. */
export interface RunRow {
  id: string;
  group: string;
  gpuCount: number;
  /** Whether the run's GPU count was published (otherwise IMPUTED_RUN_GPUS is assumed). */
  gpuCountKnown: boolean;
  tokens: number;
  gpuHours: number;
  modelFlops: number;
  peakFlops: number;
  job: SteadyJob;
  fullJob: SteadyJob;
  loraJob: SteadyJob;
}

/**
 * Runs that do not say how many GPUs they used are predicted on this many: the median published
 * count of the runs that do (512–2,048). It only sets the interruption term and the network path.
 */
export const IMPUTED_RUN_GPUS = 1024;

/** Sequence length assumed for a measurement that does not state one (the common pretraining length of its era). */
const UNSTATED_SEQ_LEN = 2048;
/** Conformal coverage of the printed range. */
export const RANGE_COVERAGE = 0.8;
/** Single-node limit for the range's two regimes: one 8-GPU server. */
const SINGLE_NODE_GPUS = 8;

function request(
  input: FitInput,
  spec: {
    gpu: GpuSpec;
    gpuCount: number;
    params: number;
    activeParams: number;
    tokens: number;
    seqLen: number;
    microBatch: number | "auto";
    recompute: "none" | "selective" | "full" | "auto";
    fp8: boolean;
  },
): ThroughputRequest {
  const arch = genericArchitecture(spec.activeParams);
  return {
    params: spec.params,
    activeParams: spec.activeParams,
    tokens: spec.tokens,
    gpu: spec.gpu,
    gpuCount: spec.gpuCount,
    precision: spec.fp8 ? "fp8" : "bf16",
    throughput: modelFromFile(input.file),
    globalBatchTokens: input.file.defaults.globalBatchTokens.value,
    adapterParams: trainableLoraParams(arch, false, spec.activeParams, DEFAULT_LORA_RANK, LORA_TARGETS),
    arch,
    memory: {
      seqLen: spec.seqLen,
      microBatch: spec.microBatch,
      recompute: spec.recompute,
      tensorParallel: "auto",
      zero: spec.gpuCount > 1 ? 3 : 0,
      optimizer: "adamw",
      flashAttention: true,
      loraRank: DEFAULT_LORA_RANK,
      loraTargets: LORA_TARGETS,
      addedVocabRows: 0,
    },
  };
}

function jobs(req: ThroughputRequest, training: TrainingKind): Pick<SteadyRow, "job" | "fullJob" | "loraJob"> {
  // The fit changes E and the overhead, which "auto" settings depend on; they are chosen once, with
  // the model as presets/throughput.json states it (the choice moves little with the parameters).
  return { job: jobFor(req, training).job, fullJob: jobFor(req, "full").job, loraJob: jobFor(req, "lora").job };
}

/**
 * The measurements used for fitting, with their jobs: those marked "fit" whose GPU is in the catalog
 * in use (presets/ has every one; a catalog without it — a test's — leaves the row out, and `validate`
 * lists it as left out).
 */
export function steadyRows(input: FitInput): SteadyRow[] {
  return input.measurements
    .filter((m) => m.use === "fit" && input.gpus.some((g) => g.id === m.gpu))
    .map((m) => {
      const gpu = input.gpus.find((g) => g.id === m.gpu)!;
      const training = m.method as TrainingKind;
      const gpuCount = m.gpuCount ?? SINGLE_NODE_GPUS;
      const req = request(input, {
        gpu,
        gpuCount,
        params: m.params,
        activeParams: m.params,
        tokens: 1e9,
        seqLen: m.seqLen ?? UNSTATED_SEQ_LEN,
        microBatch: m.microBatch ?? "auto",
        recompute: m.recompute === "unstated" ? "auto" : m.recompute,
        fp8: m.fp8,
      });
      return {
        id: m.id,
        group: m.sourceGroup,
        task: m.task,
        training,
        gpuCount,
        measured: m.tokensPerSecPerGpu!,
        ...jobs(req, training),
      };
    });
}

/** Published whole runs on catalog GPUs (the data's own "full-run" use), with their jobs. */
export function runRows(input: FitInput): RunRow[] {
  const out: RunRow[] = [];
  for (const run of input.runs) {
    if (run.use !== "full-run") continue;
    const gpu = runGpu(input.gpus, run.gpuType);
    if (!gpu) continue; // TPUs: not in the catalog
    const gpuCount = run.gpuCount ?? IMPUTED_RUN_GPUS;
    const req = request(input, {
      gpu,
      gpuCount,
      params: run.paramsTotal ?? run.paramsActive!,
      activeParams: run.paramsActive!,
      tokens: run.tokens!,
      seqLen: run.seqLen ?? UNSTATED_SEQ_LEN,
      microBatch: "auto",
      recompute: "auto",
      fp8: run.fp8,
    });
    const j = jobs(req, "full");
    out.push({
      id: run.id,
      group: run.org,
      gpuCount,
      gpuCountKnown: run.gpuCount !== null,
      tokens: run.tokens!,
      gpuHours: run.gpuHours!,
      modelFlops: j.job.modelFlopsPerToken * run.tokens!,
      peakFlops: gpu.denseTflops16 * 1e12,
      ...j,
    });
  }
  return out;
}

/** Predicted steady-state tokens/s per GPU of a measurement. */
export function predictSteady(row: Pick<SteadyRow, "job" | "fullJob" | "loraJob">, params: SteadyStateParams): number {
  return coherentSteadyState(
    row.job,
    () => row.fullJob,
    () => row.loraJob,
    params,
  ).tokensPerSecPerGpu;
}

/** Predicted whole-run GPU-hours of a run. */
export function predictRun(run: RunRow, steady: SteadyStateParams, good: GoodputParams): number {
  const tps = predictSteady(run, steady);
  const steadyHours = run.tokens / tps / 3600;
  return steadyHours / goodput(good, run.gpuCount, steadyHours).value;
}

// ---------------------------------------------------------------------------------------------
// Pair-derived factors
// ---------------------------------------------------------------------------------------------

/**
 * The median of pair ratios: robust to one odd pair (a table whose full-training row ran out of
 * memory tricks, say). With no pair left (a source held out that had them all), no evidence of an
 * effect: 1.
 */
const pairMedian = (values: readonly number[]): number => (values.length ? median(values) : 1);

/** The pairs whose both rows are present. */
function presentPairs(pairs: readonly [string, string][], rows: readonly SteadyRow[]): [SteadyRow, SteadyRow][] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return pairs.flatMap(([a, b]) => {
    const ra = byId.get(a);
    const rb = byId.get(b);
    return ra && rb ? [[ra, rb] as [SteadyRow, SteadyRow]] : [];
  });
}

/**
 * α from same-script A100/H100 pairs: their MFU ratio is (R_H100 / R_A100)^−α, R = peak FLOPs per
 * byte of bandwidth. The same model, sequence and script on both, so nothing else differs. The
 * median over pairs; 0 (no effect) when no pair is left.
 */
function balanceExponent(pairs: [SteadyRow, SteadyRow][], reference: number): number {
  const values = pairs.map(([a, h]) => {
    const mfu = (r: SteadyRow): number => r.measured / r.job.gpu.denseTflops16;
    const ratioR =
      flopsPerByte(h.job.gpu, { referenceFlopsPerByte: reference } as SteadyStateParams) /
      flopsPerByte(a.job.gpu, { referenceFlopsPerByte: reference } as SteadyStateParams);
    return -Math.log(mfu(h) / mfu(a)) / Math.log(ratioR);
  });
  return values.length ? median(values) : 0;
}

/**
 * A factor from pairs: the measured speed ratio over the ratio the model predicts without the
 * factor (so the FLOPs, attention, recomputation and communication differences are not counted twice).
 */
function pairFactor(
  pairs: [SteadyRow, SteadyRow][],
  params: SteadyStateParams,
  without: Partial<SteadyStateParams>,
): number {
  const p = { ...params, ...without };
  return pairMedian(pairs.map(([a, b]) => b.measured / a.measured / (predictSteady(b, p) / predictSteady(a, p))));
}

// ---------------------------------------------------------------------------------------------
// Fitting
// ---------------------------------------------------------------------------------------------

/** Each publication weighs the same in total. */
function groupWeights(rows: readonly { group: string }[]): number[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  return rows.map((r) => 1 / counts.get(r.group)!);
}

/** Fits the steady-state parameters on these measurements (the reference balance is cited, not fitted). */
export function fitSteady(rows: readonly SteadyRow[], file: ThroughputFile): SteadyStateParams {
  const reference = file.steadyState.referenceFlopsPerByte.value;
  let params: SteadyStateParams = {
    matmulEfficiency: 0.6,
    referenceFlopsPerByte: reference,
    balanceExponent: balanceExponent(presentPairs(file.pairs.balance, rows), reference),
    layerOverheadSeconds: 0.001,
    fp8Speedup: pairMedian(presentPairs(file.pairs.fp8, rows).map(([a, b]) => b.measured / a.measured)),
    loraEfficiency: 1,
    qloraEfficiency: 1,
  };
  const weights = groupWeights(rows);
  // E and the overhead depend on the LoRA factors (LoRA rows are in the fit) and the factors on the
  // overhead (it changes the predicted ratio): a few rounds settle both.
  for (let round = 0; round < 3; round++) {
    const objective = (x: readonly number[]): number => {
      const p = { ...params, matmulEfficiency: Math.exp(x[0]!), layerOverheadSeconds: Math.exp(x[1]!) / 1000 };
      return rows.reduce((s, r, i) => s + weights[i]! * Math.log(predictSteady(r, p) / r.measured) ** 2, 0);
    };
    const [logE, logOverheadMs] = nelderMead(
      objective,
      [Math.log(params.matmulEfficiency), Math.log(params.layerOverheadSeconds * 1000)],
      // 1e-7 of the objective: the fitted figures move by under 0.1 %, far inside their uncertainty.
      { step: 0.3, tolerance: 1e-7 },
    );
    params = { ...params, matmulEfficiency: Math.exp(logE!), layerOverheadSeconds: Math.exp(logOverheadMs!) / 1000 };
    params = {
      ...params,
      loraEfficiency: pairFactor(presentPairs(file.pairs.lora, rows), params, {
        loraEfficiency: 1,
        qloraEfficiency: 1,
      }),
    };
    params = {
      ...params,
      qloraEfficiency: Math.min(1, pairFactor(presentPairs(file.pairs.qlora, rows), params, { qloraEfficiency: 1 })),
    };
  }
  return params;
}

/** Fits goodput's c and K on whole runs (interruption figures are cited, not fitted). */
export function fitGoodput(runs: readonly RunRow[], steady: SteadyStateParams, file: ThroughputFile): GoodputParams {
  const fixed = {
    interruptionsPerGpuHour: file.goodput.interruptionsPerGpuHour.value,
    hoursLostPerInterruption: file.goodput.hoursLostPerInterruption.value,
    startupHours: file.goodput.startupHours.value,
  };
  const weights = runs.map(() => 1);
  const objective = (x: readonly number[]): number => {
    const g = { ...fixed, maxRunOverhead: Math.exp(x[0]!), halfOverheadGpuDays: Math.exp(x[1]!) };
    return runs.reduce((s, r, i) => s + weights[i]! * Math.log(predictRun(r, steady, g) / r.gpuHours) ** 2, 0);
  };
  const [logC, logK] = nelderMead(objective, [Math.log(0.4), Math.log(100)], { step: 0.5, tolerance: 1e-7 });
  return { ...fixed, maxRunOverhead: Math.exp(logC!), halfOverheadGpuDays: Math.exp(logK!) };
}

/** The ⌈(n+1)·coverage⌉-th smallest |value| (split-conformal quantile); the largest when n is small. */
export function conformalHalfWidth(logErrors: readonly number[], coverage = RANGE_COVERAGE): number {
  const sorted = logErrors.map(Math.abs).sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.ceil((sorted.length + 1) * coverage));
  return sorted[rank - 1]!;
}

/**
 * The same with each source weighing the same in total, for speed measurements: the rows of one
 * source are one table from one software stack and err together, so the units that vary are sources,
 * not rows. (Whole runs are separate training efforts even within one lab: each counts once.) The half-width is the smallest
 * |log error| whose cumulative weight (each row 1 / its source's row count) reaches coverage × (S + 1)
 * of the S sources (the conformal correction at the level of sources); the largest when S is small.
 */
export function balancedHalfWidth(heldOut: readonly HeldOut[], coverage = RANGE_COVERAGE): number {
  const counts = new Map<string, number>();
  for (const h of heldOut) counts.set(h.group, (counts.get(h.group) ?? 0) + 1);
  const target = Math.min(counts.size, coverage * (counts.size + 1));
  const sorted = [...heldOut].sort((a, b) => Math.abs(a.logError) - Math.abs(b.logError));
  let weight = 0;
  for (const h of sorted) {
    weight += 1 / counts.get(h.group)!;
    if (weight >= target - 1e-12) return Math.abs(h.logError);
  }
  return Math.abs(sorted[sorted.length - 1]!.logError);
}

// ---------------------------------------------------------------------------------------------
// Out-of-sample evaluation
// ---------------------------------------------------------------------------------------------

export interface HeldOut {
  id: string;
  group: string;
  measured: number;
  predicted: number;
  /** log(predicted / measured) */
  logError: number;
}

/** Leave-one-source-out (or, with `byRow`, leave-one-row-out) predictions of the measurements. */
export function heldOutSteady(rows: readonly SteadyRow[], file: ThroughputFile, byRow = false): HeldOut[] {
  const key = (r: SteadyRow): string => (byRow ? r.id : r.group);
  const out: HeldOut[] = [];
  for (const held of [...new Set(rows.map(key))]) {
    const params = fitSteady(
      rows.filter((r) => key(r) !== held),
      file,
    );
    for (const r of rows.filter((x) => key(x) === held)) {
      const predicted = predictSteady(r, params);
      out.push({
        id: r.id,
        group: r.group,
        measured: r.measured,
        predicted,
        logError: Math.log(predicted / r.measured),
      });
    }
  }
  return out;
}

/** Leave-one-source-out (or leave-one-run-out) predictions of whole runs: goodput refitted without them. */
export function heldOutRuns(
  runs: readonly RunRow[],
  steady: SteadyStateParams,
  file: ThroughputFile,
  byRow = false,
): HeldOut[] {
  const key = (r: RunRow): string => (byRow ? r.id : r.group);
  const out: HeldOut[] = [];
  for (const held of [...new Set(runs.map(key))]) {
    const good = fitGoodput(
      runs.filter((r) => key(r) !== held),
      steady,
      file,
    );
    for (const r of runs.filter((x) => key(x) === held)) {
      const predicted = predictRun(r, steady, good);
      out.push({
        id: r.id,
        group: r.group,
        measured: r.gpuHours,
        predicted,
        logError: Math.log(predicted / r.gpuHours),
      });
    }
  }
  return out;
}

/** The fitted model, as presets/throughput.json should state it. */
export interface FittedModel {
  steadyState: SteadyStateParams;
  goodput: GoodputParams;
  range: RangeParams;
}

/**
 * The measurements whose errors set the small-job range: the fine-tuning ones. They are what runs on
 * one node, measured on the widest variety of software stacks (Hugging Face Trainer and PEFT,
 * DeepSpeed, LLaMA-Factory, Unsloth, NeMo), and the range must hold for them; the single-node
 * pretraining benchmarks come from a few tuned stacks and would understate it.
 */
export function singleNodePool(rows: readonly SteadyRow[]): Set<string> {
  return new Set(rows.filter((r) => r.task === "fine-tuning").map((r) => r.id));
}

/** Fits everything and the range from the held-out errors. */
export function fitModel(input: FitInput): FittedModel {
  const steadyData = steadyRows(input);
  const steady = fitSteady(steadyData, input.file);
  const runs = runRows(input);
  const good = fitGoodput(runs, steady, input.file);
  const pool = singleNodePool(steadyData);
  const singleNodeErrors = heldOutSteady(steadyData, input.file).filter((h) => pool.has(h.id));
  const runErrors = heldOutRuns(runs, steady, input.file);
  return {
    steadyState: steady,
    goodput: good,
    range: {
      singleNode: balancedHalfWidth(singleNodeErrors),
      multiNode: conformalHalfWidth(runErrors.map((h) => h.logError)),
      singleNodeUpTo: input.file.range.singleNodeUpTo.value,
      multiNodeFrom: input.file.range.multiNodeFrom.value,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries for `validate`
// ---------------------------------------------------------------------------------------------

export interface AccuracySummary {
  rows: number;
  medianAbsError: number;
  shareWithin25: number;
  shareInsideRange: number;
  meanHighOverLow: number;
}

/** The range half-widths refitted without one source's errors. */
export function rangeWithout(
  group: string,
  steadyHeldOut: readonly HeldOut[],
  runHeldOut: readonly HeldOut[],
  singleNodeIds: ReadonlySet<string>,
  limits: Pick<RangeParams, "singleNodeUpTo" | "multiNodeFrom">,
): RangeParams {
  return {
    ...limits,
    singleNode: balancedHalfWidth(steadyHeldOut.filter((h) => h.group !== group && singleNodeIds.has(h.id))),
    multiNode: conformalHalfWidth(runHeldOut.filter((h) => h.group !== group).map((h) => h.logError)),
  };
}

/** Accuracy of held-out predictions, each against the range half-width `halfWidth` gives it. */
export function summarise(heldOut: readonly HeldOut[], halfWidth: (h: HeldOut) => number): AccuracySummary {
  const n = heldOut.length;
  const widths = heldOut.map(halfWidth);
  const errors = heldOut.map((h) => Math.abs(Math.exp(h.logError) - 1));
  return {
    rows: n,
    medianAbsError: median(errors),
    shareWithin25: errors.filter((e) => e <= 0.25).length / n,
    shareInsideRange: heldOut.filter((h, i) => Math.abs(h.logError) <= widths[i]!).length / n,
    meanHighOverLow: widths.reduce((s, w) => s + Math.exp(2 * w), 0) / n,
  };
}

/** Median |error| and share within ±25 % of a constant-MFU baseline on whole runs. */
export function constantBaselineRuns(
  runs: readonly RunRow[],
  mfu: number,
): Pick<AccuracySummary, "medianAbsError" | "shareWithin25"> {
  const errors = runs.map((r) => Math.abs(r.modelFlops / (r.peakFlops * mfu) / 3600 / r.gpuHours - 1));
  return { medianAbsError: median(errors), shareWithin25: errors.filter((e) => e <= 0.25).length / errors.length };
}

/** The same baseline on steady-state speed (tokens/s = MFU × peak / model FLOPs per token). */
export function constantBaselineSteady(
  rows: readonly SteadyRow[],
  mfu: number,
): Pick<AccuracySummary, "medianAbsError" | "shareWithin25"> {
  const errors = rows.map((r) =>
    Math.abs((mfu * r.job.gpu.denseTflops16 * 1e12) / r.job.modelFlopsPerToken / r.measured - 1),
  );
  return { medianAbsError: median(errors), shareWithin25: errors.filter((e) => e <= 0.25).length / errors.length };
}
