import { loadCatalog } from "../../src/catalog/load.js";
import { specFrom } from "../../src/job/spec-from-flags.js";
import { resolveJob } from "../../src/job/resolve-job.js";
import type { JobFiles } from "../../src/job/spec.js";
import type { EstimateReport } from "../../src/model/report.js";

/** The report for a job given as flags would give it ({ params: "7B", gpus: "2xH100" }), through the one resolver. */
export function estimateFromFlags(flags: Readonly<Record<string, unknown>>, files: JobFiles = {}): EstimateReport {
  return resolveJob(specFrom(flags, files), loadCatalog());
}
