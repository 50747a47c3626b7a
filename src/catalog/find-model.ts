import type { ModelPreset } from "./model-schema.js";
import { didYouMean, invalid } from "../errors.js";
import { msg, type Subject } from "../i18n/message.js";
import { closest } from "../util/suggest.js";

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9.]/g, "");

/** Finds a model preset by id or alias (a Hugging Face id works too), ignoring case and dashes. */
export function findModel(models: readonly ModelPreset[], name: string, flag: Subject | string = "model"): ModelPreset {
  const wanted = normalize(name);
  const found = models.find((m) => normalize(m.id) === wanted || m.aliases.some((a) => normalize(a) === wanted));
  if (found) return found;
  const guess = closest(
    name,
    models.map((m) => m.id),
  );
  // A Hugging Face id ("org/name") that is no preset: its config.json gives the exact shape.
  const reason = name.includes("/") ? msg("reason.hubModelNotPreset") : msg("reason.unknownModel");
  throw invalid(flag, name, reason, didYouMean(guess));
}
