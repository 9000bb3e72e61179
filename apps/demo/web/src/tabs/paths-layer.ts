import type { OptimizerPath } from "../paths/run-paths";
import type { PlotWindow } from "../plot/plot-window";
import { toPixel } from "../plot/plot-window";

/**
 * Draws, over the contour image, each path's first `shown` steps with a dot at its head, the
 * known minima as stars and the start point as a ring. `context` draws in CSS pixels.
 */
export function drawPathsLayer(
  context: CanvasRenderingContext2D,
  w: PlotWindow,
  minima: readonly (readonly [number, number])[],
  paths: readonly OptimizerPath[],
  shown: number,
  start: readonly [number, number],
): void {
  context.clearRect(0, 0, w.width, w.height);
  context.fillStyle = "#ffd54a";
  for (const [mx, my] of minima) {
    const [px, py] = toPixel(w, mx, my);
    star(context, px, py);
  }
  context.lineWidth = 2;
  context.lineJoin = "round";
  for (const path of paths) {
    const last = Math.min(shown, path.length - 1);
    context.strokeStyle = path.kind.color;
    context.beginPath();
    for (let i = 0; i <= last; i++) {
      const [px, py] = toPixel(w, path.xs[i], path.ys[i]);
      if (i === 0) context.moveTo(px, py);
      else context.lineTo(px, py);
    }
    context.stroke();
    const [hx, hy] = toPixel(w, path.xs[last], path.ys[last]);
    context.fillStyle = path.kind.color;
    context.beginPath();
    context.arc(hx, hy, 4.5, 0, 2 * Math.PI);
    context.fill();
  }
  const [sx, sy] = toPixel(w, start[0], start[1]);
  context.strokeStyle = "#ffffff";
  context.lineWidth = 2;
  context.beginPath();
  context.arc(sx, sy, 6, 0, 2 * Math.PI);
  context.stroke();
}

function star(context: CanvasRenderingContext2D, x: number, y: number): void {
  context.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 7 : 3;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    if (i === 0) context.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
    else context.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  context.closePath();
  context.fill();
}
