// Checks the memory model (memory.ts) against measured fine-tuning peaks bundled in
// presets/finetune-measured.json (converted from the research data (shared data/finetune-measured.csv); the mapping
// rules are in that file's "$comment"). Pure: the caller reads the JSON and supplies architectures.
// Used by `llm-cost validate --memory`.

import { z } from "zod";
import { genericArchitecture, type Architecture } from "../model/architecture.js";
import { LORA_TARGETS, type LoraTarget } from "../model/lora.js";
import {
  CUDA_CONTEXT_BYTES,
  FRAGMENTATION_MARGIN,
  memoryPerGpu,
  OPTIMIZERS,
  type MemoryBreakdown,
  type MemoryRequest,
} from "../model/memory.js";
import { median } from "../util/stats.js";

// ---------------------------------------------------------------------------------------------
// The bundled file
// ---------------------------------------------------------------------------------------------

const ArchitectureShape = z.strictObject({
  layers: z.number().int().positive(),
  hidden: z.number().int().positive(),
  heads: z.number().int().positive(),
  kvHeads: z.number().int().positive(),
  headDim: z.number().int().positive(),
  ffn: z.number().int().positive(),
  mlp: z.enum(["gated", "plain"]),
  vocab: z.number().int().positive(),
  tiedEmbeddings: z.boolean(),
  norm: z.enum(["rmsnorm", "layernorm"]),
  normsPerLayer: z.number().int().nonnegative(),
  attnBias: z.enum(["none", "qkv", "all"]),
  mlpBias: z.boolean(),
  positionEmbeddings: z.number().int().nonnegative(),
});

/** What the memory model needs for one measured row (present only on rows used for memory). */
export const MemoryInput = z.strictObject({
  /** preset id in presets/models.json, or null when no preset exists */
  arch: z.string().nullable(),
  /** exact shape from the model's config.json when there is no preset */
  archShape: ArchitectureShape.nullable(),
  archSource: z.string(),
  training: z.enum(["full", "lora", "qlora"]),
  optimizer: z.enum(OPTIMIZERS),
  zero: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  recompute: z.enum(["none", "selective", "full"]),
  flash: z.boolean(),
  gpuCount: z.number().int().positive(),
  seqLen: z.number().int().positive(),
  microBatch: z.number().int().positive(),
  loraRank: z.number().int().nonnegative(),
  loraTargets: z.array(z.enum(LORA_TARGETS)),
});
export type MemoryInput = z.infer<typeof MemoryInput>;

/** How much of the card a measurement counts (see the JSON's "$comment"). */
export const PeakMemBasis = z.enum(["allocated", "reserved", "device"]);
export type PeakMemBasis = z.infer<typeof PeakMemBasis>;

export const MeasuredRow = z.strictObject({
  id: z.string().min(1),
  model: z.string(),
  paramsB: z.number().positive(),
  method: z.string(),
  loraRank: z.number().nullable(),
  loraTargets: z.string(),
  precision: z.string(),
  optimizer: z.string(),
  gpuType: z.string(),
  gpuCount: z.number().int().positive().nullable(),
  seqLen: z.number().int().positive().nullable(),
  seqLenText: z.string(),
  microBatch: z.number().int().positive().nullable(),
  gradAccum: z.number().nullable(),
  gradAccumText: z.string(),
  gradCkpt: z.boolean().nullable(),
  gradCkptText: z.string(),
  flashAttn: z.string(),
  sharding: z.string(),
  /** decimal GB (1e9 bytes), per GPU */
  peakMemGB: z.number().positive().nullable(),
  peakMemKind: z.enum(["exact", "upper-bound", "lower-bound"]).nullable(),
  peakMemText: z.string(),
  peakMemDefinition: z.string(),
  peakMemBasis: PeakMemBasis.nullable(),
  tokensPerSecPerGpu: z.number().positive().nullable(),
  confidence: z.string(),
  source: z.string(),
  url: z.string(),
  quote: z.string(),
  notes: z.string(),
  use: z.enum(["memory", "throughput", "both", "excluded"]),
  excludedReason: z.string().optional(),
  memoryExcludedReason: z.string().optional(),
  conversionNotes: z.array(z.string()).optional(),
  memoryInput: MemoryInput.optional(),
});
export type MeasuredRow = z.infer<typeof MeasuredRow>;

export const FinetuneMeasuredFile = z.strictObject({
  $comment: z.string(),
  source: z.string(),
  rows: z.array(MeasuredRow),
});
export type FinetuneMeasuredFile = z.infer<typeof FinetuneMeasuredFile>;

/** Parses the bundled JSON (already read by the caller); throws a ZodError on a malformed file. */
export function parseFinetuneMeasured(data: unknown): FinetuneMeasuredFile {
  const file = FinetuneMeasuredFile.parse(data);
  for (const row of file.rows) {
    const usedForMemory = row.use === "memory" || row.use === "both";
    if (
      usedForMemory &&
      (!row.memoryInput || row.peakMemGB === null || row.peakMemKind === null || row.peakMemBasis === null)
    ) {
      throw new Error(`finetune-measured row ${row.id}: used for memory but lacks memoryInput or a peak figure`);
    }
    if (row.use === "excluded" && !row.excludedReason) {
      throw new Error(`finetune-measured row ${row.id}: excluded without excludedReason`);
    }
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

/** Returns the architecture for a row: its preset, its exact shape, or genericArchitecture(params). */
export type ArchitectureResolver = (row: MeasuredRow) => Architecture;

/**
 * The usual resolver: the preset named by memoryInput.arch (looked up by the caller's function),
 * else memoryInput.archShape, else a generic LLaMA-like shape of paramsB parameters.
 */
export function resolveArchitecture(row: MeasuredRow, preset: (id: string) => Architecture | undefined): Architecture {
  const input = row.memoryInput;
  if (input?.arch) {
    const found = preset(input.arch);
    if (found) return found;
  }
  if (input?.archShape) return input.archShape;
  return genericArchitecture(row.paramsB * 1e9);
}

/** The memory request a row describes. */
export function requestForRow(input: MemoryInput, arch: Architecture): MemoryRequest {
  return {
    arch,
    training: input.training,
    gpuCount: input.gpuCount,
    zero: input.zero,
    optimizer: input.optimizer,
    seqLen: input.seqLen,
    microBatch: input.microBatch,
    recompute: input.recompute,
    flashAttention: input.flash,
    loraRank: input.training === "full" ? 0 : input.loraRank,
    loraTargets: input.training === "full" ? [] : (input.loraTargets as LoraTarget[]),
  };
}

/**
 * The part of the estimate a tool of this basis sees: torch max_memory_allocated excludes the CUDA
 * context and the allocator's cache (our fragmentation margin); memory_reserved includes the cache but
 * not the context; nvidia-smi and whole-card statements (OOM, "fits in") include everything.
 */
export function estimateOnBasis(b: MemoryBreakdown, basis: PeakMemBasis): number {
  switch (basis) {
    case "allocated":
      // ZeRO-3 gather buffers are torch allocations, so only the context and the cache margin go
      return b.total - CUDA_CONTEXT_BYTES - FRAGMENTATION_MARGIN * b.activations;
    case "reserved":
      return b.total - CUDA_CONTEXT_BYTES;
    case "device":
      return b.total;
  }
}

export interface MemoryValidationRow {
  id: string;
  model: string;
  training: MemoryInput["training"];
  kind: "exact" | "upper-bound" | "lower-bound";
  basis: PeakMemBasis;
  confidence: string;
  /** decimal GB per GPU */
  measuredGB: number;
  /** decimal GB per GPU, on the row's basis */
  estimatedGB: number;
  /** estimate / measured − 1 (for bound rows: relative to the bound) */
  error: number;
  /** bound rows only: lower bound → estimate > bound; upper bound → estimate ≤ bound */
  respectsBound: boolean | null;
  breakdown: MemoryBreakdown;
}

export interface MemoryValidationSummary {
  /** rows with an exact measured peak (the error statistics use only these) */
  rows: number;
  /** median of |estimate / measured − 1| over exact rows */
  medianAbsError: number;
  /** share of exact rows with |error| ≤ 0.25 */
  shareWithin25: number;
  /** rows that only bound the peak (OOM, "fits in") */
  boundRows: number;
  boundsRespected: number;
}

export interface MemoryValidation {
  rows: MemoryValidationRow[];
  summary: MemoryValidationSummary;
}

/** Estimates every row used for memory and compares it with the measurement. */
export function validateMemory(rows: readonly MeasuredRow[], resolve: ArchitectureResolver): MemoryValidation {
  const out: MemoryValidationRow[] = [];
  for (const row of rows) {
    if (row.use !== "memory" && row.use !== "both") continue;
    const input = row.memoryInput;
    if (!input || row.peakMemGB === null || row.peakMemKind === null || row.peakMemBasis === null) continue;
    const breakdown = memoryPerGpu(requestForRow(input, resolve(row)));
    const estimatedGB = estimateOnBasis(breakdown, row.peakMemBasis) / 1e9;
    const kind = row.peakMemKind;
    out.push({
      id: row.id,
      model: row.model,
      training: input.training,
      kind,
      basis: row.peakMemBasis,
      confidence: row.confidence,
      measuredGB: row.peakMemGB,
      estimatedGB,
      error: estimatedGB / row.peakMemGB - 1,
      respectsBound:
        kind === "exact" ? null : kind === "lower-bound" ? estimatedGB > row.peakMemGB : estimatedGB <= row.peakMemGB,
      breakdown,
    });
  }
  const exact = out.filter((r) => r.kind === "exact");
  const bounds = out.filter((r) => r.kind !== "exact");
  const abs = exact.map((r) => Math.abs(r.error));
  return {
    rows: out,
    summary: {
      rows: exact.length,
      medianAbsError: median(abs),
      shareWithin25: exact.length === 0 ? Number.NaN : abs.filter((e) => e <= 0.25).length / exact.length,
      boundRows: bounds.length,
      boundsRespected: bounds.filter((r) => r.respectsBound).length,
    },
  };
}
