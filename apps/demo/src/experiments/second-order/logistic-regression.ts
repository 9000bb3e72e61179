import type { BinaryDataset } from "../../data/breast-cancer";

/**
 * Mean logistic loss with an L2 penalty on the weights (not the bias):
 * f(w, b) = (1/n)Σ log(1 + e^(−sᵢ(xᵢ·w + b))) + (λ/2)‖w‖², sᵢ = ±1. The breast-cancer classes are
 * almost separable, so without the penalty the minimum would lie at infinity.
 */
export class LogisticRegression {
  readonly dimension: number;

  constructor(
    readonly data: BinaryDataset,
    readonly lambda: number,
  ) {
    this.dimension = data.features + 1;
  }

  /** The margins zᵢ = xᵢ·w + b. */
  private margins(theta: ArrayLike<number>): Float64Array {
    const { size, features, inputs } = this.data;
    const z = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      let s = theta[features];
      for (let j = 0; j < features; j++) s += inputs[i * features + j] * theta[j];
      z[i] = s;
    }
    return z;
  }

  value(theta: ArrayLike<number>): number {
    const z = this.margins(theta);
    let loss = 0;
    for (let i = 0; i < z.length; i++) {
      const m = (this.data.labels[i] === 1 ? 1 : -1) * z[i];
      // log(1 + e^(−m)) without overflow for large |m|.
      loss += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
    }
    let penalty = 0;
    for (let j = 0; j < this.data.features; j++) penalty += theta[j] * theta[j];
    return loss / z.length + 0.5 * this.lambda * penalty;
  }

  /** ∇f = (1/n)Xᵀ(p − y) + λw, p = σ(z). */
  gradient(theta: ArrayLike<number>): Float64Array {
    const { size, features, inputs, labels } = this.data;
    const z = this.margins(theta);
    const g = new Float64Array(features + 1);
    for (let i = 0; i < size; i++) {
      const residual = sigmoid(z[i]) - labels[i];
      for (let j = 0; j < features; j++) g[j] += residual * inputs[i * features + j];
      g[features] += residual;
    }
    for (let j = 0; j <= features; j++) g[j] /= size;
    for (let j = 0; j < features; j++) g[j] += this.lambda * theta[j];
    return g;
  }

  /** ∇²f = (1/n)X̃ᵀ diag(p(1 − p)) X̃ + λ·diag(1, …, 1, 0), X̃ = [X 1], as rows. */
  hessian(theta: ArrayLike<number>): number[][] {
    const { size, features, inputs } = this.data;
    const n = features + 1;
    const z = this.margins(theta);
    const h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const row = new Float64Array(n);
    for (let i = 0; i < size; i++) {
      const p = sigmoid(z[i]);
      const w = p * (1 - p);
      for (let j = 0; j < features; j++) row[j] = inputs[i * features + j];
      row[features] = 1;
      for (let a = 0; a < n; a++) for (let b = a; b < n; b++) h[a][b] += w * row[a] * row[b];
    }
    for (let a = 0; a < n; a++) {
      for (let b = a; b < n; b++) {
        h[a][b] /= size;
        if (a === b && a < features) h[a][b] += this.lambda;
        h[b][a] = h[a][b];
      }
    }
    return h;
  }

  /**
   * A Lipschitz constant of ∇f: σ' ≤ 1/4, so L = λ_max(X̃ᵀX̃)/(4n) + λ, with the largest
   * eigenvalue from power iteration. Gradient descent with step 1/L never increases f.
   */
  smoothness(): number {
    const { size, features, inputs } = this.data;
    const n = features + 1;
    let v = new Float64Array(n).fill(1 / Math.sqrt(n));
    let eigenvalue = 0;
    for (let iteration = 0; iteration < 200; iteration++) {
      const next = new Float64Array(n);
      for (let i = 0; i < size; i++) {
        let dot = v[features];
        for (let j = 0; j < features; j++) dot += inputs[i * features + j] * v[j];
        for (let j = 0; j < features; j++) next[j] += dot * inputs[i * features + j];
        next[features] += dot;
      }
      const norm = Math.hypot(...next);
      eigenvalue = norm;
      v = next.map((x) => x / norm);
    }
    return eigenvalue / (4 * size) + this.lambda;
  }

  accuracy(theta: ArrayLike<number>): number {
    const z = this.margins(theta);
    let correct = 0;
    for (let i = 0; i < z.length; i++) if ((z[i] > 0 ? 1 : 0) === this.data.labels[i]) correct++;
    return correct / z.length;
  }
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
