import type { ContourPlot } from "../result";
import { drawAxes, drawLegend, svgOpen } from "./frame";
import type { PlotArea } from "./frame";
import { contourSegments, joinSegments } from "./marching-squares";
import { levelColor, seriesColor } from "./palette";
import { linearScale } from "./scale";
import { coord, escapeXml, pathData } from "./xml";

/**
 * Contour lines of a sampled function (marching squares, one path per level, light to dark
 * from the lowest level up) with optimizer paths drawn over them: each path a line with a dot
 * per iterate, a ring at its start; markers (such as the minimum) as crosses.
 */
export function renderContourPlot(plot: ContourPlot, minimum = { width: 620, height: 440 }): string {
  const legendWidth = 40 + 7 * Math.max(0, ...plot.paths.map((s) => s.name.length), ...plot.markers.map((m) => m.name.length));
  const size = { width: Math.max(minimum.width, 70 + 340 + 16 + legendWidth), height: minimum.height };
  const side = Math.min(size.width - 70 - legendWidth - 16, size.height - 34 - 52);
  const area: PlotArea = { left: 70, top: 34, width: side, height: side };
  const x = linearScale(plot.xRange, [area.left, area.left + area.width], 6);
  const y = linearScale(plot.yRange, [area.top + area.height, area.top], 6);
  const { nx, ny, values } = plot.grid;
  // Grid index → screen position.
  const gx = (i: number): number => x(plot.xRange[0] + (i / (nx - 1)) * (plot.xRange[1] - plot.xRange[0]));
  const gy = (j: number): number => y(plot.yRange[0] + (j / (ny - 1)) * (plot.yRange[1] - plot.yRange[0]));
  const clipId = `clip-${plot.id}`;
  const parts = [svgOpen(size.width, size.height, plot.title)];
  parts.push(`<defs><clipPath id="${clipId}"><rect x="${coord(area.left)}" y="${coord(area.top)}" width="${coord(area.width)}" height="${coord(area.height)}"/></clipPath></defs>`);
  parts.push(drawAxes(area, x, y, { title: plot.title, x: "x", y: "y" }, false));
  parts.push(`<g clip-path="url(#${clipId})">`);
  plot.levels.forEach((level, k) => {
    const segments = contourSegments(values, nx, ny, level);
    if (segments.length === 0) return;
    const d = joinSegments(segments)
      .map((line) => pathData(line.map(([i, j]) => [gx(i), gy(j)] as const)))
      .join("");
    const color = levelColor(plot.levels.length === 1 ? 0.5 : k / (plot.levels.length - 1));
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1"/>`);
  });
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi + 200, Math.max(lo - 200, v));
  plot.paths.forEach((s, i) => {
    const color = seriesColor(i);
    const screen = s.points.map(([px, py]) =>
      Number.isFinite(px) && Number.isFinite(py) ? ([clamp(x(px), area.left, area.left + area.width), clamp(y(py), area.top, area.top + area.height)] as const) : null,
    );
    parts.push(`<path d="${pathData(screen)}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round" opacity="0.9"/>`);
    const dots = screen.length > 60 ? screen.filter((_, k) => k % Math.ceil(screen.length / 60) === 0) : screen;
    for (const p of dots) if (p !== null) parts.push(`<circle cx="${coord(p[0])}" cy="${coord(p[1])}" r="1.8" fill="${color}"/>`);
    const first = screen[0];
    if (first !== null) parts.push(`<circle cx="${coord(first[0])}" cy="${coord(first[1])}" r="5" fill="none" stroke="#000" stroke-width="1.5"/>`);
  });
  for (const m of plot.markers) {
    const mx = x(m.x);
    const my = y(m.y);
    parts.push(`<path d="M${coord(mx - 6)} ${coord(my - 6)}L${coord(mx + 6)} ${coord(my + 6)}M${coord(mx - 6)} ${coord(my + 6)}L${coord(mx + 6)} ${coord(my - 6)}" stroke="#000" stroke-width="2.5"/>`);
  }
  parts.push("</g>");
  const legendLeft = area.left + area.width + 16;
  parts.push(drawLegend(plot.paths.map((s, i) => ({ name: s.name, color: seriesColor(i), dash: "", markers: false })), legendLeft, area.top));
  const notesTop = area.top + 8 + plot.paths.length * 18 + 10;
  parts.push(`<circle cx="${coord(legendLeft + 11)}" cy="${coord(notesTop)}" r="5" fill="none" stroke="#000" stroke-width="1.5"/><text x="${coord(legendLeft + 28)}" y="${coord(notesTop + 4)}">start</text>`);
  plot.markers.forEach((m, k) => {
    const my = notesTop + 18 * (k + 1);
    parts.push(
      `<path d="M${coord(legendLeft + 6)} ${coord(my - 5)}L${coord(legendLeft + 16)} ${coord(my + 5)}M${coord(legendLeft + 6)} ${coord(my + 5)}L${coord(legendLeft + 16)} ${coord(my - 5)}" stroke="#000" stroke-width="2"/>` +
        `<text x="${coord(legendLeft + 28)}" y="${coord(my + 4)}">${escapeXml(m.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}
