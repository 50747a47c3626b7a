/**
 * The plan search: which GPU, how many, and from whom, for one job under a deadline and a budget.
 *
 * The estimate has no multi-GPU scaling loss: a job's GPU-hours depend on the GPU type, not on the
 * count, and wall-clock = GPU-hours / count / 24. So for one GPU type and one price offer the cost
 * is the same at every count and time falls as the count grows. Two counts per offer therefore
 * cover every useful answer:
 * - fewest: the smallest count that holds the job in memory and meets the deadline (the cheapest
 *   way to meet it, with the fewest machines to rent), rounded up to whole 8-GPU nodes beyond one;
 * - most: the practical maximum (see practicalMaxGpus), the fastest the offer can go.
 * The budget never limits the count (cost is flat in it); it rules offers in or out.
 */

/** One provider's price for a GPU type. */
export interface PlanOffer {
  provider: string;
  providerName: string;
  region: string;
  usdPerGpuHour: number;
  date: string;
  source: string;
}

/** A GPU type with what the job needs on it, computed once per type. */
export interface PlanGpu {
  id: string;
  name: string;
  /** Expected GPU-hours of the job on this GPU type (the same at every count). */
  gpuHours: number;
  /** Fewest GPUs of this type that hold the job in memory; null when no count up to the maximum does. */
  minGpus: number | null;
  offers: PlanOffer[];
}

/** What the user asked for; either may be absent. */
export interface PlanConstraints {
  deadlineDays?: number;
  budgetUsd?: number;
}

/** The count limits of the search. */
export interface PlanLimits {
  /** The practical maximum GPU count (see practicalMaxGpus). */
  maxGpus: number;
  /** GPUs per node: counts beyond one node are whole nodes. */
  nodeSize: number;
}

/** One candidate: a GPU type, an offer and a count, with its expected figures. */
export interface PlanCandidate {
  gpu: PlanGpu;
  offer: PlanOffer;
  count: number;
  /** fewest: the smallest count meeting memory and deadline; most: the practical maximum. */
  kind: "fewest" | "most";
  gpuHours: number;
  wallDays: number;
  costUsd: number;
}

/** The search result: the cheapest and the fastest qualifying plans, and what binds when none qualify. */
export interface PlanSearch {
  cheapest: PlanCandidate[];
  fastest: PlanCandidate[];
  /** Constraints that no plan can meet on its own ("memory" when nothing fits at all). */
  binding: Array<"memory" | "deadline" | "budget">;
  /** No plan qualifies although each constraint alone can be met: they bind together. */
  jointly: boolean;
  /** For the explanation: the cheapest plan that fits and meets the deadline (budget ignored). */
  cheapestMeetingDeadline?: PlanCandidate;
  /** The fastest plan within the budget (deadline ignored). */
  fastestWithinBudget?: PlanCandidate;
  /** The fastest plan that fits (no constraints). */
  fastestFitting?: PlanCandidate;
  /** The cheapest plan that fits (no constraints). */
  cheapestFitting?: PlanCandidate;
}

/** The global batch the practical maximum is derived from: Llama 2's 4M tokens per step. */
export const GLOBAL_BATCH_TOKENS = 4 * 1024 * 1024;
/** The largest count searched at all. */
export const SEARCH_MAX_GPUS = 4096;
/** GPUs per node (HGX / DGX): counts beyond one node are whole nodes. */
export const NODE_SIZE = 8;

/**
 * The practical maximum count: data parallelism gives each GPU at least one micro-batch of one
 * sequence per step, and a global batch of 4M tokens (Llama 2's) caps the step, so at most
 * 4,194,304 / (seq-len × micro-batch) GPUs — 1,024 at 4,096 tokens — and never more than 4,096.
 * Whole nodes beyond one.
 */
export function practicalMaxGpus(seqLen: number, microBatch: number, nodeSize = NODE_SIZE): number {
  const byBatch = Math.floor(GLOBAL_BATCH_TOKENS / (seqLen * microBatch));
  const n = Math.max(1, Math.min(SEARCH_MAX_GPUS, byBatch));
  return n <= nodeSize ? n : Math.floor(n / nodeSize) * nodeSize;
}

/** n up to one node as is; beyond it, rounded up to whole nodes (9 → 16). */
export function roundUpToNodes(n: number, nodeSize = NODE_SIZE): number {
  return n <= nodeSize ? n : Math.ceil(n / nodeSize) * nodeSize;
}

/** GPUs needed to finish within `days`, forgiving float noise. */
function countForDeadline(gpuHours: number, days: number): number {
  return Math.max(1, Math.ceil(gpuHours / (24 * days) - 1e-9));
}

/**
 * The fewest GPUs that hold the job and meet the deadline, in whole nodes beyond one; null when
 * that is above the practical maximum or nothing fits.
 */
export function fewestGpus(gpu: PlanGpu, constraints: PlanConstraints, limits: PlanLimits): number | null {
  if (gpu.minGpus === null) return null;
  const forDeadline =
    constraints.deadlineDays === undefined ? 1 : countForDeadline(gpu.gpuHours, constraints.deadlineDays);
  const n = roundUpToNodes(Math.max(gpu.minGpus, forDeadline), limits.nodeSize);
  return n <= limits.maxGpus ? n : null;
}

function candidate(gpu: PlanGpu, offer: PlanOffer, count: number, kind: PlanCandidate["kind"]): PlanCandidate {
  return {
    gpu,
    offer,
    count,
    kind,
    gpuHours: gpu.gpuHours,
    wallDays: gpu.gpuHours / count / 24,
    costUsd: gpu.gpuHours * offer.usdPerGpuHour,
  };
}

const byCost = (a: PlanCandidate, b: PlanCandidate): number =>
  a.costUsd - b.costUsd || a.wallDays - b.wallDays || a.count - b.count;
const byTime = (a: PlanCandidate, b: PlanCandidate): number =>
  a.wallDays - b.wallDays || a.costUsd - b.costUsd || a.count - b.count;

/** Searches every GPU type × offer × {fewest, most}; lists the `top` cheapest and fastest that qualify. */
export function searchPlans(
  gpus: readonly PlanGpu[],
  constraints: PlanConstraints,
  limits: PlanLimits,
  top: number,
): PlanSearch {
  const fewest: PlanCandidate[] = []; // meeting memory and deadline
  const most: PlanCandidate[] = [];
  const fitting: PlanCandidate[] = []; // memory only: fewest that fit, and the maximum
  const fittingMost: PlanCandidate[] = [];
  for (const gpu of gpus) {
    const fitCount = fewestGpus(gpu, {}, limits);
    if (fitCount === null) continue;
    const n = fewestGpus(gpu, constraints, limits);
    for (const offer of gpu.offers) {
      fitting.push(candidate(gpu, offer, fitCount, "fewest"));
      fittingMost.push(candidate(gpu, offer, limits.maxGpus, "most"));
      if (n === null) continue;
      fewest.push(candidate(gpu, offer, n, "fewest"));
      most.push(candidate(gpu, offer, limits.maxGpus, "most"));
    }
  }
  const withinBudget = (c: PlanCandidate): boolean =>
    constraints.budgetUsd === undefined || c.costUsd <= constraints.budgetUsd;
  const cheapest = fewest.filter(withinBudget).sort(byCost);
  const fastest = most.filter(withinBudget).sort(byTime);
  const binding: PlanSearch["binding"] = [];
  if (fitting.length === 0) binding.push("memory");
  else {
    if (constraints.deadlineDays !== undefined && fewest.length === 0) binding.push("deadline");
    if (constraints.budgetUsd !== undefined && !fitting.some(withinBudget)) binding.push("budget");
  }
  const first = <T>(xs: T[]): T | undefined => xs[0];
  return {
    cheapest: cheapest.slice(0, top),
    fastest: fastest.slice(0, top),
    binding,
    jointly: cheapest.length === 0 && binding.length === 0,
    ...optional("cheapestMeetingDeadline", first([...fewest].sort(byCost))),
    ...optional("fastestWithinBudget", first(fittingMost.filter(withinBudget).sort(byTime))),
    ...optional("fastestFitting", first([...fittingMost].sort(byTime))),
    ...optional("cheapestFitting", first([...fitting].sort(byCost))),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
