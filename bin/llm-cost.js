#!/usr/bin/env node
// Thin shim: the CLI is built into dist/ by `npm install` (the prepare script runs tsc).
import "../dist/cli.js";
