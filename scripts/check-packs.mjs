// Packs every package as it would be published (pnpm pack: workspace ranges rewritten, publishConfig applied),
// then checks each tarball with publint (strict) and @arethetypeswrong/cli, so a broken exports map fails CI.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";

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
if (failed > 0) process.exit(1);
