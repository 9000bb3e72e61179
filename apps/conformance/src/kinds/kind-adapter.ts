import type { ConformanceCase } from "../case-file";

/** What a passing case may report beside "pass" (second-order: our nfev next to SciPy's). */
export interface CaseReport {
  nfev?: number;
  referenceNfev?: number;
  method?: string;
}

/**
 * Runs one case through the public API of a package. Returns (or resolves) on a pass;
 * throws `Mismatch` on a wrong number and any other error when the case cannot run.
 */
export type KindAdapter = (testCase: ConformanceCase) => CaseReport | undefined | Promise<CaseReport | undefined>;
