import { countParams } from "../model/architecture.js";
import { findGpu } from "../catalog/gpus.js";
import { LIMITS } from "../job/values/quantity.js";
import { usage } from "../errors.js";
import { quoted } from "../i18n/message.js";
import type { Catalog } from "../catalog/load.js";
import type { ModelPreset } from "../catalog/model-schema.js";
import type { GpuSpec, PriceOffer } from "../catalog/schemas.js";
import type { LoadedConfig } from "./user-config.js";

/** A model's parameter count within the --params bound, whatever file the shape came from. */
function boundedParams(total: number, where: string): number {
  if (!(total <= LIMITS.params))
    throw usage("file.tooManyParams", {
      file: where,
      params: total.toExponential(2),
      max: LIMITS.params.toExponential(),
    });
  return total;
}

/**
 * The fabric of a GPU from a config file. What the file leaves out is assumed to be the plainest
 * multi-GPU server: 8 cards on PCIe 4.0 x16 and 100 Gb/s Ethernet per server. Each assumption says
 * so in its source text, which the JSON output carries with the GPU.
 */
function ownNode(file: string, g: LoadedConfig["config"]["gpuSpecs"][number]): GpuSpec["node"] {
  const given = (what: string): string => `${file}: ${what} as given`;
  return {
    gpusPerNode: g.gpusPerNode ?? 8,
    intraNodeGBs: g.intraNodeGBs ?? 31.5,
    intraNodeSource:
      g.intraNodeGBs === undefined
        ? `not in ${file}: PCIe 4.0 x16 assumed (31.5 GB/s each way)`
        : given("intraNodeGBs"),
    interNodeGBsPerGpu: g.interNodeGBsPerGpu ?? 1.5625,
    interNodeSource:
      g.interNodeGBsPerGpu === undefined
        ? `not in ${file}: 100 Gb/s Ethernet per 8-GPU server assumed (1.56 GB/s per GPU)`
        : given("interNodeGBsPerGpu"),
  };
}

/**
 * The catalog with a config file's additions: its GPUs and models join (replacing a built-in entry
 * with the same id), and its price offers are tagged with the file so they win for their GPU and
 * name the file as their source.
 */
export function mergeConfig(catalog: Catalog, loaded: LoadedConfig | undefined): Catalog {
  if (!loaded) return catalog;
  // plan resolves the job once per GPU type with the same catalog and file: merge them once.
  const cached = merged.get(catalog)?.get(loaded);
  if (cached) return cached;
  const result = mergeOnce(catalog, loaded);
  if (!merged.has(catalog)) merged.set(catalog, new WeakMap());
  merged.get(catalog)!.set(loaded, result);
  return result;
}

/** Merged catalogs by their two inputs (objects that are never changed after loading). */
const merged = new WeakMap<Catalog, WeakMap<LoadedConfig, Catalog>>();

function mergeOnce(catalog: Catalog, loaded: LoadedConfig): Catalog {
  const { file, config } = loaded;
  const ownGpus: GpuSpec[] = config.gpuSpecs.map((g) => ({
    id: g.id,
    name: g.name,
    vendor: "own",
    aliases: g.aliases,
    architecture: g.architecture,
    memoryGB: g.memoryGB,
    bandwidthTBs: g.bandwidthTBs ?? null,
    denseTflops16: g.denseTflops16,
    tensorPrecision: "bf16",
    fp8DenseTflops: g.fp8DenseTflops,
    tdpW: g.tdpW,
    interconnectGBs: null,
    node: ownNode(file, g),
    confidence: "user",
    sources: [`${file}: ${g.source}`],
    date: g.date,
  }));
  // An own GPU with a built-in id replaces that GPU but keeps its names (H100 still finds it).
  for (const own of ownGpus) {
    const builtIn = catalog.gpus.find((g) => g.id === own.id);
    if (builtIn) own.aliases = [...new Set([...own.aliases, ...builtIn.aliases])];
  }
  const gpus = [...catalog.gpus.filter((g) => !ownGpus.some((o) => o.id === g.id)), ...ownGpus];
  const ownPrices: PriceOffer[] = config.prices.map((p, i) => {
    const gpu = findGpu(gpus, p.gpu);
    if (!gpu) throw usage("file.priceUnknownGpu", { file: quoted(file), path: `prices[${i}].gpu`, gpu: quoted(p.gpu) });
    return {
      provider: "own",
      providerName: p.providerName,
      gpu: gpu.id,
      region: p.region,
      usdPerGpuHour: p.usdPerGpuHour,
      kind: p.kind,
      date: p.date,
      current: true,
      source: p.source,
      origin: file,
    };
  });
  const ownModels: ModelPreset[] = config.models.map((m, i) => ({
    id: m.id,
    name: m.name,
    family: "own",
    aliases: m.aliases,
    arch: m.arch,
    publishedParams: boundedParams(countParams(m.arch).total, `${file}: models[${i}].arch`),
    publishedParamsSource: `computed from the architecture in ${file}`,
    source: `${file}: ${m.source}`,
  }));
  const models = [...catalog.models.filter((m) => !ownModels.some((o) => o.id === m.id)), ...ownModels];
  return { ...catalog, gpus, prices: [...catalog.prices, ...ownPrices], models };
}
