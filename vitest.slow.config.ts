import { defineConfig } from "vitest/config";

// `npm run test:slow`: the samples that start the built binary once per case (hundreds of child
// processes), too slow for `npm test`. CI (.ci/run) runs both.
export default defineConfig({
  test: {
    include: ["test/slow/**/*.test.ts"],
    testTimeout: 300_000,
  },
});
