/** Maps the plotted rectangle of the plane to canvas pixels (y grows upwards on the plane, downwards on screen). */
export interface PlotWindow {
  readonly domain: readonly [number, number, number, number];
  readonly width: number;
  readonly height: number;
}

export function toPixel(w: PlotWindow, x: number, y: number): [number, number] {
  const [xMin, xMax, yMin, yMax] = w.domain;
  return [((x - xMin) / (xMax - xMin)) * w.width, ((yMax - y) / (yMax - yMin)) * w.height];
}

export function toPlane(w: PlotWindow, px: number, py: number): [number, number] {
  const [xMin, xMax, yMin, yMax] = w.domain;
  return [xMin + (px / w.width) * (xMax - xMin), yMax - (py / w.height) * (yMax - yMin)];
}
