import { didYouMean, invalid } from "../errors.js";
import { msg, quoted, type Subject } from "../i18n/message.js";
import type { GpuSpec } from "./schemas.js";
import { closest } from "../util/suggest.js";

/** A cluster: which GPU and how many. */
export interface GpuSelection {
  gpu: GpuSpec;
  count: number;
}

/** More than this many GPUs is certainly a typo (the largest published runs use tens of thousands). */
export const MAX_GPUS = 1_000_000;

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Finds a GPU by id or alias, ignoring case, spaces, dashes and underscores ("a100-40gb" = "A100 40GB"). */
export function findGpu(gpus: readonly GpuSpec[], name: string): GpuSpec | undefined {
  const wanted = normalize(name);
  if (!wanted) return undefined;
  return gpus.find((g) => normalize(g.id) === wanted || g.aliases.some((a) => normalize(a) === wanted));
}

/** The names shown to users: the first alias of each GPU (H100, A100, …), else its id. */
export function gpuDisplayName(gpu: GpuSpec): string {
  return gpu.aliases[0] ?? gpu.id;
}

/**
 * Parses "2xH100", "2×H100", "2 x h100", "8xA100-40GB" or "H100" (one GPU) against the catalog.
 * The count is a whole number from 1 to MAX_GPUS.
 */
export function parseGpuSelection(
  value: string,
  gpus: readonly GpuSpec[],
  flag: Subject | string = "gpus",
): GpuSelection {
  const forms = msg("reason.gpuForms");
  // "2xH100", "2 x h100", "2 H100", and the reversed "H100x2" when its name part is a GPU.
  const reversed = /^\s*(\S.*?)\s*[x×*]\s*(\d+)\s*$/i.exec(value);
  const match =
    reversed && findGpu(gpus, reversed[1]!) && !findGpu(gpus, value)
      ? [value, reversed[2], reversed[1]]
      : /^\s*(?:(\d+)\s*(?:[x×*]\s*|\s+))?(\S.*?)\s*$/i.exec(value);
  if (!match) throw invalid(flag, value, forms);
  const [, countText, name = ""] = match;
  const count = countText === undefined ? 1 : Number(countText);
  if (count > MAX_GPUS) throw invalid(flag, value, msg("reason.gpuCountMax", { max: MAX_GPUS }));
  if (!Number.isSafeInteger(count) || count < 1) throw invalid(flag, value, msg("reason.gpuCountMin"));
  const gpu = findGpu(gpus, name);
  if (!gpu) {
    // The names fit on the error line while the catalog is the built-in one; a config may add
    // thousands, and then `llm-cost gpus` lists them instead.
    const names = gpus.flatMap((g) => g.aliases.slice(0, 1));
    const known = names.join(", ");
    const reason =
      known.length <= 200
        ? msg("reason.unknownGpu", { name: quoted(name, 40), known })
        : msg("reason.unknownGpuLong", { name: quoted(name, 40) });
    const guess = closest(
      name,
      gpus.flatMap((g) => [...g.aliases, g.id]),
    );
    throw invalid(flag, value, reason, didYouMean(guess));
  }
  return { gpu, count };
}
