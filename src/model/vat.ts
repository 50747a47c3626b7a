/**
 * Korean VAT on an estimate's costs. Cloud list prices exclude it (presets/prices.json), so a cost
 * is VAT-exclusive unless the user asks for it (--vat, or "vat": true in the config file); the rate
 * comes from presets/tax.json, with the article of the law that sets it.
 */
export interface VatAssumption {
  /** Whether every cost of the estimate includes the tax. */
  included: boolean;
  /** The statutory rate (0.1), stated even when not included, so a reader can add it. */
  rate: number;
  /** The law that sets the rate. */
  source: string;
}

/** What a VAT-exclusive cost is multiplied by: 1 + rate when VAT is included, else 1. */
export function vatFactor(vat: VatAssumption): number {
  return vat.included ? 1 + vat.rate : 1;
}

/** A VAT-exclusive amount (USD or KRW) as the estimate states it: with the tax when it is included. */
export function withVat(amount: number, vat: VatAssumption): number {
  return amount * vatFactor(vat);
}
