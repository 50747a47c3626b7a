import type { Command } from "commander";
import { catalogOverlay, loadCatalog, readPreset } from "../catalog/load.js";
import { parseWith } from "../catalog/zod-error.js";
import { genericArchitecture } from "../model/architecture.js";
import { renderValidation, validationJson, validationRows, type ValidationReport } from "../output/accuracy-report.js";
import { emit } from "./emit.js";
import { msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { SheetCell } from "../output/sheet.js";
import { renderListing } from "./listing-output.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";

/**
 * Validation refits the model once per held-out source and row (about a second): the report depends
 * only on the catalog's files, so a process computes it once per catalog.
 */
const reports = new Map<string, Promise<ValidationReport>>();

/** The validation report for the catalog in use, computed once per process. */
export function validationReport(): Promise<ValidationReport> {
  const key = catalogOverlay() ?? "";
  if (!reports.has(key)) reports.set(key, buildValidationReport());
  return reports.get(key)!;
}

/** Builds the validation report from the bundled evidence (pure apart from reading the presets). */
export async function buildValidationReport(): Promise<ValidationReport> {
  // The files are checked with zod, imported only by the commands that read them (start-up: `npm run bench`).
  const [
    { PublishedRunsFile },
    { ThroughputFile, ThroughputMeasurementsFile },
    { parseFinetuneMeasured, resolveArchitecture, validateMemory },
    { throughputAccuracy },
  ] = await Promise.all([
    import("../catalog/run-schema.js"),
    import("../catalog/throughput-schema.js"),
    import("../accuracy/memory-accuracy.js"),
    import("../accuracy/throughput-accuracy.js"),
  ]);
  const runs = parseWith(PublishedRunsFile, readPreset("published-runs.json"), "presets/published-runs.json").runs;
  const measurements = parseWith(
    ThroughputMeasurementsFile,
    readPreset("throughput-measurements.json"),
    "presets/throughput-measurements.json",
  ).rows;
  const file = parseWith(ThroughputFile, readPreset("throughput.json"), "presets/throughput.json");
  const catalog = loadCatalog();
  const measured = parseFinetuneMeasured(readPreset("finetune-measured.json")).rows;
  const presets = new Map(catalog.models.map((m) => [m.id, m.arch]));
  const memory = validateMemory(measured, (row) =>
    row.memoryInput ? resolveArchitecture(row, (id) => presets.get(id)) : genericArchitecture(row.paramsB * 1e9),
  );
  return {
    accuracy: throughputAccuracy({ measurements, runs, gpus: catalog.gpus, file }),
    memory,
    measured,
    runs,
    measurements,
  };
}

/** A validate cell in Korean: the method, the kind of a memory figure and its basis in words. */
function validationCellKo(column: string, value: SheetCell): SheetCell {
  return (column === "training" || column === "kind" || column === "basis") && typeof value === "string"
    ? render(msg("list.validate.term", { term: value }), "ko")
    : value;
}

/** Registers `validate`: how well the throughput model predicts runs and measurements it was not fitted on. */
export function addValidateCommand(program: Command, io: Io): void {
  const command = program
    .command("validate")
    .description(
      "compare the default estimate with every bundled published run and speed measurement, out of sample (leave one source out)",
    );
  addOptions(command, "validate").action(async (flags: OutputFlags & { memory?: boolean; speed?: boolean }) => {
    const settings = outputSettings(flags, "validate", io);
    const section = flags.memory && flags.speed ? "all" : flags.memory ? "memory" : flags.speed ? "speed" : "all";
    const report = await validationReport();
    const paint = await paintFor(io, settings.color);
    const text =
      settings.format === "json"
        ? `${JSON.stringify(settings.label === undefined ? validationJson(report) : { label: settings.label, ...validationJson(report) }, null, 2)}\n`
        : renderListing(
            validationRows(report, section),
            settings,
            () => renderValidation(report, paint, section, settings.lang),
            { korean: { cell: (column, value) => validationCellKo(column, value) } },
          );
    emit(io, settings, text, []);
  });
}
