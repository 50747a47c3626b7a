// Numbers as Python trainers print them: 1234.5, 3.000000E-05, nan, NAN, inf, -inf, and torch
// tensors printed whole ("tensor(2398.7000, device='cuda:0')"), which torchtune's loggers write
// when a metric is still a tensor.

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const TENSOR = /^tensor\(\s*([^,)\s]+)\s*(,[^)]*)?\)$/;

/**
 * The value, NaN for a printed nan/inf (so callers can tell "logged as not-a-number" from
 * "absent"), or undefined when the text is no number at all.
 */
export function loggedNumber(text: string): number | undefined {
  const t = text.trim();
  const inner = TENSOR.exec(t)?.[1] ?? t;
  if (NUMBER.test(inner)) return Number(inner);
  if (NON_FINITE.test(inner)) return Number.NaN;
  return undefined;
}

/** A usable rate, time or size: finite and above zero. */
export const positive = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v) && v > 0;
