import type { Args } from "./catalogue-types.js";
import { CALIBRATE_EN } from "./en/calibrate.js";
import { CORE_EN } from "./en/core.js";
import { VAT_EN } from "./en/vat.js";
import { REPORT_EN } from "./en/report.js";
import { LISTINGS_EN } from "./en/listings.js";
import { PLAN_CHECK_EN } from "./en/plan-check.js";

/**
 * The English message catalogue: every error, warning, note and sentence llm-cost prints, by code,
 * assembled from one file per domain in ./en/. Arguments arrive rendered (names, numbers, nested
 * messages; see ./render.ts). ./messages-ko.ts must have the same codes (the type checker holds it
 * to that).
 */
export const EN = {
  ...CORE_EN,
  ...CALIBRATE_EN,
  ...VAT_EN,
  ...REPORT_EN,
  ...LISTINGS_EN,
  ...PLAN_CHECK_EN,
} satisfies Record<string, (a: Args) => string>;

export type MessageCode = keyof typeof EN;
export type Catalogue = { readonly [K in MessageCode]: (a: Args) => string };
