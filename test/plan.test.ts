import { describe, expect, it } from "vitest";
import {
  fewestGpus,
  payingGpus,
  practicalMaxGpus,
  roundUpToNodes,
  searchCounts,
  searchPlans,
  type PlanGpu,
  type PlanOffer,
} from "../src/model/plan-search.js";

const offer = (provider: string, usd: number): PlanOffer => ({
  provider,
  providerName: provider,
  region: "r",
  usdPerGpuHour: usd,
  date: "2026-01-01",
  source: "test",
});

/** A made-up GPU type: fits from `minGpus` on, and needs gpuHours(n) for the job at n GPUs. */
const gpuType = (id: string, minGpus: number, gpuHours: (n: number) => number, offers: PlanOffer[]): PlanGpu => ({
  id,
  name: id.toUpperCase(),
  evaluate: (n) => (n < minGpus ? null : { gpuHours: gpuHours(n), wallDays: gpuHours(n) / n / 24 }),
  offers,
});

// A: needs 2 GPUs to fit; 240 GPU-hours, 1 % more per extra GPU (communication); offers $2 and $3.
// B: fits on 1; a flat 120 GPU-hours (perfect scaling); offer $5.
// C: fits on 1; 100 GPU-hours up to 4 GPUs, then GPU-hours grow as fast as the count (the network
//    binds), so the wall-clock stops falling at 4.
const A = gpuType("a", 2, (n) => 240 * (1 + 0.01 * (n - 1)), [offer("p1", 2), offer("p2", 3)]);
const B = gpuType("b", 1, () => 120, [offer("p3", 5)]);
const C = gpuType("c", 1, (n) => 100 * Math.max(1, n / 4), [offer("p4", 1)]);
const limits = { maxGpus: 16, nodeSize: 8 };
const brief = (c: { gpu: PlanGpu; offer: PlanOffer; count: number }): string =>
  `${c.gpu.id}/${c.offer.provider}/${c.count}`;

describe("count limits", () => {
  it("practical maximum: the global batch over one sequence per GPU, at most 4,096, whole nodes", () => {
    expect(practicalMaxGpus(4_194_304, 4096)).toBe(1024);
    expect(practicalMaxGpus(4_194_304, 2048)).toBe(2048);
    expect(practicalMaxGpus(4_194_304, 512)).toBe(4096); // 8,192 → capped
    expect(practicalMaxGpus(1_000_000, 4096)).toBe(240); // 244.1 → 244 → whole nodes: 240
    expect(practicalMaxGpus(4_194_304, 1_000_000)).toBe(4); // 4.19 → 4, within one node
  });

  it("whole nodes beyond one: 3 → 3, 8 → 8, 9 → 16, 17 → 24", () => {
    expect([3, 8, 9, 16, 17].map((n) => roundUpToNodes(n))).toEqual([3, 8, 16, 16, 24]);
  });

  it("the counts searched: 1 to 8, then whole nodes", () => {
    expect(searchCounts({ maxGpus: 32, nodeSize: 8 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 16, 24, 32]);
  });

  it("fewest GPUs: memory and deadline, whichever needs more", () => {
    // A in 5 days: 2 GPUs take 242.4 / 2 / 24 = 5.05 d, 3 take 244.8 / 3 / 24 = 3.4 d → 3.
    expect(fewestGpus(A, { deadlineDays: 5 }, limits)).toBe(3);
    // In 1 day: 8 GPUs take 256.8 / 8 / 24 = 1.3375 d; 16 take 276 / 16 / 24 = 0.71875 d → 16.
    expect(fewestGpus(A, { deadlineDays: 1 }, limits)).toBe(16);
    // In half a day nothing up to 16 qualifies.
    expect(fewestGpus(A, { deadlineDays: 0.5 }, limits)).toBeNull();
    expect(fewestGpus(A, {}, limits)).toBe(2);
  });

  it("paying GPUs: doubling stops where the wall-clock no longer falls by a quarter", () => {
    expect(payingGpus(B, 1, limits)).toBe(16); // perfect scaling up to the maximum
    // C: 1 → 2 → 4 halve the wall-clock (4.17 d → 2.08 → 1.04); 8 GPUs take 200 / 8 / 24 = 1.04 d too.
    expect(payingGpus(C, 1, limits)).toBe(4);
  });
});

describe("searchPlans", () => {
  it("cheapest first at the fewest GPUs; fastest where more GPUs stop paying", () => {
    const s = searchPlans([A, B, C], { deadlineDays: 5 }, limits, 5);
    // C on 1 GPU: 100 / 24 = 4.17 d, $100; A on 3: 244.8 × $2 = $489.6; B on 1: 5 d, $600; A/p2: $734.4
    expect(s.cheapest.map(brief)).toEqual(["c/p4/1", "a/p1/3", "b/p3/1", "a/p2/3"]);
    expect(s.cheapest[1]!.costUsd).toBeCloseTo(489.6, 9);
    // Fastest: B at 16 = 120 / 16 / 24 = 0.3125 d; A at 16 = 0.71875 d; C stops at 4: 1.04 d.
    expect(s.fastest.map(brief)).toEqual(["b/p3/16", "a/p1/16", "a/p2/16", "c/p4/4"]);
    expect(s.fastest[0]!.wallDays).toBe(0.3125);
    expect(s.binding).toEqual([]);
  });

  it("the budget rules offers out, never counts: $500 leaves C and A/p1", () => {
    const s = searchPlans([A, B, C], { deadlineDays: 5, budgetUsd: 500 }, limits, 5);
    expect(s.cheapest.map(brief)).toEqual(["c/p4/1", "a/p1/3"]);
  });

  it("budget binds: $50 is below every plan; the cheapest that meets the deadline costs $100", () => {
    const s = searchPlans([A, B, C], { deadlineDays: 5, budgetUsd: 50 }, limits, 5);
    expect(s.cheapest).toEqual([]);
    expect(s.binding).toEqual(["budget"]);
    expect(s.cheapestMeetingDeadline && brief(s.cheapestMeetingDeadline)).toBe("c/p4/1");
  });

  it("deadline binds: 0.1 day is beyond every count up to 16; the fastest that fits is B on 16", () => {
    const s = searchPlans([A, B, C], { deadlineDays: 0.1 }, limits, 5);
    expect(s.cheapest).toEqual([]);
    expect(s.binding).toEqual(["deadline"]);
    expect(s.fastestFitting && brief(s.fastestFitting)).toBe("b/p3/16");
  });

  it("together: half a day only B can meet (on 16, $600), $500 only A and C afford", () => {
    const s = searchPlans([A, B, C], { deadlineDays: 0.5, budgetUsd: 500 }, limits, 5);
    expect(s.cheapest).toEqual([]);
    expect(s.jointly).toBe(true);
    expect(s.cheapestMeetingDeadline && brief(s.cheapestMeetingDeadline)).toBe("b/p3/16");
    expect(s.fastestWithinBudget && brief(s.fastestWithinBudget)).toBe("c/p4/4");
  });

  it("memory binds when nothing fits at any count up to the maximum", () => {
    const s = searchPlans([gpuType("x", 17, () => 1, [offer("p", 1)])], {}, limits, 5);
    expect(s.binding).toEqual(["memory"]);
  });
});
