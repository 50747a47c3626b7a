import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { UsageError } from "../errors.js";
import { ArchitectureSpec } from "./model-schema.js";
import { PRICE_KINDS, SourceDate } from "./schemas.js";
import { describeZodError } from "./zod-error.js";

/**
 * llm-cost.config.json: a team's own defaults and additions. Precedence is built-in < this file <
 * command-line flags. Own price offers (a negotiated rate) are used instead of the market median
 * for their GPU; own GPUs and models join the catalog. Unknown keys are errors, so a typo never
 * silently does nothing.
 */
export const CONFIG_FILE_NAME = "llm-cost.config.json";

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "expected a lower-case id of letters, digits, dots and dashes");

export const UserPriceOffer = z.strictObject({
  gpu: z.string().min(1),
  usdPerGpuHour: z.number().positive().finite(),
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
  memoryGB: z.number().positive().finite(),
  denseTflops16: z.number().positive().finite(),
  tdpW: z.number().positive().finite(),
  fp8DenseTflops: z.number().positive().finite().nullable().default(null),
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
  fx: z.strictObject({ krwPerUsd: z.number().positive().finite(), date: SourceDate, source: z.string().min(1) }).optional(),
  lang: z.enum(["en", "ko"]).optional(),
  pue: z.number().min(1).max(3).optional(),
  grid: z.number().positive().finite().optional(),
  prices: z.array(UserPriceOffer).default([]),
  gpuSpecs: z.array(UserGpu).default([]),
  models: z.array(UserModel).default([]),
});
export type UserConfig = z.infer<typeof UserConfig>;

/** A config that was found, and the path it came from (for error messages and JSON provenance). */
export interface LoadedConfig {
  file: string;
  config: UserConfig;
}

/**
 * Reads the config: --config PATH when given (it must exist), else llm-cost.config.json in the
 * working directory when present, else none. Every failure names the file (and the JSON path).
 */
export function loadUserConfig(explicitPath: string | undefined, cwd: string): LoadedConfig | undefined {
  const file = explicitPath ?? CONFIG_FILE_NAME;
  const full = resolve(cwd, file);
  let text: string;
  try {
    if (statSync(full).isDirectory()) throw new UsageError(`${file}: is a directory, not a config file`);
    text = readFileSync(full, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && explicitPath === undefined) return undefined;
    throw new UsageError(`${file}: cannot be read (${code ?? "error"})${explicitPath !== undefined ? " (--config)" : ""}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = UserConfig.safeParse(data);
  if (!parsed.success) throw new UsageError(describeZodError(file, parsed.error));
  return { file, config: parsed.data };
}
