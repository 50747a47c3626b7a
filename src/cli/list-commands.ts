import type { Command } from "commander";
import { loadCatalog } from "../catalog/load.js";
import { parseGpuSelection } from "../catalog/gpus.js";
import {
  gpuRows,
  modelRows,
  PRICE_COLUMNS,
  priceRows,
  renderGpus,
  renderModels,
  renderPrices,
  rowsToCsv,
} from "../output/listings.js";
import type { Paint } from "../output/paint.js";
import { parseChoice } from "../job/values/choices.js";
import { paintFor } from "./color.js";
import type { Io } from "./io.js";

const LIST_FORMATS = ["table", "json", "csv"] as const;

interface ListFlags {
  format: string;
  color: boolean;
}

/** Registers `gpus`, `prices [GPU]` and `models`: what the catalog holds, with sources and dates. */
export function addListCommands(program: Command, io: Io): void {
  const print = async (
    flags: ListFlags,
    rows: readonly object[],
    table: (paint: Paint) => string,
    columns: readonly string[] = [],
  ): Promise<void> => {
    const format = parseChoice(flags.format, LIST_FORMATS, "--format");
    if (format === "json") io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    else if (format === "csv") io.stdout(rowsToCsv(rows, columns));
    else io.stdout(table(await paintFor(io, flags.color)));
  };
  program
    .command("gpus")
    .description("GPUs in the catalog: memory, dense peak, TDP, and the on-demand price range with dates")
    .option("--format <format>", `output: ${LIST_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action((flags: ListFlags) => {
      const catalog = loadCatalog();
      return print(flags, gpuRows(catalog), (paint) => renderGpus(catalog, paint));
    });
  program
    .command("prices [gpu]")
    .description("every price offer (optionally for one GPU): provider, region, kind, date and source")
    .option("--format <format>", `output: ${LIST_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action((gpuName: string | undefined, flags: ListFlags) => {
      const catalog = loadCatalog();
      const gpu = gpuName === undefined ? undefined : parseGpuSelection(gpuName, catalog.gpus, "prices GPU").gpu;
      const offers = priceRows(catalog, gpu);
      return print(flags, offers, (paint) => renderPrices(catalog, offers, paint), PRICE_COLUMNS);
    });
  program
    .command("models")
    .description("model presets with their parameter counts (use with estimate --model)")
    .option("--format <format>", `output: ${LIST_FORMATS.join(", ")}`, "table")
    .option("--no-color", "plain output even at a terminal")
    .action((flags: ListFlags) => {
      const catalog = loadCatalog();
      return print(flags, modelRows(catalog), (paint) => renderModels(catalog, paint));
    });
}
