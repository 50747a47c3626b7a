import Table from "cli-table3";
import type { LoadedScenario } from "../inputs/scenarios.js";
import type { Scenario } from "../inputs/scenario-schema.js";
import { formatNumber } from "../util/number-text.js";
import type { Paint } from "./paint.js";
import { TEXT_WIDTH, wrap } from "./wrap.js";

const n = (value: string | number): string => (typeof value === "number" ? formatNumber(value) : value);

/** The token source in words: "chinchilla", "61GB at 4.07 B/token", "50,000 × 1,024 × 3 epochs". */
export function tokenSourceText(s: Scenario): string {
  if (s.tokens !== undefined) return n(s.tokens);
  if (s.corpus !== undefined)
    return s.bytesPerToken !== undefined
      ? `${s.corpus} at ${s.bytesPerToken} B/token`
      : `${s.corpus} (${s.corpusLang})`;
  return `${n(s.examples!)} × ${n(s.tokensPerExample!)} × ${s.epochs ?? 1} ep`;
}

/** The model in words: "llama-2-7b +14,336 vocab" or "7B". */
export function modelText(s: Scenario): string {
  const size = s.model ?? n(s.params!);
  const vocab =
    s.addVocab !== undefined ? ` +${n(s.addVocab)} vocab` : s.vocab !== undefined ? ` vocab ${n(s.vocab)}` : "";
  return `${size}${vocab}`;
}

/** Rows for `scenarios --format json`: every field as written, with where it came from. */
export function scenarioRows(loaded: readonly LoadedScenario[]): Array<Scenario & { origin: string }> {
  return loaded.map((l) => ({ ...l.scenario, origin: l.origin }));
}

/** The human list: id, strategy, model, token source and GPUs, with the title (and description) under each. */
export function renderScenarios(loaded: readonly LoadedScenario[], paint: Paint, long: boolean): string {
  const table = new Table({
    head: ["Scenario", "Strategy", "Model", "Tokens", "GPUs"].map((h) => paint.bold(h)),
    style: { head: [], border: [], compact: true },
  });
  for (const { scenario: s } of loaded) {
    table.push([paint.bold(s.id), s.strategy, modelText(s), tokenSourceText(s), s.gpus ?? "—"]);
    const text =
      long && s.description ? `${s.title}. ${s.description}${s.source ? ` Source: ${s.source}` : ""}` : s.title;
    table.push([{ colSpan: 5, content: paint.dim(wrap(`  ${text}`, TEXT_WIDTH - 6, 2)) }]);
  }
  const note =
    "Use with: llm-cost compare <scenario> … [--gpus 8xH100]. Your own: a JSON file with one scenario or a list (llm-cost scenarios --format json shows the fields).";
  return `${table
    .toString()
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")}\n${wrap(note)}\n`;
}
