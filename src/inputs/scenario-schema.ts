import { z } from "zod";
import { LORA_TARGETS, parseLoraTargets } from "../model/lora.js";
import { UsageError } from "../errors.js";
import { STRATEGY_IDS } from "../catalog/constants.js";
import { printable } from "../catalog/schemas.js";

/**
 * A scenario: a named estimate (model, strategy, token source, training settings, optionally GPUs)
 * for `compare` and `scenarios`. Counts may be numbers (15000000000) or the strings estimate's
 * flags take ("15B", "14k"); they are checked by the estimate itself, which names the scenario.
 */
const Count = z.union([z.number().positive(), printable(100)]);
const name = printable(100);

const ScenarioFields = z.strictObject({
  id: z
    .string()
    .max(64, "expected at most 64 characters")
    .regex(/^[a-z0-9][a-z0-9._-]*$/, "expected lower-case letters, digits, '.', '_' or '-', e.g. my-dapt-7b"),
  // Lengths are checked with the cross-field rules (checkScenario), after the values that decide
  // what the scenario is: a wrong strategy is the error to report, not an essay of a title.
  title: printable(),
  /** The title and description in Korean, shown under --lang ko (a user's file may leave them out). */
  titleKo: printable().optional(),
  description: printable().optional(),
  descriptionKo: printable().optional(),
  /** Where the numbers come from, or why they were chosen. */
  source: printable().optional(),
  model: name.optional(),
  params: Count.optional(),
  addVocab: Count.optional(),
  vocab: Count.optional(),
  strategy: z.enum(STRATEGY_IDS),
  /** A count, or "chinchilla" (20 tokens per parameter). */
  tokens: Count.optional(),
  corpus: name.optional(),
  bytesPerToken: z.number().positive().optional(),
  corpusLang: name.optional(),
  examples: Count.optional(),
  tokensPerExample: Count.optional(),
  epochs: z.number().positive().optional(),
  gpus: name.optional(),
  seqLen: z.number().int().positive().optional(),
  microBatch: z.number().int().positive().optional(),
  recompute: z.enum(["none", "selective", "full"]).optional(),
  loraRank: z.number().int().positive().optional(),
  loraTargets: z.union([name, z.array(name).min(1).max(20)]).optional(),
});

type Fields = z.infer<typeof ScenarioFields>;

/** Cross-field rules, each reported at the field that breaks it. */
function checkScenario(s: Fields, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string): void => ctx.addIssue({ code: "custom", path: [path], message });
  if ((s.model === undefined) === (s.params === undefined))
    problem(s.model === undefined ? "params" : "model", "give exactly one of model or params");
  const sources = [
    s.tokens !== undefined && "tokens",
    s.corpus !== undefined && "corpus",
    s.examples !== undefined && "examples",
  ].filter(Boolean);
  if (sources.length !== 1)
    problem(
      sources[1] ? String(sources[1]) : "tokens",
      "give exactly one token source: tokens, corpus (with bytesPerToken or corpusLang) or examples (with tokensPerExample)",
    );
  if (s.corpus !== undefined && (s.bytesPerToken === undefined) === (s.corpusLang === undefined))
    problem("corpus", "corpus needs exactly one of bytesPerToken or corpusLang");
  if (s.corpus === undefined && (s.bytesPerToken !== undefined || s.corpusLang !== undefined))
    problem(s.bytesPerToken !== undefined ? "bytesPerToken" : "corpusLang", "needs corpus");
  if (s.examples !== undefined && s.tokensPerExample === undefined)
    problem("tokensPerExample", "examples needs tokensPerExample");
  if (s.examples === undefined && (s.tokensPerExample !== undefined || s.epochs !== undefined))
    problem(s.epochs !== undefined ? "epochs" : "tokensPerExample", "needs examples");
  if (s.addVocab !== undefined && s.vocab !== undefined) problem("vocab", "give addVocab or vocab, not both");
  if (s.model === undefined && (s.addVocab !== undefined || s.vocab !== undefined))
    problem(s.vocab !== undefined ? "vocab" : "addVocab", "needs model (a bare params size has no known vocabulary)");
  // A title fits a table cell; a description or source a paragraph.
  for (const [key, max] of [
    ["title", 100],
    ["titleKo", 100],
    ["description", 1000],
    ["descriptionKo", 1000],
    ["source", 1000],
  ] as const)
    if ((s[key]?.length ?? 0) > max) problem(key, `expected at most ${max} characters`);
  const lora = s.strategy === "lora" || s.strategy === "qlora";
  if (!lora && (s.loraRank !== undefined || s.loraTargets !== undefined))
    problem(s.loraRank !== undefined ? "loraRank" : "loraTargets", `applies to lora and qlora only, not ${s.strategy}`);
  // The same names --lora-targets takes, checked here too so `scenarios FILE` and `compare FILE` agree.
  if (s.loraTargets !== undefined) {
    try {
      parseLoraTargets(Array.isArray(s.loraTargets) ? s.loraTargets.join(",") : s.loraTargets, "loraTargets");
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problem("loraTargets", `expected ${LORA_TARGETS.join(", ")}, attn, mlp or all`);
    }
  }
}

/** One scenario as a user writes it (description and source optional). */
export const Scenario = ScenarioFields.superRefine(checkScenario);
export type Scenario = z.infer<typeof Scenario>;

/** A bundled scenario: documented in English and Korean, so description, source and the Korean texts are required. */
export const PresetScenario = ScenarioFields.extend({
  titleKo: printable(),
  description: printable(),
  descriptionKo: printable(),
  source: printable(),
}).superRefine(checkScenario);

const uniqueIds = (list: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx, at: PropertyKey[]): void => {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: [...at, i, "id"], message: `duplicate id "${s.id}"` });
    seen.add(s.id);
  });
};

/** presets/scenarios.json. */
export const ScenarioPresetsFile = z
  .strictObject({ $comment: z.string(), scenarios: z.array(PresetScenario).min(1) })
  .superRefine((f, ctx) => uniqueIds(f.scenarios, ctx, ["scenarios"]));

/** Scenarios one user file may hold: each is a whole estimate, and compare runs them all. */
export const MAX_SCENARIOS = 100;
const most = `expected at most ${MAX_SCENARIOS} scenarios`;

/** A list of scenarios in a user's file. */
export const ScenarioList = z
  .array(Scenario)
  .min(1)
  .max(MAX_SCENARIOS, most)
  .superRefine((list, ctx) => uniqueIds(list, ctx, []));

/** A user's file in the bundled file's shape: { "scenarios": [...] }. */
export const ScenarioFile = z
  .strictObject({ $comment: z.string().optional(), scenarios: z.array(Scenario).min(1).max(MAX_SCENARIOS, most) })
  .superRefine((f, ctx) => uniqueIds(f.scenarios, ctx, ["scenarios"]));
