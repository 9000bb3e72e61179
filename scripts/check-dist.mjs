// Imports every package by its published name from its built dist/, through both `import` and `require`,
// and checks that the two formats export the same names. Run after `pnpm build`.
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const problems = [];
for (const dir of readdirSync("packages")) {
  const name = `@descent/${dir}`;
  try {
    const esm = await import(name);
    const cjs = require(name);
    const esmNames = Object.keys(esm).filter((k) => k !== "default" && k !== "module.exports").sort();
    const cjsNames = Object.keys(cjs).sort();
    if (esmNames.join() !== cjsNames.join()) problems.push(`${name}: ESM exports [${esmNames}] differ from CJS [${cjsNames}]`);
    else console.log(`check-dist: ${name} loads through import and require (${esmNames.length} exports)`);
  } catch (error) {
    problems.push(`${name}: ${error.message} (did \`pnpm build\` run?)`);
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
