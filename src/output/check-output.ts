import { formatNumber } from "../util/number-text.js";
import type { CheckClaimJson, CheckJson } from "./check-json.js";
import { formatCount, formatDuration, formatHours, formatKrw, formatSci, formatUsd, significant } from "./format.js";
import type { Paint } from "./paint.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

const pct = (x: number): string => `${x < 0.01 ? significant(x * 100, 2) : significant(x * 100, 3)}%`;
const times = (x: number): string => `×${x >= 10 ? formatNumber(Math.round(x)) : x.toFixed(1)}`;
const n = (x: number): string => formatNumber(x, 2);

const FAMILY_NAMES: Record<string, string> = { ampere: "Ampere (A100)", hopper: "Hopper (H100/H800/H200)" };

function publishedLine(c: CheckJson): string {
  const p = c.published;
  const where = (ctx: NonNullable<CheckJson["published"]["familyRuns"]>, label: string): string => {
    const position =
      ctx.below === 0
        ? `below all ${ctx.runs}`
        : ctx.below === ctx.runs
          ? `above all ${ctx.runs}`
          : `above ${ctx.below} of ${ctx.runs}`;
    return `${position} ${label} (${pct(ctx.min)}–${pct(ctx.max)}, median ${pct(ctx.median)})`;
  };
  const family = p.familyRuns
    ? `${where(p.familyRuns, `published ${FAMILY_NAMES[p.family] ?? p.family} full runs`)}; `
    : "";
  return `  Published    ${family}all ${p.allRuns.runs} full runs: ${pct(p.allRuns.min)}–${pct(p.allRuns.max)}`;
}

function daysLines(c: CheckJson, claim: CheckClaimJson, paint: Paint): string[] {
  const { gpus } = c.inputs;
  return [
    paint.bold(`Claimed time ${claim.text}`),
    `  Implies      MFU ${pct(claim.judged)} = ${formatSci(c.estimate.flops)} FLOPs / (${gpus.peakTflops} TFLOPS × ${gpus.count} GPUs × ${n(claim.value)} days × 86,400 s)`,
    publishedLine(c),
    ...(c.implied.tokens && c.implied.gpuHours !== null
      ? [
          `  Trains       ${formatCount(c.implied.tokens.expected)} tokens (${formatCount(c.implied.tokens.low)}–${formatCount(c.implied.tokens.high)}) in that time at the default efficiency, against the ${formatCount(c.inputs.tokens)} given`,
        ]
      : []),
    `  Verdict      ${claim.summary === "plausible" ? "plausible" : claim.summary}: the default range for this job is MFU ${pct(claim.range.low)}–${pct(claim.range.high)}; ${times(claim.factorVsExpected)} from the expected ${pct(c.estimate.mfu.expected)} (${formatDuration(c.estimate.wallDays.expected)})`,
  ];
}

function costLines(c: CheckJson, claim: CheckClaimJson, paint: Paint): string[] {
  const i = c.implied;
  const tokens =
    i.tokens && i.gpuHours === null
      ? `; at the default efficiency and price it trains ${formatCount(i.tokens.expected)} tokens (${formatCount(i.tokens.low)}–${formatCount(i.tokens.high)}) against the ${formatCount(c.inputs.tokens)} given`
      : "";
  return [
    paint.bold(`Claimed cost ${claim.text}`),
    `  Implies      $${n(i.usdPerGpuHour!)} per GPU-hour (${i.usdPerGpuHourBasis}; current offers $${c.estimate.offersUsdPerGpuHour!.low.toFixed(2)}–$${c.estimate.offersUsdPerGpuHour!.high.toFixed(2)})${tokens}`,
    ...(claim.vat ? [vatLine(claim.vat, c.estimate.krwPerUsd)] : []),
    `  Verdict      ${claim.summary}: a plausible cost is ${formatKrw(claim.range.low * c.estimate.krwPerUsd)}–${formatKrw(claim.range.high * c.estimate.krwPerUsd)} (${claim.rangeBasis}); ${times(claim.factorVsExpected)} from the expected ${formatKrw(c.estimate.costKrw!.expected)}`,
  ];
}

/** Which reading of a claimed cost, without VAT or with it, it matches better. */
function vatLine(vat: NonNullable<CheckClaimJson["vat"]>, krwPerUsd: number): string {
  const rate = `${significant(vat.rate * 100, 3)} %`;
  const reading = (r: typeof vat.excluded): string =>
    `${formatKrw(r.expected * krwPerUsd)} expected, ${r.verdict}${r.factor > 1 ? ` ${times(r.factor)}` : ""}`;
  const closer = vat.closer === "included" ? `with VAT ${rate}` : "without VAT";
  return `  Tax          the claim matches the cost ${closer} better (without VAT: ${reading(vat.excluded)}; with VAT ${rate}: ${reading(vat.included)})`;
}

/** The human check: the job's estimate, each claim with what it implies, and the verdict. */
export function renderCheck(c: CheckJson, paint: Paint): string {
  const { inputs, estimate } = c;
  const lines = [
    `Claim check: ${inputs.strategy} of ${formatCount(inputs.params)} parameters${inputs.model ? ` (${inputs.model})` : ""} × ${formatCount(inputs.tokens)} tokens on ${inputs.gpus.count} × ${inputs.gpus.name}`,
    `  Estimate     ${formatSci(estimate.flops)} FLOPs; ${formatHours(estimate.gpuHours.expected)} GPU-hours (${formatHours(estimate.gpuHours.low)}–${formatHours(estimate.gpuHours.high)}); ${formatDuration(estimate.wallDays.expected)} (${formatDuration(estimate.wallDays.low)}–${formatDuration(estimate.wallDays.high)}); ${estimate.costKrw && estimate.costUsd ? `${formatKrw(estimate.costKrw.expected)} (${formatUsd(estimate.costUsd.expected)})` : "no price"} at MFU ${pct(estimate.mfu.expected)} (${pct(estimate.mfu.low)}–${pct(estimate.mfu.high)})`,
    ...c.claims.flatMap((claim) => (claim.claim === "days" ? daysLines(c, claim, paint) : costLines(c, claim, paint))),
    paint.bold(
      `Verdict: ${c.summary}${c.claims.length > 1 ? ` (the claim furthest from its range: ${c.verdictClaim})` : ""}`,
    ),
    "×N = how far the implied figure is from the nearest end of the plausible range (1 inside it); the ratio to the expected value is shown too.",
  ];
  // Labelled lines indent under their label; the rest by two spaces.
  return `${lines.map((l) => wrap(l, TEXT_WIDTH, /^ {2}[A-Z][a-z]+ +\S/.test(l) ? 15 : 2)).join("\n")}\n`;
}
