// Compiles the AssemblyScript kernels (asm/) once per target in asm/asconfig.json and writes each
// binary as a base64 string module, src/wasm/<target>-wasm.ts, so the package loads its
// WebAssembly synchronously with no loader, bundler plugin or install-time build step.
//   node scripts/build-wasm.mjs          regenerate the modules
//   node scripts/build-wasm.mjs --check  exit 1 if a committed module differs from a fresh build
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileTarget, TARGETS, wasmModuleSource } from "./wasm-targets.mjs";

const check = process.argv.includes("--check");
const srcDir = fileURLToPath(new URL("../src/wasm/", import.meta.url));
let stale = 0;
for (const target of TARGETS) {
  const bytes = await compileTarget(target);
  const file = `${srcDir}${target}-wasm.ts`;
  const source = wasmModuleSource(target, bytes);
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // missing: written below, or reported as stale
  }
  if (committed === source) {
    console.log(`${target}: up to date (${bytes.length} bytes)`);
  } else if (check) {
    console.log(`${target}: src/wasm/${target}-wasm.ts is stale; run pnpm build:wasm`);
    stale++;
  } else {
    writeFileSync(file, source);
    console.log(`${target}: wrote src/wasm/${target}-wasm.ts (${bytes.length} bytes)`);
  }
}
if (stale > 0) process.exit(1);
