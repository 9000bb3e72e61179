import { dot } from "./vector";

/** A point on the search line: the loss and the gradient at x + t·d. */
export interface LinePoint {
  loss: number;
  grad: Float64Array;
}

// Python's max/min of two values: the first unless the second is strictly beyond it (NaN-safe the same way).
const pyMax = (a: number, b: number): number => (b > a ? b : a);
const pyMin = (a: number, b: number): number => (b < a ? b : a);

/**
 * The minimizer of the cubic through (x1, f1) and (x2, f2) with slopes g1 and g2, clamped to
 * `bounds` (default: between x1 and x2); the midpoint of the bounds when the cubic has no minimum.
 * PyTorch's `_cubic_interpolate` (from Schmidt's minFunc `polyinterp`).
 * @see Nocedal & Wright, Numerical Optimization, 2nd ed., eq. (3.59)
 */
export function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, bounds?: readonly [number, number]): number {
  const [xminBound, xmaxBound] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return pyMin(pyMax(minPos, xminBound), xmaxBound);
  }
  return (xminBound + xmaxBound) / 2;
}

export interface StrongWolfeOptions {
  /** Sufficient decrease constant (default 1e-4). */
  c1?: number;
  /** Curvature constant (default 0.9). */
  c2?: number;
  /** Stop when the bracket is this short, measured in x (default 1e-9). */
  toleranceChange?: number;
  /** At most this many evaluations after the first (default 25). */
  maxLs?: number;
}

export interface StrongWolfeResult extends LinePoint {
  t: number;
  /** How many times `evaluate` was called. */
  evals: number;
}

/**
 * A line search for a step t along d satisfying the strong Wolfe conditions
 * `f(t) ≤ f(0) + c1 t f'(0)` and `|f'(t)| ≤ −c2 f'(0)`: bracketing with cubic extrapolation,
 * then zooming with safeguarded cubic interpolation. PyTorch's `_strong_wolfe` (from minFunc's
 * `WolfeLineSearch`), step by step, so that LBFGS reproduces torch's iterates.
 * @param evaluate the loss and gradient at x + t·d
 * @param t the first trial step
 * @param d the search direction
 * @param loss the loss at t = 0
 * @param grad the gradient at t = 0
 * @param gtd the directional derivative gradᵀd at t = 0 (negative)
 * @see Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithms 3.5 and 3.6
 */
export function strongWolfe(
  evaluate: (t: number) => LinePoint,
  t: number,
  d: Float64Array,
  loss: number,
  grad: Float64Array,
  gtd: number,
  { c1 = 1e-4, c2 = 0.9, toleranceChange = 1e-9, maxLs = 25 }: StrongWolfeOptions = {},
): StrongWolfeResult {
  let dNorm = 0;
  for (let i = 0; i < d.length; i++) dNorm = pyMax(dNorm, Math.abs(d[i]));
  let { loss: fNew, grad: gNew } = evaluate(t);
  let evals = 1;
  let gtdNew = dot(gNew, d);

  // Bracket an interval containing a point that satisfies the conditions.
  let tPrev = 0;
  let fPrev = loss;
  let gPrev = grad;
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: number[] = [];
  let bracketF: number[] = [];
  let bracketG: Float64Array[] = [];
  let bracketGtd: number[] = [];
  while (lsIter < maxLs) {
    if (fNew > loss + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew]];
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      [bracket, bracketF, bracketG] = [[t], [fNew], [gNew]];
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew]];
      break;
    }
    // Extrapolate with a cubic, between 1.01 t and 10 t.
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tOld = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    [tPrev, fPrev, gPrev, gtdPrev] = [tOld, fNew, gNew, gtdNew];
    ({ loss: fNew, grad: gNew } = evaluate(t));
    evals += 1;
    gtdNew = dot(gNew, d);
    lsIter += 1;
  }
  if (lsIter === maxLs) {
    [bracket, bracketF, bracketG] = [[0, t], [loss, fNew], [grad, gNew]];
  }

  // Zoom: shrink the bracket until a point satisfies the conditions.
  let insufficientProgress = false;
  let [low, high] = bracketF[0] <= bracketF[bracketF.length - 1] ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
    t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
    // Keep t at least 10% of the bracket away from its ends when progress stalls there.
    const top = pyMax(bracket[0], bracket[1]);
    const bottom = pyMin(bracket[0], bracket[1]);
    const eps = 0.1 * (top - bottom);
    if (pyMin(top - t, t - bottom) < eps) {
      if (insufficientProgress || t >= top || t <= bottom) {
        t = Math.abs(t - top) < Math.abs(t - bottom) ? top - eps : bottom + eps;
        insufficientProgress = false;
      } else {
        insufficientProgress = true;
      }
    } else {
      insufficientProgress = false;
    }
    ({ loss: fNew, grad: gNew } = evaluate(t));
    evals += 1;
    gtdNew = dot(gNew, d);
    lsIter += 1;
    if (fNew > loss + c1 * t * gtd || fNew >= bracketF[low]) {
      // Not enough decrease, or not below the lowest point: t becomes the high end.
      [bracket[high], bracketF[high], bracketG[high], bracketGtd[high]] = [t, fNew, gNew, gtdNew];
      [low, high] = bracketF[0] <= bracketF[1] ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) {
        done = true;
      } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
        // The old low end becomes the high end.
        [bracket[high], bracketF[high], bracketG[high], bracketGtd[high]] = [bracket[low], bracketF[low], bracketG[low], bracketGtd[low]];
      }
      [bracket[low], bracketF[low], bracketG[low], bracketGtd[low]] = [t, fNew, gNew, gtdNew];
    }
  }
  return { loss: bracketF[low], grad: bracketG[low], t: bracket[low], evals };
}
