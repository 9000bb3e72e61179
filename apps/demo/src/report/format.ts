import type { CellFormat } from "./result";

/** A table cell as text, by its column's format. */
export function formatCell(value: string | number | boolean | null, format: CellFormat): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  switch (format) {
    case "percent":
      return `${(100 * value).toFixed(1)} %`;
    case "fixed2":
      return value.toFixed(2);
    case "fixed4":
      return value.toFixed(4);
    case "seconds":
      return value < 10 ? `${value.toFixed(2)} s` : `${value.toFixed(1)} s`;
    case "integer":
      return Math.round(value).toLocaleString("en-US");
    case "sci":
      return formatNumber(value);
    case "text":
      return String(value);
  }
}

/** Three significant digits, in exponent form when very small or large. */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return Number(value.toPrecision(3)).toString();
  return value.toExponential(2);
}
