import { CALIBRATE_KO } from "./ko/calibrate.js";
import { CORE_KO } from "./ko/core.js";
import { VAT_KO } from "./ko/vat.js";
import { REPORT_KO } from "./ko/report.js";
import { LISTINGS_KO } from "./ko/listings.js";
import { PLAN_CHECK_KO } from "./ko/plan-check.js";
import type { Catalogue } from "./messages-en.js";

/** The Korean message catalogue: the same codes as ./messages-en.ts, from one file per domain in ./ko/. */
export const KO: Catalogue = {
  ...CORE_KO,
  ...CALIBRATE_KO,
  ...VAT_KO,
  ...REPORT_KO,
  ...LISTINGS_KO,
  ...PLAN_CHECK_KO,
};
