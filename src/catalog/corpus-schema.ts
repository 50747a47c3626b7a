import { z } from "zod";
import { SourceDate } from "./schemas.js";
import { parseWith } from "./zod-error.js";

/**
 * zod schema for presets/corpus-languages.json: how many UTF-8 bytes of text make one token, per
 * language and tokenizer. A figure that was derived rather than measured must say so (`status`).
 */

/** One language preset: bytes per token with the tokenizer it holds for and where it comes from. */
export const CorpusLanguage = z.strictObject({
  name: z.string().regex(/\S/, { error: "expected a non-empty string" }),
  bytesPerToken: z.number().positive(),
  tokenizer: z.string().regex(/\S/, { error: "expected a non-empty string" }),
  /** measured: counted on real text; assumption: inferred from a claim, shown to users as such. */
  status: z.enum(["measured", "assumption"], { error: 'expected "measured" or "assumption"' }),
  source: z.string().regex(/\S/, { error: "expected a non-empty string" }),
  date: SourceDate,
  notes: z.string().optional(),
});
export type CorpusLanguage = z.infer<typeof CorpusLanguage>;

/** The table: language id (as typed on the command line) → preset. */
export const CorpusLanguages = z.record(z.string(), CorpusLanguage).superRefine((table, ctx) => {
  // Checked here rather than in the key schema: zod reports a bad record key only as "Invalid key".
  for (const id of Object.keys(table)) {
    if (!/^[a-z][a-z0-9-]*$/.test(id)) {
      ctx.addIssue({ code: "custom", path: [id], message: "expected a lower-case id of letters, digits and dashes" });
    }
  }
});
export type CorpusLanguages = z.infer<typeof CorpusLanguages>;

export const CorpusLanguagesFile = z.strictObject({ $comment: z.string(), languages: CorpusLanguages });
export type CorpusLanguagesFile = z.infer<typeof CorpusLanguagesFile>;

/** Validates parsed JSON of presets/corpus-languages.json; throws a UsageError naming `file` and the path. */
export function parseCorpusLanguages(data: unknown, file: string): CorpusLanguages {
  return parseWith(CorpusLanguagesFile, data, file).languages;
}
