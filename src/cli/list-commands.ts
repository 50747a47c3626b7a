import type { Command } from "commander";
import { loadCatalog, loadProvidersWithoutPrices } from "../catalog/load.js";
import { parseGpuSelection } from "../catalog/gpus.js";
import { argument, msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import { mergeConfig } from "../inputs/merge-config.js";
import { type LoadedConfig, loadUserConfig } from "../inputs/user-config.js";
import type { Lang } from "../i18n/lang.js";
import { FX_COLUMNS, fxRows, renderFx } from "../output/fx-listing.js";
import {
  gpuRows,
  kindText,
  modelRows,
  PRICE_COLUMNS,
  priceRows,
  renderGpus,
  renderModels,
  renderPrices,
  renderUnpricedMarkdown,
} from "../output/listings.js";
import type { Paint } from "../output/paint.js";
import { paintFor } from "./color.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { type ListingExtras, renderListing } from "./listing-output.js";
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
      lang: Lang,
      config: LoadedConfig | undefined,
    ) => {
      rows: readonly object[];
      table: (paint: Paint) => string;
      extras?: ListingExtras;
    },
  ): Promise<void> => {
    const { catalog, config, lang } = await catalogWithConfig(flags, io);
    const settings = outputSettings(flags, name, io, lang);
    const { rows, table, extras } = listing(catalog, settings.lang, config);
    const paint = await paintFor(io, settings.color);
    emit(
      io,
      settings,
      renderListing(rows, settings, () => table(paint), extras),
      [],
    );
  };
  addOptions(
    program
      .command("gpus")
      .description("GPUs in the catalog: memory, dense peak, TDP, and the on-demand price range with dates"),
    "gpus",
  ).action((flags: ListFlags) =>
    print("gpus", flags, (catalog, lang) => ({
      rows: gpuRows(catalog),
      table: (paint) => renderGpus(catalog, paint, lang),
    })),
  );
  addOptions(
    program
      .command("prices [gpu]")
      .description("every price offer (optionally for one GPU): provider, region, kind, date and source"),
    "prices",
  ).action((gpuName: string | undefined, flags: ListFlags) =>
    print("prices", flags, (catalog, lang) => {
      const gpu = gpuName === undefined ? undefined : parseGpuSelection(gpuName, catalog.gpus, argument("GPU")).gpu;
      const offers = priceRows(catalog, gpu);
      // The clouds and programmes with no price go under the table and the Markdown, not into the
      // rows: JSON and CSV stay one array of offers, as scripts read them.
      return {
        rows: offers,
        table: (paint) => renderPrices(catalog, offers, paint, lang, loadProvidersWithoutPrices()),
        extras: {
          emptyColumns: PRICE_COLUMNS,
          korean: { cell: (column, value) => (column === "kind" ? kindText(String(value), "ko") : value) },
          markdownAfter: () => renderUnpricedMarkdown(loadProvidersWithoutPrices(), lang),
        },
      };
    }),
  );
  addOptions(
    program.command("models").description("model presets with their parameter counts (use with estimate --model)"),
    "models",
  ).action((flags: ListFlags) =>
    print("models", flags, (catalog, lang) => ({
      rows: modelRows(catalog),
      table: (paint) => renderModels(catalog, paint, lang),
      // tiedEmbeddings is the text "true"/"false" in the rows (CSV reads it so).
      extras: {
        korean: {
          cell: (column, value) =>
            column === "tiedEmbeddings" ? render(msg(value === "true" ? "list.yes" : "list.no"), "ko") : value,
        },
      },
    })),
  );
  addOptions(
    program
      .command("fx")
      .description("the dated KRW/USD rates of the catalog (the default marked) and your config file's, with sources"),
    "fx",
  ).action((flags: ListFlags) =>
    print("fx", flags, (catalog, lang, config) => {
      const rows = fxRows(catalog, config);
      return { rows, table: (paint) => renderFx(rows, paint, lang), extras: { emptyColumns: FX_COLUMNS } };
    }),
  );
}
