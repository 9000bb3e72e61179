import type { LineChart } from "../result";
import { drawAxes, drawLegend, svgOpen } from "./frame";
import type { PlotArea } from "./frame";
import { seriesColor, seriesDash } from "./palette";
import { linearScale, logScale } from "./scale";
import type { Scale } from "./scale";
import { coord, pathData } from "./xml";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * A line chart as a standalone SVG document: axes with round ticks (linear or log), one line
 * (or dots, for measured data) per series, a legend on the right. Points that are not finite,
 * or not positive on a log axis, break the line; values outside `yRange` are clipped.
 */
export function renderLineChart(chart: LineChart, minimum: ChartSize = { width: 680, height: 340 }): string {
  // The legend takes what its longest name needs; the chart grows rather than squeeze the plot.
  const legendWidth = 40 + 7 * Math.max(0, ...chart.series.map((s) => s.name.length));
  const size = { width: Math.max(minimum.width, 70 + 400 + 16 + legendWidth), height: minimum.height };
  const area: PlotArea = { left: 70, top: 34, width: size.width - 70 - legendWidth - 16, height: size.height - 34 - 52 };
  const usable = (v: number, log: boolean): boolean => Number.isFinite(v) && (!log || v > 0);
  const xLog = chart.xScale === "log";
  const yLog = chart.yScale === "log";
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of chart.series) {
    for (const [x, y] of s.points) {
      if (!usable(x, xLog) || !usable(y, yLog)) continue;
      xs.push(x);
      ys.push(y);
    }
  }
  const hasMarkers = chart.series.some((s) => s.style === "markers" || s.points.length <= SPARSE);
  // Dots need room at the edges: pad the domains a little (in log units on a log axis).
  const xDomain = hasMarkers ? pad(extent(xs), xLog, 0.04) : extent(xs);
  let yDomain = extent(ys);
  if (chart.yRange !== undefined) yDomain = [Math.max(yDomain[0], chart.yRange[0]), Math.min(yDomain[1], chart.yRange[1])];
  if (!yLog && yDomain[0] > 0 && yDomain[0] < 0.25 * yDomain[1]) yDomain = [0, yDomain[1]];
  yDomain = pad(yDomain, yLog, 0.04);
  const x: Scale = xLog ? logScale(xDomain, [area.left, area.left + area.width]) : linearScale(xDomain, [area.left, area.left + area.width], 6);
  const y: Scale = yLog ? logScale(yDomain, [area.top + area.height, area.top]) : linearScale(yDomain, [area.top + area.height, area.top], 5);
  const clipId = `clip-${chart.id}`;
  const parts = [svgOpen(size.width, size.height, chart.title)];
  parts.push(`<defs><clipPath id="${clipId}"><rect x="${coord(area.left)}" y="${coord(area.top)}" width="${coord(area.width)}" height="${coord(area.height)}"/></clipPath></defs>`);
  parts.push(drawAxes(area, x, y, { title: chart.title, x: chart.xLabel, y: chart.yLabel }));
  parts.push(`<g clip-path="url(#${clipId})">`);
  // Screen positions are clamped a little outside the area so clipped lines keep their slope.
  const clampY = (v: number): number => Math.min(area.top + area.height + 50, Math.max(area.top - 50, v));
  // Lines first, then measured points on top of them.
  const order = [...chart.series.keys()].sort((a, b) => Number(chart.series[a].style === "markers") - Number(chart.series[b].style === "markers"));
  order.forEach((i) => {
    const s = chart.series[i];
    const color = seriesColor(i);
    const screen = thin(s.points).map(([px, py]) => (usable(px, xLog) && usable(py, yLog) ? ([x(px), clampY(y(py))] as const) : null));
    if (s.style === "markers") {
      for (const p of screen) if (p !== null) parts.push(`<circle cx="${coord(p[0])}" cy="${coord(p[1])}" r="3" fill="${color}"/>`);
      return;
    }
    const dash = s.style === "dashed" ? "6 3" : seriesDash(i);
    parts.push(
      `<path d="${pathData(screen)}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"${dash === "" ? "" : ` stroke-dasharray="${dash}"`}/>`,
    );
    // A line through a few measured points (a sweep over learning rates) shows where they are.
    if (s.points.length <= SPARSE) for (const p of screen) if (p !== null) parts.push(`<circle cx="${coord(p[0])}" cy="${coord(p[1])}" r="2.5" fill="${color}"/>`);
  });
  parts.push("</g>");
  parts.push(
    drawLegend(
      chart.series.map((s, i) => ({ name: s.name, color: seriesColor(i), dash: s.style === "dashed" ? "6 3" : seriesDash(i), markers: s.style === "markers" })),
      area.left + area.width + 16,
      area.top,
    ),
  );
  parts.push("</svg>");
  return parts.join("");
}

/** Series with at most this many points get a dot at each point. */
const SPARSE = 12;

function pad([lo, hi]: [number, number], log: boolean, fraction: number): [number, number] {
  if (log) {
    const factor = (hi / lo) ** fraction;
    return [lo / factor, hi * factor];
  }
  const span = hi - lo;
  return [lo === 0 ? 0 : lo - fraction * span, hi + fraction * span];
}

function extent(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * At most about `max` points of a long series (a 20 000-step descent): the first 100 as they
 * are, then indices spaced evenly in log(index), plus the last. Enough for a 680-pixel chart on
 * linear or log axes, and it keeps the SVG files small.
 */
function thin(points: readonly (readonly [number, number])[], max = 400): readonly (readonly [number, number])[] {
  if (points.length <= max) return points;
  const keep = new Set<number>();
  for (let i = 0; i < 100; i++) keep.add(i);
  const rest = max - 100;
  const n = points.length - 1;
  for (let k = 0; k <= rest; k++) keep.add(Math.round(100 * (n / 100) ** (k / rest)));
  return [...keep].sort((a, b) => a - b).map((i) => points[i]);
}
