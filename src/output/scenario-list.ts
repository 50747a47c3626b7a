import Table from "cli-table3";
import type { Lang } from "../i18n/lang.js";
import type { LoadedScenario } from "../inputs/scenarios.js";
import type { Scenario } from "../inputs/scenario-schema.js";
import { formatNumber } from "../util/number-text.js";
import { say } from "./listings.js";
import type { Paint } from "./paint.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

const n = (value: string | number): string => (typeof value === "number" ? formatNumber(value) : value);

/** The token source in words: "chinchilla", "61GB at 4.07 B/token", "50,000 × 1,024 × 3 ep". */
export function tokenSourceText(s: Scenario, lang: Lang = "en"): string {
  if (s.tokens !== undefined) return n(s.tokens);
  if (s.corpus !== undefined)
    return s.bytesPerToken !== undefined
      ? say(lang, "list.scenarios.corpusBytes", { corpus: s.corpus, bytesPerToken: String(s.bytesPerToken) })
      : `${s.corpus} (${s.corpusLang})`;
  const epochs = say(lang, "list.scenarios.epochs", { epochs: String(s.epochs ?? 1) });
  return `${n(s.examples!)} × ${n(s.tokensPerExample!)} × ${epochs}`;
}

/** The model in words: "llama-2-7b +14,336 vocab" or "7B". */
export function modelText(s: Scenario, lang: Lang = "en"): string {
  const size = s.model ?? n(s.params!);
  const vocab =
    s.addVocab !== undefined
      ? say(lang, "list.scenarios.addVocab", { count: n(s.addVocab) })
      : s.vocab !== undefined
        ? say(lang, "list.scenarios.vocab", { count: n(s.vocab) })
        : "";
  return `${size}${vocab}`;
}

/** Rows for `scenarios --format json`: every field as written, with where it came from. */
export function scenarioRows(loaded: readonly LoadedScenario[]): Array<Scenario & { origin: string }> {
  return loaded.map((l) => ({ ...l.scenario, origin: l.origin }));
}

/**
 * The title and description a reader of `lang` gets: the Korean ones under --lang ko where the
 * scenario has them (every bundled one does; a user's file may not), else the ones written.
 */
export function scenarioTitle(s: Scenario, lang: Lang): { title: string; description?: string } {
  if (lang === "ko" && s.titleKo !== undefined)
    return { title: s.titleKo, ...(s.descriptionKo !== undefined ? { description: s.descriptionKo } : {}) };
  return { title: s.title, ...(s.description !== undefined ? { description: s.description } : {}) };
}

/** The human list: id, strategy, model, token source and GPUs, with the title (and description) under each. */
export function renderScenarios(
  loaded: readonly LoadedScenario[],
  paint: Paint,
  long: boolean,
  lang: Lang = "en",
): string {
  const table = new Table({
    head: ["scenario", "strategy", "model", "tokens", "gpus"].map((column) =>
      paint.bold(say(lang, "list.scenarios.head", { column })),
    ),
    style: { head: [], border: [], compact: true },
  });
  for (const { scenario: s } of loaded) {
    table.push([paint.bold(s.id), s.strategy, modelText(s, lang), tokenSourceText(s, lang), s.gpus ?? "—"]);
    const { title, description } = scenarioTitle(s, lang);
    const text =
      long && description
        ? say(lang, "list.scenarios.described", { title, description, ...(s.source ? { source: s.source } : {}) })
        : title;
    table.push([{ colSpan: 5, content: paint.dim(wrap(`  ${text}`, TEXT_WIDTH - 6, 2)) }]);
  }
  return `${table
    .toString()
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")}\n${wrap(say(lang, "list.scenarios.note"))}\n`;
}
