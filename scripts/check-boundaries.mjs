// Fails when a package imports another outside the dependency direction of DESIGN.md,
// reaches into another package's files, declares a dependency it is not allowed, or when imports form a cycle.
// Test files (*.test.ts, never published) may also import the package's declared devDependencies
// (e.g. optim's tests train a model built with autograd), as long as that adds no cycle.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** DESIGN.md's dependency direction: each package and the packages it may import. */
const ALLOWED = {
  tensor: [],
  schedulers: [],
  init: ["tensor"],
  optim: ["tensor"],
  "second-order": ["tensor"],
  autograd: ["tensor"],
  "layers-batchnorm": ["autograd", "tensor"],
};

const problems = [];
const sourceFiles = (dir) =>
  readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|js|mjs)$/.test(e) ? [p] : [];
  });
const importRe = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

const edges = new Map();
for (const name of readdirSync("packages")) {
  if (!(name in ALLOWED)) {
    problems.push(`packages/${name}: not in the dependency table of scripts/check-boundaries.mjs (add it as DESIGN.md says)`);
    continue;
  }
  const pkg = JSON.parse(readFileSync(`packages/${name}/package.json`, "utf8"));
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((d) => d.startsWith("@descent/"));
  const devOnly = Object.keys(pkg.devDependencies ?? {}).filter((d) => d.startsWith("@descent/")).map((d) => d.slice("@descent/".length));
  for (const dep of declared) {
    if (!ALLOWED[name].includes(dep.slice("@descent/".length))) problems.push(`packages/${name}/package.json: depends on ${dep}, which DESIGN.md does not allow`);
  }
  const used = new Set();
  for (const file of sourceFiles(`packages/${name}/src`)) {
    const text = readFileSync(file, "utf8");
    const isTest = /\.test\.ts$/.test(file);
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith("@descent/")) {
        const target = spec.slice("@descent/".length).split("/")[0];
        if (spec !== `@descent/${target}`) problems.push(`${file}: imports ${spec}; use the package's public entry @descent/${target}`);
        if (isTest && devOnly.includes(target)) {
          used.add(target);
          continue;
        }
        if (!ALLOWED[name].includes(target)) problems.push(`${file}: imports @descent/${target}, which DESIGN.md does not allow for ${name}`);
        else if (!declared.includes(`@descent/${target}`)) problems.push(`${file}: imports @descent/${target}, missing from package.json dependencies`);
        used.add(target);
      } else if (spec.startsWith(".")) {
        const resolved = join(file, "..", spec);
        if (!resolved.startsWith(`packages/${name}/`)) problems.push(`${file}: relative import ${spec} leaves the package`);
      }
    }
  }
  edges.set(name, [...used]);
}

// Cycle check over the import graph (depth-first, three colours).
const colour = new Map();
const visit = (node, path) => {
  colour.set(node, "grey");
  for (const next of edges.get(node) ?? []) {
    if (colour.get(next) === "grey") problems.push(`import cycle: ${[...path, node, next].join(" → ")}`);
    else if (!colour.has(next)) visit(next, [...path, node]);
  }
  colour.set(node, "black");
};
for (const node of edges.keys()) if (!colour.has(node)) visit(node, []);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`check-boundaries: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-boundaries: ${edges.size} packages follow DESIGN.md's dependency direction, no cycles`);
