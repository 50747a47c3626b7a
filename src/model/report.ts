import { usage } from "../errors.js";
import { type Message, msg, type Origin, subject } from "../i18n/message.js";
import type { PriceKind, StrategyId } from "../catalog/constants.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { estimate, formulas, type EstimateRequest, type FxAssumption, type StrategyEstimate } from "./estimate.js";
import type { Architecture } from "./architecture.js";
import type { Precision } from "./efficiency.js";
import type { MemorySettings } from "./memory-fit.js";
import type { EnergyAssumption } from "./energy.js";
import type { LoraTarget } from "./lora.js";
import type { PriceAssumption } from "../catalog/price-lookup.js";
import type { VatAssumption } from "./vat.js";

/** The resolved inputs, as the user gave them or as defaults filled them in. */
export interface ResolvedInputs {
  /** The preset id when --model was given. */
  model?: string;
  /** exact: a preset or config.json; generic: the LLaMA-like shape assumed for a bare --params. */
  modelShape: "exact" | "generic";
  /** The architecture memory and attention FLOPs were computed on (exact, or the generic shape). */
  shape: Architecture;
  memory: MemorySettings;
  /** Tokens per optimizer step over all GPUs. */
  globalBatchTokens: number;
  /** What a --from training config contributed. */
  from?: { file: string; trainer: string; used: string[]; ignored: string[]; assumed: string[]; notes: string[] };
  /** The vocabulary in use when a preset's was changed or is known. */
  vocab?: number;
  addedVocabParams: number;
  params: number;
  activeParams: number;
  /** How the token count was arrived at, as a message each output renders in its language. */
  tokensBasis: Message;
  tokens: number;
  gpu: GpuSpec;
  gpuCount: number;
  strategies: StrategyId[];
  mfu?: number;
  tokensPerSecPerGpu?: number;
  precision: Precision;
  priceKind: PriceKind;
  provider?: string;
  loraRank: number;
  loraTargets: LoraTarget[];
}

/** What every renderer (table, json, csv, tsv) consumes: results plus the assumptions behind them. */
export interface EstimateReport {
  inputs: ResolvedInputs;
  /** Where each input came from (a flag, a file and key, a scenario, a default), by field. */
  origins: Readonly<Record<string, Origin>>;
  energy: EnergyAssumption;
  price: PriceAssumption | null;
  fx: FxAssumption;
  /** Whether the costs include Korean VAT, and its rate. */
  vat: VatAssumption;
  estimates: StrategyEstimate[];
  formulas: string[];
  warnings: Message[];
  /** The request the estimates came from (for commands that vary it, such as plan; never printed). */
  request: EstimateRequest;
}

/** Share of a step spent waiting on communication beyond which a job is called communication-bound. */
const COMMUNICATION_BOUND_SHARE = 0.25;

/**
 * What the throughput model found worth a warning: a job whose steps wait on the network, and more
 * GPUs than the global batch has micro-batches for (data parallelism cannot keep them busy).
 */
function throughputWarnings(request: EstimateRequest, estimates: readonly StrategyEstimate[]): Message[] {
  const out: Message[] = [];
  for (const e of estimates) {
    const s = e.efficiency.steady;
    if (!s) continue;
    const step = s.computeSecondsPerStep + s.exposedCommunicationSeconds;
    const share = s.exposedCommunicationSeconds / step;
    if (share > COMMUNICATION_BOUND_SHARE) {
      out.push(
        msg("warn.communicationBound", {
          strategy: e.strategy,
          share: Math.round(share * 100),
          link: s.link.kind,
          gbs: Math.round(s.link.nominalGBs * 10) / 10,
          perNode: s.link.kind === "inter-node" ? "yes" : undefined,
        }),
      );
    }
  }
  const t = request.memory.tensorParallel;
  if (t !== "auto" && request.gpuCount % t !== 0)
    out.push(msg("warn.tensorParallelNotDivisor", { degree: t, gpus: request.gpuCount }));
  else if (t !== "auto" && t > request.gpu.node.gpusPerNode)
    out.push(msg("warn.tensorParallelBeyondNode", { degree: t, node: request.gpu.node.gpusPerNode }));
  const perStep = request.gpuCount * request.memory.seqLen;
  if (perStep > request.globalBatchTokens) {
    out.push(
      msg("warn.batchTooSmall", {
        gpus: request.gpuCount,
        seqLen: request.memory.seqLen,
        batch: request.globalBatchTokens,
        perStep,
      }),
    );
  }
  return out;
}

/** Llama 3 405B's 16,384 H100s: the largest cluster in the bundled published runs' sources. */
const LARGEST_PUBLISHED_CLUSTER = 16_384;

/** Paths of numbers in a value that are NaN or infinite. */
function findNonFinite(value: unknown, path: string): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => findNonFinite(v, `${path}.${key}`));
}

/** Runs the estimate and gathers what a reader needs to trace each number. */
export function buildReport(
  inputs: ResolvedInputs,
  origins: Readonly<Record<string, Origin>>,
  request: EstimateRequest,
): EstimateReport {
  const estimates = estimate(request);
  // The input limits keep every figure finite; this is the last line of defence, so that no
  // combination of them can print Infinity or NaN.
  const bad = estimates.flatMap((e) => findNonFinite(e, e.strategy));
  if (bad.length > 0) {
    // Name where the price and the exchange rate came from: a config file, not a flag, may hold them.
    throw usage("rule.tooLargeToCompute", {
      path: bad[0],
      price: subject("price", origins["price"]),
      fx: subject("fx", origins["fx"]),
    });
  }
  const warnings: Message[] = [];
  if (request.price?.staleNote) warnings.push(request.price.staleNote);
  if (request.gpuCount > LARGEST_PUBLISHED_CLUSTER) {
    warnings.push(msg("warn.largerThanPublished", { gpus: request.gpuCount, largest: LARGEST_PUBLISHED_CLUSTER }));
  }
  warnings.push(...throughputWarnings(request, estimates));
  if (inputs.mfu !== undefined && inputs.mfu > 0.7) {
    warnings.push(msg("warn.mfuHigh", { mfu: String(inputs.mfu) }));
  }
  return {
    inputs,
    origins,
    energy: request.energy,
    price: request.price,
    fx: request.fx,
    vat: request.vat,
    estimates,
    formulas: formulas(estimates.map((e) => e.training)),
    warnings,
    request,
  };
}
