import { type Message, type MessageArg, msg, quoted, type Subject, subject } from "./i18n/message.js";
import { render } from "./i18n/render.js";

export { escapeControls, SHOWN_CHARS, shown } from "./util/shown.js";

/**
 * A problem with what the user gave us (a flag, a file), as a message code and its arguments. The
 * CLI renders it in the user's language as one line on stderr and exits with code 2; library
 * callers receive it as a throw, with the English text as `message`. Anything that is not a
 * UsageError is a bug in llm-cost and is re-thrown.
 */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(readonly said: Message) {
    super(render(said, "en"));
  }
}

/** The one-line error for a bad value: names the input, the value and what is allowed. */
export function invalid(about: Subject | string, value: string, reason: Message, hint?: Message): UsageError {
  const args: Record<string, MessageArg> = {
    subject: typeof about === "string" ? subject(about) : about,
    value: quoted(value),
    reason,
  };
  if (hint) args["hint"] = hint;
  return new UsageError(msg("input.invalid", args));
}

/** The "did you mean" hint, when there is a guess. */
export function didYouMean(guess: string | undefined): Message | undefined {
  return guess === undefined ? undefined : msg("hint.didYouMean", { guess });
}

/** A UsageError from a message code. */
export function usage(code: Message["code"], args: Message["args"] = {}): UsageError {
  return new UsageError(msg(code, args));
}
