/**
 * What an experiment hands back: numbers only (tables, chart series), no markup. The terminal,
 * the HTML report and report.json are all drawn from this one object.
 */
export interface ExperimentResult {
  readonly name: string;
  readonly title: string;
  /** What the experiment shows, in two or three sentences, for the report. */
  readonly description: string;
  /** The one-line result, measured in this run. */
  readonly headline: string;
  /** Qualitative claims, each checked against this run's numbers. */
  readonly claims: Claim[];
  readonly tables: ResultTable[];
  readonly figures: Figure[];
  /** The sizes and settings the run used. */
  readonly settings: Record<string, string | number | boolean>;
  seconds: number;
}

export interface Claim {
  readonly text: string;
  readonly holds: boolean;
}

/** How a numeric cell is written: a percentage, fixed decimals, seconds, an integer, or 3 significant digits. */
export type CellFormat = "percent" | "fixed2" | "fixed4" | "seconds" | "integer" | "sci" | "text";

export interface ResultTable {
  readonly title: string;
  readonly columns: readonly { readonly label: string; readonly format: CellFormat }[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

export type Figure = LineChart | ContourPlot;

export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
  /** "line" (default), "dashed", or "markers" for measured data points. */
  readonly style?: "line" | "dashed" | "markers";
}

export interface LineChart {
  readonly kind: "line";
  /** File-name-safe identifier, unique within the experiment. */
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale?: "linear" | "log";
  readonly yScale?: "linear" | "log";
  readonly series: readonly Series[];
  /** Clip the y axis (e.g. to leave out a diverged run's values). */
  readonly yRange?: readonly [number, number];
}

/** A function of two variables drawn as contour lines, with optimizer paths over it. */
export interface ContourPlot {
  readonly kind: "contour";
  readonly id: string;
  readonly title: string;
  readonly xRange: readonly [number, number];
  readonly yRange: readonly [number, number];
  /** f sampled on an nx × ny grid over the ranges, row-major with y as the row. */
  readonly grid: { readonly nx: number; readonly ny: number; readonly values: readonly number[] };
  readonly levels: readonly number[];
  readonly paths: readonly Series[];
  /** Points to mark, e.g. the minimum. */
  readonly markers: readonly { readonly name: string; readonly x: number; readonly y: number }[];
}
