import { z } from "zod";
import { PRICE_KINDS, STRATEGY_IDS } from "./constants.js";

/**
 * zod schemas for the JSON files in presets/. Every figure carries a source and a date: a price
 * without a date is a bug, so the schema makes both mandatory.
 */

/** A date as sources give it: 2026, 2026-01, 2026-01-21 or a quarter like 2024-Q4. */
/**
 * Text from a user's file that the output prints (names, titles, sources): one line of printable
 * characters, so it can neither drive the terminal (an ESC sequence that sets the window title or
 * the colours) nor break a table row or a markdown line, and short enough for a table cell.
 */
export const printable = (max?: number) => {
  const text = z.string().min(1);
  return (max === undefined ? text : text.max(max, `expected at most ${max} characters`)).regex(
    /^[^\p{Cc}\u2028\u2029]*$/u,
    "control characters (escape sequences, line breaks, tabs) are not allowed",
  );
};

export const SourceDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$/, "expected a date like 2026-01-21, 2026-01, 2026 or 2024-Q4")
  .refine(isCalendarDate, "expected a date on the calendar (month 01–12, a day the month has)");

/** Whether a SourceDate's month and day exist: 2025-02-30 and 2026-13 are typos that sort wrongly. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number);
  if (month === undefined || Number.isNaN(month)) return true; // "2026" or "2024-Q4"
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  // Day 0 of the next month is the last day of this one (UTC: no time-zone shifts).
  const daysInMonth = new Date(Date.UTC(year!, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

export const GpuSpec = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  vendor: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  architecture: z.enum(["volta", "ampere", "ada", "hopper", "blackwell", "cdna3", "gaudi"]),
  memoryGB: z.number().positive(),
  bandwidthTBs: z.number().positive().nullable(),
  /** Dense (no 2:4 sparsity) 16-bit tensor peak in TFLOPS: bf16, or fp16 where there is no bf16. */
  denseTflops16: z.number().positive(),
  tensorPrecision: z.enum(["bf16", "fp16"]),
  fp8DenseTflops: z.number().positive().nullable(),
  tdpW: z.number().positive(),
  interconnectGBs: z.number().positive().nullable(),
  /** The fabric a job's collectives run over (see src/model/communication.ts). */
  node: z.strictObject({
    /** GPUs that share the fast intra-node fabric (NVLink domain, or one PCIe server). */
    gpusPerNode: z.number().int().positive(),
    /** That fabric's bandwidth per GPU, one direction, GB/s (1e9 bytes/s). */
    intraNodeGBs: z.number().positive(),
    intraNodeSource: z.string().min(1),
    /** Scale-out network bandwidth per GPU, one direction, GB/s, for this GPU's usual offer class. */
    interNodeGBsPerGpu: z.number().positive(),
    interNodeSource: z.string().min(1),
  }),
  confidence: z.string().min(1),
  sources: z.array(z.string().min(1)).min(1),
  date: SourceDate,
  notes: z.string().optional(),
});
export type GpuSpec = z.infer<typeof GpuSpec>;

export const GpuCatalogFile = z.strictObject({ $comment: z.string(), gpus: z.array(GpuSpec).min(1) });

export const PriceOffer = z.strictObject({
  provider: z.string().regex(/^[a-z0-9-]+$/),
  providerName: z.string().min(1),
  gpu: z.string().min(1),
  region: z.string().min(1),
  usdPerGpuHour: z.number().positive(),
  kind: z.enum(PRICE_KINDS),
  date: SourceDate,
  /** false: the source itself calls the price historical; kept for context, never used by default. */
  current: z.boolean(),
  /** Set on offers from the user's config file (a negotiated rate): they win over the market median. */
  origin: z.string().optional(),
  source: z.string().min(1),
  instance: z.string().optional(),
  gpusPerInstance: z.number().int().positive().optional(),
  notes: z.string().optional(),
});
export type PriceOffer = z.infer<typeof PriceOffer>;

export const PriceCatalogFile = z.strictObject({ $comment: z.string(), prices: z.array(PriceOffer).min(1) });

export const FxPoint = z.strictObject({
  krwPerUsd: z.number().positive(),
  date: z.string().min(4),
  kind: z.string().min(1),
  /** The kind as a Korean reader says it ("종가", "월평균"), shown under --lang ko. */
  kindKo: z.string().min(1).optional(),
  source: z.string().min(1),
});
export type FxPoint = z.infer<typeof FxPoint>;

export const FxFile = z.strictObject({
  $comment: z.string(),
  default: FxPoint.extend({ date: SourceDate }),
  history: z.array(FxPoint),
});
export type FxFile = z.infer<typeof FxFile>;

export const Strategy = z.strictObject({
  id: z.enum(STRATEGY_IDS),
  name: z.string().min(1),
  description: z.string().min(1),
  /** full: every weight trains (6N per token); lora: adapters on a frozen 16-bit base; qlora: on a 4-bit base. */
  training: z.enum(["full", "lora", "qlora"]),
  startsFrom: z.enum(["random-init", "pretrained"]),
  nameKo: z.string().min(1),
  descriptionKo: z.string().min(1),
  typicalData: z.string().min(1),
});
export type Strategy = z.infer<typeof Strategy>;

export const StrategyFile = z.strictObject({
  $comment: z.string(),
  strategies: z.array(Strategy).length(STRATEGY_IDS.length),
});

/** presets/energy.json: PUE and grid carbon intensity defaults, each with a source and date. */
export const EnergyFile = z
  .strictObject({
    $comment: z.string(),
    pue: z.strictObject({
      default: z.number().min(1).max(3),
      note: z.string(),
      source: z.string().min(1),
      date: z.string().min(4),
    }),
    grids: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9-]+$/),
          /** The grid as a Korean reader names it ("한국"), shown under --lang ko. */
          nameKo: z.string().min(1).optional(),
          gCO2PerKWh: z.number().positive(),
          note: z.string(),
          source: z.string().min(1),
          date: z.string().min(4),
        }),
      )
      .min(1),
    defaultGrid: z.string(),
  })
  .refine((f) => f.grids.some((g) => g.id === f.defaultGrid), "defaultGrid must name one of grids");
export type EnergyFile = z.infer<typeof EnergyFile>;

/** presets/tax.json: the Korean VAT rate --vat adds to costs, with the article of the law that sets it. */
export const TaxFile = z.strictObject({
  $comment: z.string(),
  vat: z.strictObject({
    rate: z.number().positive().max(1),
    name: z.string().min(1),
    /** The article, as outputs cite it ("부가가치세법 제30조"). */
    law: z.string().min(1),
    /** What the article says. */
    text: z.string().min(1),
    source: z.string().min(1),
    /** When the rate's current text took effect. */
    date: SourceDate,
  }),
});
export type TaxFile = z.infer<typeof TaxFile>;

/**
 * presets/providers-without-prices.json: clouds a Korean team would ask about that publish no GPU
 * price this catalog could date (contact-sales only, or none found), and the government GPU
 * programmes. Neither carries a price: a negotiated or programme rate goes into the user's config
 * file as a price offer, which wins over the market median.
 */
export const UnpricedProvider = z.strictObject({
  provider: z.string().regex(/^[a-z0-9-]+$/),
  /** The name as the provider writes it, with the Korean name in parentheses. */
  name: z.string().min(1),
  offers: z.string().min(1),
  /** on-request: the provider says to ask sales; not-found: no dated public list was found. */
  prices: z.enum(["on-request", "not-found"]),
  note: z.string().min(1).optional(),
  /** When the research looked. */
  checked: SourceDate,
  sources: z.array(z.string().min(5)).min(1),
});
export type UnpricedProvider = z.infer<typeof UnpricedProvider>;

export const GpuProgramme = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  nameKo: z.string().min(1),
  operator: z.string().min(1),
  offers: z.string().min(1),
  /** How a team uses what it was granted with this tool: always a config-file price. */
  howToUse: z.string().min(1),
  /** The date of the newest source (an announcement, an agreement, a report). */
  date: SourceDate,
  sources: z.array(z.string().min(5)).min(1),
});
export type GpuProgramme = z.infer<typeof GpuProgramme>;

/** Whether no two items share a key. */
function unique<T>(items: T[], key: (item: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

export const UnpricedProvidersFile = z.strictObject({
  $comment: z.string(),
  providers: z
    .array(UnpricedProvider)
    .min(1)
    .refine((list) => unique(list, (p) => p.provider), "provider ids must be unique"),
  programmes: z
    .array(GpuProgramme)
    .min(1)
    .refine((list) => unique(list, (p) => p.id), "programme ids must be unique"),
});
export type UnpricedProvidersFile = z.infer<typeof UnpricedProvidersFile>;
