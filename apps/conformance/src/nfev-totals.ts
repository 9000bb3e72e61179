import type { CaseOutcome } from "./runner";

/** Per method: this project's total function evaluations beside SciPy's, over passing second-order cases. */
export function nfevTotals(outcomes: readonly CaseOutcome[]): string[] {
  const totals = new Map<string, { ours: number; scipy: number; cases: number }>();
  for (const o of outcomes) {
    const r = o.report;
    if (r?.nfev === undefined || r.referenceNfev === undefined || r.method === undefined) continue;
    const t = totals.get(r.method) ?? { ours: 0, scipy: 0, cases: 0 };
    t.ours += r.nfev;
    t.scipy += r.referenceNfev;
    t.cases += 1;
    totals.set(r.method, t);
  }
  return [...totals].map(([method, t]) => `nfev ${method}: descent ${t.ours}, scipy ${t.scipy} over ${t.cases} passing cases`);
}
