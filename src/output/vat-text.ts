import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { VatAssumption } from "../model/vat.js";
import { significant } from "./format.js";

// What every output says about VAT, from the report's one VatAssumption: the table's units line and
// footer, the Markdown and HTML notes, and the JSON's assumptions all read it from here.

const args = (vat: VatAssumption) => ({
  included: vat.included ? "yes" : undefined,
  rate: significant(vat.rate * 100, 3),
  law: vat.source,
});

/** The units line's word on costs: "excl. VAT" or "incl. VAT 10 %" ("부가세 별도", "부가세 10% 포함"). */
export const vatUnit = (vat: VatAssumption, lang: Lang): string => render(msg("vat.unit", args(vat)), lang);

/** "costs exclude VAT", or "costs include VAT 10 % (부가가치세법 제30조)". */
export const vatCosts = (vat: VatAssumption, lang: Lang): string => render(msg("vat.costs", args(vat)), lang);

/** A sentence's first letter in capitals ("Costs exclude VAT"). */
export const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Added to a price line when the costs include VAT (the price itself is the list price, without it). */
export const vatNote = (vat: VatAssumption, lang: Lang): string => (vat.included ? `; ${vatCosts(vat, lang)}` : "");

/** The JSON's assumptions on tax: whether the costs include VAT, its rate, and the words. */
export function vatJson(
  vat: VatAssumption,
  lang: Lang = "en",
): { taxes: string; vatIncluded: boolean; vatRate: number } {
  return {
    taxes: render(msg("vat.taxes", args(vat)), lang),
    vatIncluded: vat.included,
    vatRate: vat.rate,
  };
}
