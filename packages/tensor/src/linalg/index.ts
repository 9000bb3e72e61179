// Dense linear algebra (float64): owned by the second-order work; re-exported from the package entry.
export {};
