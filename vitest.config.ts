import { defineConfig } from "vitest/config";

// `npm test`: everything but test/slow/ (`npm run test:slow`, vitest.slow.config.ts). The CLI tests
// run in process (test/helpers/cli.ts); test/cli-binary.test.ts runs a few through the built binary.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/slow/**", "node_modules/**"],
    testTimeout: 20_000,
    // Worker threads start faster and share more than forked processes: about a quarter off the
    // suite's time on two cores (no test changes the process's directory or its globals).
    pool: "threads",
    // Vitest leaves one core free by default, which is one worker on a two-core machine; the tests
    // are CPU-bound and the machine has nothing else to do, so use both (85 s → 50 s here).
    maxWorkers: 2,
  },
});
