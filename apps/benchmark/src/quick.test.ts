import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeReport } from "./report/write";
import { PEER_NAMES, SECTION_NAMES, type Report } from "./result";
import { runBenchmark } from "./run";

/** The result names issue #12 requires in every report. */
const REQUIRED = [
  "matmul-f32-n128", "matmul-f32-n256", "matmul-f32-n512", "matmul-f32-n1024",
  "mlp-train-step-b128", "adam-step-1M", "adam-step-10M", "adam-step-10M-kernel-memory", "copy-10M",
  "lbfgs-rosenbrock-n10000-nfev", "lbfgs-rosenbrock-n10000-ms", "lbfgs-rosenbrock-n100-nfev", "lbfgs-rosenbrock-n100-ms",
  "train-digits-epoch",
];

describe("pnpm bench --quick", () => {
  // Quick mode in-process, with the in-process peers that start fast (TF.js WASM and plain JS):
  // the Python peers and TF.js's slow CPU backend are exercised by `pnpm bench --quick` itself.
  it("runs every section and writes a report with every required result", { timeout: 300_000 }, async () => {
    const report = await runBenchmark({ sections: SECTION_NAMES, quick: true, peers: ["tfjs-wasm", "plain-js"], log: () => undefined });
    const dir = mkdtempSync(path.join(tmpdir(), "bench-"));
    const written = writeReport(path.join(dir, "results.json"), report);
    for (const section of SECTION_NAMES) expect(written).toContain(path.join(dir, `results-${section}.svg`));
    expect(existsSync(path.join(dir, "results.md"))).toBe(true);

    const json = JSON.parse(readFileSync(path.join(dir, "results.json"), "utf8")) as Report;
    expect(json.mode).toBe("quick");
    expect(typeof json.machine.cpu).toBe("string");
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.versions["@descent/tensor"]).toMatch(/^\d+\.\d+\.\d+/);
    expect(new Set(json.results.map((r) => r.section))).toEqual(new Set(SECTION_NAMES));
    for (const r of json.results) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(["section", "name", "unit", "higherIsBetter", "descent", "peers"]));
      expect(typeof r.higherIsBetter).toBe("boolean");
      for (const [peer, value] of Object.entries(r.peers)) {
        expect(PEER_NAMES).toContain(peer);
        expect(Number.isFinite(value)).toBe(true);
      }
    }
    const names = new Map(json.results.map((r) => [r.name, r]));
    for (const name of REQUIRED) {
      const r = names.get(name);
      expect(r, name).toBeDefined();
      expect(Number.isFinite(r?.descent), name).toBe(true);
    }
    expect(json.skipped).toEqual([]);
    expect(names.get("adam-step-10M")?.peers["plain-js"]).toBeGreaterThan(0);
    expect(names.get("matmul-f32-n512")?.peers["tfjs-wasm"]).toBeGreaterThan(0);
    expect(names.get("mlp-train-step-b128")?.peers["tfjs-wasm"]).toBeGreaterThan(0);
    expect(names.get("lbfgs-rosenbrock-n100-nfev")?.higherIsBetter).toBe(false);
  });
});
