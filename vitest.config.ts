import { defineConfig } from "vitest/config";

// One process runs every package's and app's tests: `pnpm exec vitest run`.
export default defineConfig({ test: { projects: ["packages/*", "apps/*"] } });
