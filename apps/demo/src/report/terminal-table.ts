import { formatCell } from "./format";
import type { ResultTable } from "./result";

/** A table as aligned text columns: numbers right-aligned, text left-aligned. */
export function renderTerminalTable(table: ResultTable): string {
  const header = table.columns.map((c) => c.label);
  const body = table.rows.map((row) => row.map((cell, i) => formatCell(cell, table.columns[i].format)));
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]))));
  const numeric = table.columns.map((c, i) => c.format !== "text" && table.rows.some((row) => typeof row[i] === "number"));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i] + cell.length - width(cell)) : cell.padEnd(widths[i] + cell.length - width(cell)))).join("  ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [table.title, line(header), rule, ...body.map(line)].join("\n");
}

/** Display width: code points (the tables use no wide characters). */
function width(text: string): number {
  return Array.from(text).length;
}
