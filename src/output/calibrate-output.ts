import { daysRange, rangeText } from "./plan-check-units.js";
import { gpuDisplayName } from "../catalog/gpus.js";
import type { Lang } from "../i18n/lang.js";
import { type Message, msg, quoted } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import { displayWidth } from "../i18n/width.js";
import type { Calibration } from "../job/calibrate-job.js";
import type { Range } from "../model/range.js";
import { formatNumber, formatSignificant } from "../util/number-text.js";
import {
  formatCount,
  formatDuration,
  formatDurationKo,
  formatHours,
  formatKrw,
  formatKrwShort,
  formatSci,
  formatUsd,
  formatUsdShort,
} from "./format.js";
import type { SheetCell, SheetRow } from "./sheet.js";

const LOG_FORMAT_NAMES: Readonly<Record<string, string>> = {
  "hf-trainer": "Hugging Face Trainer",
  torchtune: "torchtune",
  megatron: "Megatron-LM/NeMo",
  "wandb-csv": "W&B CSV",
};

const range = (name: string, r: Range | null): Record<string, SheetCell> => ({
  [`${name}_low`]: r?.low ?? null,
  [`${name}_expected`]: r?.expected ?? null,
  [`${name}_high`]: r?.high ?? null,
});

/**
 * One log's calibration as a row (JSON, CSV, TSV, Markdown): what was measured, the model's speed
 * for the same job, and the full run projected at the measured speed. Units are in the names.
 */
export function calibrationRow(c: Calibration): SheetRow {
  const m = c.measurement;
  const p = c.projection;
  const e = p.estimates[0]!;
  return {
    file: m.file,
    format: m.format,
    basis: m.basis,
    steps: m.steps,
    warmup_steps_skipped: m.warmupStepsSkipped,
    last_step: m.lastStep,
    tokens_per_sec_per_gpu: m.tokensPerSecPerGpu,
    step_time_median_s: m.stepTimeSec?.median ?? null,
    step_time_p10_s: m.stepTimeSec?.p10 ?? null,
    step_time_p90_s: m.stepTimeSec?.p90 ?? null,
    gpu: gpuDisplayName(c.gpu),
    gpu_id: c.gpu.id,
    gpus: c.gpuCount,
    seq_len: c.seqLen,
    peak_memory_gb: m.peakMemoryGB ?? null,
    model: p.inputs.model ?? null,
    params: p.inputs.params,
    strategy: c.strategy,
    flops_per_token: c.flopsPerToken,
    gpu_peak_tflops: c.gpu.denseTflops16,
    implied_mfu: c.impliedMfu,
    logged_mfu: c.loggedMfu ?? null,
    model_tokens_per_sec_per_gpu: c.modelTokensPerSecPerGpu,
    model_over_measured: c.modelOverMeasured,
    tokens: p.inputs.tokens,
    goodput: e.efficiency.goodput.value,
    price_usd_per_gpu_hour: p.price?.usdPerGpuHour ?? null,
    ...range("gpu_hours", e.gpuHours),
    ...range("wall_days", e.wallDays),
    ...range("cost_usd", e.costUsd),
    ...range("cost_krw", e.costKrw),
    krw_per_usd: p.fx.krwPerUsd,
  };
}

const pct = (x: number): string => `${formatSignificant(x * 100, 3)}%`;
const sec = (x: number): string => formatSignificant(x, 3);

/** The projection's line: GPU-hours, days and money, each with its range. */
function projection(c: Calibration, lang: Lang): Message {
  const e = c.projection.estimates[0]!;
  const days = lang === "ko" ? formatDurationKo : formatDuration;
  const money =
    e.costKrw && e.costUsd
      ? lang === "ko"
        ? `${formatKrw(e.costKrw.expected)} (${rangeText(formatKrwShort(e.costKrw.low), formatKrwShort(e.costKrw.high), lang)}), ${formatUsd(e.costUsd.expected)}`
        : `${formatUsd(e.costUsd.expected)} (${formatUsdShort(e.costUsd.low)}–${formatUsdShort(e.costUsd.high)}), ${formatKrw(e.costKrw.expected)}`
      : undefined;
  return msg("calibrate.projection", {
    tokens: formatCount(c.projection.inputs.tokens),
    goodput: pct(e.efficiency.goodput.value),
    hours: formatHours(e.gpuHours.expected),
    hoursRange: rangeText(formatHours(e.gpuHours.low), formatHours(e.gpuHours.high), lang),
    days: days(e.wallDays.expected),
    daysRange:
      lang === "ko"
        ? daysRange(e.wallDays.low, e.wallDays.high, lang)
        : `${days(e.wallDays.low)}–${days(e.wallDays.high)}`,
    cost: money,
  });
}

/** One log as the table shows it: a heading, then labelled lines. */
function block(c: Calibration, lang: Lang): string {
  const m = c.measurement;
  const say = (message: Message) => render(message, lang);
  const gpu = gpuDisplayName(c.gpu);
  const measured = [
    say(msg("calibrate.speed", { tokens: formatNumber(Math.round(m.tokensPerSecPerGpu)) })),
    ...(m.stepTimeSec
      ? [
          say(
            msg("calibrate.stepTime", {
              median: sec(m.stepTimeSec.median),
              p10: sec(m.stepTimeSec.p10),
              p90: sec(m.stepTimeSec.p90),
            }),
          ),
        ]
      : []),
    say(msg("calibrate.cluster", { gpus: c.gpuCount, gpu, seqLen: formatNumber(c.seqLen) })),
    ...(m.peakMemoryGB === undefined
      ? []
      : [say(msg("calibrate.peakMemory", { gb: formatSignificant(m.peakMemoryGB, 3) }))]),
  ].join(" · ");
  const lines: Array<[Message, string]> = [
    [msg("calibrate.labelMeasured"), measured],
    [
      msg("calibrate.labelMfu"),
      say(
        msg("calibrate.impliedMfu", {
          mfu: pct(c.impliedMfu),
          gpu,
          tflops: formatNumber(c.gpu.denseTflops16),
          flops: formatSci(c.flopsPerToken),
          logged: c.loggedMfu === undefined ? undefined : pct(c.loggedMfu),
        }),
      ),
    ],
    [
      msg("calibrate.labelModel"),
      say(
        msg("calibrate.modelOff", {
          model: formatNumber(Math.round(c.modelTokensPerSecPerGpu)),
          ratio: formatSignificant(c.modelOverMeasured, 3),
        }),
      ),
    ],
    [msg("calibrate.labelProjection"), say(projection(c, lang))],
  ];
  const labels = lines.map(([label]) => say(label));
  const width = Math.max(...labels.map(displayWidth));
  const heading = say(
    msg("calibrate.heading", {
      file: quoted(m.file),
      format: LOG_FORMAT_NAMES[m.format] ?? m.format,
      basis: m.basis,
      steps: m.steps,
      warmup: m.warmupStepsSkipped,
      last: m.lastStep,
    }),
  );
  const body = lines.map(([, text], i) => `  ${labels[i]}${" ".repeat(width - displayWidth(labels[i]!) + 2)}${text}`);
  return [heading, ...body].join("\n");
}

/** Every log's calibration as the table format prints it, a blank line between logs. */
export function renderCalibrationTable(calibrations: readonly Calibration[], lang: Lang): string {
  return `${calibrations.map((c) => block(c, lang)).join("\n\n")}\n`;
}
