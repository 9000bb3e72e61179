import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./main";

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "descent-demo-cli-"));
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), baseDir: dir, defaultOut: join(dir, "report") };
  return main(argv, io).then((code) => ({ code, stdout: out.join(""), stderr: err.join(""), dir }));
}

describe("the demo CLI", () => {
  it("prints help listing every experiment", async () => {
    const { code, stdout } = await run("--help");
    expect(code).toBe(0);
    for (const name of ["optimizers", "landscapes", "schedules", "init", "batchnorm", "batch-size", "second-order", "tuning", "lottery"]) expect(stdout).toContain(`  ${name}`);
  });

  it("exits with 2 and one line naming the fix for an unknown experiment, option or data folder", async () => {
    for (const [argv, fix] of [
      [["bogus"], /choose from optimizers, landscapes/],
      [["--frob"], /see `pnpm demo --help`/],
      [["--data", "no-such-folder"], /use --data digits, --data fashion-mnist, or --data DIR/],
    ] as const) {
      const { code, stderr, stdout } = await run(...argv);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(fix);
      expect(stdout).toBe("");
    }
  });

  it("runs an experiment, prints its table and writes the report where --out says", async () => {
    const { code, stdout, dir } = await run("second-order", "--size", "tiny", "--out", "here");
    expect(code).toBe(0);
    expect(stdout).toContain("7. Second-order methods");
    expect(stdout).toContain("Levenberg–Marquardt");
    expect(existsSync(join(dir, "here", "index.html"))).toBe(true);
    const json = JSON.parse(readFileSync(join(dir, "here", "report.json"), "utf8")) as { experiments: { name: string }[] };
    expect(json.experiments.map((e) => e.name)).toEqual(["second-order"]);
  });
});
