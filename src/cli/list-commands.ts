import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { parseGpuSelection } from "../catalog/gpus.js";
import { argument } from "../i18n/message.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { type LoadedConfig, loadUserConfig } from "../inputs/user-config.js";
import type { Lang } from "../i18n/lang.js";
import { FX_COLUMNS, fxRows, renderFx } from "../output/fx-listing.js";
import {
  gpuRows,
  modelRows,
  PRICE_COLUMNS,
  priceRows,
  renderGpus,
  renderModels,
  renderPrices,
} from "../output/listings.js";
import type { Paint } from "../output/paint.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { renderListing } from "./listing-output.js";
import { type OutputFlags, outputSettings } from "./output-settings.js";
import { addOptions } from "./register-options.js";
import type { CommandName } from "../job/options.js";
import type { Catalog } from "../catalog/load.js";

type ListFlags = OutputFlags & { config?: string };

/** The catalog with the config file's own GPUs, models and prices (and the file, for its exchange rate). */
async function catalogWithConfig(
  flags: ListFlags,
  io: Io,
): Promise<{ catalog: Catalog; config: LoadedConfig | undefined; lang?: "en" | "ko" }> {
  const config = await loadUserConfig(flags.config, io.cwd);
  return {
    catalog: mergeConfig(loadCatalog(), config),
    config,
    ...(config?.config.lang ? { lang: config.config.lang } : {}),
  };
}

/** Registers `gpus`, `prices [GPU]`, `models` and `fx`: what the catalog holds, with sources and dates. */
export function addListCommands(program: Command, io: Io): void {
  const print = async (
    name: CommandName,
    flags: ListFlags,
    listing: (
      catalog: Catalog,
      config: LoadedConfig | undefined,
      lang: Lang,
    ) => {
      rows: readonly object[];
      table: (paint: Paint) => string;
      columns?: readonly string[];
    },
  ): Promise<void> => {
    const { catalog, config, lang } = await catalogWithConfig(flags, io);
    const settings = outputSettings(flags, name, io, lang);
    const { rows, table, columns } = listing(catalog, config, settings.lang);
    const paint = await paintFor(io, settings.color);
    emit(
      io,
      settings,
      renderListing(rows, settings, () => table(paint), columns),
      [],
    );
  };
  addOptions(
    program
      .command("gpus")
      .description("GPUs in the catalog: memory, dense peak, TDP, and the on-demand price range with dates"),
    "gpus",
  ).action((flags: ListFlags) =>
    print("gpus", flags, (catalog) => ({ rows: gpuRows(catalog), table: (paint) => renderGpus(catalog, paint) })),
  );
  addOptions(
    program
      .command("prices [gpu]")
      .description("every price offer (optionally for one GPU): provider, region, kind, date and source"),
    "prices",
  ).action((gpuName: string | undefined, flags: ListFlags) =>
    print("prices", flags, (catalog) => {
      const gpu = gpuName === undefined ? undefined : parseGpuSelection(gpuName, catalog.gpus, argument("GPU")).gpu;
      const offers = priceRows(catalog, gpu);
      return { rows: offers, table: (paint) => renderPrices(catalog, offers, paint), columns: PRICE_COLUMNS };
    }),
  );
  addOptions(
    program.command("models").description("model presets with their parameter counts (use with estimate --model)"),
    "models",
  ).action((flags: ListFlags) =>
    print("models", flags, (catalog) => ({ rows: modelRows(catalog), table: (paint) => renderModels(catalog, paint) })),
  );
  addOptions(
    program
      .command("fx")
      .description("the dated KRW/USD rates of the catalog (the default marked) and your config file's, with sources"),
    "fx",
  ).action((flags: ListFlags) =>
    print("fx", flags, (catalog, config, lang) => {
      const rows = fxRows(catalog, config);
      return { rows, table: (paint) => renderFx(rows, paint, lang), columns: FX_COLUMNS };
    }),
  );
}
