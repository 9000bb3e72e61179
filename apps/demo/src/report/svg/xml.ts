/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A coordinate with at most two decimals: enough for a screen, and it keeps the files small. */
export function coord(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Rows of `[x, y]` screen points as an SVG path: a new sub-path (M) wherever a point is missing. */
export function pathData(points: readonly (readonly [number, number] | null)[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${coord(p[0])} ${coord(p[1])}`;
    pen = true;
  }
  return d;
}
