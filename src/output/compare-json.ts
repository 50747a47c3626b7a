import { z } from "zod";
import { EstimateJson, WarningJson } from "./estimate-json.js";

/**
 * The JSON `compare --format json` prints (schemaVersion 1). Each scenario carries `estimate`,
 * exactly one element of estimate's JSON "estimates" array, and `assumptions`, estimate's
 * assumptions block for that scenario (GPU, efficiency, price and exchange rate it rests on).
 * ./to-compare-json.ts builds it; the CLI never imports this schema (types aside).
 */
const positive = z.number().finite().positive();

/** The whole comparison, as printed by `compare --format json`. */
export const CompareJson = z.strictObject({
  schemaVersion: z.literal(1),
  command: z.literal("compare"),
  label: z.string().optional(),
  warnings: z.array(WarningJson),
  scenarios: z
    .array(
      z.strictObject({
        name: z.string(),
        title: z.string(),
        origin: z.string(),
        strategy: z.string(),
        model: z.string().nullable(),
        params: positive,
        tokens: positive,
        tokensBasis: z.string(),
        gpus: z.strictObject({ id: z.string(), name: z.string(), count: z.number().int().positive() }),
        estimate: EstimateJson.shape.estimates.element,
        assumptions: EstimateJson.shape.assumptions,
        warnings: z.array(WarningJson),
      }),
    )
    .min(1),
});
export type CompareJson = z.infer<typeof CompareJson>;
