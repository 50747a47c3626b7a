import type { Lang } from "../i18n/lang.js";
import { warningsJson } from "./provenance-json.js";
import type { CompareJson } from "./compare-json.js";
import { estimateOf, type CompareRow } from "./compare-table.js";
import { toEstimateJson } from "./to-estimate-json.js";

// The JSON `compare --format json` prints. Its schema is ./compare-json.ts, which only the tests load:
// building zod schemas is kept off the CLI's start-up.

/** Builds the compare JSON from estimate's own JSON builder, so the two never drift apart. */
export function toCompareJson(rows: readonly CompareRow[], lang: Lang = "en", label?: string): CompareJson {
  return {
    schemaVersion: 1,
    command: "compare",
    ...(label === undefined ? {} : { label }),
    warnings: warningsJson(
      rows.flatMap((r) => r.report.warnings),
      lang,
    ),
    scenarios: rows.map((row) => {
      const json = toEstimateJson(row.report, lang);
      const { inputs } = row.report;
      return {
        name: row.name,
        title: row.title,
        origin: row.origin,
        strategy: estimateOf(row).strategy,
        model: inputs.model ?? null,
        params: inputs.params,
        tokens: inputs.tokens,
        tokensBasis: json.inputs.tokensBasis,
        gpus: json.inputs.gpus,
        estimate: json.estimates[0]!,
        assumptions: json.assumptions,
        warnings: json.warnings,
      };
    }),
  };
}
