import type { Catalog } from "../catalog/load.js";
import { UsageError, usage } from "../errors.js";
import { type Message, msg } from "../i18n/message.js";
import type { LoadedScenario } from "../inputs/scenarios.js";
import type { CompareRow } from "../output/compare-table.js";
import { scenarioLayer } from "./file-layers.js";
import { resolveJob } from "./resolve-job.js";
import { specFrom } from "./spec-from-flags.js";
import type { JobFiles } from "./spec.js";

/**
 * The flags that describe a job itself (model, data, strategy). Given to compare, they make an
 * ad-hoc row beside the named scenarios; the other flags (GPUs, price, settings) apply to every row.
 */
const JOB_DEFINING = [
  "model",
  "params",
  "activeParams",
  "modelConfig",
  "from",
  "addVocab",
  "vocab",
  "tokens",
  "corpus",
  "bytesPerToken",
  "corpusLang",
  "examples",
  "tokensPerExample",
  "epochs",
  "strategy",
] as const;

/** The flags without the job-defining ones: what applies to a named scenario. */
function sharedFlags(flags: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const shared: Record<string, unknown> = { ...flags };
  for (const key of JOB_DEFINING) delete shared[key];
  return shared;
}

/** One named scenario's row; a problem names the scenario and its file. */
export function scenarioRow(
  loaded: LoadedScenario,
  flags: Readonly<Record<string, unknown>>,
  files: JobFiles,
  catalog: Catalog,
  today?: string,
): CompareRow {
  const { scenario, origin } = loaded;
  const spec = specFrom(
    sharedFlags(flags),
    { ...(files.config ? { config: files.config } : {}) },
    scenarioLayer(loaded),
    today,
  );
  try {
    return { name: scenario.id, title: scenario.title, origin, report: resolveJob(spec, catalog) };
  } catch (error) {
    if (!(error instanceof UsageError) || namesScenario(error.said, scenario.id)) throw error;
    const missingGpus = error.said.code === "input.missing" && !spec.gpus;
    throw usage("file.scenario", {
      id: scenario.id,
      file: origin,
      detail: missingGpus ? msg("hint.scenarioNeedsGpus") : error.said,
    });
  }
}

/** Whether the flags describe a job of their own (a row beside the named scenarios). */
export function hasJobFlags(flags: Readonly<Record<string, unknown>>): boolean {
  return JOB_DEFINING.some((key) => flags[key] !== undefined);
}

/**
 * The rows: each named scenario (already read), then the job the flags describe, one row per
 * strategy. Pure: the files were read at the edge and the catalog is given.
 */
export function compareRows(
  loaded: readonly LoadedScenario[],
  flags: Readonly<Record<string, unknown>>,
  files: JobFiles,
  catalog: Catalog,
  label?: string,
  today?: string,
): CompareRow[] {
  if (loaded.length === 0 && !hasJobFlags(flags))
    throw usage("input.missing", { subject: "scenarios", reason: msg("missing.scenarios") });
  const rows = loaded.map((l) => scenarioRow(l, flags, files, catalog, today));
  if (hasJobFlags(flags)) {
    const report = resolveJob(specFrom(flags, files, {}, today), catalog);
    const name = label ?? "job";
    for (const e of report.estimates)
      rows.push({
        name: report.estimates.length > 1 ? `${name}-${e.strategy}` : name,
        title: "from the command line",
        origin: "flags",
        report: { ...report, estimates: [e] },
      });
  }
  return rows;
}

/** Whether a message already says which scenario it is about (its subject's origin is that scenario). */
function namesScenario(said: Message, id: string): boolean {
  return Object.values(said.args).some(
    (arg) =>
      typeof arg === "object" &&
      arg !== null &&
      "kind" in arg &&
      ((arg.kind === "subject" && arg.origin?.kind === "scenario" && arg.origin.id === id) ||
        (arg.kind === "message" && namesScenario(arg, id))),
  );
}
