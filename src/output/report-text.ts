import type { EnergyAssumption } from "../model/energy.js";
import type { Lang } from "../i18n/lang.js";
import { type MessageArg, msg } from "../i18n/message.js";
import type { MessageCode } from "../i18n/messages-en.js";
import { render } from "../i18n/render.js";
import type { EstimateReport } from "../model/report.js";
import { formatDuration, formatDurationKo, formatDurationRangeKo } from "./format.js";

/**
 * The sentences the estimate and compare reports share across formats (table, Markdown, HTML), said
 * in the output's language from the report catalogue (src/i18n/en/report.ts, ko/report.ts).
 */

/** One catalogue sentence in `lang`. */
export function say(code: MessageCode, lang: Lang, args: Readonly<Record<string, MessageArg>> = {}): string {
  return render(msg(code, args), lang);
}

/** The GPU the report ran on: name, dense peak, memory and count. */
export function gpuLine(report: EstimateReport, lang: Lang): string {
  const { gpu, gpuCount } = report.inputs;
  return say("report.gpu", lang, {
    name: gpu.name,
    tflops: String(gpu.denseTflops16),
    precision: gpu.tensorPrecision,
    memory: String(gpu.memoryGB),
    count: String(gpuCount),
  });
}

/** The memory settings the estimate assumed; `sharding` is already in words ("ZeRO-3", "no sharding"). */
export function memoryLine(report: EstimateReport, lang: Lang, sharding: string): string {
  const m = report.inputs.memory;
  return say("report.memory", lang, {
    seq: String(m.seqLen),
    mb: String(m.microBatch),
    recompute: m.recompute,
    sharding,
    optimizer: m.optimizer,
    flash: m.flashAttention ? "yes" : undefined,
  });
}

/** A wall-clock duration: "14.9 d" in English, "약 15일" in Korean. */
export function duration(days: number, lang: Lang): string {
  return lang === "ko" ? formatDurationKo(days) : formatDuration(days);
}

/** A range of durations: "9.3 d–25.9 d" (or `short` ends) in English, "9.3~26일" in Korean. */
export function durationRange(low: number, high: number, lang: Lang, short = false): string {
  if (lang === "ko") return formatDurationRangeKo(low, high);
  const end = (d: number): string => (short ? formatDuration(d).replace(/ (d|h|min|s)$/, "$1") : formatDuration(d));
  return `${end(low)}–${end(high)}`;
}

/** The grid an energy figure uses, as the output's language names it ("korea, 2025-12-18" / "한국, 2025-12-18"). */
export function gridLabel(energy: EnergyAssumption, lang: Lang): string {
  return (lang === "ko" ? energy.gridLabelKo : undefined) ?? energy.gridLabel ?? "--grid";
}
