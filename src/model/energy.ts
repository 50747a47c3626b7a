import type { Range } from "./range.js";
import { mapRange } from "./range.js";

/**
 * Energy and carbon the way the LLaMA and Llama 2 papers report them (docs/formulas.md §7):
 * kWh = GPU-hours × TDP (kW) × PUE, and CO2 = kWh × grid intensity. Llama 2 7B's card:
 * 184,320 GPU-h × 0.4 kW × 1.1 × 0.385 kg/kWh = 31.22 t. TDP is the GPU's rated power, so this
 * overstates a partly busy GPU and leaves out host CPUs and network beyond what PUE covers.
 */
export interface EnergyAssumption {
  tdpW: number;
  pue: number;
  gCO2PerKWh: number;
  /** Where the grid figure comes from, in full (for the JSON). */
  gridSource: string;
  /** A short name for tables: the preset id and date, or "--grid". */
  gridLabel?: string;
  /** The same in Korean ("한국, 2025-12-18"), when the preset names the grid in Korean. */
  gridLabelKo?: string;
  pueSource: string;
}

export interface EnergyEstimate {
  energyKwh: Range;
  co2Kg: Range;
}

/** kWh for a number of GPU-hours. */
export function energyKwh(gpuHours: number, tdpW: number, pue: number): number {
  return (gpuHours * tdpW * pue) / 1000;
}

/** Energy and CO2 ranges that follow the GPU-hour range. */
export function estimateEnergy(gpuHours: Range, assumption: EnergyAssumption): EnergyEstimate {
  const energy = mapRange(gpuHours, (h) => energyKwh(h, assumption.tdpW, assumption.pue));
  return { energyKwh: energy, co2Kg: mapRange(energy, (kwh) => (kwh * assumption.gCO2PerKWh) / 1000) };
}
