import type { MessageCode } from "./messages-en.js";

/**
 * Which input a message is about: a field of the job (an option's key, e.g. "gpus") and where its
 * value came from. The edge renders it as the flag the user typed ("--gpus") or as the file and
 * key that held the value ("llm-cost.config.json: gpus"), so no code rewrites message text to blame.
 */
export interface Subject {
  readonly kind: "subject";
  readonly field: string;
  readonly origin?: Origin;
  /** A command's argument (a scenario name, a shell), not an option: shown by its name. */
  readonly positional?: boolean;
}

/** Where a value of the job came from, as data (never text read back). */
export type Origin =
  | { readonly kind: "flag" }
  | { readonly kind: "default" }
  | { readonly kind: "config"; readonly file: string; readonly key: string }
  | { readonly kind: "trainer"; readonly file: string; readonly key: string }
  | { readonly kind: "scenario"; readonly id: string; readonly file: string; readonly key: string }
  | { readonly kind: "profile"; readonly name: string; readonly file: string }
  /** A value the plan search chose (a GPU type, a count, an offer's price). */
  | { readonly kind: "plan" };

/** A user's value quoted in a message: cut and escaped when rendered, never translated. */
export interface Quoted {
  readonly kind: "quoted";
  readonly text: string;
  readonly max?: number;
}

/** One argument of a message: text kept as it is (names, ids), a number, a nested message, a list. */
export type MessageArg = string | number | Message | Subject | Quoted | readonly string[] | undefined;

/**
 * Something said to the user (an error, a warning, a note) as a code and its arguments. It is
 * rendered per language only at the edge (src/i18n/render.ts); the core never builds sentences.
 */
export interface Message {
  readonly kind: "message";
  readonly code: MessageCode;
  readonly args: Readonly<Record<string, MessageArg>>;
}

export function msg(code: MessageCode, args: Readonly<Record<string, MessageArg>> = {}): Message {
  return { kind: "message", code, args };
}

export function subject(field: string, origin?: Origin): Subject {
  return origin === undefined ? { kind: "subject", field } : { kind: "subject", field, origin };
}

/** A command's argument as the subject of a message ("scenario", "shell"). */
export function argument(name: string): Subject {
  return { kind: "subject", field: name, positional: true };
}

export function quoted(text: string, max?: number): Quoted {
  return max === undefined ? { kind: "quoted", text } : { kind: "quoted", text, max };
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "message";
