// Packs every package as it would be published (pnpm pack: workspace ranges rewritten, publishConfig applied),
// then checks each tarball with publint (strict) and @arethetypeswrong/cli, so a broken exports map fails CI.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const out = ".pack-check";
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
let failed = 0;
for (const dir of readdirSync("packages")) {
  const run = (cmd, args, cwd = ".") => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  run("pnpm", ["pack", "--pack-destination", `../../${out}`], `packages/${dir}`);
  const file = readdirSync(out).find((f) => f.startsWith(`descent-${dir}-`) && f.endsWith(".tgz"));
  const path = `${out}/${file}`;
  for (const [tool, args] of [
    ["publint", ["publint", path, "--strict"]],
    ["attw", ["attw", path, "--format", "ascii"]],
  ]) {
    try {
      run("pnpm", ["exec", ...args]);
      console.log(`check-packs: ${dir}: ${tool} ok`);
    } catch (error) {
      failed += 1;
      console.error(`check-packs: ${dir}: ${tool} failed\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    }
  }
}

// A user's view: install one package's tarball (with the tarballs of its declared @descent dependencies) into an
// empty npm project; it must bring nothing else, and load through both import and require.
const consumers = [["schedulers"], ["optim", "tensor"]];
for (const names of consumers) {
  const dir = mkdtempSync(join(tmpdir(), "descent-consumer-"));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    const tarballs = names.map((n) => resolve(out, readdirSync(out).find((f) => f.startsWith(`descent-${n}-`))));
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: dir, stdio: "pipe" });
    const installed = readdirSync(join(dir, "node_modules")).filter((e) => !e.startsWith("."));
    const scoped = readdirSync(join(dir, "node_modules/@descent")).sort();
    if (installed.join() !== "@descent" || scoped.join() !== [...names].sort().join()) {
      throw new Error(`installed ${installed.join(", ")} / @descent/{${scoped.join(", ")}}, expected only @descent/{${names.join(", ")}}`);
    }
    const name = `@descent/${names[0]}`;
    const probe = `const c = require("${name}"); import("${name}").then((m) => { if (Object.keys(m).length === 0 || Object.keys(c).length === 0) process.exit(3); });`;
    execFileSync("node", ["-e", probe], { cwd: dir, stdio: "pipe" });
    console.log(`check-packs: npm i ${name} brings only @descent/{${names.join(", ")}} and loads through import and require`);
  } catch (error) {
    failed += 1;
    console.error(`check-packs: consumer of @descent/${names[0]} failed: ${error.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (failed > 0) process.exit(1);
