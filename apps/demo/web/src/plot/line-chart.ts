import { formatTick, logTicks, niceTicks } from "./ticks";

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly ys: ArrayLike<number>;
  /** x of each point; the point's index when left out. */
  readonly xs?: ArrayLike<number>;
  /** How many points to draw (default all): the animation grows this. */
  readonly length?: number;
}

export interface ChartOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  /** A log10 axis; values at or below 0 are drawn at the smallest positive value. */
  readonly logY?: boolean;
  /** Fixed x range; otherwise the data's. */
  readonly xRange?: readonly [number, number];
  /** Fixed y range; otherwise the data's. */
  readonly yRange?: readonly [number, number];
  /** Only whole-number ticks on the x axis (epochs). */
  readonly integerX?: boolean;
}

const MARGIN = { left: 58, right: 12, top: 10, bottom: 36 };
const AXIS_COLOR = "#8b93a7";
const GRID_COLOR = "rgba(139, 147, 167, 0.18)";

function seriesLength(s: Series): number {
  return Math.min(s.length ?? s.ys.length, s.ys.length);
}

function xAt(s: Series, i: number): number {
  return s.xs === undefined ? i : s.xs[i];
}

/** Draws `series` into `context` (already sized to `width` × `height` CSS pixels). */
export function drawLineChart(context: CanvasRenderingContext2D, width: number, height: number, series: readonly Series[], options: ChartOptions): void {
  context.clearRect(0, 0, width, height);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const logY = options.logY === true;

  let xLow = Infinity;
  let xHigh = -Infinity;
  let yLow = Infinity;
  let yHigh = -Infinity;
  let positiveLow = Infinity;
  for (const s of series) {
    for (let i = 0; i < seriesLength(s); i++) {
      const x = xAt(s, i);
      const y = s.ys[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      xLow = Math.min(xLow, x);
      xHigh = Math.max(xHigh, x);
      yLow = Math.min(yLow, y);
      yHigh = Math.max(yHigh, y);
      if (y > 0) positiveLow = Math.min(positiveLow, y);
    }
  }
  if (options.xRange !== undefined) [xLow, xHigh] = options.xRange;
  if (options.yRange !== undefined) [yLow, yHigh] = options.yRange;
  if (!Number.isFinite(xLow)) [xLow, xHigh] = [0, 1];
  if (!Number.isFinite(yLow)) [yLow, yHigh] = [0, 1];
  if (xHigh <= xLow) xHigh = xLow + 1;

  // On a log axis the floor is the smallest positive value shown, but never below 1e-16 of the top.
  const floorValue = logY ? Math.max(Number.isFinite(positiveLow) ? positiveLow : 1e-16, Math.max(yHigh, 1e-300) * 1e-16) : 0;
  const toAxis = (y: number): number => (logY ? Math.log10(Math.max(y, floorValue)) : y);
  let axisLow = toAxis(logY ? floorValue : yLow);
  let axisHigh = toAxis(yHigh);
  if (axisHigh <= axisLow) {
    axisHigh = axisLow + (logY ? 1 : Math.max(1, Math.abs(axisLow)) * 0.1);
    axisLow -= logY ? 1 : 0;
  }
  const px = (x: number): number => MARGIN.left + ((x - xLow) / (xHigh - xLow)) * plotWidth;
  const py = (a: number): number => MARGIN.top + (1 - (a - axisLow) / (axisHigh - axisLow)) * plotHeight;

  context.font = "11px system-ui, sans-serif";
  context.lineWidth = 1;
  context.fillStyle = AXIS_COLOR;
  context.textAlign = "right";
  context.textBaseline = "middle";
  const yTicks = logY ? logTicks(axisLow, axisHigh) : niceTicks(axisLow, axisHigh, 5);
  for (const tick of yTicks) {
    const y = py(tick);
    context.strokeStyle = GRID_COLOR;
    context.beginPath();
    context.moveTo(MARGIN.left, y);
    context.lineTo(MARGIN.left + plotWidth, y);
    context.stroke();
    context.fillText(logY ? formatTick(10 ** tick) : formatTick(tick), MARGIN.left - 6, y);
  }
  context.textAlign = "center";
  context.textBaseline = "top";
  for (const tick of niceTicks(xLow, xHigh, 6).filter((t) => options.integerX !== true || Number.isInteger(t))) {
    const x = px(tick);
    context.strokeStyle = GRID_COLOR;
    context.beginPath();
    context.moveTo(x, MARGIN.top);
    context.lineTo(x, MARGIN.top + plotHeight);
    context.stroke();
    context.fillText(formatTick(tick), x, MARGIN.top + plotHeight + 5);
  }
  context.strokeStyle = AXIS_COLOR;
  context.strokeRect(MARGIN.left, MARGIN.top, plotWidth, plotHeight);
  context.fillText(options.xLabel, MARGIN.left + plotWidth / 2, height - 14);
  context.save();
  context.translate(12, MARGIN.top + plotHeight / 2);
  context.rotate(-Math.PI / 2);
  context.textBaseline = "middle";
  context.fillText(options.yLabel + (logY ? " (log)" : ""), 0, 0);
  context.restore();

  context.save();
  context.beginPath();
  context.rect(MARGIN.left, MARGIN.top, plotWidth, plotHeight);
  context.clip();
  context.lineWidth = 1.6;
  context.lineJoin = "round";
  for (const s of series) {
    const n = seriesLength(s);
    // A few points per pixel column are enough; more only costs time during the animation.
    const stride = Math.max(1, Math.floor(n / (3 * plotWidth)));
    context.strokeStyle = s.color;
    context.beginPath();
    let drawing = false;
    for (let i = 0; i < n; i = i === n - 1 ? n : Math.min(i + stride, n - 1)) {
      const y = s.ys[i];
      if (!Number.isFinite(y)) {
        drawing = false;
        continue;
      }
      const point: [number, number] = [px(xAt(s, i)), py(toAxis(y))];
      if (drawing) context.lineTo(point[0], point[1]);
      else context.moveTo(point[0], point[1]);
      drawing = true;
    }
    context.stroke();
    // A short series (one point per epoch) gets dots, so its first point shows before there is a line.
    if (n <= 40) {
      context.fillStyle = s.color;
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(s.ys[i])) continue;
        context.beginPath();
        context.arc(px(xAt(s, i)), py(toAxis(s.ys[i])), 2.5, 0, 2 * Math.PI);
        context.fill();
      }
    }
  }
  context.restore();
}
