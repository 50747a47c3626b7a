import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UsageError } from "../errors.js";
import { parseCorpusLanguages, type CorpusLanguages } from "./corpus-schema.js";
import { parseModelCatalog, type ModelPreset } from "./model-schema.js";
import { parseWith } from "./zod-error.js";
import { EfficiencyFile, EnergyFile, FxFile, GpuCatalogFile, PriceCatalogFile, StrategyFile, type GpuSpec, type PriceOffer, type Strategy } from "./schemas.js";

/** Everything the estimator knows from presets/: validated, with sources and dates. */
export interface Catalog {
  gpus: GpuSpec[];
  prices: PriceOffer[];
  fx: FxFile;
  strategies: Strategy[];
  efficiency: EfficiencyFile;
  models: ModelPreset[];
  energy: EnergyFile;
  corpusLanguages: CorpusLanguages;
}

/** presets/ sits at the package root: two levels above both src/catalog/ and dist/catalog/. */
export const PRESETS_DIR = fileURLToPath(new URL("../../presets/", import.meta.url));

/** Reads and parses one preset file; a broken file is an error naming the file (and the JSON path). */
export function readPreset(name: string): unknown {
  const file = `presets/${name}`;
  let text: string;
  try {
    text = readFileSync(PRESETS_DIR + name, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** Loads and validates the catalog, and checks that the files agree with each other. */
export function loadCatalog(): Catalog {
  const gpus = parseWith(GpuCatalogFile, readPreset("gpus.json"), "presets/gpus.json").gpus;
  const prices = parseWith(PriceCatalogFile, readPreset("prices.json"), "presets/prices.json").prices;
  const fx = parseWith(FxFile, readPreset("fx.json"), "presets/fx.json");
  const strategies = parseWith(StrategyFile, readPreset("strategies.json"), "presets/strategies.json").strategies;
  const efficiency = parseWith(EfficiencyFile, readPreset("efficiency.json"), "presets/efficiency.json");
  const models = parseModelCatalog(readPreset("models.json"), "presets/models.json").models;
  const energy = parseWith(EnergyFile, readPreset("energy.json"), "presets/energy.json");
  const corpusLanguages = parseCorpusLanguages(readPreset("corpus-languages.json"), "presets/corpus-languages.json");
  const ids = new Set(gpus.map((g) => g.id));
  prices.forEach((offer, i) => {
    if (!ids.has(offer.gpu)) throw new UsageError(`presets/prices.json: prices[${i}].gpu: unknown GPU id "${offer.gpu}"`);
  });
  return { gpus, prices, fx, strategies, efficiency, models, energy, corpusLanguages };
}
