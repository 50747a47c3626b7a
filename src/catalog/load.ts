import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { usage } from "../errors.js";
import { msg, quoted } from "../i18n/message.js";
import { PACKAGE_ROOT } from "../package-root.js";
// Types only: zod itself stays out of this module (see loadCatalog).
import type { z } from "zod";
import type { CorpusLanguages, CorpusLanguagesFile } from "./corpus-schema.js";
import type { ModelCatalogFile, ModelPreset } from "./model-schema.js";
import type { ThroughputFile } from "./throughput-schema.js";
import type {
  EnergyFile,
  FxFile,
  GpuCatalogFile,
  GpuSpec,
  PriceCatalogFile,
  PriceOffer,
  Strategy,
  StrategyFile,
  TaxFile,
  UnpricedProvidersFile,
} from "./schemas.js";

/** Everything the estimator knows from presets/: validated, with sources and dates. */
export interface Catalog {
  gpus: GpuSpec[];
  prices: PriceOffer[];
  fx: FxFile;
  strategies: Strategy[];
  /** presets/throughput.json: the fitted throughput model with what each figure rests on. */
  throughput: ThroughputFile;
  models: ModelPreset[];
  energy: EnergyFile;
  corpusLanguages: CorpusLanguages;
  /** presets/tax.json: the VAT rate --vat adds, with its source. */
  tax: TaxFile;
}

/** presets/ sits at the package root (found by walking up, so it works from src/ and from the bundled dist/cli.js). */
export const PRESETS_DIR = join(PACKAGE_ROOT, "presets/");

/**
 * A directory whose files replace presets/'s, file by file (a file it lacks still comes from
 * presets/). The tests point it at test/fixtures/catalog/, a small catalog of their own GPUs, prices,
 * exchange rate and energy figures, so that their arithmetic does not move when presets/ gets new
 * prices or rates. run() sets it at the start of every run from the LLM_COST_PRESETS_DIR variable
 * (src/cli/catalog-dir.ts); nothing else does, so a user who never sets it reads presets/ only.
 */
let overlayDir: string | undefined;

/** The overlay directory in use (undefined: presets/ alone), for caches keyed by the catalog. */
export function catalogOverlay(): string | undefined {
  return overlayDir;
}

/** Sets (or with undefined, clears) the directory that replaces presets/'s files; see overlayDir. */
export function useCatalogOverlay(dir: string | undefined): void {
  overlayDir = dir;
}

/** Reads and parses one preset file; a broken file is an error naming the file (and the JSON path). */
export function readPreset(name: string): unknown {
  const replaced = overlayDir === undefined ? undefined : join(overlayDir, name);
  const path = replaced !== undefined && existsSync(replaced) ? replaced : PRESETS_DIR + name;
  const file = path === replaced ? replaced : `presets/${name}`;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw usage("file.unusable", {
      file: quoted(file),
      why: msg("read.unreadable", { code: (error as NodeJS.ErrnoException).code ?? "error" }),
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usage("file.notJson", { file: quoted(file), detail: quoted((error as Error).message, 120) });
  }
}

/**
 * Loads the built-in catalog and checks that the files agree with each other. The files are not
 * run through zod here: they ship inside the package and are validated with the full schemas by
 * `npm run build` and by test/presets.test.ts (validatePresets in ./validate-presets.ts), so a
 * broken preset cannot be built or pass the tests. Trusting them at run time keeps zod's parse of
 * them (and its JIT-compiled validators) off every command's start-up (see `npm run bench`).
 */
export function loadCatalog(): Catalog {
  const gpus = (readPreset("gpus.json") as z.infer<typeof GpuCatalogFile>).gpus;
  const prices = (readPreset("prices.json") as z.infer<typeof PriceCatalogFile>).prices;
  const fx = readPreset("fx.json") as FxFile;
  const strategies = (readPreset("strategies.json") as z.infer<typeof StrategyFile>).strategies;
  const throughput = readPreset("throughput.json") as ThroughputFile;
  const models = (readPreset("models.json") as ModelCatalogFile).models;
  const energy = readPreset("energy.json") as EnergyFile;
  const corpusLanguages = (readPreset("corpus-languages.json") as CorpusLanguagesFile).languages;
  const tax = readPreset("tax.json") as TaxFile;
  return checkCatalog({ gpus, prices, fx, strategies, throughput, models, energy, corpusLanguages, tax });
}

/** Cross-file checks no single schema can make: every price names a GPU in gpus.json. */
export function checkCatalog(catalog: Catalog): Catalog {
  const ids = new Set(catalog.gpus.map((g) => g.id));
  catalog.prices.forEach((offer, i) => {
    if (!ids.has(offer.gpu))
      throw usage("file.presetUnknownGpu", { file: "presets/prices.json", path: `prices[${i}].gpu`, gpu: offer.gpu });
  });
  return catalog;
}

/**
 * presets/providers-without-prices.json: Korean clouds with no GPU price this catalog could date,
 * and the government GPU programmes. Read on demand (a listing asks for it), not by loadCatalog(),
 * so no estimate pays for the file; it is validated with the other presets at build time.
 */
export function loadProvidersWithoutPrices(): UnpricedProvidersFile {
  return readPreset("providers-without-prices.json") as UnpricedProvidersFile;
}
