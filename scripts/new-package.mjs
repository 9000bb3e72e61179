// Writes the skeleton files of a package (used once per package; kept so a new package looks like the others).
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
const [name, description, depsArg = ""] = process.argv.slice(2);
const deps = depsArg ? depsArg.split(",") : [];
const dir = `packages/${name}`;
mkdirSync(`${dir}/src`, { recursive: true });
const write = (file, text) => { if (!existsSync(`${dir}/${file}`)) writeFileSync(`${dir}/${file}`, text); };
const exportsMap = (source) => ({
  ".": {
    ...(source ? { "@descent/source": "./src/index.ts" } : {}),
    import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
    require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
  },
  "./package.json": "./package.json",
});
const pkg = {
  name: `@descent/${name}`,
  version: "0.1.0",
  description,
  license: "MIT",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20" },
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: exportsMap(true),
  publishConfig: { access: "public", exports: exportsMap(false) },
  files: ["dist"],
  scripts: { build: "tsup", test: "vitest run --passWithNoTests", lint: "eslint .", typecheck: "tsc --noEmit" },
  dependencies: Object.fromEntries(deps.map((d) => [`@descent/${d}`, "workspace:^"])),
};
if (deps.length === 0) delete pkg.dependencies;
write("package.json", JSON.stringify(pkg, null, 2) + "\n");
write("tsconfig.json", JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "*.ts"] }, null, 2) + "\n");
write("tsup.config.ts", `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // tsup 8.5 passes baseUrl to TypeScript 6, which deprecates it.
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  target: "node20",
});
`);
copyFileSync("packages/tensor/vitest.config.ts", `${dir}/vitest.config.ts`);
write("src/index.ts", `// Public entry of @descent/${name}: named re-exports only.\nexport {};\n`);
write("README.md", `# @descent/${name}\n\n${description}\n\n\`\`\`sh\nnpm i @descent/${name}\n\`\`\`\n`);
