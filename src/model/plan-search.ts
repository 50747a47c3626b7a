/**
 * The plan search: which GPU, how many, and from whom, for one job under a deadline and a budget.
 *
 * GPU-hours depend on the count: communication, goodput (interruptions grow with GPUs, start-up is
 * paid by every GPU) and the micro-batch each GPU gets out of the global batch. Wall-clock still falls
 * as GPUs are added, and cost grows. So for each GPU type the search evaluates the job at a few
 * counts (each a full estimate, through the callback) and keeps two per offer:
 * - fewest: the smallest count that holds the job in memory and meets the deadline — the cheapest way
 *   to meet it, with the fewest machines to rent; whole nodes beyond one;
 * - fastest: keep doubling from the fewest while a doubling still cuts the wall-clock by at least a
 *   quarter (the added GPUs work at two thirds or more of the first ones' rate), up to the practical
 *   maximum (see practicalMaxGpus). Past that point more GPUs mostly buy communication and start-up.
 * The budget never sets the count; it rules offers in or out.
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

/** The job at one count: expected GPU-hours and wall-clock days. */
export interface PlanPoint {
  gpuHours: number;
  wallDays: number;
}

/** A GPU type and how the job runs on it. */
export interface PlanGpu {
  id: string;
  name: string;
  /** The job at `count` GPUs of this type, or null when it does not fit in memory. */
  evaluate: (count: number) => PlanPoint | null;
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
  /** fewest: the smallest count meeting memory and deadline; most: where more GPUs stop paying. */
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

/** The largest count searched at all. */
export const SEARCH_MAX_GPUS = 4096;
/** GPUs per node (HGX / DGX): counts beyond one node are whole nodes. */
export const NODE_SIZE = 8;
/** A doubling of the GPUs must cut the wall-clock by at least this share to count as paying. */
export const DOUBLING_MIN_GAIN = 0.25;

/**
 * The practical maximum count: data parallelism gives each GPU at least one sequence per step, so a
 * global batch of B tokens keeps at most B / sequence length GPUs busy — 1,024 at 4M tokens and 4,096
 * per sequence — and never more than 4,096. Whole nodes beyond one.
 */
export function practicalMaxGpus(globalBatchTokens: number, seqLen: number, nodeSize = NODE_SIZE): number {
  const byBatch = Math.floor(globalBatchTokens / seqLen);
  const n = Math.max(1, Math.min(SEARCH_MAX_GPUS, byBatch));
  return n <= nodeSize ? n : Math.floor(n / nodeSize) * nodeSize;
}

/** n up to one node as is; beyond it, rounded up to whole nodes (9 → 16). */
export function roundUpToNodes(n: number, nodeSize = NODE_SIZE): number {
  return n <= nodeSize ? n : Math.ceil(n / nodeSize) * nodeSize;
}

/** The counts the search may use: 1 … one node, then whole nodes up to the maximum. */
export function searchCounts(limits: PlanLimits): number[] {
  const counts: number[] = [];
  for (let n = 1; n <= Math.min(limits.nodeSize, limits.maxGpus); n++) counts.push(n);
  for (let n = 2 * limits.nodeSize; n <= limits.maxGpus; n += limits.nodeSize) counts.push(n);
  return counts;
}

/**
 * The smallest count at which `ok` holds, by bisection over `counts`; `ok` must be monotone (false
 * then true): fitting in memory and meeting a deadline both are, as GPUs are added.
 */
export function smallestCount(counts: readonly number[], ok: (n: number) => boolean): number | null {
  let lo = 0;
  let hi = counts.length - 1;
  if (hi < 0 || !ok(counts[hi]!)) return null;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(counts[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return counts[lo]!;
}

/** The fewest GPUs that hold the job and meet the deadline; null when no count up to the maximum does. */
export function fewestGpus(gpu: PlanGpu, constraints: PlanConstraints, limits: PlanLimits): number | null {
  return smallestCount(searchCounts(limits), (n) => {
    const p = gpu.evaluate(n);
    return p !== null && (constraints.deadlineDays === undefined || p.wallDays <= constraints.deadlineDays);
  });
}

/** From `start`, doubling (in whole nodes) while each doubling cuts the wall-clock by DOUBLING_MIN_GAIN. */
export function payingGpus(gpu: PlanGpu, start: number, limits: PlanLimits): number {
  let n = start;
  let wall = gpu.evaluate(n)!.wallDays;
  for (;;) {
    const next = Math.min(limits.maxGpus, roundUpToNodes(2 * n, limits.nodeSize));
    if (next <= n) return n;
    const p = gpu.evaluate(next);
    if (p === null || p.wallDays > (1 - DOUBLING_MIN_GAIN) * wall) return n;
    n = next;
    wall = p.wallDays;
  }
}

function candidate(
  gpu: PlanGpu,
  offer: PlanOffer,
  count: number,
  kind: PlanCandidate["kind"],
  vatFactor: number,
): PlanCandidate {
  const p = gpu.evaluate(count)!;
  return {
    gpu,
    offer,
    count,
    kind,
    gpuHours: p.gpuHours,
    wallDays: p.wallDays,
    costUsd: p.gpuHours * offer.usdPerGpuHour * vatFactor,
  };
}

const byCost = (a: PlanCandidate, b: PlanCandidate): number =>
  a.costUsd - b.costUsd || a.wallDays - b.wallDays || a.count - b.count;
const byTime = (a: PlanCandidate, b: PlanCandidate): number =>
  a.wallDays - b.wallDays || a.costUsd - b.costUsd || a.count - b.count;

/**
 * Searches every GPU type × offer × {fewest, fastest}; lists the `top` cheapest and fastest that
 * qualify. Offers are list prices (VAT excluded); `vatFactor` (vatFactor in ./vat.ts: 1.1 with
 * --vat) makes each cost the one the estimates print, so the budget is held against that.
 */
export function searchPlans(
  gpus: readonly PlanGpu[],
  constraints: PlanConstraints,
  limits: PlanLimits,
  top: number,
  vatFactor = 1,
): PlanSearch {
  const fewest: PlanCandidate[] = []; // meeting memory and deadline
  const most: PlanCandidate[] = [];
  const fitting: PlanCandidate[] = []; // memory only: fewest that fit, and where more stop paying
  const fittingMost: PlanCandidate[] = [];
  for (const gpu of gpus) {
    const fitCount = fewestGpus(gpu, {}, limits);
    if (fitCount === null) continue;
    const n = fewestGpus(gpu, constraints, limits);
    const paying = payingGpus(gpu, fitCount, limits);
    // The explanations quote the fastest that is possible at all (it may be past where GPUs stop
    // paying), so that "extend the deadline to X" agrees with what the deadline search can reach.
    const atMax = gpu.evaluate(limits.maxGpus);
    const quickest = atMax !== null && atMax.wallDays < gpu.evaluate(paying)!.wallDays ? limits.maxGpus : paying;
    for (const offer of gpu.offers) {
      fitting.push(candidate(gpu, offer, fitCount, "fewest", vatFactor));
      fittingMost.push(candidate(gpu, offer, quickest, "most", vatFactor));
      if (n === null) continue;
      fewest.push(candidate(gpu, offer, n, "fewest", vatFactor));
      most.push(candidate(gpu, offer, Math.max(n, paying), "most", vatFactor));
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
