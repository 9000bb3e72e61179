import { describe, expect, it } from "vitest";
import type { LineChart } from "../result";
import { renderContourPlot } from "./contour-plot";
import { renderLineChart } from "./line-chart";
import { contourSegments, joinSegments } from "./marching-squares";
import { linearScale, logScale, niceTicks, tickLabel } from "./scale";
import { escapeXml, pathData } from "./xml";

/** Every opening tag is closed (or self-closing), in order: enough to catch broken markup. */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing === "/") continue;
    if (closing === "/") {
      if (stack.pop() !== name) return false;
    } else stack.push(name);
  }
  return stack.length === 0;
}

describe("scales", () => {
  it("picks round ticks 1, 2 or 5 times a power of ten apart", () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3, 17, 4)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(0.013, 0.047, 5)).toEqual([0.02, 0.03, 0.04]);
  });

  it("maps the domain onto the range, linearly or by log10", () => {
    const x = linearScale([0, 10], [100, 300]);
    expect(x(5)).toBe(200);
    const y = logScale([1e-3, 10], [400, 0]);
    // log10 spans −3 … 1: 0.1 is 2 of 4 decades up, half way.
    expect(y(0.1)).toBeCloseTo(200, 12);
    expect(y.ticks).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
  });

  it("writes tick labels without float noise, large and small ones as powers of ten", () => {
    expect(tickLabel(0.30000000000000004)).toBe("0.3");
    expect(tickLabel(1e-6)).toBe("10⁻⁶");
    expect(tickLabel(2e5)).toBe("2·10⁵");
  });
});

describe("marching squares", () => {
  it("puts every contour point of x² + y² = r² on the circle, up to the interpolation error", () => {
    // 41 × 41 grid over [−2, 2]²: grid index i ↔ x = −2 + i/10.
    const n = 41;
    const values = Array.from({ length: n * n }, (_, k) => (-2 + (k % n) / 10) ** 2 + (-2 + Math.floor(k / n) / 10) ** 2);
    const segments = contourSegments(values, n, n, 1);
    expect(segments.length).toBeGreaterThan(40);
    for (const [i0, j0, i1, j1] of segments) {
      for (const [i, j] of [[i0, j0], [i1, j1]]) {
        // Linear interpolation of a quadratic along a cell edge of 0.1 is off by at most h²/4·f'' / f' ≈ 0.005.
        expect(Math.abs(Math.hypot(-2 + i / 10, -2 + j / 10) - 1)).toBeLessThan(0.01);
      }
    }
  });
});

describe("charts", () => {
  const chart: LineChart = {
    kind: "line",
    id: "t",
    title: "A & B <test>",
    xLabel: "x",
    yLabel: "y",
    yScale: "log",
    series: [
      { name: "one", points: [[0, 1], [1, 0.1], [2, NaN], [3, 0.01]] },
      { name: "dots", style: "markers", points: [[0, 2], [3, 0.5]] },
    ],
  };

  it("draws a well-formed SVG with escaped text, a legend and one path per line series", () => {
    const svg = renderLineChart(chart);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain("A &amp; B &lt;test&gt;");
    expect(svg).not.toContain("<test>");
    // Dots: the two measured points, the three finite points of the short line, one legend sample.
    expect(svg.match(/<circle /g)?.length).toBe(2 + 3 + 1);
    // The NaN point breaks the line into two sub-paths.
    const line = /<path d="([^"]+)" fill="none" stroke="#4e79a7"/.exec(svg)?.[1] ?? "";
    expect(line.match(/M/g)?.length).toBe(2);
  });

  it("draws contour levels and paths over them", () => {
    const n = 21;
    const values = Array.from({ length: n * n }, (_, k) => ((k % n) - 10) ** 2 + (Math.floor(k / n) - 10) ** 2);
    const svg = renderContourPlot({
      kind: "contour",
      id: "c",
      title: "bowl",
      xRange: [-1, 1],
      yRange: [-1, 1],
      grid: { nx: n, ny: n, values },
      levels: [10, 40],
      paths: [{ name: "path", points: [[0.9, 0.9], [0.5, 0.5], [0, 0]] }],
      markers: [{ name: "minimum", x: 0, y: 0 }],
    });
    expect(balanced(svg)).toBe(true);
    expect(svg).toContain("minimum");
    expect(svg.match(/stroke-width="1"/g)?.length).toBe(2);
  });

  it("escapes XML and breaks paths at missing points", () => {
    expect(escapeXml(`a<b>&"c"`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
    expect(pathData([[0, 0], [1, 1.234], null, [2, 2]])).toBe("M0 0L1 1.23M2 2");
  });
});

describe("joinSegments", () => {
  it("joins the segments of a circle into one closed polyline", () => {
    const n = 41;
    const values = Array.from({ length: n * n }, (_, k) => (-2 + (k % n) / 10) ** 2 + (-2 + Math.floor(k / n) / 10) ** 2);
    const segments = contourSegments(values, n, n, 1);
    const lines = joinSegments(segments);
    // r = 1 passes exactly through grid points such as (1, 0) and (0.6, 0.8): the zero-length and
    // repeated segments there are dropped, and what remains is one closed loop.
    expect(lines).toHaveLength(1);
    expect(lines[0].at(-1)).toEqual(lines[0][0]);
    expect(lines[0].length).toBeGreaterThan(60);
  });

  it("keeps separate pieces apart", () => {
    expect(joinSegments([[0, 0, 1, 0], [1, 0, 1, 1], [5, 5, 6, 6]])).toEqual([
      [[0, 0], [1, 0], [1, 1]],
      [[5, 5], [6, 6]],
    ]);
  });
});
