import { WANDB_COLUMNS } from "../inputs/logs/wandb-csv.js";
import { closest } from "../util/suggest.js";
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { gpuDisplayName } from "../catalog/gpus.js";
import { UsageError, didYouMean, invalid, usage } from "../errors.js";
import { msg, quoted, subject } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import { readBoundedFile } from "../inputs/bounded-read.js";
import { parseLog } from "../inputs/logs/detect-format.js";
import type { LogMeasurement, LogParseOptions } from "../inputs/logs/log-measurement.js";
import { logProblemMessage } from "../inputs/logs/log-problem-message.js";
import { PROFILE_NAME_TEXT } from "../inputs/profile-name.js";
import type { UserProfile } from "../inputs/user-config-schema.js";
import { type Calibration, calibrateJob, logParseOptions } from "../job/calibrate-job.js";
import { calibrationRow, renderCalibrationTable } from "../output/calibrate-output.js";
import { formatNumber } from "../util/number-text.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { jobSpecFromFlags } from "./job-inputs.js";
import { renderListing } from "./listing-output.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";
import { saveProfile } from "./save-profile.js";

interface CalibrateFlags extends OutputFlags {
  log?: string[];
  save?: string;
  config?: string;
}

/** The environment variable that fixes "today" for a saved profile's date (tests, reproducible docs). */
export const TODAY_ENV = "LLM_COST_TODAY";

/** Today as YYYY-MM-DD: $LLM_COST_TODAY when set, else the clock (read here, at the edge). */
function today(io: Io): string {
  return io.env[TODAY_ENV] || new Date().toISOString().slice(0, 10);
}

/** Reads and parses one log; a log that cannot be read or measured is a one-line error naming it. */
function measure(file: string, io: Io, options: LogParseOptions): LogMeasurement {
  const read = readBoundedFile(resolve(io.cwd, file));
  if (!read.ok) throw usage("file.unusable", { file: quoted(file), why: read.why, flag: "--log" });
  const result = parseLog(read.text, file, options);
  if (!result.ok) throw new UsageError(logProblemMessage(result.problem));
  return result.measurement;
}

/** The profile --save stores: the job a calibration measured and its speed. */
function profileOf(c: Calibration, name: string, date: string): UserProfile {
  const inputs = c.projection.inputs;
  return {
    name,
    gpu: c.gpu.id,
    gpuCount: c.gpuCount,
    ...(inputs.model === undefined ? {} : { model: inputs.model }),
    params: inputs.params,
    strategy: c.strategy,
    seqLen: c.seqLen,
    tokensPerSecPerGpu: c.measurement.tokensPerSecPerGpu,
    date,
    source: basename(c.measurement.file),
  };
}

/**
 * --column "tokensPerSecPerGpu=perf/tps_gpu,step=iter": the W&B CSV column of each canonical field,
 * when its name is custom. A field that does not exist is refused with the ones that do.
 */
function parseColumns(text: string): Record<string, string> {
  const fields = Object.keys(WANDB_COLUMNS);
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const at = part.indexOf("=");
    const field = part.slice(0, at).trim();
    const name = part.slice(at + 1).trim();
    if (at < 1 || name === "" || !fields.includes(field))
      throw invalid("column", text, msg("reason.columnMap", { choices: fields }), didYouMean(closest(field, fields)));
    out[field] = name;
  }
  return out;
}

/**
 * Registers `calibrate`: measures training logs (steady-state tokens/s per GPU, step times, implied
 * MFU), sets the default model's speed for the same job beside it, projects the full run at the
 * measured speed, and with --save stores the speed as a profile for --profile. Every log is read
 * and measured before anything is written, so a refused log saves nothing.
 */
export function addCalibrateCommand(program: Command, io: Io): void {
  const command = program
    .command("calibrate")
    .description(
      "measure training logs: steady-state tokens/s per GPU, implied MFU, how far the default model was off, and the full run at the measured speed; --save keeps it as a profile",
    );
  addOptions(command, "calibrate").action(async (flags: CalibrateFlags & Record<string, unknown>) => {
    const logs = flags.log ?? [];
    if (logs.length === 0) throw usage("input.missing", { subject: subject("log"), reason: msg("calibrate.needLog") });
    const name = flags.save;
    if (name !== undefined) {
      if (!PROFILE_NAME_TEXT.test(name)) throw invalid("save", name, msg("calibrate.saveName"));
      if (logs.length !== 1) throw usage("calibrate.saveOneLog", { count: logs.length });
    }
    // --save --config NEW.json creates the file; only an existing one is read as a config.
    const creating = name !== undefined && flags.config !== undefined && !existsSync(resolve(io.cwd, flags.config));
    const spec = await jobSpecFromFlags(creating ? { ...flags, config: undefined } : flags, io);
    const settings = outputSettings(flags, "calibrate", io, spec.files?.config?.config.lang);
    const catalog = loadCatalog();
    const column = flags["column"] === undefined ? undefined : parseColumns(String(flags["column"]));
    const options = { ...logParseOptions(spec, catalog), ...(column ? { column } : {}) };
    const measurements = logs.map((file) => measure(file, io, options));
    const calibrations = measurements.map((m) => calibrateJob(m, spec, catalog));
    const text =
      settings.format === "table"
        ? renderCalibrationTable(calibrations, settings.lang)
        : renderListing(calibrations.map(calibrationRow), settings, () => "");
    let saved: string | undefined;
    if (name !== undefined)
      saved = await saveProfile(io.cwd, flags.config, profileOf(calibrations[0]!, name, today(io)));
    emit(
      io,
      settings,
      text,
      calibrations.flatMap((c) => c.projection.warnings),
    );
    if (saved !== undefined) {
      const c = calibrations[0]!;
      const said = msg("calibrate.saved", {
        name,
        file: quoted(saved),
        tokens: formatNumber(Math.round(c.measurement.tokensPerSecPerGpu)),
        gpus: c.gpuCount,
        gpu: gpuDisplayName(c.gpu),
      });
      io.stderr(`llm-cost: ${render(said, settings.lang)}\n`);
    }
  });
}
