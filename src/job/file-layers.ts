import type { LoadedScenario } from "../inputs/scenarios.js";
import type { TrainerOptions } from "../inputs/trainer-config.js";
import { trainerPath } from "../inputs/trainer-paths.js";
import type { LoadedConfig } from "../inputs/user-config.js";
import { parseLayer } from "./flag-layer.js";
import { given, type JobLayer } from "./spec.js";

/** A config file's defaults (GPUs, provider, price kind, exchange rate, VAT, PUE, grid), tagged with the file and key. */
export function configLayer(loaded: LoadedConfig | undefined): JobLayer {
  if (!loaded) return {};
  const c = loaded.config;
  const origin = (key: string) => ({ kind: "config" as const, file: loaded.file, key });
  const layer = parseLayer(
    { gpus: c.gpus, provider: c.provider, priceKind: c.priceKind, pue: c.pue, grid: c.grid },
    origin,
  );
  // The file's rate is already checked (schema) and carries its own date and source.
  if (c.fx) layer.fx = given({ ...c.fx, source: `${loaded.file}: ${c.fx.source}` }, origin("fx"));
  if (c.vat !== undefined) layer.vat = given(c.vat, origin("vat"));
  return layer;
}

/** A scenario's job (model, strategy, tokens, settings, GPUs), tagged with the scenario and key. */
export function scenarioLayer(loaded: LoadedScenario): JobLayer {
  const s = loaded.scenario;
  const values = { ...s, strategy: s.strategy } as Record<string, unknown>;
  return parseLayer(values, (key) => ({ kind: "scenario", id: s.id, file: loaded.origin, key }));
}

/**
 * What a trainer's YAML says about the job, tagged with the file and YAML path. Its epochs count
 * only with --examples (a token count already includes them); its sharding only when no --zero or
 * --fsdp was typed (those are read before this layer is built).
 */
export function trainerLayer(
  trainer: { file: string; options: TrainerOptions } | undefined,
  hasExamples: boolean,
): JobLayer {
  if (!trainer) return {};
  const o = trainer.options;
  const values: Record<string, unknown> = {
    strategy: o.strategy,
    loraRank: o.loraRank,
    loraTargets: o.loraTargets,
    seqLen: o.seqLen,
    microBatch: o.microBatch,
    recompute: o.recompute,
    zero: o.zero,
    optimizer: o.optimizer,
    epochs: hasExamples ? o.epochs : undefined,
  };
  return parseLayer(values, (key) => ({
    kind: "trainer",
    file: trainer.file,
    key: trainerPath(o.trainer, key),
  }));
}
