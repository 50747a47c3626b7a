import { describe, expect, it } from "vitest";
import {
  fewestGpus,
  practicalMaxGpus,
  roundUpToNodes,
  searchPlans,
  type PlanGpu,
  type PlanOffer,
} from "../src/core/plan.js";

const offer = (provider: string, usd: number): PlanOffer => ({
  provider,
  providerName: provider,
  region: "r",
  usdPerGpuHour: usd,
  date: "2026-01-01",
  source: "test",
});

// Two made-up GPU types. A: 240 GPU-hours for the job, needs 2 GPUs to fit, offers $2 and $3.
// B: 120 GPU-hours, fits on 1, offer $5. Costs are GPU-hours × price at any count:
// A/p1 = 240 × 2 = $480, A/p2 = 240 × 3 = $720, B/p3 = 120 × 5 = $600.
const A: PlanGpu = { id: "a", name: "A", gpuHours: 240, minGpus: 2, offers: [offer("p1", 2), offer("p2", 3)] };
const B: PlanGpu = { id: "b", name: "B", gpuHours: 120, minGpus: 1, offers: [offer("p3", 5)] };
const limits = { maxGpus: 16, nodeSize: 8 };
const brief = (c: { gpu: PlanGpu; offer: PlanOffer; count: number }): string =>
  `${c.gpu.id}/${c.offer.provider}/${c.count}`;

describe("count limits", () => {
  it("practical maximum: a 4M-token global batch over one sequence per GPU, at most 4,096, whole nodes", () => {
    expect(practicalMaxGpus(4096, 1)).toBe(1024); // 4,194,304 / 4,096
    expect(practicalMaxGpus(2048, 1)).toBe(2048); // 4,194,304 / 2,048
    expect(practicalMaxGpus(1024, 1)).toBe(4096); // 4,096, the cap
    expect(practicalMaxGpus(512, 1)).toBe(4096); // 8,192 → capped at 4,096
    expect(practicalMaxGpus(4096, 3)).toBe(336); // 4,194,304 / 12,288 = 341.3 → 341 → whole nodes: 336
    expect(practicalMaxGpus(1_000_000, 1)).toBe(4); // 4.19 → 4, within one node
  });

  it("whole nodes beyond one: 3 → 3, 8 → 8, 9 → 16, 17 → 24", () => {
    expect([3, 8, 9, 16, 17].map((n) => roundUpToNodes(n))).toEqual([3, 8, 16, 16, 24]);
  });

  it("fewest GPUs: memory and deadline, whichever needs more", () => {
    // A in 5 days: ⌈240 / 120⌉ = 2, memory 2 → 2. In 1 day: ⌈240 / 24⌉ = 10 → 16 (two nodes).
    expect(fewestGpus(A, { deadlineDays: 5 }, limits)).toBe(2);
    expect(fewestGpus(A, { deadlineDays: 1 }, limits)).toBe(16);
    // In half a day: ⌈240 / 12⌉ = 20 → 24 > 16: no count qualifies.
    expect(fewestGpus(A, { deadlineDays: 0.5 }, limits)).toBeNull();
    expect(fewestGpus({ ...A, minGpus: null }, {}, limits)).toBeNull();
  });
});

describe("searchPlans", () => {
  it("cheapest first at the fewest GPUs; fastest first at the practical maximum", () => {
    const s = searchPlans([A, B], { deadlineDays: 5 }, limits, 5);
    // B in 5 days: ⌈120 / 120⌉ = 1 GPU
    expect(s.cheapest.map(brief)).toEqual(["a/p1/2", "b/p3/1", "a/p2/2"]);
    expect(s.cheapest.map((c) => c.costUsd)).toEqual([480, 600, 720]);
    expect(s.cheapest[0]!.wallDays).toBe(5); // 240 / 2 / 24
    // At 16 GPUs: B 120 / 16 / 24 = 0.3125 d, A 240 / 16 / 24 = 0.625 d (A/p1 before A/p2: cheaper)
    expect(s.fastest.map(brief)).toEqual(["b/p3/16", "a/p1/16", "a/p2/16"]);
    expect(s.fastest[0]!.wallDays).toBe(0.3125);
    expect(s.binding).toEqual([]);
    expect(s.jointly).toBe(false);
  });

  it("the budget rules offers out, never counts: $500 leaves A/p1 alone", () => {
    const s = searchPlans([A, B], { deadlineDays: 5, budgetUsd: 500 }, limits, 5);
    expect(s.cheapest.map(brief)).toEqual(["a/p1/2"]);
    expect(s.fastest.map(brief)).toEqual(["a/p1/16"]);
  });

  it("top N cuts each list", () => {
    const s = searchPlans([A, B], {}, limits, 1);
    expect(s.cheapest.map(brief)).toEqual(["a/p1/2"]);
    expect(s.fastest.map(brief)).toEqual(["b/p3/16"]);
  });

  it("budget binds: $100 is below every plan; the cheapest that meets the deadline costs $480", () => {
    const s = searchPlans([A, B], { deadlineDays: 5, budgetUsd: 100 }, limits, 5);
    expect(s.cheapest).toEqual([]);
    expect(s.binding).toEqual(["budget"]);
    expect(s.cheapestMeetingDeadline && brief(s.cheapestMeetingDeadline)).toBe("a/p1/2");
    expect(s.fastestWithinBudget).toBeUndefined();
  });

  it("deadline binds: 0.1 day needs 100 A or 50 B, above 16; the fastest that fits takes 0.3125 d", () => {
    // A: ⌈240 / 2.4⌉ = 100 → 104; B: ⌈120 / 2.4⌉ = 50 → 56; both above the maximum of 16
    const s = searchPlans([A, B], { deadlineDays: 0.1 }, limits, 5);
    expect(s.cheapest).toEqual([]);
    expect(s.binding).toEqual(["deadline"]);
    expect(s.fastestFitting && brief(s.fastestFitting)).toBe("b/p3/16");
    expect(s.fastestFitting!.wallDays).toBe(0.3125);
  });

  it("together: half a day only B can meet, $500 only A/p1 affords", () => {
    // A needs 24 GPUs for half a day (> 16); B needs ⌈120 / 12⌉ = 10 → 16 and costs $600 > $500
    const s = searchPlans([A, B], { deadlineDays: 0.5, budgetUsd: 500 }, limits, 5);
    expect(s.cheapest).toEqual([]);
    expect(s.binding).toEqual([]);
    expect(s.jointly).toBe(true);
    expect(s.cheapestMeetingDeadline && brief(s.cheapestMeetingDeadline)).toBe("b/p3/16");
    expect(s.cheapestMeetingDeadline!.costUsd).toBe(600);
    expect(s.fastestWithinBudget && brief(s.fastestWithinBudget)).toBe("a/p1/16");
    expect(s.fastestWithinBudget!.wallDays).toBe(0.625);
  });

  it("memory binds when nothing fits at any count up to the maximum", () => {
    const s = searchPlans(
      [
        { ...A, minGpus: null },
        { ...B, minGpus: 17 },
      ],
      {},
      limits,
      5,
    );
    expect(s.binding).toEqual(["memory"]);
    expect(s.cheapest).toEqual([]);
  });
});
