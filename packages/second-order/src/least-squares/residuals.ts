import { invalidArgument } from "@descent/tensor";

/** r(x), length m. */
export type ResidualFunction = (x: Float64Array) => ArrayLike<number>;
/** J(x) = ∂r/∂x: m×n row-major flat, or m rows of length n. */
export type JacobianFunction = (x: Float64Array) => ArrayLike<number> | readonly ArrayLike<number>[];

/**
 * Residuals and their Jacobian as the least-squares methods see them: evaluations are counted
 * (finite-difference evaluations count in nfev, as MINPACK's lmdif counts them), lengths are
 * checked, and the Jacobian is handed out column-major (MINPACK's layout: column j at j·m).
 */
export class Residuals {
  nfev = 0;
  njev = 0;
  /** The first point where r had a NaN, for the final message. */
  nanAt: Float64Array | null = null;
  readonly finiteDifferences: boolean;

  constructor(
    private readonly caller: string,
    readonly n: number,
    readonly m: number,
    private readonly fun: ResidualFunction,
    private readonly jac: JacobianFunction | undefined,
    /** MINPACK's fdjac2 step factor √max(epsfcn, ε). */
    private readonly fdStep: number,
  ) {
    this.finiteDifferences = jac === undefined;
  }

  value(x: Float64Array): Float64Array {
    const r: unknown = this.fun(Float64Array.from(x));
    this.nfev++;
    if (r === null || typeof r !== "object" || (r as { length?: unknown }).length !== this.m) {
      throw invalidArgument(this.caller, "residuals(x)", r, `an array of length ${this.m} (as at x0)`);
    }
    const out = Float64Array.from(r as ArrayLike<number>);
    if (out.some((v) => Number.isNaN(v))) this.nanAt ??= Float64Array.from(x);
    return out;
  }

  /** J(x) column-major; `r` is r(x), used by the finite differences. */
  jacobianColumnMajor(x: Float64Array, r: Float64Array): Float64Array {
    const { m, n } = this;
    const out = new Float64Array(m * n);
    if (this.jac === undefined) {
      // MINPACK's fdjac2: forward differences with h = √max(epsfcn, ε)·|xⱼ| (√… when xⱼ = 0).
      for (let j = 0; j < n; j++) {
        const h = this.fdStep * Math.abs(x[j]) || this.fdStep;
        const shifted = Float64Array.from(x);
        shifted[j] = x[j] + h;
        const r1 = this.value(shifted);
        for (let i = 0; i < m; i++) out[j * m + i] = (r1[i] - r[i]) / h;
      }
      return out;
    }
    const jac = this.jac(Float64Array.from(x));
    this.njev++;
    if (jac.length === m * n && (m * n === 0 || typeof jac[0] === "number")) {
      const flat = jac as ArrayLike<number>;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[j * m + i] = flat[i * n + j];
      return out;
    }
    if (jac.length === m && Array.from(jac as readonly unknown[]).every((row) => typeof row === "object" && row !== null && (row as ArrayLike<number>).length === n)) {
      (jac as readonly ArrayLike<number>[]).forEach((row, i) => {
        for (let j = 0; j < n; j++) out[j * m + i] = row[j];
      });
      return out;
    }
    throw invalidArgument(this.caller, "jac(x)", jac, `an ${m}×${n} matrix (flat row-major or ${m} rows of ${n})`);
  }
}

/** Column-major m×n → row-major m×n. */
export function toRowMajor(colMajor: Float64Array, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i * n + j] = colMajor[j * m + i];
  return out;
}
