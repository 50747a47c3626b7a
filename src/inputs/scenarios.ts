import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { closest } from "../util/suggest.js";
import { didYouMean, invalid } from "../errors.js";
import { argument, msg } from "../i18n/message.js";
import { readPreset } from "../catalog/load.js";
import { readJsonFile } from "./read-json-file.js";
import { Scenario, ScenarioFile, ScenarioList, ScenarioPresetsFile } from "./scenario-schema.js";
import { parseWith } from "../catalog/zod-error.js";

/** A scenario and the file it came from (for error messages and the table). */
export interface LoadedScenario {
  scenario: Scenario;
  /** "presets/scenarios.json" or the user's path as typed. */
  origin: string;
}

/** Where the bundled scenarios live, as error messages and the JSON name it. */
export const PRESETS_FILE = "presets/scenarios.json";

/** The bundled scenarios, validated (a small file: the zod parse costs little). */
export function loadScenarioPresets(): Scenario[] {
  return parseWith(ScenarioPresetsFile, readPreset("scenarios.json"), PRESETS_FILE).scenarios;
}

/**
 * A user's scenario file: one scenario object, a list of them, or { "scenarios": [...] } like the
 * bundled file. The shape is chosen from the data so that errors point at the right JSON path.
 */
export function parseScenarioFile(data: unknown, file: string): Scenario[] {
  if (Array.isArray(data)) return parseWith(ScenarioList, data, file);
  if (data !== null && typeof data === "object" && Object.hasOwn(data, "scenarios"))
    return parseWith(ScenarioFile, data, file).scenarios;
  return [parseWith(Scenario, data, file)];
}

/** A name that can only be a file: it has a directory part or a .json ending. */
const looksLikePath = (name: string): boolean => /[/\\]/.test(name) || /\.json$/i.test(name);

/**
 * Resolves each argument to scenarios: a bundled id (any case) first, else a JSON file (a path, or
 * any name that exists as a file). An unknown name is a UsageError with "did you mean".
 */
export function resolveScenarios(
  names: readonly string[],
  presets: readonly Scenario[],
  cwd: string,
): LoadedScenario[] {
  return names.flatMap((name) => {
    const preset = presets.find((s) => s.id === name.trim().toLowerCase());
    if (preset) return [{ scenario: preset, origin: PRESETS_FILE }];
    if (looksLikePath(name) || existsSync(resolve(cwd, name))) {
      return parseScenarioFile(readJsonFile(name, argument("scenario file"), cwd), name).map((scenario) => ({
        scenario,
        origin: name,
      }));
    }
    const ids = presets.map((s) => s.id);
    const guess = closest(name, ids);
    throw invalid(argument("scenario"), name, msg("reason.scenario", { choices: ids }), didYouMean(guess));
  });
}
