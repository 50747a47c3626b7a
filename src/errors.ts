/**
 * A problem with what the user gave us (a flag, a file). The CLI prints its message as one line on
 * stderr and exits with code 2; library callers receive it as a throw. Anything that is not a
 * UsageError is a bug in llm-cost and is re-thrown.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Builds the one-line message for a bad flag value: names the flag, the value and what is allowed. */
export function badValue(flag: string, value: string, allowed: string, hint?: string): UsageError {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  const tail = hint ? ` (${hint})` : "";
  return new UsageError(`invalid ${flag} "${shown}": ${allowed}${tail}`);
}
