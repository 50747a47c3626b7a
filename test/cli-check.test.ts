import { describe, expect, it } from "vitest";
import { CheckJson } from "../src/output/check-json.js";
import { cli } from "./helpers/cli.js";

const JOB = ["check", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"];
const check = async (args: string[]) => {
  const r = await cli([...JOB, ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return CheckJson.parse(JSON.parse(r.stdout));
};

// Default range for full training on ≤ 64 Hopper GPUs: low = 0.248 / 1.742 = 0.14237,
// high = max(0.248 / 0.833, steady-state 0.396) = 0.396.
const LOW = 0.248 / 1.742;

describe("llm-cost check", () => {
  it("'2 years on 2 H100s': implied MFU below 1 %, pessimistic by ×28", async () => {
    const json = await check(["--claimed-days", "730"]);
    // 6.3e20 / (989.4e12 × 2 × 730 × 86,400) = 0.0050478
    expect(json.implied.mfu).toBeCloseTo(0.0050478, 6);
    expect(json.implied.mfu!).toBeLessThan(0.01);
    expect(json.implied.gpuHours).toBe(35_040); // 2 × 730 × 24
    expect(json.verdict).toBe("pessimistic");
    // factor = 0.14237 / 0.0050478 = 28.20 (to the range's low end); 0.248 / 0.0050478 = 49.13 from the expected
    expect(json.factor).toBeCloseTo(28.2, 1);
    expect(json.claims[0]!.factorVsExpected).toBeCloseTo(49.13, 1);
    expect(json.claims[0]!.range.low).toBeCloseTo(LOW, 9);
    expect(json.claims[0]!.range.high).toBe(0.396);
    expect(json.summary).toBe("pessimistic by ×28");
    expect(json.inputs.strategy).toBe("dapt"); // the default
    // Below every published Hopper full run (lowest: Llama 3.1 8B at 13.9 %)
    expect(json.published.familyRuns).toMatchObject({ runs: 10, below: 0 });
    const table = await cli([...JOB, "--claimed-days", "730"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/MFU 0\.5% = 6\.3e20 FLOPs \/ \(989\.4 TFLOPS × 2 GPUs × 730 days × 86,400 s\)/);
    expect(table.stdout).toMatch(/Verdict: pessimistic by ×28/);
    for (const line of table.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it("15 days is plausible; 7 days optimistic by ×1.3; 3 days impossible", async () => {
    // 15 d: 6.3e20 / (1.9788e15 × 15 × 86,400) = 0.24566: inside 0.142–0.396
    const plausible = await check(["--claimed-days", "15d"]);
    expect(plausible.implied.mfu).toBeCloseTo(0.24566, 4);
    expect([plausible.verdict, plausible.factor]).toEqual(["plausible", 1]);
    // 7 d: 0.52641 > 0.396 → ×1.3293
    const fast = await check(["--claimed-days", "1w"]);
    expect(fast.verdict).toBe("optimistic");
    expect(fast.factor).toBeCloseTo(1.3293, 3);
    // 3 d: 6.3e20 / (1.9788e15 × 3 × 86,400) = 1.228 > 1
    const impossible = await check(["--claimed-days", "3"]);
    expect(impossible.verdict).toBe("impossible");
    expect(impossible.summary).toMatch(/^impossible: MFU 123% is above the GPU's peak/);
  });

  it("a claimed cost: implied price per GPU-hour, implied tokens, and a verdict against the offers' spread", async () => {
    // Expected GPU-hours 6.3e20 / (989.4e12 × 0.248 × 3,600) = 713.205; × $3.92 = $2,795.76
    const json = await check(["--claimed-cost", "$2,795.76"]);
    expect(json.claims[0]!.claim).toBe("cost");
    expect(json.verdict).toBe("plausible");
    expect(json.implied.usdPerGpuHour).toBeCloseTo(3.92, 4); // $2,795.76 / 713.205
    expect(json.implied.tokens!.expected).toBeCloseTo(15e9, -5); // the cost of 15B tokens buys 15B tokens
    // 2.5억 won for the same job: ₩250,000,000 / 1,439 = $173,732; the dearest plausible cost is
    // high GPU-hours × dearest offer = 1,242.40 × $12.29 = $15,269: pessimistic by 173,732 / 15,269 = ×11.4
    const high = await check(["--claimed-cost", "2.5억"]);
    expect(high.verdict).toBe("pessimistic");
    expect(high.factor).toBeCloseTo(11.38, 1);
    // tokens it buys: 15e9 × 173,732 / 2,795.76 = 932B
    expect(high.implied.tokens!.expected / 9.3212e11).toBeCloseTo(1, 3);
  });

  it("both claims: the verdict is the one furthest from its range; the price uses the claimed GPU-hours", async () => {
    const json = await check(["--claimed-days", "2y", "--claimed-cost", "2.5억"]);
    expect(json.claims.map((c) => c.claim)).toEqual(["days", "cost"]);
    expect(json.verdictClaim).toBe("days");
    // ₩250,000,000 / 1,439 / (2 × 730 × 24) = $173,732 / 35,040 = $4.958 per GPU-hour
    expect(json.implied.usdPerGpuHour).toBeCloseTo(4.958, 3);
  });

  it("bad input is exit 2 with one line", async () => {
    const noClaim = await cli(JOB);
    expect(noClaim.status).toBe(2);
    expect(noClaim.stderr).toMatch(/^llm-cost: missing claim: give --claimed-days/);
    const badDays = await cli([...JOB, "--claimed-days", "2 decades"]);
    expect(badDays.status).toBe(2);
    expect(badDays.stderr).toMatch(/invalid --claimed-days "2 decades"/);
    const badCost = await cli([...JOB, "--claimed-cost", "lots"]);
    expect(badCost.status).toBe(2);
    expect(badCost.stderr).toMatch(/invalid --claimed-cost "lots"/);
  });
});
