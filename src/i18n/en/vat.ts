import type { Args } from "../catalogue-types.js";

/** English: VAT and the exchange rate's age. The Korean twin is ../ko/vat.ts. */
export const VAT_EN = {
  /** The units line's word on costs; `included` is set when they include VAT. */
  "vat.unit": (a: Args) => (a.included ? `incl. VAT ${a.rate} %` : "excl. VAT"),
  "vat.costs": (a: Args) => (a.included ? `costs include VAT ${a.rate} % (${a.law})` : "costs exclude VAT"),
  "warn.staleFx": (a: Args) =>
    `the exchange rate ${a.rate} KRW/USD is dated ${a.date}, ${a.days} days ago (more than ${a.max}): won figures may be off; give a current rate with --fx, or set fx (krwPerUsd, date, source) in the config file`,
  "vat.taxes": (a: Args) =>
    a.included
      ? `costs include Korean VAT ${a.rate}% (${a.law}); prices per GPU-hour are list prices, without it`
      : `prices exclude VAT and sales tax (Korean VAT is ${a.rate}% where it applies)`,
  "fx.default": () => "default",
  "fx.config": () => "used instead of the default",
} satisfies Record<string, (a: Args) => string>;
