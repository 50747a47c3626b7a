#!/usr/bin/env node
// Thin shim: `npm install` (the prepare script, scripts/build.mjs) bundles the CLI into dist/cli.js.
import "../dist/cli.js";
