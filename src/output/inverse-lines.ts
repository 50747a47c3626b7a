import { formatNumber } from "../util/number-text.js";
import type { Range } from "../model/range.js";
import { formatCount, formatDuration, formatHours, formatSci, significant } from "./format.js";
import type { InverseJson } from "./inverse-json.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

const pct = (x: number): string => `${significant(x * 100, 2)}%`;
const countRange = (r: Range): string => `${formatCount(r.low)}–${formatCount(r.high)}`;
const n = (x: number): string => formatNumber(x);

/** "Budget         text" / "  scratch      text": a label column 15 wide, as in the Assumptions block. */
const labelled = (label: string, text: string): string => `${label.padEnd(LABEL_WIDTH - 1)} ${text}`;
const LABEL_WIDTH = 15;

function budgetLines(
  b: NonNullable<InverseJson["budget"]>,
  gpuName: string,
  deadline: InverseJson["deadline"],
): string[] {
  const lines = [
    labelled(
      "Budget",
      `${b.text} rents ${formatHours(b.gpuHours)} GPU-hours at $${b.usdPerGpuHour.toFixed(2)} per GPU-hour: ${formatDuration(b.wallDays)} on ${b.gpuCount} × ${gpuName}`,
    ),
    ...b.strategies.map((s) =>
      labelled(`  ${s.strategy}`, `trains ${formatCount(s.tokens.expected)} tokens (${countRange(s.tokens)})`),
    ),
  ];
  const c = b.chinchilla;
  if (c) {
    lines.push(
      labelled(
        "  Chinchilla",
        `that compute (${formatSci(c.computeFlops.expected)} FLOPs at ${c.strategy}'s MFU ${pct(c.mfu.expected)}) is compute-optimal for a ` +
          `${formatCount(c.params.expected)}-parameter model on ${formatCount(c.tokens.expected)} tokens (${countRange(c.params)} parameters): ` +
          "N = √(C / 120) from C = 6·N·D and D = 20·N, a rule for training from scratch only",
      ),
    );
  }
  if (b.gpusToSpendByDeadline !== null && deadline) {
    lines.push(
      labelled(
        `  In ${deadline.text}`,
        `spending it all takes ${n(b.gpusToSpendByDeadline)} × ${gpuName} (GPU-hours / 24 / days)`,
      ),
    );
  }
  return lines;
}

function deadlineLines(d: NonNullable<InverseJson["deadline"]>, gpuName: string): string[] {
  return [
    labelled(
      "Deadline",
      `${d.text}: the fewest GPUs that fit in memory and finish within ${significant(d.days, 4)} days, each count estimated in full (range: at the optimistic and pessimistic ends)`,
    ),
    ...d.strategies.map((s) => {
      if (s.gpusNeeded === null || s.wallDays === null)
        return labelled(
          `  ${s.strategy}`,
          `no count of ${gpuName} that the global batch keeps busy finishes in time and fits`,
        );
      const r = s.gpusNeededRange;
      const range = r === null || r.low === r.high ? "" : ` (${n(r.low)}–${n(r.high)})`;
      const memory =
        s.fits === null
          ? "memory not checked at that count"
          : s.fits
            ? `fits (${significant(s.perGpuGB!, 3)} GB per GPU)`
            : `does not fit (${significant(s.perGpuGB!, 3)} GB per GPU)${s.minGpusWithZero3 === null ? ": no count holds it" : `: needs ≥ ${n(s.minGpusWithZero3)} with ZeRO-3`}`;
      return labelled(
        `  ${s.strategy}`,
        `${n(s.gpusNeeded)} × ${gpuName}${range} → ${formatDuration(s.wallDays)}; ${memory}`,
      );
    }),
  ];
}

/** The lines `estimate --budget/--deadline` prints under the table. */
export function renderInverseLines(inverse: InverseJson, gpuName: string): string {
  const lines = [
    ...(inverse.budget ? budgetLines(inverse.budget, gpuName, inverse.deadline) : []),
    ...(inverse.deadline ? deadlineLines(inverse.deadline, gpuName) : []),
  ];
  return `${lines.map((l) => wrap(l, TEXT_WIDTH, LABEL_WIDTH)).join("\n")}\n`;
}
