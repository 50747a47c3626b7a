import { z } from "zod";
import { PRICE_KINDS } from "./constants.js";
import { ArchitectureSpec } from "./model-schema.js";
import { SourceDate } from "./schemas.js";
import { parseWith } from "./zod-error.js";

/**
 * The schema of llm-cost.config.json (see ./user-config.ts, which loads this module only when
 * there is a config file to check, keeping zod off the start-up of every other command).
 * Unknown keys are errors, so a typo never silently does nothing.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lower-case id of letters, digits, dots and dashes");

export const UserPriceOffer = z.strictObject({
  gpu: z.string().min(1),
  // The same bounds as the flags (src/core/quantity.ts LIMITS): beyond them a figure is a typo.
  usdPerGpuHour: z.number().min(0.001).max(1e4),
  kind: z.enum(PRICE_KINDS).default("on-demand"),
  providerName: z.string().min(1).default("negotiated"),
  region: z.string().min(1).default("own"),
  date: SourceDate,
  source: z.string().min(1),
});

export const UserGpu = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  architecture: z.enum(["volta", "ampere", "ada", "hopper", "blackwell", "cdna3", "gaudi"]),
  memoryGB: z.number().min(0.1).max(1e5),
  denseTflops16: z.number().min(0.01).max(1e6),
  tdpW: z.number().min(1).max(1e5),
  fp8DenseTflops: z.number().min(0.01).max(1e6).nullable().default(null),
  /** Memory bandwidth, TB/s: sets the GPU's compute-to-bandwidth balance in the throughput model. */
  bandwidthTBs: z.number().min(0.01).max(1e3).optional(),
  /** The fabric collectives run over (src/core/communication.ts); assumed PCIe-class when absent. */
  gpusPerNode: z.number().int().min(1).max(1024).optional(),
  intraNodeGBs: z.number().min(0.01).max(1e5).optional(),
  interNodeGBsPerGpu: z.number().min(0.001).max(1e5).optional(),
  source: z.string().min(1),
  date: SourceDate,
});

export const UserModel = z.strictObject({
  id,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  arch: ArchitectureSpec,
  source: z.string().min(1),
});

export const UserConfig = z.strictObject({
  $comment: z.string().optional(),
  gpus: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  priceKind: z.enum(PRICE_KINDS).optional(),
  fx: z
    .strictObject({ krwPerUsd: z.number().positive().max(1e5), date: SourceDate, source: z.string().min(1) })
    .optional(),
  lang: z.enum(["en", "ko"]).optional(),
  pue: z.number().min(1).max(3).optional(),
  // g CO2 per kWh, or a grid preset's name as --grid takes it ("korea", "us").
  grid: z
    .union([
      z.number().positive().max(1e4),
      z.string().regex(/^[a-z0-9-]+$/, "expected g CO2/kWh or a grid name such as korea"),
    ])
    .optional(),
  prices: z.array(UserPriceOffer).default([]),
  gpuSpecs: z.array(UserGpu).default([]),
  models: z.array(UserModel).default([]),
});
export type UserConfig = z.infer<typeof UserConfig>;

/** Checks a parsed config file; a problem is a UsageError naming the file and the JSON path. */
export function parseUserConfig(data: unknown, file: string): UserConfig {
  return parseWith(UserConfig, data, file);
}
