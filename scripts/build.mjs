// Builds the CLI into dist/:
//   cli-<hash>.cjs     src/cli.ts and its dependencies in one minified CommonJS bundle;
//   cli-<hash>.cache   V8's code cache for that bundle, so that a start neither parses it nor
//                      compiles the functions the common commands call;
//   zod-, yaml-, chalk-<hash>.cjs   the libraries only some runs need (a user's files, --from,
//                      colour at a terminal), which the bundle require()s when it first needs them;
//   cli.js             what bin/llm-cost.js imports: loads the bundle with its cache
//                      (src/boot.ts, src/bundle-loader.ts).
// A bundle starts much faster than tsc's tree of modules plus node_modules resolution, and the code
// cache and the lazy libraries make most of the rest of the start-up: see `npm run bench`.
// Type-checking is separate (`npm run typecheck`).
//
// Before bundling it validates every presets/*.json with the full zod schemas, because the CLI
// trusts those files at run time (src/catalog/load.ts) to keep zod's parse off start-up.
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../", import.meta.url));
process.chdir(root);

/** Shared esbuild settings: Node 20, everything inlined, warnings fail the build. */
// absWorkingDir: esbuild's service keeps the directory it was started in, not process.cwd().
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  logLevel: "warning",
  legalComments: "eof",
};

/** Bundles in memory; warnings fail the build. */
async function bundle(options) {
  const result = await build({ ...common, ...options, write: false });
  if (result.warnings.length > 0) throw new Error(`esbuild: ${result.warnings.length} warning(s), see above`);
  return result;
}

/** Writes one file atomically: a CLI started meanwhile (parallel tests) never reads half a file. */
function writeAtomically(file, contents) {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

/** Bundles `entry` to a temporary ES module in dist/ and imports it (code the build itself runs). */
async function importBundled(entry) {
  const file = join(root, "dist", `${entry.replace(/\W+/g, "-")}.${process.pid}.mjs`);
  writeAtomically(file, (await bundle({ entryPoints: [entry] })).outputFiles[0].contents);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Writes a minified CommonJS bundle as dist/<name>-<content hash>.cjs; returns the file name. */
async function writeHashedBundle(name, options) {
  const code = (await bundle({ ...options, format: "cjs", minify: true })).outputFiles[0].contents;
  const file = `${name}-${createHash("sha256").update(code).digest("hex").slice(0, 12)}.cjs`;
  writeAtomically(join(root, "dist", file), code);
  return file;
}

// 1. Validate the presets with the full schemas (full zod, not the lean one below). The checker is
// bundled into dist/ so that it finds presets/ the way the CLI does (walking up to package.json).
try {
  const { validatePresets, VALIDATED_PRESETS } = await importBundled("src/catalog/validate-presets.ts");
  validatePresets();
  console.log(`presets: ${VALIDATED_PRESETS.length} files valid`);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  // No CLI from broken presets: a stale dist/cli.js would hide the failure.
  rmSync(join(root, "dist", "cli.js"), { force: true });
  process.exit(1);
}

// 2. zod, lean. `import { z } from "zod"` pulls all of zod into a bundle (esbuild cannot shake the
// namespace: locales, JSON-schema conversion, ...: 450 kB minified), and parsing that costs about
// 0.2x of `node -e 0` on every run that loads zod. The CLI only builds and runs schemas, which all
// live in zod/v4/classic/schemas.js (it also registers the English messages, exactly as full zod
// does), so "zod" is a namespace of that module (130 kB). Tests run src/ with full zod, so the
// guard below checks that every z.<name> the sources use at run time exists in the lean namespace.
const zodRoot = dirname(createRequire(import.meta.url).resolve("zod/package.json"));
const leanZodModule = join(zodRoot, "v4/classic/schemas.js");
const lean = await import(pathToFileURL(leanZodModule).href);
const { z: fullZ } = await import("zod");
// Run-time members of full zod that the sources use only as types (erased by esbuild). Names that
// are types only (z.infer, z.RefinementCtx) are not run-time members at all, so they pass anyway.
const TYPE_ONLY = new Set(["input", "output", "core", "ZodError"]);
const sources = (dir) =>
  readdirSync(dir).flatMap((name) => {
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
  console.error(
    `build: the lean zod bundle lacks z.${[...missing].join(", z.")}; export it from the zod bundle in scripts/build.mjs`,
  );
  process.exit(1);
}

// 3. zod, yaml and chalk in files of their own, which the CLI bundle require()s where src/ imports
// them. Only modules behind an import() in src/ import them, so they load only when a run needs
// them; kept out of the bundle, they are not read, nor their declarations run, on every start
// (about 0.05x of `node -e 0`; chalk also inspects the terminal, loading tty and net).
const lazyLibraries = {
  zod: await writeHashedBundle("zod", {
    stdin: {
      contents: `import * as z from ${JSON.stringify(leanZodModule)}; export { z };`,
      resolveDir: zodRoot,
      loader: "js",
    },
  }),
  yaml: await writeHashedBundle("yaml", {
    stdin: { contents: 'export { parseDocument } from "yaml";', resolveDir: root, loader: "js" },
  }),
  chalk: await writeHashedBundle("chalk", {
    stdin: { contents: 'export { Chalk } from "chalk";', resolveDir: root, loader: "js" },
  }),
};
const libraries = {
  name: "libraries",
  setup(b) {
    b.onResolve({ filter: /^(zod|yaml|chalk)$/ }, ({ path }) => ({ path: `./${lazyLibraries[path]}`, external: true }));
  },
};

// commander requires child_process, and with it net and stream, only to run executable
// subcommands, which llm-cost has none of: the bundle loads it on first use instead (about 0.02x
// of `node -e 0` on every start).
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.namespace === "lazy" ? { path: args.path, external: true } : { path: args.path, namespace: "lazy" },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents:
        'let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require("node:child_process"))[key] });',
      loader: "js",
    }));
  },
};

// 4. The CLI bundle, CommonJS so that src/bundle-loader.ts can hand V8 a code cache for it (Node 20
// has none for ES modules). Code behind an import() in src/ runs only when imported.
const cliFile = await writeHashedBundle("cli", {
  entryPoints: ["src/cli.ts"],
  plugins: [libraries, lazyChildProcess],
  // The sources are ES modules, strict throughout; package-root.ts locates the package from its own URL.
  banner: { js: '"use strict";const __importMetaUrl=require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__importMetaUrl" },
  // import() of the lazy libraries as require(): a vm.Script (src/bundle-loader.ts) has no ES loader.
  supported: { "dynamic-import": false },
});

// 5. The code cache: V8's bytecode for the bundle, taken after running the commands that
// `npm run bench` times (in this process, output discarded), so that it holds every function they
// call and not only the top level. It is named after the bundle, whose name is its content hash,
// and dist/cli.js, written last, names the bundle: a cache never meets a bundle it was not made for.
const bundleFile = join(root, "dist", cliFile);
const cacheFile = bundleFile.replace(/\.cjs$/, ".cache");
const { loadBundle } = await importBundled("src/bundle-loader.ts");
const { bundle: cli, script } = loadBundle(bundleFile, cacheFile);
const quiet = {
  stdout: () => {},
  stderr: () => {},
  env: {},
  stdoutIsTTY: false,
  cwd: mkdtempSync(join(tmpdir(), "llm-cost-build-")),
};
const BENCHED = [
  ["estimate", "--params", "7B", "--tokens", "15B", "--gpus", "2xH100"],
  ["plan", "--params", "7B", "--tokens", "15B", "--strategy", "dapt", "--deadline", "7d"],
];
for (const argv of BENCHED) {
  if ((await cli.run(argv, quiet)) !== 0) {
    console.error(`build: llm-cost ${argv.join(" ")} failed while making the code cache`);
    process.exit(1);
  }
}
rmSync(quiet.cwd, { recursive: true, force: true });
// The guard for start-up: those commands must not have loaded the lazy libraries. A static import
// of a schema module (or of chalk) on their path would bring them back on every start, silently:
// fail instead.
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((path) =>
  Object.values(lazyLibraries).some((file) => path.endsWith(file)),
);
if (loaded.length > 0) {
  console.error(
    `build: estimate and plan load ${loaded.map((path) => path.replace(/^.*[/\\]/, "")).join(" and ")}; import the module that needs it with import() (see the guard in scripts/build.mjs)`,
  );
  process.exit(1);
}
writeAtomically(cacheFile, script.createCachedData());

const boot = await bundle({
  entryPoints: ["src/boot.ts"],
  minify: true,
  define: { __BUNDLE__: JSON.stringify(cliFile) },
});
writeAtomically(join(root, "dist", "cli.js"), boot.outputFiles[0].contents);

// Earlier builds left other files in dist/: bundles and caches of older sources, tsc's tree of modules.
const keep = new Set(["cli.js", cliFile, cliFile.replace(/\.cjs$/, ".cache"), ...Object.values(lazyLibraries)]);
for (const entry of readdirSync("dist")) {
  if (!keep.has(entry) && !/\.\d+\.(tmp|mjs)$/.test(entry))
    rmSync(join("dist", entry), { recursive: true, force: true });
}
const kib = (file) => `${Math.round(statSync(join("dist", file)).size / 1024)} KiB`;
const later = Object.values(lazyLibraries)
  .map((file) => `${file} (${kib(file)})`)
  .join(", ");
console.log(
  `dist/cli.js: loads ${cliFile} (${kib(cliFile)}) with its code cache (${kib(cliFile.replace(/\.cjs$/, ".cache"))}); when needed ${later}`,
);
