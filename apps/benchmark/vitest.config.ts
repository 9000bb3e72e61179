import { defineConfig } from "vitest/config";

// Tests read workspace dependencies from their TypeScript source (the `@descent/source`
// export condition), so no build is needed first. Vitest 4 honours conditions for node
// tests only under `ssr.resolve`, and setting them replaces Vite's defaults: hence the full list.
// tfjs-core is inlined so that its ES-module gradient registrations (extensionless imports,
// which Node's own loader refuses) go through Vite's resolver: see src/peers/tfjs.ts.
export default defineConfig({
  ssr: { resolve: { conditions: ["@descent/source", "module", "node", "development|production"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    server: { deps: { inline: [/@tensorflow\/tfjs-core/] } },
  },
});
