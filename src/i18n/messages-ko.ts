import { CORE_KO } from "./ko/core.js";
import { PLAN_CHECK_KO } from "./ko/plan-check.js";
import type { Catalogue } from "./messages-en.js";

/** The Korean message catalogue: the same codes as ./messages-en.ts, from one file per domain in ./ko/. */
export const KO: Catalogue = {
  ...CORE_KO,
  ...PLAN_CHECK_KO,
};
