import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL("..", import.meta.url));

function bench(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // What `pnpm bench` runs, without pnpm's own start-up: Node with tsx's loader and the source condition.
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=@descent/source", "src/main.ts", ...args], { cwd: appDir, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the command line", () => {
  it("prints the help text", () => {
    const r = bench("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: pnpm bench \[section \.\.\.\] \[--quick\] \[--json FILE\]/);
  });

  it("answers an unknown section or option with one line and exit code 2", () => {
    for (const arg of ["tensr", "--fast"]) {
      const r = bench(arg);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^bench: unknown (section "tensr"|option --fast)/);
    }
  });

  it("runs several sections each in a process of its own and joins their tables", { timeout: 300_000 }, () => {
    const r = bench("autograd", "second-order", "--quick", "--peers", "plain-js");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/### autograd:[\s\S]*\| mlp-fwd-bwd-b128 \|[\s\S]*### second-order:[\s\S]*\| mgh-bfgs-nfev-total \|/);
    // Two processes, neither of them this one's parent run, each logging its own section only.
    const pids = [...r.stderr.matchAll(/(autograd|second-order): in process (\d+)/g)].map((m) => m[2]);
    expect(new Set(pids).size).toBe(2);
    expect(r.stderr.match(/autograd: done in/g)).toHaveLength(1);
    expect(r.stderr.match(/second-order: done in/g)).toHaveLength(1);
  });

  it("refuses --section-report with more or fewer than one section", () => {
    const r = bench("autograd", "train", "--section-report", "x.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bench: --section-report needs exactly one section/);
  });
});
