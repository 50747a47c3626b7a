import type { ModelPreset } from "./model-schema.js";
import { badValue } from "../errors.js";
import { closest } from "../util/suggest.js";

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9.]/g, "");

/** Finds a model preset by id or alias (a Hugging Face id works too), ignoring case and dashes. */
export function findModel(models: readonly ModelPreset[], name: string, flag = "--model"): ModelPreset {
  const wanted = normalize(name);
  const found = models.find((m) => normalize(m.id) === wanted || m.aliases.some((a) => normalize(a) === wanted));
  if (found) return found;
  const guess = closest(
    name,
    models.map((m) => m.id),
  );
  // A Hugging Face id ("org/name") that is no preset: its config.json gives the exact shape.
  const allowed = name.includes("/")
    ? "not a preset: give the model's config.json with --model-config (or --params)"
    : "unknown model; run with a preset id such as llama-2-7b (llm-cost models lists them), give --model-config config.json, or --params";
  throw badValue(flag, name, allowed, guess ? `did you mean ${guess}?` : undefined);
}
