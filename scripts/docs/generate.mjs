// What `npm run docs` writes, computed in memory: every example output in README.md and docs/*.md,
// and docs/options.md. test/docs-generated.test.ts runs the same with the CLI's source in process
// and fails when a file on disk differs (a stale example); scripts/docs.mjs writes the files.
//
// An example is a marker followed by a fenced block:
//
//   <!-- llm-cost: estimate --params 7B --tokens 15B --gpus 2xH100 -->
//   ```text
//   $ llm-cost estimate --params 7B --tokens 15B --gpus 2xH100
//   …the command's output…
//   ```
//
// The block (or a missing one) is replaced by the command's real output. Commands run from the
// repository root with the real presets/, an English locale and no colour.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { optionsMarkdown } from "./options.mjs";
import { runMarked } from "./run-marked.mjs";

/** A marker and the fenced block after it, if any. */
// An empty block ("```text" and "```" on consecutive lines) is one block too, not the start of a
// match that runs on to the next fence in the file.
const EXAMPLE = /<!-- llm-cost: (.+?) -->\n(?:```text\n(?:[\s\S]*?\n)?```\n)?/g;

/** The markdown files that may hold examples, relative to the root. */
export function docFiles(root) {
  const docs = readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md") && f !== "options.md")
    .sort();
  return ["README.md", ...docs.map((f) => `docs/${f}`)];
}

/** `text` with every example block replaced by its command's output; also returns how many there were. */
export async function regenerate(text, run, root, where = "") {
  const found = [...text.matchAll(EXAMPLE)];
  let out = "";
  let last = 0;
  for (const match of found) {
    const line = match[1];
    const { code, text: output } = await runMarked(line, run, root);
    if (code !== 0)
      throw new Error(`${where}: \`llm-cost ${line}\` exited ${code}: ${output.trim().split("\n").pop()}`);
    out += `${text.slice(last, match.index)}<!-- llm-cost: ${line} -->\n\`\`\`text\n$ llm-cost ${line}\n${output.replace(/\n?$/, "\n")}\`\`\`\n`;
    last = match.index + match[0].length;
  }
  return { text: out + text.slice(last), examples: found.length };
}

/**
 * Every generated file's new content, by path relative to `root`: README.md and docs/*.md with
 * their examples re-run, and docs/options.md from `buildProgram`. `cli` is { run, buildProgram }:
 * the built bundle's (scripts/docs.mjs) or the source's (the staleness test).
 */
export async function generateDocs(root, cli) {
  const files = new Map();
  let examples = 0;
  for (const file of docFiles(root)) {
    const result = await regenerate(readFileSync(join(root, file), "utf8"), cli.run, root, file);
    files.set(file, result.text);
    examples += result.examples;
  }
  const silent = { stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false, cwd: root };
  files.set("docs/options.md", optionsMarkdown(cli.buildProgram(silent), cli.OPTIONS));
  return { files, examples };
}
