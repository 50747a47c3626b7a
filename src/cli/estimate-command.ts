import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { gpuDisplayName } from "../catalog/gpus.js";
import { given, type JobSpec } from "../job/spec.js";
import { resolveJob } from "../job/resolve-job.js";
import type { EstimateReport } from "../model/report.js";
import type { InverseJson } from "../output/inverse-json.js";
import { renderInverseLines } from "../output/inverse-lines.js";
import { renderEstimateMarkdown } from "../output/estimate-markdown.js";
import { renderEstimateTable } from "../output/estimate-table.js";
import { renderExplain } from "../output/explain.js";
import { renderHtmlReport, reportFromEstimate } from "../output/html-report.js";
import type { Paint } from "../output/paint.js";
import { jobRow, renderSheet, type SheetCell } from "../output/sheet.js";
import { toEstimateJson } from "../output/to-estimate-json.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import { buildInverse } from "./estimate-inverse.js";
import type { Io } from "./io.js";
import { jobSpecFromFlags } from "./job-inputs.js";
import { type OutputFlags, type OutputSettings, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";

interface EstimateOwnFlags extends OutputFlags {
  explain?: boolean;
  budget?: string;
  deadline?: string;
}

/** The same job on another cluster ("25xh100-sxm"), through the one resolver: --deadline tries counts. */
export function jobAt(spec: JobSpec): (gpus: string) => EstimateReport {
  return (gpus) => resolveJob({ ...spec, gpus: given(gpus, { kind: "plan" }) }, loadCatalog());
}

/** --budget and --deadline as a strategy row's own columns: tokens the budget buys, GPUs the deadline needs. */
function inverseCells(inverse: InverseJson | undefined, strategy: string): Record<string, SheetCell> {
  const bought = inverse?.budget?.strategies.find((s) => s.strategy === strategy)?.tokens;
  const needed = inverse?.deadline?.strategies.find((s) => s.strategy === strategy);
  return {
    ...(bought
      ? { budget_tokens_low: bought.low, budget_tokens_expected: bought.expected, budget_tokens_high: bought.high }
      : {}),
    ...(inverse?.deadline
      ? {
          deadline_days: inverse.deadline.days,
          deadline_gpus_needed: needed?.gpusNeeded ?? null,
          deadline_wall_days: needed?.wallDays ?? null,
        }
      : {}),
  };
}

/** Renders a report in one of the output formats (pure). */
export function renderEstimate(
  report: EstimateReport,
  settings: OutputSettings,
  paint: Paint,
  extra: { explain?: boolean; inverse?: InverseJson | undefined } = {},
): string {
  // --budget / --deadline: an "inverse" block in the JSON, lines under the table or Markdown.
  const inverse = extra.inverse;
  const under = inverse ? `\n${renderInverseLines(inverse, gpuDisplayName(report.inputs.gpu))}` : "";
  const label = settings.label ?? "";
  switch (settings.format) {
    case "json": {
      const json = { ...(settings.label === undefined ? {} : { label }), ...toEstimateJson(report, settings.lang) };
      return `${JSON.stringify(inverse ? { ...json, inverse } : json, null, 2)}\n`;
    }
    case "markdown":
      return renderEstimateMarkdown(report, settings.lang) + under;
    case "html": {
      const doc = reportFromEstimate(report);
      return renderHtmlReport(inverse ? { ...doc, notes: [...(doc.notes ?? []), ...under.trim().split("\n")] } : doc);
    }
    case "csv":
    case "tsv":
      return renderSheet(
        report.estimates.map((e) => jobRow(report, e, label, inverseCells(inverse, e.strategy))),
        settings.format,
        settings.header,
      );
    case "table":
      return renderEstimateTable(report, paint, settings) + under + (extra.explain ? `\n${renderExplain(report)}` : "");
  }
}

/** Registers `estimate` on the program; the action renders to io and leaves exit code 0. */
export function addEstimateCommand(program: Command, io: Io): void {
  const command = program
    .command("estimate")
    .description("FLOPs, GPU-hours, wall-clock days, memory and cost in won and dollars for each training strategy");
  addOptions(command, "estimate").action(async (flags: EstimateOwnFlags & Record<string, unknown>) => {
    const spec = await jobSpecFromFlags(flags, io);
    const settings = outputSettings(flags, "estimate", io, spec.files?.config?.config.lang);
    const report = resolveJob(spec, loadCatalog());
    const inverse = buildInverse(flags, report, jobAt(spec));
    const text = renderEstimate(report, settings, await paintFor(io, settings.color), {
      explain: flags.explain === true,
      inverse,
    });
    emit(io, settings, text, report.warnings);
  });
}
