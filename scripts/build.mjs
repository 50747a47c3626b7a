// Builds the CLI: src/cli.ts and every dependency bundled into ONE minified ESM file, dist/cli.js
// (bin/llm-cost.js imports it). One file starts much faster than tsc's tree of modules plus
// node_modules resolution: see `npm run bench`. Type-checking is separate (`npm run typecheck`).
//
// Before bundling it validates every presets/*.json with the full zod schemas, because the CLI
// trusts those files at run time (src/catalog/load.ts) to keep zod's parse off start-up.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
process.chdir(root);

/** Shared esbuild settings: Node 20, ESM, everything inlined, warnings fail the build. */
// absWorkingDir: esbuild's service keeps the directory it was started in, not process.cwd().
const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", format: "esm", logLevel: "warning", legalComments: "eof" };

/** Bundles in memory (warnings fail the build) and writes the one output file atomically. */
async function bundle(options, outfile) {
  const result = await build({ ...common, ...options, write: false });
  if (result.warnings.length > 0) throw new Error(`esbuild: ${result.warnings.length} warning(s), see above`);
  mkdirSync(dirname(outfile), { recursive: true });
  // Write then rename, so a CLI started meanwhile (parallel tests) never reads half a file.
  const partial = `${outfile}.${process.pid}.tmp`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, outfile);
}

// 1. Validate the presets with the full schemas (full zod, not the lean one below). The checker is
// bundled into dist/ so that it finds presets/ the way the CLI does (walking up to package.json).
const checker = join(root, "dist", `validate-presets.${process.pid}.mjs`);
await bundle({ entryPoints: ["src/catalog/validate-presets.ts"] }, checker);
try {
  const { validatePresets, VALIDATED_PRESETS } = await import(pathToFileURL(checker).href);
  validatePresets();
  console.log(`presets: ${VALIDATED_PRESETS.length} files valid`);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  // No CLI from broken presets: a stale dist/cli.js would hide the failure.
  rmSync(join(root, "dist", "cli.js"), { force: true });
  process.exit(1);
} finally {
  rmSync(checker, { force: true });
}

// 2. zod, lean. `import { z } from "zod"` pulls all of zod into a bundle (esbuild cannot shake the
// namespace: locales, JSON-schema conversion, ...: 450 kB minified), and parsing that costs about
// 0.2x of `node -e 0` on every start. The CLI only builds and runs schemas, which all live in
// zod/v4/classic/schemas.js (it also registers the English messages, exactly as full zod does), so
// the bundle maps "zod" to a namespace of that module (130 kB). Tests run src/ with full zod, so
// the guard below checks that every z.<name> the sources use at run time exists in the lean namespace.
const zodRoot = dirname(createRequire(import.meta.url).resolve("zod/package.json"));
const leanZodModule = join(zodRoot, "v4/classic/schemas.js");
const lean = await import(pathToFileURL(leanZodModule).href);
const { z: fullZ } = await import("zod");
// Run-time members of full zod that the sources use only as types (erased by esbuild). Names that
// are types only (z.infer, z.RefinementCtx) are not run-time members at all, so they pass anyway.
const TYPE_ONLY = new Set(["input", "output", "core", "ZodError"]);
const sources = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
});
const missing = new Set();
for (const file of sources("src")) {
  for (const [, name] of readFileSync(file, "utf8").matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)) {
    if (name in fullZ && !(name in lean) && !TYPE_ONLY.has(name)) missing.add(`${name} (${file})`);
  }
}
if (missing.size > 0) {
  console.error(`build: the lean zod bundle lacks z.${[...missing].join(", z.")}; export it from the zod-lean plugin in scripts/build.mjs`);
  process.exit(1);
}
const zodLean = {
  name: "zod-lean",
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: "zod", namespace: "zod-lean" }));
    b.onLoad({ filter: /.*/, namespace: "zod-lean" }, () => ({
      contents: `import * as z from ${JSON.stringify(leanZodModule)}; export { z };`,
      resolveDir: zodRoot,
      loader: "js",
    }));
  },
};

// 3. The CLI bundle.
await bundle({
  entryPoints: ["src/cli.ts"],
  minify: true,
  plugins: [zodLean],
  // commander and cli-table3 are CommonJS and require() node built-ins; an ESM bundle has no
  // require of its own, so give it one.
  banner: { js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);' },
}, join(root, "dist", "cli.js"));
// The old tsc build left one .js per module in dist/; only cli.js belongs there now.
for (const entry of readdirSync("dist")) {
  if (entry !== "cli.js" && !entry.endsWith(".tmp") && !/^validate-presets\.\d+\.mjs$/.test(entry)) rmSync(join("dist", entry), { recursive: true, force: true });
}
console.log(`dist/cli.js: ${Math.round(statSync("dist/cli.js").size / 1024)} KiB`);
