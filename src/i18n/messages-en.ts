import type { Args } from "./catalogue-types.js";
import { CORE_EN } from "./en/core.js";
import { PLAN_CHECK_EN } from "./en/plan-check.js";

/**
 * The English message catalogue: every error, warning, note and sentence llm-cost prints, by code,
 * assembled from one file per domain in ./en/. Arguments arrive rendered (names, numbers, nested
 * messages; see ./render.ts). ./messages-ko.ts must have the same codes (the type checker holds it
 * to that).
 */
export const EN = {
  ...CORE_EN,
  ...PLAN_CHECK_EN,
} satisfies Record<string, (a: Args) => string>;

export type MessageCode = keyof typeof EN;
export type Catalogue = { readonly [K in MessageCode]: (a: Args) => string };
