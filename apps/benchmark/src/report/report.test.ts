import { describe, expect, it } from "vitest";
import type { BenchResult } from "../result";
import { sectionTable } from "./markdown";
import { sectionChart } from "./svg-chart";

const rows: BenchResult[] = [
  { section: "tensor", name: "matmul-f32-n512", unit: "GFLOP/s", higherIsBetter: true, descent: 8, peers: { "tfjs-cpu": 2, "torch-1t": 80 } },
  { section: "tensor", name: "evals", unit: "count", higherIsBetter: false, descent: 10, peers: { scipy: 20 } },
];

describe("markdown table", () => {
  it("has a column per peer present and descent's ratio to each (> 1 better)", () => {
    const lines = sectionTable(rows).split("\n");
    expect(lines[0]).toBe("| benchmark | unit | descent | tfjs-cpu | torch-1t | scipy | vs tfjs-cpu | vs torch-1t | vs scipy |");
    // 8 / 2 = 4×, 8 / 80 = 0.1×; 20 / 10 = 2× for a lower-is-better count.
    expect(lines[2]).toBe("| matmul-f32-n512 | GFLOP/s ↑ | 8 | 2 | 80 | – | 4.0× | 0.10× | – |");
    expect(lines[3]).toBe("| evals | count ↓ | 10 | – | – | 20 | – | – | 2.0× |");
  });
});

describe("SVG chart", () => {
  it("draws one bar per figure, each group scaled to its largest value", () => {
    const svg = sectionChart("t", rows);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    const bars = [...svg.matchAll(/<rect x="250" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Group 1: 8, 2, 80 of 80 → 52, 13, 520 px; group 2: 10, 20 of 20 → 260, 520 px.
    expect(bars).toEqual([52, 13, 520, 260, 520]);
  });
});
