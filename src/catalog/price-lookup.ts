import { didYouMean, invalid } from "../errors.js";
import { type Message, msg, type Subject } from "../i18n/message.js";
import type { PriceKind } from "./constants.js";
import type { PriceOffer } from "./schemas.js";
import { compareAscii } from "../util/compare-ascii.js";
import { median } from "../util/stats.js";
import { closest } from "../util/suggest.js";
import { own } from "../util/own.js";

/** The price behind every cost figure, with where it came from. */
export interface PriceAssumption {
  usdPerGpuHour: number;
  /** "median" of providers, one provider id, or "user" for --price. */
  provider: string;
  kind: PriceKind | "user";
  /** The date of the price; for a median, the oldest and newest offer dates. */
  date: string;
  source: string;
  /** The rule that picked the price, for the table footer and the JSON. */
  rule: Message;
  /** The offers the price was taken from (one per provider for the median). */
  offers: PriceOffer[];
  /** Set when every offer behind the price is more than a year old: said as a warning. */
  staleNote?: Message;
}

export interface PriceRequest {
  gpuId: string;
  provider?: string;
  kind: PriceKind;
  usdPerGpuHour?: number;
}

/** A sortable form of a source date: quarters become their middle month (2024-Q4 → 2024-11). */
export function dateKey(date: string): string {
  return date.replace(/-Q([1-4])$/, (_, q: string) => `-${String(Number(q) * 3 - 1).padStart(2, "0")}`);
}

/** Days since the epoch for a source date; a missing day or month counts as the middle of it. */
function dayNumber(date: string): number {
  const [year = "1970", month = "07", day = "15"] = dateKey(date).split("-");
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / 86_400_000;
}

/** A quote this much older than the catalog's newest price is stale. */
export const STALE_AFTER_DAYS = 365;

/** The newest price date of a catalog, as a day number, computed once per catalog (plan asks often). */
const newestDay = new WeakMap<readonly PriceOffer[], number>();

/** Whether an offer is more than a year older than the newest price in the catalog. */
export function isStale(offer: PriceOffer, prices: readonly PriceOffer[]): boolean {
  let newest = newestDay.get(prices);
  if (newest === undefined) {
    newest = 0;
    for (const p of prices) newest = Math.max(newest, dayNumber(p.date));
    newestDay.set(prices, newest);
  }
  return newest - dayNumber(offer.date) > STALE_AFTER_DAYS;
}

/** Offers this close to a provider's newest one belong to the same price list. */
export const PRICE_LIST_WINDOW_DAYS = 90;

/**
 * Each provider's offer of one kind for one GPU: the cheapest instance shape of its latest price
 * list (offers within 90 days of its newest quote). An older quote is superseded, so a price the
 * provider has since raised is not picked just because it was lower.
 */
export function cheapestPerProvider(prices: readonly PriceOffer[], gpuId: string, kind: PriceKind): PriceOffer[] {
  const byProvider = new Map<string, PriceOffer[]>();
  const candidates = prices.filter((o) => o.gpu === gpuId && o.kind === kind && o.current);
  // GPU prices move fast (AWS cut H100 by 44 % in 2025): quotes older than a year before the
  // catalog's newest are used only when no fresher quote exists for this GPU (and then flagged).
  const fresh = candidates.filter((o) => !isStale(o, prices));
  for (const offer of fresh.length > 0 ? fresh : candidates) {
    byProvider.set(offer.provider, [...(byProvider.get(offer.provider) ?? []), offer]);
  }
  const chosen: PriceOffer[] = [];
  for (const offers of byProvider.values()) {
    const newest = Math.max(...offers.map((o) => dayNumber(o.date)));
    const latest = offers.filter((o) => newest - dayNumber(o.date) <= PRICE_LIST_WINDOW_DAYS);
    chosen.push(latest.reduce((a, b) => (b.usdPerGpuHour < a.usdPerGpuHour ? b : a)));
  }
  return chosen.sort((a, b) => a.usdPerGpuHour - b.usdPerGpuHour);
}

function dateSpan(offers: readonly PriceOffer[]): string {
  const dates = offers.map((o) => o.date).sort((a, b) => compareAscii(dateKey(a), dateKey(b)));
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  return first === last ? first : `${first}..${last}`;
}

/**
 * Resolves the price per GPU-hour: --price wins, then --provider (that provider's cheapest current
 * offer of the asked kind), else the median rule. Never falls back silently: a provider without
 * this GPU is an error that lists the providers that do have it.
 */
export function resolvePrice(
  prices: readonly PriceOffer[],
  gpuName: string,
  request: PriceRequest,
  providerSubject: Subject | string = "provider",
): PriceAssumption | null {
  if (request.usdPerGpuHour !== undefined) {
    return {
      usdPerGpuHour: request.usdPerGpuHour,
      provider: "user",
      kind: "user",
      date: "given",
      source: "your price",
      rule: msg("price.given"),
      offers: [],
    };
  }
  // The user's own offers (config file) replace the market for their GPU, unless a provider is named.
  const own = prices.filter((o) => o.origin !== undefined && o.gpu === request.gpuId && o.kind === request.kind);
  if (request.provider === undefined && own.length > 0) {
    const offer = own.reduce((a, b) => (b.usdPerGpuHour < a.usdPerGpuHour ? b : a));
    return {
      usdPerGpuHour: offer.usdPerGpuHour,
      provider: offer.provider,
      kind: offer.kind,
      date: offer.date,
      source: `${offer.origin}: ${offer.source}`,
      rule: msg("price.own", { kind: request.kind, name: offer.providerName, file: offer.origin }),
      offers: [offer],
    };
  }
  const offers = cheapestPerProvider(prices, request.gpuId, request.kind);
  if (request.provider !== undefined) {
    const providers = [...new Set(prices.map((p) => p.provider))];
    const known = findProvider(prices, request.provider);
    if (!known) {
      const guess = closest(request.provider, providers);
      throw invalid(providerSubject, request.provider, msg("reason.oneOf", { choices: providers }), didYouMean(guess));
    }
    const offer = offers.find((o) => o.provider === known);
    if (!offer) {
      const others = offers.map((o) => o.provider);
      const args = { provider: known, kind: request.kind, gpu: gpuName, others };
      throw invalid(
        providerSubject,
        request.provider,
        msg(others.length ? "reason.providerLacksGpu" : "reason.providerLacksGpuNone", args),
      );
    }
    return {
      usdPerGpuHour: offer.usdPerGpuHour,
      provider: offer.provider,
      kind: offer.kind,
      date: offer.date,
      source: offer.source,
      rule: msg("price.provider", {
        name: offer.providerName,
        kind: request.kind,
        where: offer.instance ? `${offer.region}, ${offer.instance}` : offer.region,
      }),
      offers: [offer],
    };
  }
  // No price: time, memory and energy are still estimated; the caller warns and leaves cost empty.
  if (offers.length === 0) return null;
  const value = median(offers.map((o) => o.usdPerGpuHour));
  return {
    usdPerGpuHour: value,
    provider: "median",
    kind: request.kind,
    date: dateSpan(offers),
    source: offers.map((o) => `${o.providerName} $${o.usdPerGpuHour} (${o.date})`).join("; "),
    rule: msg("price.median", { kind: request.kind, count: offers.length }),
    offers,
    ...(offers.every((o) => isStale(o, prices))
      ? {
          staleNote: msg("warn.stalePrice", {
            kind: request.kind,
            gpu: gpuName,
            date: dateSpan(offers).split("..").pop() ?? "",
          }),
        }
      : {}),
  };
}

/** Names people type for providers beyond the ids and display names in presets/prices.json. */
const PROVIDER_ALIASES: Record<string, string> = {
  google: "gcp",
  googlecloud: "gcp",
  gce: "gcp",
  vast: "vastai",
  microsoft: "azure",
  엘리스: "elice",
};

const normalize = (text: string): string => text.toLowerCase().replace(/[^a-z0-9가-힣]/g, "");

/** The provider id a user's --provider means: its id, its display name, or a known alias, any case. */
export function findProvider(prices: readonly PriceOffer[], name: string): string | undefined {
  const wanted = normalize(name);
  const aliased = own(PROVIDER_ALIASES, wanted);
  for (const offer of prices) {
    if (normalize(offer.provider) === wanted || normalize(offer.providerName) === wanted || offer.provider === aliased)
      return offer.provider;
  }
  return undefined;
}
