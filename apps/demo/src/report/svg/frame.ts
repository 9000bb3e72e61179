import type { Scale } from "./scale";
import { tickLabel } from "./scale";
import { coord, escapeXml } from "./xml";

/** The plot area of a chart in screen coordinates. */
export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/** Opening tag of a standalone SVG document (also valid inline in HTML). */
export function svgOpen(width: number, height: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `font-family="${fontFamily}" font-size="12" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><rect width="${width}" height="${height}" fill="#fff"/>`
  );
}

/** Title, grid lines, tick marks and labels, axis labels and the frame of a plot area. */
export function drawAxes(area: PlotArea, x: Scale, y: Scale, labels: { title: string; x: string; y: string }, grid = true): string {
  const { left, top, width, height } = area;
  const bottom = top + height;
  const right = left + width;
  const parts: string[] = [];
  parts.push(`<text x="${coord(left)}" y="${coord(top - 14)}" font-size="14" font-weight="600">${escapeXml(labels.title)}</text>`);
  for (const t of x.ticks) {
    const sx = x(t);
    if (sx < left - 0.5 || sx > right + 0.5) continue;
    if (grid) parts.push(`<line x1="${coord(sx)}" y1="${coord(top)}" x2="${coord(sx)}" y2="${coord(bottom)}" stroke="#eee"/>`);
    parts.push(`<line x1="${coord(sx)}" y1="${coord(bottom)}" x2="${coord(sx)}" y2="${coord(bottom + 5)}" stroke="#555"/>`);
    parts.push(`<text x="${coord(sx)}" y="${coord(bottom + 18)}" text-anchor="middle" fill="#333">${escapeXml(tickLabel(t))}</text>`);
  }
  for (const t of y.ticks) {
    const sy = y(t);
    if (sy < top - 0.5 || sy > bottom + 0.5) continue;
    if (grid) parts.push(`<line x1="${coord(left)}" y1="${coord(sy)}" x2="${coord(right)}" y2="${coord(sy)}" stroke="#eee"/>`);
    parts.push(`<line x1="${coord(left - 5)}" y1="${coord(sy)}" x2="${coord(left)}" y2="${coord(sy)}" stroke="#555"/>`);
    parts.push(`<text x="${coord(left - 8)}" y="${coord(sy + 4)}" text-anchor="end" fill="#333">${escapeXml(tickLabel(t))}</text>`);
  }
  parts.push(`<rect x="${coord(left)}" y="${coord(top)}" width="${coord(width)}" height="${coord(height)}" fill="none" stroke="#555"/>`);
  parts.push(`<text x="${coord(left + width / 2)}" y="${coord(bottom + 38)}" text-anchor="middle" fill="#222">${escapeXml(labels.x)}</text>`);
  parts.push(
    `<text transform="translate(${coord(left - 48)} ${coord(top + height / 2)}) rotate(-90)" text-anchor="middle" fill="#222">${escapeXml(labels.y)}</text>`,
  );
  return parts.join("");
}

export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly dash: string;
  readonly markers: boolean;
}

/** A legend in a column to the right of the plot area. */
export function drawLegend(entries: readonly LegendEntry[], left: number, top: number): string {
  return entries
    .map((e, i) => {
      const y = top + 8 + i * 18;
      const sample = e.markers
        ? `<circle cx="${coord(left + 11)}" cy="${coord(y)}" r="3" fill="${e.color}"/>`
        : `<line x1="${coord(left)}" y1="${coord(y)}" x2="${coord(left + 22)}" y2="${coord(y)}" stroke="${e.color}" stroke-width="2.5"${e.dash === "" ? "" : ` stroke-dasharray="${e.dash}"`}/>`;
      return `${sample}<text x="${coord(left + 28)}" y="${coord(y + 4)}" fill="#222">${escapeXml(e.name)}</text>`;
    })
    .join("");
}
