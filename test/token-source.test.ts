import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCorpusLanguages, type CorpusLanguages } from "../src/catalog/corpus-schema.js";
import { render } from "../src/i18n/render.js";
import {
  CHINCHILLA_TOKENS_PER_PARAM,
  chinchillaTokens,
  corpusLanguageTokens,
  corpusTokens,
  findCorpusLanguage,
  parseCorpusSize,
  parseTokensFlag,
  sftTokens,
} from "../src/model/token-source.js";
import { UsageError } from "../src/errors.js";

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const FILE = "presets/corpus-languages.json";
const presetData = (): unknown => JSON.parse(readFileSync(new URL(`../${FILE}`, import.meta.url), "utf8"));
const languages: CorpusLanguages = parseCorpusLanguages(presetData(), FILE);

describe("chinchillaTokens", () => {
  it("gives 20 tokens per parameter", () => {
    expect(CHINCHILLA_TOKENS_PER_PARAM).toBe(20);
    // 20 × 6.74e9 = 134.8e9
    expect(chinchillaTokens(6.74e9).tokens).toBeCloseTo(134.8e9, -3);
  });

  it("shows the arithmetic and says the rule is for training from scratch", () => {
    const count = chinchillaTokens(6.74e9);
    // The model gives the numbers as a message; each output says the sentence in its language.
    expect(count.basis).toMatchObject({ kind: "message", code: "tokens.chinchilla" });
    const basis = render(count.basis, "en");
    expect(render(count.basis, "ko")).toMatch(/^파라미터당 토큰 20개 × 파라미터 6\.74B = 토큰 134\.8B \(Chinchilla/);
    expect(basis).toContain("20 tokens per parameter × 6.74B parameters = 134.8B tokens");
    expect(basis).toContain("Hoffmann et al. 2022");
    expect(basis).toContain("Table 3");
    expect(basis).toContain("from scratch");
    expect(basis).toMatch(/not a target for continued pretraining \(DAPT\/TAPT\) or SFT/);
  });

  it("refuses a non-positive parameter count as a caller bug", () => {
    expect(() => chinchillaTokens(0)).toThrow(RangeError);
  });
});

describe("parseCorpusSize", () => {
  const accepted: Array<[string, number]> = [
    ["61GB", 61_000_000_000],
    ["61 GB", 61_000_000_000],
    ["61gb", 61_000_000_000],
    ["1.5TB", 1_500_000_000_000],
    ["500MB", 500_000_000],
    ["61GiB", 65_498_251_264], // 61 × 1,073,741,824
    ["1.5 TiB", 1_649_267_441_664], // 1.5 × 1,099,511,627,776
    ["2KiB", 2_048],
    ["1,000 bytes", 1_000],
  ];
  it.each(accepted)("reads %s as %d bytes", (text, bytes) => {
    expect(parseCorpusSize(text, "--corpus")).toBe(bytes);
  });

  const rejected = ["", "abc", "61", "61G", "-5GB", "0GB", "61 GBs", "GB", "1e999GB"];
  it.each(rejected)("rejects %j with a message naming the flag and the value", (text) => {
    expect(() => parseCorpusSize(text, "--corpus")).toThrow(UsageError);
    expect(() => parseCorpusSize(text, "--corpus")).toThrow(new RegExp(`^invalid --corpus "${escape(text)}"`));
  });

  it("says which units are decimal and which binary", () => {
    expect(() => parseCorpusSize("abc", "--corpus")).toThrow("GB = 10^9 bytes, GiB = 2^30 bytes");
    expect(() => parseCorpusSize("61G", "--corpus")).toThrow(/did you mean 61GB \(decimal\) or 61GiB \(binary\)\?/);
    expect(() => parseCorpusSize("61", "--corpus")).toThrow(/did you mean 61GB\?/);
  });
});

describe("corpusTokens", () => {
  it("divides bytes by bytes per token: the Korean blog post's 61 GB at 4.07 is about 15.0B tokens", () => {
    // 61e9 / 4.07 = 14.98771…e9 (4.07 × 14.9877 = 60.99994)
    const { tokens, basis } = corpusTokens(61e9, 4.07);
    expect(tokens / 1e9).toBeCloseTo(14.988, 3);
    expect(render(basis, "en")).toBe("61,000,000,000 bytes ÷ 4.07 bytes per token = 14.99B tokens");
    expect(render(basis, "ko")).toBe("61,000,000,000바이트 ÷ 토큰당 4.07바이트 = 토큰 14.99B");
  });

  it("refuses non-positive inputs as caller bugs", () => {
    expect(() => corpusTokens(61e9, 0)).toThrow(RangeError);
    expect(() => corpusTokens(0, 4)).toThrow(RangeError);
  });
});

describe("presets/corpus-languages.json", () => {
  it("holds the sourced figures", () => {
    expect(languages["ko"]?.bytesPerToken).toBe(1.62);
    expect(languages["ko"]?.status).toBe("measured");
    expect(languages["en"]?.bytesPerToken).toBe(4.2);
    expect(languages["code"]?.bytesPerToken).toBe(2.85);
    expect(languages["ko-expanded"]?.status).toBe("assumption");
  });

  it("derives ko-expanded from the Korean blog post's 61 GB = 15B tokens", () => {
    // 61 / 15 = 4.0667 → 4.07
    expect(languages["ko-expanded"]?.bytesPerToken).toBe(Number((61 / 15).toFixed(2)));
  });

  it("gives every entry a source and a date", () => {
    for (const entry of Object.values(languages)) {
      expect(entry.source.length).toBeGreaterThan(20);
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("rejects a broken entry, naming the file and the JSON path", () => {
    const broken = (patch: Record<string, unknown>): unknown => {
      const data = presetData() as { languages: Record<string, Record<string, unknown>> };
      data.languages["ko"] = { ...data.languages["ko"], ...patch };
      return data;
    };
    expect(() => parseCorpusLanguages(broken({ bytesPerToken: 0 }), FILE)).toThrow(
      /^presets\/corpus-languages\.json: languages\.ko\.bytesPerToken: /,
    );
    expect(() => parseCorpusLanguages(broken({ status: "guess" }), FILE)).toThrow(
      'presets/corpus-languages.json: languages.ko.status: expected "measured" or "assumption"',
    );
    expect(() => parseCorpusLanguages(broken({ source: undefined }), FILE)).toThrow(/languages\.ko\.source/);
    expect(() => parseCorpusLanguages(broken({ date: "last year" }), FILE)).toThrow(/languages\.ko\.date/);
    expect(() => parseCorpusLanguages(broken({ extra: 1 }), FILE)).toThrow(UsageError);
    expect(() => parseCorpusLanguages({ $comment: "", languages: { KO: languages["ko"] } }, FILE)).toThrow(
      "presets/corpus-languages.json: languages.KO: expected a lower-case id of letters, digits and dashes",
    );
  });
});

describe("corpus language presets", () => {
  it("finds a language by id, ignoring case", () => {
    expect(findCorpusLanguage(languages, "KO", "--corpus-lang").bytesPerToken).toBe(1.62);
  });

  it("names the known ids and the closest for an unknown one", () => {
    expect(() => findCorpusLanguage(languages, "kr", "--corpus-lang")).toThrow(
      'invalid --corpus-lang "kr": expected a language: ko, ko-expanded, en, code (did you mean ko?)',
    );
    expect(() => findCorpusLanguage(languages, "toString", "--corpus-lang")).toThrow(UsageError);
  });

  it("counts Korean with the Llama-2 tokenizer at 1.62 bytes per token", () => {
    // 61e9 / 1.62 = 37.654e9 (1.62 × 37.654 = 60.99948)
    const { tokens, basis } = corpusLanguageTokens(61e9, languages, "ko", "--corpus-lang");
    expect(tokens / 1e9).toBeCloseTo(37.654, 3);
    expect(render(basis, "en")).toMatch(
      /^61,000,000,000 bytes ÷ 1.62 bytes per token = 37.65B tokens \(Korean, Llama-2 tokenizer: .*; measured\)$/,
    );
    expect(render(basis, "ko")).toBe(
      "61,000,000,000바이트 ÷ 토큰당 1.62바이트 = 토큰 37.65B (--corpus-lang ko 기준; 실측값)",
    );
  });

  it("marks an assumed figure as such", () => {
    const { basis } = corpusLanguageTokens(61e9, languages, "ko-expanded", "--corpus-lang");
    expect(render(basis, "en")).toContain("an assumption, not a measurement");
    expect(render(basis, "ko")).toMatch(/\(--corpus-lang ko-expanded 기준; 실측이 아닌 가정\)$/);
  });
});

describe("sftTokens", () => {
  it("multiplies examples, tokens per example and epochs", () => {
    // 50,000 × 1,024 = 51,200,000; × 3 = 153,600,000
    const count = sftTokens({ examples: 50_000, tokensPerExample: 1024, epochs: 3 });
    const { tokens } = count;
    const basis = render(count.basis, "en");
    expect(tokens).toBe(153_600_000);
    expect(render(count.basis, "ko")).toMatch(/^예제 50,000개 × 예제당 토큰 1,024개 × 3 에폭 = 토큰 153\.6M \(/);
    expect(basis).toContain("50,000 examples × 1,024 tokens per example × 3 epochs = 153.6M tokens");
    expect(basis).toContain("prompt");
    expect(basis).toContain("padding");
  });

  it("refuses zero epochs as a caller bug", () => {
    expect(() => sftTokens({ examples: 1, tokensPerExample: 1, epochs: 0 })).toThrow(RangeError);
  });
});

describe("parseTokensFlag", () => {
  it.each(["chinchilla", "Chinchilla", " CHINCHILLA "])("reads %j as the Chinchilla rule", (text) => {
    expect(parseTokensFlag(text, "--tokens")).toEqual({ kind: "chinchilla" });
  });

  it.each<[string, number]>([
    ["15B", 15e9],
    ["7_000_000_000", 7e9],
    ["7e9", 7e9],
  ])("reads %s as a count", (text, tokens) => {
    expect(parseTokensFlag(text, "--tokens")).toEqual({ kind: "count", tokens });
  });

  it.each(["chinchila", "abc", "", "0", "-5B"])("rejects %j naming the flag and the value", (text) => {
    expect(() => parseTokensFlag(text, "--tokens")).toThrow(UsageError);
    expect(() => parseTokensFlag(text, "--tokens")).toThrow(new RegExp(`^invalid --tokens "${escape(text)}"`));
  });

  it("offers chinchilla for a misspelt word", () => {
    expect(() => parseTokensFlag("chinchila", "--tokens")).toThrow(
      /"chinchilla" \(20 tokens per parameter\) \(did you mean chinchilla\?\)/,
    );
  });
});
