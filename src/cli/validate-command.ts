import type { Command } from "commander";
import { readPreset } from "../catalog/load.js";
import { PublishedRunsFile } from "../catalog/run-schema.js";
import { parseWith } from "../catalog/zod-error.js";
import { calibrationRuns, fp8FactorFromBenchmarks, validate, validateBaseline } from "../core/calibration.js";
import { renderValidation, validationCsv, validationJson, type ValidationReport } from "../output/validation.js";
import { parseChoice } from "./choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";

const VALIDATE_FORMATS = ["table", "json", "csv"] as const;

/** Builds the validation report from the bundled runs (pure apart from reading the preset). */
export function buildValidationReport(): ValidationReport {
  const runs = parseWith(PublishedRunsFile, readPreset("published-runs.json"), "presets/published-runs.json").runs;
  const full = calibrationRuns(runs);
  const fp8Factor = fp8FactorFromBenchmarks(runs);
  const { rows, summary } = validate(full, fp8Factor);
  return { runs, rows, summary, baseline: validateBaseline(full), fp8Factor };
}

/** Registers `validate`: how well the default efficiency predicts published runs it was not fitted on. */
export function addValidateCommand(program: Command, io: Io): void {
  program
    .command("validate")
    .description("compare the default estimate with every bundled published run, out of sample (leave-one-out)")
    .option("--format <format>", `output: ${VALIDATE_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action((flags: { format: string; color: boolean }) => {
      const format = parseChoice(flags.format, VALIDATE_FORMATS, "--format");
      const report = buildValidationReport();
      if (format === "json") io.stdout(`${JSON.stringify(validationJson(report), null, 2)}\n`);
      else if (format === "csv") io.stdout(validationCsv(report));
      else io.stdout(renderValidation(report, paintFor(io, flags.color)));
    });
}
