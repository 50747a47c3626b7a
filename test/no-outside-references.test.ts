import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

// Nothing in the repository may point at files a clone does not have: the research notes the
// project was built from lived outside it (a sibling "shared" directory), and the Korean blog post
// is summarised in docs/korean-blog-post.md. Citations name the paper or docs/formulas.md instead.
// Written with [.], [/] and [ ] so that a plain grep for these names finds nothing in this file either.
const FORBIDDEN = [
  /[.][.][/]shared\b|\bshared[/](docs|data|seed)[/]|\bphysics[.]md|\bseed[ ]post/i,
  /(?<![\w-])SUMMARY[.]md/,
];
const SCANNED = ["src", "test", "scripts", "docs", "presets", "README.md", ".ci", "package.json"];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

describe("no reference outside the repository", () => {
  const texts = SCANNED.flatMap((p) => files(join(ROOT, p)))
    .filter((f) => /\.(ts|mjs|js|json|md|yaml|yml)$|\/run$/.test(f))
    .map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, "utf8") }));

  it("scans the sources, tests, scripts, docs and presets", () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.map((t) => t.file)).toContain("README.md");
  });

  it("names no file outside it (the research notes' directory and files) and no nickname for the blog post", () => {
    const hits = texts.flatMap(({ file, text }) =>
      text
        .split("\n")
        .flatMap((line, i) => (FORBIDDEN.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it("links in README.md and docs/ resolve inside the repository", () => {
    const broken: string[] = [];
    for (const { file, text } of texts.filter((t) => t.file.endsWith(".md"))) {
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) {
          broken.push(`${file}: ${target} leaves the repository`);
          continue;
        }
        const path = join(ROOT, file, "..", target!);
        try {
          statSync(path);
        } catch {
          broken.push(`${file}: ${target} does not exist`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
