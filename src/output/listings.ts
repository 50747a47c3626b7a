import Table from "cli-table3";
import type { Catalog } from "../catalog/load.js";
import type { GpuSpec, PriceOffer, UnpricedProvidersFile } from "../catalog/schemas.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/message.js";
import type { MessageCode } from "../i18n/messages-en.js";
import { render } from "../i18n/render.js";
import { countParams } from "../model/architecture.js";
import { compareAscii } from "../util/compare-ascii.js";
import { gpuDisplayName } from "../catalog/gpus.js";
import { formatNumber } from "../util/number-text.js";
import { cheapestPerProvider, resolvePrice } from "../catalog/price-lookup.js";
import { formatCount } from "./format.js";
import type { Paint } from "./paint.js";
import { wrap } from "./wrap.js";

/** One GPU in `llm-cost gpus`. */
export interface GpuRow {
  id: string;
  name: string;
  fullName: string;
  memoryGB: number;
  denseTflops16: number;
  precision: string;
  tdpW: number;
  providers: number;
  minUsdPerGpuHour: number | null;
  medianUsdPerGpuHour: number | null;
  maxUsdPerGpuHour: number | null;
  priceDates: string | null;
  source: string;
}

/** Rows for `llm-cost gpus`: specs and the current on-demand price range per GPU, with dates. */
export function gpuRows(catalog: Catalog): GpuRow[] {
  return catalog.gpus.map((gpu) => {
    const offers = cheapestPerProvider(catalog.prices, gpu.id, "on-demand");
    const prices = offers.map((o) => o.usdPerGpuHour);
    const dates = offers.map((o) => o.date).sort();
    return {
      id: gpu.id,
      name: gpuDisplayName(gpu),
      fullName: gpu.name,
      memoryGB: gpu.memoryGB,
      denseTflops16: gpu.denseTflops16,
      precision: gpu.tensorPrecision,
      tdpW: gpu.tdpW,
      providers: offers.length,
      minUsdPerGpuHour: prices.length ? Math.min(...prices) : null,
      medianUsdPerGpuHour:
        resolvePrice(catalog.prices, gpu.id, { gpuId: gpu.id, kind: "on-demand" })?.usdPerGpuHour ?? null,
      maxUsdPerGpuHour: prices.length ? Math.max(...prices) : null,
      priceDates:
        dates.length === 0
          ? null
          : dates[0] === dates[dates.length - 1]
            ? dates[0]!
            : `${dates[0]}..${dates[dates.length - 1]}`,
      source: gpu.sources[0]!,
    };
  });
}

const money = (x: number | null): string => (x === null ? "—" : `$${x.toFixed(2)}`);

/** A listing's text in the output language. */
export const say = (lang: Lang, code: MessageCode, args: Record<string, string> = {}): string =>
  render(msg(code, args), lang);

/** A table's header row: one catalogue code, each column by its key. */
const heads = (lang: Lang, code: MessageCode, columns: readonly string[], paint: Paint): string[] =>
  columns.map((column) => paint.bold(say(lang, code, { column })));

/** `llm-cost gpus` as a table. */
export function renderGpus(catalog: Catalog, paint: Paint, lang: Lang = "en"): string {
  const table = new Table({
    head: heads(lang, "list.gpus.head", ["gpu", "memory", "dense", "tdp", "onDemand", "median", "dates"], paint),
    colAligns: ["left", "right", "right", "right", "right", "right", "left"],
    style: { head: [], border: [], compact: true },
  });
  for (const row of gpuRows(catalog)) {
    table.push([
      row.name,
      `${row.memoryGB} GB`,
      `${row.denseTflops16} ${row.precision}`,
      `${row.tdpW} W`,
      row.providers
        ? `${money(row.minUsdPerGpuHour)}–${money(row.maxUsdPerGpuHour)} (${row.providers})`
        : say(lang, "list.gpus.noPrice"),
      money(row.medianUsdPerGpuHour),
      // Month precision keeps the table within 100 columns; the JSON has the exact dates.
      row.priceDates?.replace(/(\d{4}-\d{2})-\d{2}/g, "$1") ?? "—",
    ]);
  }
  return `${table.toString()}\n${wrap(say(lang, "list.gpus.note"))}\n`;
}

/** The columns of `llm-cost prices --format csv`, in order (every field a price offer can have). */
export const PRICE_COLUMNS = [
  "provider",
  "providerName",
  "gpu",
  "region",
  "usdPerGpuHour",
  "kind",
  "date",
  "current",
  "source",
  "instance",
  "gpusPerInstance",
  "notes",
  "origin",
] as const;

/** Rows for `llm-cost prices [GPU]`: every offer with provider, region, kind, date and source. */
export function priceRows(catalog: Catalog, gpu?: GpuSpec): PriceOffer[] {
  return catalog.prices
    .filter((p) => !gpu || p.gpu === gpu.id)
    .sort((a, b) => compareAscii(a.gpu, b.gpu) || a.usdPerGpuHour - b.usdPerGpuHour);
}

/** `llm-cost prices` as a table, each offer's source on the line under it. */
export function renderPrices(
  catalog: Catalog,
  offers: readonly PriceOffer[],
  paint: Paint,
  lang: Lang = "en",
  unpriced?: UnpricedProvidersFile,
): string {
  const names = new Map(catalog.gpus.map((g) => [g.id, gpuDisplayName(g)]));
  const table = new Table({
    head: heads(lang, "list.prices.head", ["gpu", "provider", "region", "kind", "usd", "date"], paint),
    colAligns: ["left", "left", "left", "left", "right", "left"],
    // The Korean price header ("GPU 시간당 $") is wider than "$/GPU-h"; the region gives way.
    colWidths: lang === "ko" ? [13, 16, 20, 11, 14, 12] : [13, 16, 24, 11, 9, 12],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const o of offers) {
    table.push([
      names.get(o.gpu) ?? o.gpu,
      o.providerName,
      o.region,
      o.current ? kindText(o.kind, lang) : say(lang, "list.prices.old", { kind: kindText(o.kind, lang) }),
      o.usdPerGpuHour.toFixed(2),
      o.date,
    ]);
  }
  const note = wrap(say(lang, "list.prices.note", { count: String(offers.length) }));
  return `${table.toString()}\n${note}\n${unpriced ? `\n${renderUnpriced(unpriced, lang)}` : ""}`;
}

/** A price kind in the output language (온디맨드, 스팟, 예약). */
export const kindText = (kind: string, lang: Lang): string => say(lang, "list.kind", { kind });

/**
 * The providers that publish no GPU price and the government GPU programmes, under the price
 * table: a team with a quote or a grant learns that a config-file price is how to use it.
 */
export function renderUnpriced(file: UnpricedProvidersFile, lang: Lang, indent = "  "): string {
  const programmes = file.programmes.map((p) => (lang === "ko" ? p.nameKo : p.name));
  return [
    wrap(say(lang, "list.unpriced.title")),
    wrap(`${indent}${file.providers.map((p) => p.name).join(", ")}`, undefined, indent.length),
    wrap(say(lang, "list.unpriced.programmes")),
    wrap(`${indent}${programmes.join(", ")}`, undefined, indent.length),
    wrap(say(lang, "list.unpriced.howTo")),
    "",
  ].join("\n");
}

/** The same section in Markdown, under the Markdown table of `llm-cost prices`. */
export function renderUnpricedMarkdown(file: UnpricedProvidersFile, lang: Lang): string {
  const programmes = file.programmes.map((p) => (lang === "ko" ? p.nameKo : p.name));
  return [
    `**${say(lang, "list.unpriced.title")}**`,
    "",
    ...file.providers.map((p) => `- ${p.name}`),
    "",
    `**${say(lang, "list.unpriced.programmes")}**`,
    "",
    ...programmes.map((name) => `- ${name}`),
    "",
    say(lang, "list.unpriced.howTo"),
    "",
  ].join("\n");
}

/** Rows for `llm-cost models`. */
export function modelRows(catalog: Catalog): Array<Record<string, string | number>> {
  return catalog.models.map((m) => ({
    id: m.id,
    name: m.name,
    params: countParams(m.arch).total,
    publishedParams: m.publishedParams,
    layers: m.arch.layers,
    hidden: m.arch.hidden,
    heads: m.arch.heads,
    kvHeads: m.arch.kvHeads,
    ffn: m.arch.ffn,
    vocab: m.arch.vocab,
    tiedEmbeddings: String(m.arch.tiedEmbeddings),
    source: m.source,
  }));
}

/** `llm-cost models` as a table. */
export function renderModels(catalog: Catalog, paint: Paint, lang: Lang = "en"): string {
  const table = new Table({
    head: heads(lang, "list.models.head", ["model", "params", "layers", "hidden", "heads", "ffn", "vocab"], paint),
    colAligns: ["left", "right", "right", "right", "right", "right", "right"],
    style: { head: [], border: [], compact: true },
  });
  for (const row of modelRows(catalog)) {
    table.push(
      [
        row.id as string,
        `${formatNumber(row.params as number)} (${formatCount(row.params as number)})`,
        row.layers,
        row.hidden,
        `${row.heads} (${row.kvHeads})`,
        row.ffn,
        row.vocab,
      ].map(String),
    );
  }
  return `${table.toString()}\n${wrap(say(lang, "list.models.note"))}\n`;
}
