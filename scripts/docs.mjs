// npm run docs: re-runs every example in README.md and docs/*.md with the built CLI and writes its
// real output under the example's marker; writes docs/options.md from the registered options.
// `npm run docs` builds first. test/docs-generated.test.ts fails while any of it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDocs } from "./docs/generate.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
// dist/cli.js names the bundle it loads (dist/cli-<hash>.cjs); that bundle exports run and buildProgram.
const bundle = readFileSync(join(root, "dist", "cli.js"), "utf8").match(/cli-[0-9a-f]+\.cjs/)?.[0];
if (!bundle) throw new Error("docs: dist/cli.js names no bundle; run npm run build");
const cli = createRequire(import.meta.url)(join(root, "dist", bundle));

const { files, examples } = await generateDocs(root, cli);
let changed = 0;
for (const [file, text] of files) {
  const path = join(root, file);
  let before = "";
  try {
    before = readFileSync(path, "utf8");
  } catch {}
  if (before !== text) {
    writeFileSync(path, text);
    changed++;
    console.log(`docs: wrote ${file}`);
  }
}
console.log(`docs: ${examples} examples in ${files.size} files; ${changed} changed`);
