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
// A seed must give the same numbers whichever build a user loads.
{
  const esm = await import("@descent/tensor");
  const cjs = require("@descent/tensor");
  const draw = (m) => {
    const g = new m.Generator(20261123);
    return [...g.uniform([500], 0, 1, { dtype: "float64" }).toFlatArray(), ...g.normal([500], 0, 1, { dtype: "float64" }).toFlatArray(), ...g.permutation(50)];
  };
  const a = draw(esm);
  const b = draw(cjs);
  if (a.length !== 1050 || a.some((v, i) => !Object.is(v, b[i]))) problems.push("@descent/tensor: the same seed gives different numbers in the ESM and CJS builds");
  else console.log("check-dist: @descent/tensor Generator(20261123) gives identical uniform, normal and permutation draws in ESM and CJS");
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
