import Table from "cli-table3";
import type { Catalog } from "../catalog/load.js";
import type { Lang } from "../i18n/lang.js";
import { msg } from "../i18n/message.js";
import { render } from "../i18n/render.js";
import type { LoadedConfig } from "../inputs/user-config.js";
import { formatNumber } from "../util/number-text.js";
import type { Paint } from "./paint.js";
import { wrap } from "./wrap.js";

/** One dated KRW/USD point in `llm-cost fx`. */
export interface FxRow {
  date: string;
  krwPerUsd: number;
  kind: string;
  /** The kind in Korean, when the catalog has it. */
  kindKo?: string;
  /** The catalog's default: the newest dated point, used unless --fx or a config file says otherwise. */
  default: boolean;
  /** The rate an estimate uses when no --fx is typed: the config file's if it has one, else the default. */
  inUse: boolean;
  /** presets/fx.json, or the config file that holds the rate. */
  origin: string;
  source: string;
}

/** The columns of `llm-cost fx --format csv`, in order. */
export const FX_COLUMNS = ["date", "krwPerUsd", "kind", "default", "inUse", "origin", "source"] as const;

/**
 * Rows for `llm-cost fx`: every dated point of presets/fx.json in the file's order (the default
 * marked; it is added when the history lacks it), then the config file's rate, which wins over it.
 */
export function fxRows(catalog: Catalog, config: LoadedConfig | undefined): FxRow[] {
  const own = config?.config.fx;
  const d = catalog.fx.default;
  const isDefault = (p: { date: string; krwPerUsd: number }) => p.date === d.date && p.krwPerUsd === d.krwPerUsd;
  const points = catalog.fx.history.some(isDefault) ? catalog.fx.history : [...catalog.fx.history, d];
  const rows: FxRow[] = points.map((p) => ({
    date: p.date,
    krwPerUsd: p.krwPerUsd,
    kind: p.kind,
    ...(p.kindKo ? { kindKo: p.kindKo } : {}),
    default: isDefault(p),
    inUse: own === undefined && isDefault(p),
    origin: "presets/fx.json",
    source: p.source,
  }));
  if (own && config)
    rows.push({
      date: own.date,
      krwPerUsd: own.krwPerUsd,
      kind: `config file ${config.file}`,
      default: false,
      inUse: true,
      origin: config.file,
      source: own.source,
    });
  return rows;
}

const HEADERS: Record<Lang, string[]> = {
  en: ["Date", "KRW/USD", "Kind", "Source"],
  ko: ["기준일", "원/달러", "종류", "출처"],
};

const FOOTER: Record<Lang, string> = {
  en: "→ = the rate estimates use unless --fx is given; set your own once with fx (krwPerUsd, date, source) in llm-cost.config.json. Sources in full: llm-cost fx --format json.",
  ko: "→ = --fx가 없을 때 추정에 쓰는 환율. 직접 정하려면 llm-cost.config.json에 fx(krwPerUsd, date, source)를 한 번 적어 두세요. 전체 출처: llm-cost fx --format json.",
};

/** `llm-cost fx` as a table: one line per point, the one in use marked with →. */
export function renderFx(rows: readonly FxRow[], paint: Paint, lang: Lang): string {
  const table = new Table({
    head: HEADERS[lang].map((h) => paint.bold(h)),
    colAligns: ["left", "right", "left", "left"],
    colWidths: [14, 10, 30, 42],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) {
    const notes = [
      row.default ? render(msg("fx.default"), lang) : undefined,
      row.origin !== "presets/fx.json" ? render(msg("fx.config"), lang) : undefined,
    ].filter((n) => n !== undefined);
    table.push([
      `${row.inUse ? "→ " : "  "}${row.date}`,
      formatNumber(row.krwPerUsd, 2),
      (() => {
        const kind = lang === "ko" ? (row.kindKo ?? row.kind) : row.kind;
        return notes.length ? `${kind} (${notes.join("; ")})` : kind;
      })(),
      row.source,
    ]);
  }
  return `${table.toString()}\n${wrap(FOOTER[lang])}\n`;
}
