/**
 * Goodput: the share of paid GPU time that goes into productive training steps. Pure arithmetic.
 *
 * Two losses, each with its own evidence:
 * - Interruptions: a failed GPU or host stops the whole job, which restarts from its last checkpoint.
 *   They arrive at a rate per GPU-hour, so a job on n GPUs meets n times as many per hour of wall-clock,
 *   and each costs the restart plus the work since the last checkpoint. The Llama 3 paper (Dubey et al.
 *   2024, §3.3.4) reports 419 unexpected interruptions in a 54-day snapshot on up to 16,384 H100s, and
 *   more than 90 % effective training time; those two figures fix the rate and the hours lost per
 *   interruption (see presets/throughput.json).
 * - Everything else a whole run pays for and a benchmark does not: evaluation, checkpoint writes, data
 *   pipeline stalls, loss-spike rollbacks, reruns, changes of plan. A job of a few GPU-days meets little
 *   of it; a run accumulates it as it grows, up to the share a long production run loses:
 *   overhead = c × D / (D + K) for D GPU-days, with c (that share, as lost / productive time) and K
 *   (the GPU-days at which half of it is reached) fitted on published whole runs against the
 *   steady-state model (src/accuracy/throughput-fitting.ts).
 * - Start-up: every job first loads, initialises its communicators and (re)starts from a checkpoint.
 *   MegaScale (Jiang et al. 2024, §3.5) measured 1,047 s to initialise a 2,048-GPU job before its
 *   optimisations and under 30 s after; a single-node job takes a few minutes. A fixed wall-clock per
 *   job (presets/throughput.json) is negligible for a week-long run and dominant for a 20-minute one,
 *   which is why piling GPUs onto a short job stops paying.
 * paid GPU-hours = steady GPU-hours × (1 + overhead) × (1 + rate × GPUs × hours lost) + GPUs × start-up
 * goodput = steady GPU-hours / paid GPU-hours
 */

export interface GoodputParams {
  /** c: the run overhead (lost time / productive time) a long production run reaches. */
  maxRunOverhead: number;
  /** K: GPU-days at which a run has half of it. */
  halfOverheadGpuDays: number;
  /** Interruptions per GPU-hour. */
  interruptionsPerGpuHour: number;
  /** Hours of the whole job lost per interruption (restart + work since the last checkpoint). */
  hoursLostPerInterruption: number;
  /** Wall-clock hours each job spends starting before its first step. */
  startupHours: number;
}

export interface Goodput {
  value: number;
  /** Share lost to interruptions (0–1). */
  interruptionLoss: number;
  /** Share lost to the rest of a whole run's overhead (0–1). */
  runOverheadLoss: number;
  /** Share lost to starting the job (0–1). */
  startupLoss: number;
}

/** Goodput of a job on `gpuCount` GPUs that needs `steadyGpuHours` of training steps. */
export function goodput(params: GoodputParams, gpuCount: number, steadyGpuHours: number): Goodput {
  const gpuDays = steadyGpuHours / 24;
  const runOverhead = (params.maxRunOverhead * gpuDays) / (gpuDays + params.halfOverheadGpuDays);
  const interruption = params.interruptionsPerGpuHour * gpuCount * params.hoursLostPerInterruption;
  const running = steadyGpuHours * (1 + runOverhead) * (1 + interruption);
  const startup = gpuCount * params.startupHours;
  const paid = running + startup;
  return {
    value: steadyGpuHours / paid,
    // The three shares of the paid time that are not steady-state steps (they sum to 1 − value).
    runOverheadLoss: (steadyGpuHours * runOverhead) / paid,
    interruptionLoss: (steadyGpuHours * (1 + runOverhead) * interruption) / paid,
    startupLoss: startup / paid,
  };
}
