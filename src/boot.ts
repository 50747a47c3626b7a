import { fileURLToPath } from "node:url";
import { loadBundle } from "./bundle-loader.js";

// dist/cli.js, which bin/llm-cost.js imports: loads the CLI bundle with its code cache and runs it.
// The build (scripts/build.mjs) replaces __BUNDLE__ with the bundle's file name, cli-<hash>.cjs.
declare const __BUNDLE__: string;
const bundle = fileURLToPath(new URL(`./${__BUNDLE__}`, import.meta.url));
await loadBundle(bundle, bundle.replace(/\.cjs$/, ".cache")).bundle.main();
