import type { Args } from "../catalogue-types.js";

/**
 * English: the sentences of the estimate and compare reports (table footer, Markdown, HTML,
 * --explain, the JSON's notes) and how a token count was arrived at. The Korean twin is ../ko/report.ts.
 */

export const REPORT_EN = {
  // --- How the token count was arrived at (src/model/token-source.ts gives the numbers).
  "tokens.given": () => "given",
  "tokens.chinchilla": (a: Args) =>
    `${a.perParam} tokens per parameter × ${a.params} parameters = ${a.tokens} tokens ` +
    "(Chinchilla, Hoffmann et al. 2022, read from Table 3: the compute-optimal amount for training from scratch; " +
    "not a target for continued pretraining (DAPT/TAPT) or SFT, which start from a trained model)",
  "tokens.corpus": (a: Args) => `${a.bytes} bytes ÷ ${a.bytesPerToken} bytes per token = ${a.tokens} tokens`,
  "tokens.corpusLanguage": (a: Args) =>
    `${a.corpus} (${a.language}: ${a.tokenizer}; ${a.measured ? "measured" : "an assumption, not a measurement"})`,
  "tokens.sft": (a: Args) =>
    `${a.examples} examples × ${a.tokensPerExample} tokens per example × ${a.epochs} epochs = ${a.tokens} tokens ` +
    "(tokens per example counts the prompt as well as the answer, because masking the prompt's loss does not skip " +
    "its compute, and padding unless sequences are packed)",

  // --- The estimate table: the settings under each row, --from, the footer lines.
  "report.settings": (a: Args) => `mb ${a.mb} · recompute ${a.recompute}${a.tp ? ` · TP ${a.tp}` : ""}`,
  "report.fromTitle": (a: Args) => `From ${a.file} (${a.trainer})`,
  "report.fromUsed": (a: Args) => `used: ${a.list}`,
  "report.fromIgnored": (a: Args) => `ignored: ${a.list}`,
  "report.fromAssumed": (a: Args) => `assumed (trainer defaults): ${a.list}`,
  "report.fromNote": (a: Args) => `note: ${a.note}`,
  "report.none": () => "none",
  "report.gpu": (a: Args) =>
    `${a.name}: ${a.tflops} TFLOPS dense ${a.precision}, ${a.memory} GB; ${a.count} GPU${a.count === "1" ? "" : "s"}`,
  "report.energy": (a: Args) =>
    `${a.tdp} W TDP ${a.times} PUE ${a.pue}; grid ${a.grid} g CO2/kWh (${a.label})${a.upperBound ? `; ${a.upperBound}` : ""}`,
  "report.memory": (a: Args) =>
    `seq ${a.seq}, micro-batch ${a.mb}, recompute ${a.recompute}, ${a.sharding}, ${a.optimizer}${a.flash ? ", FlashAttention" : ""}`,
  "report.efficiencyRange": (a: Args) => `MFU ${a.mfu} (range ${a.low}–${a.high})`,

  // --- Markdown (estimate and compare).
  "md.rangeNote": (a: Args) =>
    `Expected value with the range in brackets (the 80 % interval of the model's out-of-sample errors: on published whole runs for multi-node jobs, on measured fine-tuning speeds for single-node ones). GPU-hours are totals over all GPUs; wall-clock is elapsed time; ${a.costs ?? "costs exclude VAT"}.`,
  "md.gpu": (a: Args) => `- GPU: ${a.name}, ${a.tflops} TFLOPS dense ${a.precision}, ${a.memory} GB; ${a.count} GPUs`,
  "md.efficiency": (a: Args) => `- Efficiency (${a.strategies}): ${a.text}`,
  "md.price": (a: Args) => `- Price${a.gpu ? ` (${a.gpu})` : ""}: ${a.usd} per GPU-hour — ${a.rule}; dated ${a.date}`,
  "md.noPrice": (a: Args) => `- Price${a.gpu ? ` (${a.gpu})` : ""}: ${a.text}`,
  "md.fx": (a: Args) => `- Exchange rate: ${a.rate} KRW per USD (${a.date}${a.source ? `; ${a.source}` : ""})`,
  "md.energy": (a: Args) => `- Energy: ${a.tdp} W TDP × PUE ${a.pue}; grid ${a.grid} g CO2/kWh (${a.source})`,
  "md.madeWith": () => "Made with llm-cost.",

  // --- The HTML report.
  "html.title": (a: Args) => `${a.params} parameters × ${a.tokens} tokens on ${a.count} × ${a.gpu}`,
  "html.subtitle": (a: Args) => `${a.gpuName} · ${a.model} · tokens ${a.basis}`,
  "html.row": (a: Args) => `${a.name}: ${a.description} · trains ${a.trains} · MFU ${a.mfu}`,
  "html.rangeNote": (a: Args) =>
    `Each cell: expected value, and below it the range (low–high). GPU-hours are totals over all GPUs; wall-clock is elapsed time; ${a.costs ?? "costs exclude VAT"}.`,
  "html.rangeBasis": () =>
    "The range is the 80 % interval of the model's out-of-sample errors (published whole runs for multi-node jobs, measured fine-tuning speeds for single-node ones) around the prediction.",
  "html.efficiency": (a: Args) => `Efficiency (${a.ids})`,
  "html.price": (a: Args) => `${a.gpu ? `${a.gpu}: ` : ""}${a.usd} per GPU-hour: ${a.rule}; dated ${a.date}`,
  "html.noPrice": () => "no price known for this GPU: cost left empty",
  "html.noPriceOf": (a: Args) => `${a.gpu}: no price known, cost left empty`,
  "html.fx": (a: Args) => `${a.rate} KRW per USD (${a.date}; ${a.source})`,
  "html.gbNote": () => "GB = 1e9 bytes",
  "html.tooBig": (a: Args) =>
    `${a.strategy} needs ${a.need} GB per GPU; ${a.gpu} has ${a.has} GB${a.zero3 ? ` (fits on ≥ ${a.zero3} with ZeRO-3)` : ""}`,
  "html.compareTitle": (a: Args) => `Comparison of ${a.count} scenario${a.count === "1" ? "" : "s"}`,
  "html.compareRow": (a: Args) =>
    `${a.strategy} · ${a.count} × ${a.gpu} · ${a.params} params × ${a.tokens} tokens · MFU ${a.mfu}${a.title ? ` · ${a.title}` : ""}`,
  "html.label.gpu": () => "GPU",
  "html.label.price": () => "Price",
  "html.label.fx": () => "Exchange rate",
  "html.label.energy": () => "Energy",
  "html.label.memory": () => "Memory",
  "html.col.flops": () => "FLOPs",
  "html.col.gpuHours": () => "GPU-hours",
  "html.col.wallClock": () => "Wall-clock",
  "html.col.memory": () => "Memory/GPU",
  "html.col.costKrw": () => "Cost (₩)",
  "html.col.costUsd": () => "Cost ($)",
  "html.fits": () => "fits",
  "html.tooBigCell": () => "too big",
  "html.heading.estimate": () => "Estimate",
  "html.heading.notes": () => "Notes",
  "html.heading.charts": () => "Cost and wall-clock",
  "html.heading.assumptions": () => "Assumptions",
  "html.chart.cost": () => "Cost in won (₩), expected with range",
  "html.chart.days": () => "Wall-clock time, expected with range",
  "html.caption.cost": () => "Cost (₩)",
  "html.caption.days": () => "Wall-clock",
  "html.barNote": () => "Bar: expected value. Whisker: range, low–high. Each chart is scaled to its largest value.",
  "html.madeWith": (a: Args) => `Made with ${a.by}.`,

  // --- The line under each compared scenario.
  "compare.detail": (a: Args) =>
    `${a.strategy} · ${a.count} × ${a.gpu} · ${a.flops} FLOPs · MFU ${a.mfu} · ${a.params} params${a.model ? ` (${a.model})` : ""}${a.title ? ` · ${a.title}` : ""}`,

  // --- --explain: the derivation of each expected figure.
  "explain.heading": () => "How each expected figure is derived",
  "explain.strategy": (a: Args) => `${a.strategy} (${a.description})`,
  "explain.trained": (a: Args) => `${a.trainable} trainable`,
  "explain.trainedOnPath": (a: Args) =>
    `${a.onPath} trainable on a token's path (of ${a.trainable}: the routed experts' adapters)`,
  "explain.perTokenFull": (a: Args) => `6 x ${a.params} parameters = ${a.perToken} FLOPs per token`,
  "explain.perTokenAdapter": (a: Args) =>
    `4 x ${a.frozen} frozen${a.added ? ` (the ${a.params} parameters less ${a.added} new vocabulary rows, which train)` : ""} + 6 x ${a.trained} = ${a.perToken} FLOPs per token`,
  "explain.step1": (a: Args) => `  1. FLOPs per token: ${a.perToken}`,
  "explain.step2": (a: Args) => `  2. total FLOPs: ${a.perToken} x ${a.tokens} tokens = ${a.flops}`,
  "explain.step3": (a: Args) =>
    `  3. speed during training steps: ${a.speed} tokens/s per GPU, i.e. MFU ${a.mfu} = ${a.speed} x ${a.perToken} / ${a.peak}e12 (${a.basis})`,
  "explain.step4": (a: Args) => `  4. goodput: ${a.goodput} of the paid GPU time is training steps`,
  "explain.step5": (a: Args) =>
    `  5. GPU-hours: ${a.tokens} tokens / ${a.speed} tokens/s / 3600 / ${a.goodput} = ${a.hours} GPU-hours (whole-run MFU ${a.mfu})`,
  "explain.step6": (a: Args) => `  6. wall-clock: ${a.hours} / ${a.gpus} GPUs / 24 = ${a.days} days`,
  "explain.noPrice": () => "  7. dollars and won: no price known for this GPU",
  "explain.step7": (a: Args) =>
    `  7. dollars: ${a.hours} x ${a.price} per GPU-hour${a.vat ? ` x ${a.vat} (VAT)` : ""} = ${a.usd}`,
  "explain.step8": (a: Args) => `  8. won: ${a.usd} x ${a.fx} KRW/USD = ${a.krw}`,
  "explain.step9": (a: Args) =>
    `  9. energy: ${a.hours} x ${a.kw} kW x PUE ${a.pue} = ${a.kwh} kWh; x ${a.grid} g/kWh = ${a.co2} kg CO2`,

  // --- The JSON's notes for people.
  "json.memoryNote": (a: Args) =>
    "memory per GPU in GB (1e9 bytes): mixed-precision AdamW = 16 bytes/param (bf16 weights 2 + bf16 grads 2 + fp32 master, m, v 12); activations after Korthikanti et al. 2022 with FlashAttention; overhead = 1.5 GB CUDA context + 10% of activations + ZeRO-3 gather buffers; fits = at most the GPU's marketed GB" +
    (a.generic
      ? "; shape: a generic LLaMA-like model of this size (give --model or --model-config for the exact one)"
      : ""),
  "json.energyNote": () =>
    "GPU energy at rated TDP x PUE: overstates a partly busy GPU, leaves out host CPUs and network beyond PUE",
  "json.peakPrecision": (a: Args) => `dense ${a.precision} (no 2:4 sparsity)`,
} satisfies Record<string, (a: Args) => string>;
