import type { PublishedRun } from "../catalog/run-schema.js";
import type { GpuSpec } from "../catalog/schemas.js";
import { TRAINED_FLOPS_PER_PARAM } from "../model/flops.js";
import { findGpu } from "../catalog/gpus.js";

/** The catalog GPU of a run's free-text GPU column ("A100-80GB", "H100-80GB SXM", "A100 (unspecified)"). */
export function runGpu(gpus: readonly GpuSpec[], gpuType: string): GpuSpec | undefined {
  return findGpu(gpus, gpuType.split(/[\s(]/)[0]!);
}

/** A published whole run's achieved efficiency: 6·N·D / (GPU-hours × dense 16-bit peak). */
export interface RunEfficiency {
  id: string;
  architecture: GpuSpec["architecture"];
  mfu: number;
}

/** Whole-run efficiencies of the published full runs on catalog GPUs (the data's own "full-run" use). */
export function wholeRunEfficiencies(runs: readonly PublishedRun[], gpus: readonly GpuSpec[]): RunEfficiency[] {
  return runs.flatMap((run) => {
    const gpu = run.use === "full-run" ? runGpu(gpus, run.gpuType) : undefined;
    if (!gpu) return [];
    const mfu =
      (TRAINED_FLOPS_PER_PARAM * run.paramsActive! * run.tokens!) / (run.gpuHours! * 3600 * gpu.denseTflops16 * 1e12);
    return [{ id: run.id, architecture: gpu.architecture, mfu }];
  });
}
