import { resolve } from "node:path";
import { useCatalogOverlay } from "../catalog/load.js";
import type { Io } from "./io.js";

/** The environment variable that points the catalog at another directory (the tests' fixture catalog). */
export const PRESETS_DIR_ENV = "LLM_COST_PRESETS_DIR";

/**
 * Points this run's catalog at $LLM_COST_PRESETS_DIR when it is set (relative to the working
 * directory), else at presets/ alone. Called at the start of every run, so one in-process run's
 * setting never leaks into the next.
 */
export function selectCatalog(io: Io): void {
  const dir = io.env[PRESETS_DIR_ENV];
  useCatalogOverlay(dir === undefined || dir === "" ? undefined : resolve(io.cwd, dir));
}
