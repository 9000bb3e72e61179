import { silentProgress } from "../cli/progress";
import type { Splits } from "../data/dataset";
import { loadSplits } from "../data/source";
import type { ResultTable } from "../report/result";
import type { ExperimentContext } from "./experiment";

let digits: Splits | null = null;

/** A tiny-size context on the shipped digits for the experiments' tests (silent, seed 0 unless given). */
export function tinyContext(overrides: Partial<ExperimentContext> = {}): ExperimentContext {
  return {
    size: "tiny",
    seed: 0,
    data: { kind: "digits" },
    splits: () => (digits ??= loadSplits({ kind: "digits" }, 0)),
    progress: silentProgress,
    epochs: null,
    optimizers: null,
    ...overrides,
  };
}

/** The numeric cell of `table` in the row whose first cell reads `row`, column labelled `column`. */
export function cell(table: ResultTable, row: string, column: string): number {
  const c = table.columns.findIndex((x) => x.label === column);
  const r = table.rows.find((x) => String(x[0]) === row);
  if (c === -1 || r === undefined) throw new Error(`cell: no row "${row}" or column "${column}" in "${table.title}"`);
  const value = r[c];
  if (typeof value !== "number") throw new Error(`cell: ${row} / ${column} is ${String(value)}, not a number`);
  return value;
}
