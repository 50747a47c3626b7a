import type { ThroughputModel } from "../model/efficiency.js";
import type { ThroughputFile } from "./throughput-schema.js";

/** The model as presets/throughput.json states it. */
export function modelFromFile(file: ThroughputFile): ThroughputModel {
  const s = file.steadyState;
  const g = file.goodput;
  const r = file.range;
  return {
    steadyState: {
      matmulEfficiency: s.matmulEfficiency.value,
      referenceFlopsPerByte: s.referenceFlopsPerByte.value,
      balanceExponent: s.balanceExponent.value,
      layerOverheadSeconds: s.layerOverheadSeconds.value,
      fp8Speedup: s.fp8Speedup.value,
      loraEfficiency: s.loraEfficiency.value,
      qloraEfficiency: s.qloraEfficiency.value,
    },
    goodput: {
      maxRunOverhead: g.maxRunOverhead.value,
      halfOverheadGpuDays: g.halfOverheadGpuDays.value,
      interruptionsPerGpuHour: g.interruptionsPerGpuHour.value,
      hoursLostPerInterruption: g.hoursLostPerInterruption.value,
      startupHours: g.startupHours.value,
    },
    range: {
      singleNode: r.singleNode.value,
      multiNode: r.multiNode.value,
      singleNodeUpTo: r.singleNodeUpTo.value,
      multiNodeFrom: r.multiNodeFrom.value,
    },
  };
}
