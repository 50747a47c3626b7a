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

// On the fixture catalog's round throughput model (worked in test/cli-estimate.test.ts) the job takes
// 713.12 GPU-hours: whole-run MFU 6.3e20 / (989.4e12 × 713.12 × 3,600) = 0.24803, and the range is
// ×/÷ e^0.5: 0.15044–0.40893.
const EXPECTED = 0.24803;
const LOW = 0.15044;
const HIGH = 0.40893;

describe("llm-cost check", () => {
  it("'2 years on 2 H100s': implied MFU below 1 %, pessimistic by ×30", async () => {
    const json = await check(["--claimed-days", "730"]);
    // 6.3e20 / (989.4e12 × 2 × 730 × 86,400) = 0.0050478
    expect(json.implied.mfu).toBeCloseTo(0.0050478, 6);
    expect(json.implied.mfu!).toBeLessThan(0.01);
    expect(json.implied.gpuHours).toBe(35_040); // 2 × 730 × 24
    // What 2 years on 2 H100s would train at the expected efficiency: 15e9 × 35,040 / 713.12 = 737B
    // (the range from the pessimistic 1,175.74 GPU-hours to the optimistic 432.53).
    expect(json.implied.tokens!.expected / 7.3704e11).toBeCloseTo(1, 3);
    expect(json.implied.tokens!.low / (15e9 * (35_040 / 1175.74))).toBeCloseTo(1, 3);
    expect(json.implied.tokensBasis).toMatch(/claimed 2 GPUs × 730 days/);
    expect(json.verdict).toBe("pessimistic");
    // factor = 0.15044 / 0.0050478 = 29.80 (to the range's low end); 0.24803 / 0.0050478 = 49.14 from the expected
    expect(json.factor).toBeCloseTo(29.8, 1);
    expect(json.claims[0]!.factorVsExpected).toBeCloseTo(EXPECTED / 0.0050478, 1);
    expect(json.claims[0]!.range.low).toBeCloseTo(LOW, 5);
    expect(json.claims[0]!.range.high).toBeCloseTo(HIGH, 5);
    expect(json.summary).toBe("pessimistic by ×30");
    expect(json.inputs.strategy).toBe("dapt"); // the default
    // Below every published Hopper whole run the catalog knows (the fixture has no H800: 8 on H100;
    // lowest: Llama 3.1 8B at 13.9 %)
    expect(json.published.familyRuns).toMatchObject({ runs: 8, below: 0 });
    const table = await cli([...JOB, "--claimed-days", "730"]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/MFU 0\.5% = 6\.3e20 FLOPs \/ \(989\.4 TFLOPS × 2 GPUs × 730 days × 86,400 s\)/);
    expect(table.stdout).toMatch(/Verdict: pessimistic by ×30/);
    for (const line of table.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it("15 days is plausible; 7 days optimistic by ×1.3; 3 days impossible", async () => {
    // 15 d: 6.3e20 / (1.9788e15 × 15 × 86,400) = 0.24566: inside 0.150–0.409
    const plausible = await check(["--claimed-days", "15d"]);
    expect(plausible.implied.mfu).toBeCloseTo(0.24566, 4);
    expect([plausible.verdict, plausible.factor]).toEqual(["plausible", 1]);
    // 7 d: 0.52641 > 0.40893 → ×1.2873
    const fast = await check(["--claimed-days", "1w"]);
    expect(fast.verdict).toBe("optimistic");
    expect(fast.factor).toBeCloseTo(1.2873, 3);
    // 3 d: 6.3e20 / (1.9788e15 × 3 × 86,400) = 1.228 > 1
    const impossible = await check(["--claimed-days", "3"]);
    expect(impossible.verdict).toBe("impossible");
    expect(impossible.summary).toMatch(/^impossible: MFU 123% is above the GPU's peak/);
  });

  it("a claimed cost: implied price per GPU-hour, implied tokens, and a verdict against the offers' spread", async () => {
    // Expected GPU-hours 713.120; × $3.92 = $2,795.43
    const json = await check(["--claimed-cost", "$2,795.43"]);
    expect(json.claims[0]!.claim).toBe("cost");
    expect(json.verdict).toBe("plausible");
    expect(json.implied.usdPerGpuHour).toBeCloseTo(3.92, 4); // $2,795.43 / 713.120
    expect(json.implied.tokens!.expected).toBeCloseTo(15e9, -5); // the cost of 15B tokens buys 15B tokens
    // 2.5억 won for the same job: ₩250,000,000 / 1,439 = $173,732; the dearest plausible cost is
    // high GPU-hours × dearest offer = 713.12 × e^0.5 = 1,175.74 × $12.29 = $14,450: pessimistic by
    // 173,732 / 14,450 = ×12.02
    const high = await check(["--claimed-cost", "2.5억"]);
    expect(high.verdict).toBe("pessimistic");
    expect(high.factor).toBeCloseTo(12.02, 1);
    // tokens it buys: 15e9 × 173,732 / 2,795.43 = 932.2B
    expect(high.implied.tokens!.expected / 9.3223e11).toBeCloseTo(1, 3);
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
