import type { ContourPlot, Series } from "../../report/result";
import type { Landscape } from "./functions";

/** Samples `landscape` on an n × n grid over its ranges and picks contour levels. */
export function contourOf(landscape: Landscape, paths: Series[], n = 90): ContourPlot {
  const [x0, x1] = landscape.xRange;
  const [y0, y1] = landscape.yRange;
  const values: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) values.push(landscape.f(x0 + ((x1 - x0) * i) / (n - 1), y0 + ((y1 - y0) * j) / (n - 1)));
  }
  return {
    kind: "contour",
    id: `landscapes-${landscape.id}`,
    title: landscape.title,
    xRange: landscape.xRange,
    yRange: landscape.yRange,
    grid: { nx: n, ny: n, values: values.map((v) => Number(v.toPrecision(5))) },
    levels: landscape.levels === "log" ? logLevels(values) : linearLevels(values),
    paths,
    markers: landscape.minima.map(([x, y]) => ({ name: `minimum (${x.toFixed(2)}, ${y.toFixed(2)})`, x, y })),
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Levels evenly spaced in log f, from just above the grid's minimum to its 90th percentile:
 * a valley like Rosenbrock's spans six orders of magnitude, and equal steps in f would put
 * every line on the walls and none on the floor.
 */
function logLevels(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const hi = quantile(sorted, 0.9);
  const lo = Math.max(sorted[0], hi * 1e-5, 1e-6);
  const count = 16;
  return Array.from({ length: count }, (_, k) => lo * (hi / lo) ** (k / (count - 1)));
}

function linearLevels(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const lo = quantile(sorted, 0.05);
  const hi = quantile(sorted, 0.95);
  const count = 15;
  return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * (k + 0.5)) / count);
}
