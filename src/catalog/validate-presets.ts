import { readdirSync } from "node:fs";
import { parseFinetuneMeasured } from "../accuracy/memory-accuracy.js";
import { parseCorpusLanguages } from "./corpus-schema.js";
import { checkCatalog, PRESETS_DIR, readPreset, type Catalog } from "./load.js";
import { parseModelCatalog } from "./model-schema.js";
import { PublishedRunsFile } from "./run-schema.js";
import { ScenarioPresetsFile } from "../inputs/scenario-schema.js";
import {
  EnergyFile,
  FxFile,
  GpuCatalogFile,
  PriceCatalogFile,
  StrategyFile,
  TaxFile,
  UnpricedProvidersFile,
} from "./schemas.js";
import { ThroughputFile, ThroughputMeasurementsFile } from "./throughput-schema.js";
import { parseWith } from "./zod-error.js";

/**
 * Full zod validation of every file in presets/. loadCatalog() trusts these files at run time (to
 * keep zod off the start-up path), so this is the gate instead: scripts/build.mjs runs it before
 * bundling and test/presets.test.ts runs it in `npm test`. A new preset file must be added here,
 * or the build stops, so no preset can ship unchecked.
 */
const VALIDATORS: Record<string, (data: unknown, file: string) => unknown> = {
  "gpus.json": (data, file) => parseWith(GpuCatalogFile, data, file),
  "prices.json": (data, file) => parseWith(PriceCatalogFile, data, file),
  "fx.json": (data, file) => parseWith(FxFile, data, file),
  "strategies.json": (data, file) => parseWith(StrategyFile, data, file),
  "throughput.json": (data, file) => parseWith(ThroughputFile, data, file),
  "throughput-measurements.json": (data, file) => parseWith(ThroughputMeasurementsFile, data, file),
  "models.json": (data, file) => parseModelCatalog(data, file),
  "energy.json": (data, file) => parseWith(EnergyFile, data, file),
  "corpus-languages.json": (data, file) => parseCorpusLanguages(data, file),
  "published-runs.json": (data, file) => parseWith(PublishedRunsFile, data, file),
  "finetune-measured.json": (data) => parseFinetuneMeasured(data),
  "scenarios.json": (data, file) => parseWith(ScenarioPresetsFile, data, file),
  "providers-without-prices.json": (data, file) => parseWith(UnpricedProvidersFile, data, file),
  "tax.json": (data, file) => parseWith(TaxFile, data, file),
};

/** The preset files validatePresets() knows a schema for. */
export const VALIDATED_PRESETS: readonly string[] = Object.keys(VALIDATORS);

/** Validates the parsed JSON of one preset file by name with its full schema; returns what zod parsed. */
export function validatePreset(name: string, data: unknown): unknown {
  const validate = VALIDATORS[name];
  if (!validate)
    throw new Error(`presets/${name}: no schema; add one to VALIDATORS in src/catalog/validate-presets.ts`);
  return validate(data, `presets/${name}`);
}

/**
 * Validates every presets/*.json file with its full schema and the cross-file checks, and returns
 * the catalog as zod parsed it (tests compare it with loadCatalog()). Throws on the first problem,
 * naming the file and the JSON path; a file with no schema is an error too.
 */
export function validatePresets(): Catalog {
  const files = readdirSync(PRESETS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const unknown = files.filter((name) => !(name in VALIDATORS));
  if (unknown.length > 0) {
    throw new Error(
      `presets/${unknown.join(", presets/")}: no schema; add one to VALIDATORS in src/catalog/validate-presets.ts`,
    );
  }
  const parsed = new Map<string, unknown>();
  for (const name of VALIDATED_PRESETS) parsed.set(name, validatePreset(name, readPreset(name)));
  const get = <T>(name: string) => parsed.get(name) as T;
  return checkCatalog({
    gpus: get<{ gpus: Catalog["gpus"] }>("gpus.json").gpus,
    prices: get<{ prices: Catalog["prices"] }>("prices.json").prices,
    fx: get<Catalog["fx"]>("fx.json"),
    strategies: get<{ strategies: Catalog["strategies"] }>("strategies.json").strategies,
    throughput: get<Catalog["throughput"]>("throughput.json"),
    models: get<{ models: Catalog["models"] }>("models.json").models,
    energy: get<Catalog["energy"]>("energy.json"),
    corpusLanguages: get<Catalog["corpusLanguages"]>("corpus-languages.json"),
    tax: get<Catalog["tax"]>("tax.json"),
  });
}
