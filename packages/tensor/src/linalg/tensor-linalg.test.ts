import { describe, expect, it } from "vitest";
import { ShapeError } from "../errors";
import { Tensor } from "../tensor";
import { NotPositiveDefiniteError } from "./errors";
import { cholesky, eigh, inv, lu, qr, solve, solveTriangular } from "./tensor-linalg";
import { matmul, relativeError, seededUniform, transpose, wellConditioned } from "./test-matrices";

const t64 = (rows: number[][]) => Tensor.from(rows, { dtype: "float64" });
const flat = (t: Tensor) => Array.from(t.toFlatArray());

describe("Tensor-level linalg", () => {
  it("cholesky of [[4, 2], [2, 5]] is [[2, 0], [1, 2]] (upper: its transpose)", () => {
    expect(flat(cholesky(t64([[4, 2], [2, 5]])))).toEqual([2, 0, 1, 2]);
    expect(flat(cholesky(t64([[4, 2], [2, 5]]), { upper: true }))).toEqual([2, 1, 0, 2]);
    expect(() => cholesky(t64([[1, 2], [2, 1]]))).toThrow(NotPositiveDefiniteError);
  });

  it("solve keeps b's shape and float32 stays float32", () => {
    // [[2, 1], [1, 3]]·x = [3, 5] → x = [0.8, 1.4].
    const x = solve(t64([[2, 1], [1, 3]]), Tensor.from([3, 5], { dtype: "float64" }));
    expect(x.shape).toEqual([2]);
    expect(relativeError(flat(x), [0.8, 1.4])).toBeLessThan(1e-15);
    const x32 = solve(Tensor.from([[2, 1], [1, 3]], { dtype: "float32" }), Tensor.from([[3], [5]], { dtype: "float32" }));
    expect(x32.dtype).toBe("float32");
    expect(x32.shape).toEqual([2, 1]);
    expect(() => solve(t64([[1, 0], [0, 1]]), Tensor.from([1, 2, 3], { dtype: "float64" }))).toThrow(ShapeError);
  });

  it("solveTriangular solves upper and lower systems", () => {
    // Upper [[2, 1], [0, 4]]·x = [4, 8] → x1 = 2, x0 = (4 − 2)/2 = 1.
    expect(flat(solveTriangular(t64([[2, 1], [0, 4]]), Tensor.from([4, 8], { dtype: "float64" }), { upper: true }))).toEqual([1, 2]);
    expect(flat(solveTriangular(t64([[2, 0], [1, 4]]), Tensor.from([2, 9], { dtype: "float64" })))).toEqual([1, 2]);
  });

  it("qr, eigh, lu and inv reconstruct their input", () => {
    const n = 6;
    const a = wellConditioned(seededUniform(4), n);
    const ta = Tensor.from(a, { shape: [n, n] });
    const { q, r } = qr(ta);
    expect(relativeError(matmul(Float64Array.from(q.toFlatArray()), Float64Array.from(r.toFlatArray()), n, n, n), a)).toBeLessThan(1e-12);
    const { p, l, u } = lu(ta);
    const plu = matmul(Float64Array.from(p.toFlatArray()), matmul(Float64Array.from(l.toFlatArray()), Float64Array.from(u.toFlatArray()), n, n, n), n, n, n);
    expect(relativeError(plu, a)).toBeLessThan(1e-12);
    const identity = new Float64Array(n * n);
    for (let i = 0; i < n; i++) identity[i * n + i] = 1;
    expect(relativeError(matmul(a, Float64Array.from(inv(ta).toFlatArray()), n, n, n), identity)).toBeLessThan(1e-12);
    const sym = Float64Array.from(a, (_, k) => a[k] + a[(k % n) * n + Math.floor(k / n)]);
    const { eigenvalues, eigenvectors } = eigh(Tensor.from(sym, { shape: [n, n] }));
    const v = Float64Array.from(eigenvectors.toFlatArray());
    const lam = eigenvalues.toFlatArray();
    const scaled = v.map((x, k) => x * lam[k % n]);
    expect(relativeError(matmul(scaled, transpose(v, n, n), n, n, n), sym)).toBeLessThan(1e-12);
  });

  it("rejects non-matrices", () => {
    expect(() => inv(Tensor.from([1, 2, 3], { dtype: "float64" }))).toThrow(ShapeError);
    expect(() => eigh(t64([[1, 2, 3], [4, 5, 6]]))).toThrow(/expected a square matrix/);
  });
});
