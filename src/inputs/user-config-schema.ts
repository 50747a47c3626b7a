import { z } from "zod";
import { LIMITS } from "../job/values/quantity.js";
import { PRICE_KINDS, STRATEGY_IDS } from "../catalog/constants.js";
import { ArchitectureSpec } from "../catalog/model-schema.js";
import { SourceDate, printable } from "../catalog/schemas.js";
import { parseWith } from "../catalog/zod-error.js";
import { PROFILE_NAME_TEXT } from "./profile-name.js";

/**
 * The schema of llm-cost.config.json (see ./user-config.ts, which loads this module only when
 * there is a config file to check, keeping zod off the start-up of every other command).
 * Unknown keys are errors, so a typo never silently does nothing.
 */

const id = z
  .string()
  .max(64, "expected at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lower-case id of letters, digits, dots and dashes");

const name = printable(100);
const source = printable(500);

/**
 * Entries a config may add. A team adds a few GPUs, prices and models; tens of thousands made
 * `plan`, which tries each GPU against each price, run for minutes (20,000 took 232 s).
 */
export const MAX_CONFIG_ENTRIES = 200;
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_CONFIG_ENTRIES, `expected at most ${MAX_CONFIG_ENTRIES} entries`).default([]);

export const UserPriceOffer = z.strictObject({
  gpu: name,
  // The same bounds as the flags (src/job/values/quantity.ts LIMITS): beyond them a figure is a typo.
  usdPerGpuHour: z.number().min(LIMITS.usdPerGpuHour.min).max(LIMITS.usdPerGpuHour.max),
  kind: z.enum(PRICE_KINDS).default("on-demand"),
  providerName: name.default("negotiated"),
  region: name.default("own"),
  date: SourceDate,
  source,
});

export const UserGpu = z.strictObject({
  id,
  name,
  aliases: z.array(name).max(20, "expected at most 20 aliases").default([]),
  architecture: z.enum(["volta", "ampere", "ada", "hopper", "blackwell", "cdna3", "gaudi"]),
  memoryGB: z.number().min(0.1).max(1e5),
  denseTflops16: z.number().min(0.01).max(1e6),
  tdpW: z.number().min(1).max(1e5),
  fp8DenseTflops: z.number().min(0.01).max(1e6).nullable().default(null),
  /** Memory bandwidth, TB/s: sets the GPU's compute-to-bandwidth balance in the throughput model. */
  bandwidthTBs: z.number().min(0.01).max(1e3).optional(),
  /** The fabric collectives run over (src/model/communication.ts); assumed PCIe-class when absent. */
  gpusPerNode: z.number().int().min(1).max(1024).optional(),
  intraNodeGBs: z.number().min(0.01).max(1e5).optional(),
  interNodeGBsPerGpu: z.number().min(0.001).max(1e5).optional(),
  source,
  date: SourceDate,
});

export const UserModel = z.strictObject({
  id,
  name,
  aliases: z.array(name).max(20, "expected at most 20 aliases").default([]),
  arch: ArchitectureSpec,
  source,
});

/**
 * A measured speed that `llm-cost calibrate --save` stored: the job it was measured on (GPU, count,
 * model size, strategy, sequence length) and the steady-state tokens/s per GPU, with the log it
 * came from and the day. `--profile NAME` uses it instead of the throughput model.
 */
export const UserProfile = z.strictObject({
  name: z.string().regex(PROFILE_NAME_TEXT, "expected a name of letters, digits, dots, dashes and underscores"),
  gpu: name,
  gpuCount: z.number().int().min(1).max(1_000_000),
  model: name.optional(),
  params: z.number().positive().max(LIMITS.params),
  strategy: z.enum(STRATEGY_IDS),
  seqLen: z.number().int().min(1).max(10_000_000),
  tokensPerSecPerGpu: z.number().min(LIMITS.tokensPerSec.min).max(LIMITS.tokensPerSec.max),
  date: SourceDate,
  source,
});
export type UserProfile = z.infer<typeof UserProfile>;

export const UserConfig = z.strictObject({
  $comment: z.string().optional(),
  // As --gpus and --provider take them, and as short (the flags' parsers work on the whole value).
  gpus: name.optional(),
  provider: name.optional(),
  priceKind: z.enum(PRICE_KINDS).optional(),
  // Every number has the bounds of the flag that gives it (LIMITS): a value is refused the same
  // whether it was typed or read from this file.
  fx: z
    .strictObject({
      krwPerUsd: z.number().min(LIMITS.krwPerUsd.min).max(LIMITS.krwPerUsd.max),
      date: SourceDate,
      source,
    })
    .optional(),
  lang: z.enum(["en", "ko"]).optional(),
  /** Every cost includes Korean VAT (as --vat). */
  vat: z.boolean().optional(),
  pue: z.number().min(LIMITS.pue.min).max(LIMITS.pue.max).optional(),
  // g CO2 per kWh, or a grid preset's name as --grid takes it ("korea", "us").
  grid: z
    .union([
      z.number().positive().max(LIMITS.gridGCO2PerKWh.max),
      z
        .string()
        .max(64)
        .regex(/^[a-z0-9-]+$/, "expected g CO2/kWh or a grid name such as korea"),
    ])
    .optional(),
  prices: list(UserPriceOffer),
  gpuSpecs: list(UserGpu),
  models: list(UserModel),
  profiles: list(UserProfile),
});
export type UserConfig = z.infer<typeof UserConfig>;

/** Checks a parsed config file; a problem is a UsageError naming the file and the JSON path. */
export function parseUserConfig(data: unknown, file: string): UserConfig {
  return parseWith(UserConfig, data, file);
}
