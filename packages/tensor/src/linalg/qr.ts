import { invalidArgument } from "../errors";
import { checkMatrix, checkSize } from "./check";

export interface DenseQrOptions {
  /** `reduced` (default): Q m×k, R k×n with k = min(m, n). `complete`: Q m×m, R m×n. */
  mode?: "reduced" | "complete";
}

export interface DenseQr {
  /** Orthonormal columns, row-major. */
  q: Float64Array;
  /** Upper triangular (trapezoidal when m < n), row-major. */
  r: Float64Array;
  /** Columns of q (= rows of r). */
  k: number;
}

/**
 * Householder QR of an m×n row-major matrix, A = Q·R (Golub & Van Loan alg. 5.2.1). Each
 * reflector H = I − β·v·vᵀ maps column j's tail onto ∓‖x‖·e₁; the sign is chosen opposite to
 * x₀ so that v₀ = x₀ + sign(x₀)‖x‖ never cancels. Q is accumulated backwards from the identity.
 */
export function denseQr(a: Float64Array, m: number, n: number, options: DenseQrOptions = {}): DenseQr {
  const fn = "denseQr";
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", a, m, n);
  const mode: unknown = options.mode ?? "reduced";
  if (mode !== "reduced" && mode !== "complete") throw invalidArgument(fn, "options.mode", mode, '"reduced" or "complete"');
  const r = Float64Array.from(a);
  const steps = Math.min(m - 1, n);
  const vectors: Float64Array[] = [];
  const betas = new Float64Array(Math.max(steps, 0));
  for (let j = 0; j < steps; j++) {
    let scale = 0;
    for (let i = j; i < m; i++) scale = Math.max(scale, Math.abs(r[i * n + j]));
    const v = new Float64Array(m - j);
    if (scale === 0) {
      vectors.push(v);
      continue;
    }
    // Scaling by the largest entry keeps the squares from overflowing or underflowing.
    let norm = 0;
    for (let i = j; i < m; i++) {
      const s = r[i * n + j] / scale;
      v[i - j] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    const alpha = v[0] >= 0 ? -norm : norm;
    v[0] -= alpha;
    let vtv = 0;
    for (const vi of v) vtv += vi * vi;
    const beta = vtv > 0 ? 2 / vtv : 0;
    betas[j] = beta;
    vectors.push(v);
    for (let c = j; c < n; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i - j] * r[i * n + c];
      const f = beta * dot;
      if (f === 0) continue;
      for (let i = j; i < m; i++) r[i * n + c] -= f * v[i - j];
    }
    r[j * n + j] = alpha * scale;
    for (let i = j + 1; i < m; i++) r[i * n + j] = 0;
  }
  const k = mode === "complete" ? m : Math.min(m, n);
  const q = new Float64Array(m * k);
  for (let i = 0; i < k; i++) q[i * k + i] = 1;
  for (let j = steps - 1; j >= 0; j--) {
    const v = vectors[j];
    const beta = betas[j];
    if (beta === 0) continue;
    for (let c = 0; c < k; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i - j] * q[i * k + c];
      const f = beta * dot;
      if (f === 0) continue;
      for (let i = j; i < m; i++) q[i * k + c] -= f * v[i - j];
    }
  }
  const rOut = new Float64Array(k * n);
  rOut.set(r.subarray(0, Math.min(k, m) * n));
  return { q, r: rOut, k };
}
