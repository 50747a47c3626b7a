import type { PriceKind, StrategyId } from "../catalog/constants.js";
import type { Origin } from "../i18n/message.js";
import type { HfModel } from "../inputs/hf-config.js";
import type { TrainerOptions } from "../inputs/trainer-config.js";
import type { LoadedConfig } from "../inputs/user-config.js";
import type { UserProfile } from "../inputs/user-config-schema.js";
import type { Precision } from "../model/efficiency.js";
import type { LoraTarget } from "../model/lora.js";
import type { Optimizer, Recompute } from "../model/memory.js";

/** A value of the job with where it came from. */
export interface Given<T> {
  readonly value: T;
  readonly origin: Origin;
  /** The value as the user wrote it ("17B"), for messages that quote it. */
  readonly text?: string;
}

export const given = <T>(value: T, origin: Origin, text?: string): Given<T> =>
  text === undefined ? { value, origin } : { value, origin, text };

/** A given value as its messages quote it: as written, else its plain form. */
export const asWritten = (g: Given<unknown>): string => g.text ?? String(g.value);
export const FROM_FLAG: Origin = { kind: "flag" };

/** A dated exchange rate as a file or a flag gives it. */
export interface FxGiven {
  krwPerUsd: number;
  date: string;
  source: string;
}

/**
 * Every field of a job, typed. Names are the options' keys (src/job/options.ts), so an origin of
 * kind "flag" renders as the flag. GPU, model, provider, grid and language names stay names: the
 * resolver looks them up in the catalog (a config file may add GPUs and models).
 */
export interface JobFields {
  model: string;
  params: number;
  activeParams: number;
  addVocab: number;
  vocab: number;
  tokens: number | "chinchilla";
  corpus: number;
  bytesPerToken: number;
  corpusLang: string;
  examples: number;
  tokensPerExample: number;
  epochs: number;
  strategy: StrategyId[];
  gpus: string;
  precision: Precision;
  mfu: number;
  tokensPerSec: number;
  provider: string;
  price: number;
  priceKind: PriceKind;
  fx: FxGiven;
  /** Costs include Korean VAT. */
  vat: boolean;
  pue: number;
  grid: string | number;
  seqLen: number;
  microBatch: number | "auto";
  recompute: Recompute | "auto";
  tensorParallel: number | "auto";
  globalBatch: number;
  zero: 0 | 1 | 2 | 3;
  optimizer: Optimizer;
  flashAttn: boolean;
  loraRank: number;
  loraTargets: LoraTarget[];
  /** A measured speed saved by `calibrate --save` (--profile NAME picks it from the config file). */
  profile: UserProfile;
}

export type JobField = keyof JobFields;

/** The files behind a job, already read and checked at the edge. */
export interface JobFiles {
  config?: LoadedConfig;
  hf?: { file: string; model: HfModel };
  trainer?: { file: string; options: TrainerOptions };
}

/**
 * One job as the user described it, from any mix of flags, a config file, a scenario and a
 * trainer's YAML: each field typed and with its origin. resolveJob (./resolve-job.ts) turns it
 * into a report; every command goes through it.
 */
export type JobSpec = { readonly [K in JobField]?: Given<JobFields[K]> } & {
  readonly files?: JobFiles;
  /** Today's date (YYYY-MM-DD) as the edge read it, for the age of the exchange rate; absent: not checked. */
  readonly today?: string;
};

/** The given values of a spec, by field (not its files or today's date, which are context). */
export function givenFields(spec: JobSpec): Array<[JobField, Given<unknown>]> {
  return (Object.entries(spec) as Array<[string, unknown]>).filter(
    (entry): entry is [JobField, Given<unknown>] =>
      entry[0] !== "files" && entry[0] !== "today" && entry[1] !== undefined,
  );
}

/** Fields set by one source; a later layer wins field by field. */
export type JobLayer = { [K in JobField]?: Given<JobFields[K]> };

/**
 * Layers merged in order of precedence, lowest first (defaults < config < profile < scenario <
 * trainer < flags). A price and a provider both say where the price comes from, so the higher of the two
 * wins and the lower is dropped: a --price typed on the command line overrides a config's provider.
 */
export function mergeLayers(files: JobFiles, ...layers: readonly JobLayer[]): JobSpec {
  const merged: JobLayer = {};
  for (const layer of layers) {
    if (layer.price !== undefined) delete merged.provider;
    if (layer.provider !== undefined) delete merged.price;
    Object.assign(merged, layer);
  }
  return { ...merged, files };
}
