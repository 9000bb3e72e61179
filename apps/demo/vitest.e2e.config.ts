import { defineConfig } from "vitest/config";

// The browser tests: they build the page, serve it and drive headless Chromium, so they run
// apart from the unit tests (`pnpm --filter @descent/demo test:e2e`). The page's own unit
// tests (web/src/**/*.test.ts) run here too: they are fast and need the same sources.
export default defineConfig({
  ssr: { resolve: { conditions: ["@descent/source", "module", "node", "development|production"] } },
  test: {
    include: ["e2e/**/*.e2e.ts", "web/src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});
