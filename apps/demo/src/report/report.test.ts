import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCell } from "./format";
import type { Report } from "./report";
import { renderTerminalTable } from "./terminal-table";
import { writeReport } from "./write-report";

const report: Report = {
  command: "pnpm demo test",
  startedAt: "2024-01-01T00:00:00.000Z",
  data: "digits",
  seed: 0,
  size: "tiny",
  machine: { node: "v20", platform: "linux x64", cpus: 2, cpuModel: "CPU" },
  seconds: 1.5,
  experiments: [
    {
      name: "demo-x",
      title: "X <one>",
      description: "d",
      headline: "h",
      claims: [{ text: "c", holds: true }],
      tables: [{ title: "T", columns: [{ label: "a", format: "text" }, { label: "b", format: "percent" }], rows: [["r", 0.5]] }],
      figures: [{ kind: "line", id: "demo-x-fig", title: "F", xLabel: "x", yLabel: "y", series: [{ name: "s", points: [[0, Infinity], [1, 2]] }] }],
      settings: { epochs: 1 },
      seconds: 1,
    },
  ],
};

describe("writeReport", () => {
  const dir = mkdtempSync(join(tmpdir(), "descent-demo-report-"));
  const written = writeReport(report, dir);

  it("writes a self-contained HTML page with inline SVG and nothing to fetch", () => {
    const html = readFileSync(written.html, "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("X &lt;one&gt;");
    // Nothing loaded from elsewhere: no scripts, stylesheets, images or fonts by URL.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(http|@import/);
  });

  it("writes the same numbers as JSON, with non-finite numbers as strings", () => {
    const parsed = JSON.parse(readFileSync(written.json, "utf8")) as Report;
    expect(parsed.experiments[0].tables[0].rows[0]).toEqual(["r", 0.5]);
    const figure = parsed.experiments[0].figures[0];
    const points: readonly unknown[] = figure.kind === "line" ? figure.series[0].points : [];
    expect(points[0]).toEqual([0, "Infinity"]);
  });

  it("writes each figure as its own SVG file", () => {
    expect(readdirSync(join(dir, "figures"))).toEqual(["demo-x-fig.svg"]);
  });
});

describe("terminal tables and cells", () => {
  it("aligns numbers right and text left", () => {
    const text = renderTerminalTable({
      title: "T",
      columns: [{ label: "name", format: "text" }, { label: "acc", format: "percent" }],
      rows: [["a", 0.5], ["longer", 0.123]],
    });
    expect(text.split("\n")).toEqual(["T", "name       acc", "──────  ──────", "a       50.0 %", "longer  12.3 %"]);
  });

  it("formats each kind of cell", () => {
    expect(formatCell(null, "percent")).toBe("—");
    expect(formatCell(true, "text")).toBe("yes");
    expect(formatCell(12345.6, "integer")).toBe("12,346");
    expect(formatCell(0.000012345, "sci")).toBe("1.23e-5");
    expect(formatCell(87.94587, "sci")).toBe("87.9");
    expect(formatCell(Infinity, "fixed4")).toBe("∞");
    expect(formatCell(3.14159, "seconds")).toBe("3.14 s");
  });
});
