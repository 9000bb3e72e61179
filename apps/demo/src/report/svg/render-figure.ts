import type { Figure } from "../result";
import { renderContourPlot } from "./contour-plot";
import { renderLineChart } from "./line-chart";

/** Any figure of a result as a standalone SVG document. */
export function renderFigure(figure: Figure): string {
  return figure.kind === "line" ? renderLineChart(figure) : renderContourPlot(figure);
}
