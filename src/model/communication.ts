import type { GpuSpec } from "../catalog/schemas.js";

/**
 * Data-parallel traffic per step and the link it runs over. Pure arithmetic, no I/O.
 *
 * Collective cost (NCCL's performance notes, "bus bandwidth"): an all-gather or reduce-scatter of S
 * bytes over n ranks moves S·(n−1)/n bytes through each rank's slowest link; an all-reduce moves twice
 * that. Inside one node that link is the GPU's own fabric (NVLink, or PCIe). Across nodes, NCCL runs one
 * ring per network card, so a node's rings together get the node's whole scale-out bandwidth
 * (cards × card speed), and the per-rank bottleneck is the smaller of the GPU's intra-node link and
 * that aggregate. Collectives reach about 80 % of the links' nominal speed (Bekman, "Machine Learning
 * Engineering", network chapter: "if it's advertised as 400Gbps … expect to get 320Gbps").
 */

/** Share of nominal link bandwidth that collectives achieve. */
export const COLLECTIVE_EFFICIENCY = 0.8;

/** Bytes per parameter of the 16-bit weights and gradients that data parallelism moves. */
export const BYTES_PER_16BIT_VALUE = 2;

export interface Link {
  /** Achievable bandwidth per rank in bytes/s (after COLLECTIVE_EFFICIENCY). */
  bytesPerSecond: number;
  /** Which fabric limits it, for the bottleneck warning. */
  kind: "intra-node" | "inter-node";
  nominalGBs: number;
}

/** The link a collective over `gpuCount` GPUs of this type is limited by. */
export function collectiveLink(gpu: GpuSpec, gpuCount: number): Link {
  const { gpusPerNode, intraNodeGBs, interNodeGBsPerGpu } = gpu.node;
  if (gpuCount <= gpusPerNode)
    return { bytesPerSecond: intraNodeGBs * 1e9 * COLLECTIVE_EFFICIENCY, kind: "intra-node", nominalGBs: intraNodeGBs };
  const nodeAggregate = interNodeGBsPerGpu * gpusPerNode;
  if (intraNodeGBs <= nodeAggregate)
    return { bytesPerSecond: intraNodeGBs * 1e9 * COLLECTIVE_EFFICIENCY, kind: "intra-node", nominalGBs: intraNodeGBs };
  return { bytesPerSecond: nodeAggregate * 1e9 * COLLECTIVE_EFFICIENCY, kind: "inter-node", nominalGBs: nodeAggregate };
}

/** Seconds for an all-gather (or reduce-scatter) of `bytes` over `ranks` ranks on `link`. */
export function allGatherSeconds(bytes: number, ranks: number, link: Link): number {
  return ranks <= 1 ? 0 : (bytes * (ranks - 1)) / ranks / link.bytesPerSecond;
}

/** Seconds for an all-reduce of `bytes`: a reduce-scatter plus an all-gather. */
export function allReduceSeconds(bytes: number, ranks: number, link: Link): number {
  return 2 * allGatherSeconds(bytes, ranks, link);
}
