import type { PriceKind, StrategyId } from "../catalog/constants.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { estimate, formulas, type EstimateRequest, type FxAssumption, type StrategyEstimate } from "./estimate.js";
import type { Precision } from "./efficiency.js";
import type { MemorySettings } from "./fit.js";
import type { EnergyAssumption } from "./energy.js";
import type { LoraTarget } from "./lora.js";
import type { PriceAssumption } from "./price.js";

/** The resolved inputs, as the user gave them or as defaults filled them in. */
export interface ResolvedInputs {
  /** The preset id when --model was given. */
  model?: string;
  /** exact: a preset or config.json; generic: the LLaMA-like shape assumed for a bare --params. */
  modelShape: "exact" | "generic";
  memory: MemorySettings;
  /** What a --from training config contributed. */
  from?: { file: string; trainer: string; used: string[]; ignored: string[]; assumed: string[]; notes: string[] };
  /** The vocabulary in use when a preset's was changed or is known. */
  vocab?: number;
  addedVocabParams: number;
  params: number;
  activeParams: number;
  /** How the token count was arrived at, in words. */
  tokensBasis: string;
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
  /** Where each assumption came from: "flag", "config: FILE" or "built-in". */
  sources: Record<string, string>;
  energy: EnergyAssumption;
  price: PriceAssumption;
  fx: FxAssumption;
  estimates: StrategyEstimate[];
  formulas: string[];
  warnings: string[];
}

/** Runs the estimate and gathers what a reader needs to trace each number. */
export function buildReport(inputs: ResolvedInputs, sources: Record<string, string>, request: EstimateRequest): EstimateReport {
  const estimates = estimate(request);
  const warnings: string[] = [];
  if (inputs.mfu !== undefined && inputs.mfu > 0.7) {
    warnings.push(`--mfu ${inputs.mfu} is above 0.7: no published training run sustains that (physics.md §2.5: 0.3–0.55 is typical)`);
  }
  return { inputs, sources, energy: request.energy, price: request.price, fx: request.fx, estimates, formulas: formulas(estimates.map((e) => e.training)), warnings };
}
