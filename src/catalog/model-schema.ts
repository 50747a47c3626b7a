import { z } from "zod";
import { UsageError } from "../errors.js";
import { zodProblem } from "./zod-error.js";

/**
 * zod schema for presets/models.json: model architectures with their published parameter counts.
 * Every preset must say where its shape and its count come from, so `source` and
 * `publishedParamsSource` are mandatory.
 */

/** Message for a missing key versus a wrong value, so "required" is not reported as a type error. */
function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `required (${what})` : `expected ${what}`);
}

const positiveInt = z
  .number({ error: expected("a positive integer") })
  .int({ error: "expected a positive integer" })
  .positive({ error: "expected a positive integer" });

const nonNegativeInt = z
  .number({ error: expected("a non-negative integer") })
  .int({ error: "expected a non-negative integer" })
  .nonnegative({ error: "expected a non-negative integer" });

// A string with at least one non-blank character.
const text = z.string({ error: expected("a non-empty string") }).regex(/\S/, { error: "expected a non-empty string" });

/** A decoder-only transformer shape; field meanings are documented on `Architecture` in src/model/architecture.ts. */
// Upper bounds far past any model (the largest have ~100 layers, width ~25k, vocabularies ~256k):
// a bigger figure in a user's file is a typo, and would overflow the parameter count.
const upTo = (max: number) => positiveInt.max(max, { error: `expected at most ${max}` });

export const ArchitectureSpec = z
  .strictObject({
    layers: upTo(1e4),
    hidden: upTo(1e6),
    heads: upTo(1e5),
    kvHeads: upTo(1e5),
    headDim: upTo(1e5),
    ffn: upTo(1e7),
    mlp: z.enum(["gated", "plain"], { error: 'expected "gated" or "plain"' }),
    vocab: upTo(1e8),
    tiedEmbeddings: z.boolean({ error: expected("true or false") }),
    norm: z.enum(["rmsnorm", "layernorm"], { error: 'expected "rmsnorm" or "layernorm"' }),
    normsPerLayer: positiveInt,
    attnBias: z.enum(["none", "qkv", "all"], { error: 'expected "none", "qkv" or "all"' }),
    mlpBias: z.boolean({ error: expected("true or false") }),
    positionEmbeddings: nonNegativeInt,
  })
  .superRefine((arch, ctx) => {
    // GQA shares each KV head between heads/kvHeads query heads, so it must divide evenly.
    if (arch.heads % arch.kvHeads !== 0) {
      ctx.addIssue({ code: "custom", path: ["kvHeads"], message: `must divide heads (${arch.heads})` });
    }
  });
export type ArchitectureSpec = z.infer<typeof ArchitectureSpec>;

export const ModelPreset = z.strictObject({
  id: z.string({ error: expected("an id") }).regex(/^[a-z0-9][a-z0-9.-]*$/, {
    error: "expected a lower-case id of letters, digits, dots and dashes",
  }),
  name: text,
  family: text,
  /** Other names users type: Hugging Face repo ids, short forms. */
  aliases: z.array(text, { error: expected("an array of strings") }),
  arch: ArchitectureSpec,
  /** The parameter count the authors or the hub publish, exact where one exists. */
  publishedParams: positiveInt,
  publishedParamsSource: text,
  /** Where the architecture values come from. */
  source: text,
  notes: text.optional(),
});
export type ModelPreset = z.infer<typeof ModelPreset>;

export const ModelCatalogFile = z
  .strictObject({
    $comment: text.optional(),
    models: z
      .array(ModelPreset, { error: expected("an array of models") })
      .min(1, { error: "expected at least one model" }),
  })
  .superRefine((file, ctx) => {
    // ids and aliases share one case-insensitive namespace: a name must pick exactly one model.
    const seen = new Map<string, string>();
    file.models.forEach((model, index) => {
      const names: Array<[string, PropertyKey[]]> = [[model.id, ["models", index, "id"]]];
      model.aliases.forEach((alias, a) => names.push([alias, ["models", index, "aliases", a]]));
      for (const [name, path] of names) {
        const key = name.toLowerCase();
        const owner = seen.get(key);
        if (owner !== undefined && owner !== model.id) {
          ctx.addIssue({ code: "custom", path, message: `"${name}" is already used by ${owner}` });
        } else if (owner === model.id && path.length > 3) {
          ctx.addIssue({ code: "custom", path, message: `"${name}" is listed twice for ${owner}` });
        }
        seen.set(key, model.id);
      }
    });
  });
export type ModelCatalogFile = z.infer<typeof ModelCatalogFile>;

/**
 * Validates parsed presets/models.json. Throws an Error (a UsageError) naming the file and the JSON
 * path of the first problem, e.g. "presets/models.json: models[3].arch.kvHeads: expected a positive integer".
 */
export function parseModelCatalog(data: unknown, file: string): ModelCatalogFile {
  const result = ModelCatalogFile.safeParse(data);
  if (result.success) return result.data;
  throw new UsageError(zodProblem(file, result.error));
}
