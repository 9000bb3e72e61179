import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig } from "vite";

// The playground page: sources in web/, static build in web-dist/ (served by `pnpm demo serve`).
// The workspace packages are bundled from their TypeScript sources (the `@descent/source`
// export condition), the same code the tests read, so the page needs no package build first.
export default defineConfig({
  root: fileURLToPath(new URL("web/", import.meta.url)),
  // Relative asset URLs: the built folder works from any path it is served under.
  base: "./",
  resolve: { conditions: ["@descent/source", ...defaultClientConditions] },
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("web-dist/", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // The 57 kB digits file is fetched by the worker, never inlined as a data URL.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: { host: "127.0.0.1" },
  clearScreen: false,
});
