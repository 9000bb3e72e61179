// Fused optimizer updates over parameter, gradient and state arrays in linear memory, generic
// over f32 (four lanes, float32 arithmetic) and f64 (two lanes). The operations and their order
// are those of PyTorch's single-tensor optimizers (and of @descent/optim's loops), one rounding
// per operation, so the f64 build gives the very bits of a plain JavaScript loop and the f32 build
// the bits of that loop with every operation rounded to float32. Plain multiply and add, never
// relaxed fused multiply-add: the result must not depend on the host.

/** The running average every adaptive method keeps: old·decay + c·x (m ← β₁m + (1 − β₁)g), one rounding per operation. */
function average<T>(old: v128, decay: v128, c: v128, x: v128): v128 {
  return v128.add<T>(v128.mul<T>(old, decay), v128.mul<T>(c, x));
}

/** The running average of squares: old·decay + (c·x)·x (v ← β₂v + (1 − β₂)g²), rounded in that order. */
function averageSquares<T>(old: v128, decay: v128, c: v128, x: v128): v128 {
  return v128.add<T>(v128.mul<T>(old, decay), v128.mul<T>(v128.mul<T>(c, x), x));
}

/**
 * Adam and AdamW on n elements at p (parameter), g (gradient), m, v (moments), vmax (AMSGrad's
 * running maximum, or 0 for none):
 *   d ← sign·g + l2·θ;  θ ← θ·decay (decoupled) ;  m ← m·β₁ + c₁·d;  v ← v·β₂ + (c₂·d)·d
 *   v̂ ← max(vmax, v) with AMSGrad, else v;  θ ← θ + (−α·m) / (√v̂ / b₂ + ε)
 * Adam passes l2 = λ and decoupled = false; AdamW passes decay = 1 − γλ and decoupled = true (d has no λθ then).
 */
export function adamStep<T>(
  p: usize, g: usize, m: usize, v: usize, vmax: usize, n: i32,
  sign: T, l2: T, decay: T, decoupled: bool, beta1: T, c1: T, beta2: T, c2: T, negStepSize: T, bc2Sqrt: T, eps: T,
): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vL2 = v128.splat<T>(l2), vDecay = v128.splat<T>(decay);
  const vBeta1 = v128.splat<T>(beta1), vC1 = v128.splat<T>(c1), vBeta2 = v128.splat<T>(beta2), vC2 = v128.splat<T>(c2);
  const vNegStep = v128.splat<T>(negStepSize), vBc2 = v128.splat<T>(bc2Sqrt), vEps = v128.splat<T>(eps);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    let theta = v128.load(p + at);
    let d = v128.mul<T>(vSign, v128.load(g + at));
    if (decoupled) theta = v128.mul<T>(theta, vDecay);
    else d = v128.add<T>(d, v128.mul<T>(vL2, theta));
    const mi = average<T>(v128.load(m + at), vBeta1, vC1, d);
    const vi = averageSquares<T>(v128.load(v + at), vBeta2, vC2, d);
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    let vHat = vi;
    if (vmax != 0) {
      vHat = v128.max<T>(v128.load(vmax + at), vi);
      v128.store(vmax + at, vHat);
    }
    const denom = v128.add<T>(v128.div<T>(v128.sqrt<T>(vHat), vBc2), vEps);
    v128.store(p + at, v128.add<T>(theta, v128.div<T>(v128.mul<T>(vNegStep, mi), denom)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    let theta = load<T>(p + at);
    let d: T = sign * load<T>(g + at);
    if (decoupled) theta = theta * decay;
    else d = d + l2 * theta;
    const mi: T = load<T>(m + at) * beta1 + c1 * d;
    const vi: T = load<T>(v + at) * beta2 + c2 * d * d;
    store<T>(m + at, mi);
    store<T>(v + at, vi);
    let vHat = vi;
    if (vmax != 0) {
      vHat = max<T>(load<T>(vmax + at), vi);
      store<T>(vmax + at, vHat);
    }
    store<T>(p + at, theta + (negStepSize * mi) / (sqrt<T>(vHat) / bc2Sqrt + eps));
  }
}

/**
 * SGD with optional (Nesterov) momentum on n elements at p, g and buf (the momentum buffer, or 0
 * without momentum):
 *   d ← sign·g + λ·θ;  b ← d at the first step, else b·μ + c·d;  d ← d + μ·b (Nesterov) or b;  θ ← θ + (−γ)·d
 */
export function sgdStep<T>(
  p: usize, g: usize, buf: usize, n: i32, sign: T, weightDecay: T, momentum: T, c: T, negLr: T, nesterov: bool, first: bool,
): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vWd = v128.splat<T>(weightDecay), vMu = v128.splat<T>(momentum);
  const vC = v128.splat<T>(c), vNegLr = v128.splat<T>(negLr);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    let d = v128.add<T>(v128.mul<T>(vSign, v128.load(g + at)), v128.mul<T>(vWd, theta));
    if (buf != 0) {
      const b = first ? d : v128.add<T>(v128.mul<T>(v128.load(buf + at), vMu), v128.mul<T>(vC, d));
      v128.store(buf + at, b);
      d = nesterov ? v128.add<T>(d, v128.mul<T>(vMu, b)) : b;
    }
    v128.store(p + at, v128.add<T>(theta, v128.mul<T>(vNegLr, d)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    let d: T = sign * load<T>(g + at) + weightDecay * theta;
    if (buf != 0) {
      const b: T = first ? d : load<T>(buf + at) * momentum + c * d;
      store<T>(buf + at, b);
      d = nesterov ? d + momentum * b : b;
    }
    store<T>(p + at, theta + negLr * d);
  }
}

/**
 * RMSprop on n elements at p, g, r (the running average of squared gradients), a (the running
 * average of gradients, or 0 when not centered) and buf (the momentum buffer, or 0 without):
 *   d ← sign·g + λθ;  r ← r·α + (c·d)·d;  a ← a·α + c·d;  s ← √(r + (−a)·a) + ε (centered) | √r + ε
 *   b ← b·μ + d/s;  θ ← θ + (−γ)·b  (momentum)  |  θ ← θ + ((−γ)·d)/s
 * with c = 1 − α.
 */
export function rmspropStep<T>(
  p: usize, g: usize, r: usize, a: usize, buf: usize, n: i32, sign: T, weightDecay: T, alpha: T, c: T, eps: T, momentum: T, negLr: T,
): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vWd = v128.splat<T>(weightDecay), vAlpha = v128.splat<T>(alpha), vC = v128.splat<T>(c);
  const vEps = v128.splat<T>(eps), vMu = v128.splat<T>(momentum), vNegLr = v128.splat<T>(negLr), vMinusOne = v128.splat<T>(<T>-1);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.mul<T>(vSign, v128.load(g + at)), v128.mul<T>(vWd, theta));
    const ri = averageSquares<T>(v128.load(r + at), vAlpha, vC, d);
    v128.store(r + at, ri);
    let s: v128;
    if (a != 0) {
      const ai = average<T>(v128.load(a + at), vAlpha, vC, d);
      v128.store(a + at, ai);
      s = v128.add<T>(v128.sqrt<T>(v128.add<T>(ri, v128.mul<T>(v128.mul<T>(vMinusOne, ai), ai))), vEps);
    } else {
      s = v128.add<T>(v128.sqrt<T>(ri), vEps);
    }
    if (buf != 0) {
      const b = v128.add<T>(v128.mul<T>(v128.load(buf + at), vMu), v128.div<T>(d, s));
      v128.store(buf + at, b);
      v128.store(p + at, v128.add<T>(theta, v128.mul<T>(vNegLr, b)));
    } else {
      v128.store(p + at, v128.add<T>(theta, v128.div<T>(v128.mul<T>(vNegLr, d), s)));
    }
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = sign * load<T>(g + at) + weightDecay * theta;
    const ri: T = load<T>(r + at) * alpha + c * d * d;
    store<T>(r + at, ri);
    let s: T;
    if (a != 0) {
      const ai: T = load<T>(a + at) * alpha + c * d;
      store<T>(a + at, ai);
      s = sqrt<T>(ri + <T>-1 * ai * ai) + eps;
    } else {
      s = sqrt<T>(ri) + eps;
    }
    if (buf != 0) {
      const b: T = load<T>(buf + at) * momentum + d / s;
      store<T>(buf + at, b);
      store<T>(p + at, theta + negLr * b);
    } else {
      store<T>(p + at, theta + (negLr * d) / s);
    }
  }
}

/**
 * Adagrad on n elements at p, g and r (the sum of squared gradients):
 *   d ← sign·g + λθ;  r ← r + d·d;  θ ← θ + ((−γₜ)·d) / (√r + ε)
 * with γₜ = γ / (1 + (t − 1)·lrDecay) computed by the caller.
 */
export function adagradStep<T>(p: usize, g: usize, r: usize, n: i32, sign: T, weightDecay: T, negClr: T, eps: T): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vWd = v128.splat<T>(weightDecay), vNegClr = v128.splat<T>(negClr), vEps = v128.splat<T>(eps);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.mul<T>(vSign, v128.load(g + at)), v128.mul<T>(vWd, theta));
    const ri = v128.add<T>(v128.load(r + at), v128.mul<T>(d, d));
    v128.store(r + at, ri);
    v128.store(p + at, v128.add<T>(theta, v128.div<T>(v128.mul<T>(vNegClr, d), v128.add<T>(v128.sqrt<T>(ri), vEps))));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = sign * load<T>(g + at) + weightDecay * theta;
    const ri: T = load<T>(r + at) + d * d;
    store<T>(r + at, ri);
    store<T>(p + at, theta + (negClr * d) / (sqrt<T>(ri) + eps));
  }
}

/**
 * Adamax on n elements at p, g, m (first moment) and u (the weighted infinity norm):
 *   d ← sign·g + λθ;  m ← m·β₁ + c₁·d;  u ← max(u·β₂, |d| + ε);  θ ← θ + ((−γₜ)·m) / u
 * with γₜ = γ / (1 − β₁ᵗ) computed by the caller.
 */
export function adamaxStep<T>(p: usize, g: usize, m: usize, u: usize, n: i32, sign: T, weightDecay: T, beta1: T, c1: T, beta2: T, eps: T, negClr: T): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vWd = v128.splat<T>(weightDecay), vBeta1 = v128.splat<T>(beta1), vC1 = v128.splat<T>(c1);
  const vBeta2 = v128.splat<T>(beta2), vEps = v128.splat<T>(eps), vNegClr = v128.splat<T>(negClr);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.mul<T>(vSign, v128.load(g + at)), v128.mul<T>(vWd, theta));
    const mi = average<T>(v128.load(m + at), vBeta1, vC1, d);
    const ui = v128.max<T>(v128.mul<T>(v128.load(u + at), vBeta2), v128.add<T>(v128.abs<T>(d), vEps));
    v128.store(m + at, mi);
    v128.store(u + at, ui);
    v128.store(p + at, v128.add<T>(theta, v128.div<T>(v128.mul<T>(vNegClr, mi), ui)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = sign * load<T>(g + at) + weightDecay * theta;
    const mi: T = load<T>(m + at) * beta1 + c1 * d;
    const ui: T = max<T>(load<T>(u + at) * beta2, abs<T>(d) + eps);
    store<T>(m + at, mi);
    store<T>(u + at, ui);
    store<T>(p + at, theta + (negClr * mi) / ui);
  }
}

/**
 * NAdam on n elements at p, g, m and v (torch 2.0's corrected bias correction; no maximize, as in torch):
 *   d ← g + λθ;  m ← m·β₁ + c₁·d;  v ← v·β₂ + (c₂·d)·d;  s ← √(v / b₂) + ε
 *   θ ← θ + (gradStep·d) / s;  θ ← θ + (momentumStep·m) / s
 * two additions, rounded in between, as torch's two addcdiv_ calls. b₂ = 1 − β₂ᵗ; the caller
 * computes the μ schedule into gradStep = −γ(1 − μₜ)/(1 − Πμ) and momentumStep = −γμₜ₊₁/(1 − Πμ·μₜ₊₁).
 */
export function nadamStep<T>(
  p: usize, g: usize, m: usize, v: usize, n: i32, weightDecay: T, beta1: T, c1: T, beta2: T, c2: T, bc2: T, eps: T, gradStep: T, momentumStep: T,
): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vWd = v128.splat<T>(weightDecay), vBeta1 = v128.splat<T>(beta1), vC1 = v128.splat<T>(c1), vBeta2 = v128.splat<T>(beta2), vC2 = v128.splat<T>(c2);
  const vBc2 = v128.splat<T>(bc2), vEps = v128.splat<T>(eps), vGradStep = v128.splat<T>(gradStep), vMomentumStep = v128.splat<T>(momentumStep);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.load(g + at), v128.mul<T>(vWd, theta));
    const mi = average<T>(v128.load(m + at), vBeta1, vC1, d);
    const vi = averageSquares<T>(v128.load(v + at), vBeta2, vC2, d);
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    const denom = v128.add<T>(v128.sqrt<T>(v128.div<T>(vi, vBc2)), vEps);
    const half = v128.add<T>(theta, v128.div<T>(v128.mul<T>(vGradStep, d), denom));
    v128.store(p + at, v128.add<T>(half, v128.div<T>(v128.mul<T>(vMomentumStep, mi), denom)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = load<T>(g + at) + weightDecay * theta;
    const mi: T = load<T>(m + at) * beta1 + c1 * d;
    const vi: T = load<T>(v + at) * beta2 + c2 * d * d;
    store<T>(m + at, mi);
    store<T>(v + at, vi);
    const denom: T = sqrt<T>(vi / bc2) + eps;
    const half: T = theta + (gradStep * d) / denom;
    store<T>(p + at, half + (momentumStep * mi) / denom);
  }
}

/**
 * RAdam on n elements at p, g, m and v (no maximize, as in torch 1.13):
 *   d ← g + λθ;  m ← m·β₁ + c₁·d;  v ← v·β₂ + (c₂·d)·d;  m̂ ← m / b₁
 *   Δ ← ((m̂·γ)·(√b₂ / (√v + ε)))·r (rectified) | m̂·γ;  θ ← θ + (−1)·Δ
 * b₁ = 1 − β₁ᵗ, √b₂ = √(1 − β₂ᵗ); whether this step is rectified (ρₜ > 5) and r are per step, from the caller.
 */
export function radamStep<T>(
  p: usize, g: usize, m: usize, v: usize, n: i32, weightDecay: T, beta1: T, c1: T, beta2: T, c2: T, bc1: T, lr: T, rectified: bool, bc2Sqrt: T, eps: T, rect: T,
): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vWd = v128.splat<T>(weightDecay), vBeta1 = v128.splat<T>(beta1), vC1 = v128.splat<T>(c1), vBeta2 = v128.splat<T>(beta2), vC2 = v128.splat<T>(c2);
  const vBc1 = v128.splat<T>(bc1), vLr = v128.splat<T>(lr), vBc2Sqrt = v128.splat<T>(bc2Sqrt), vEps = v128.splat<T>(eps), vRect = v128.splat<T>(rect);
  const vMinusOne = v128.splat<T>(<T>-1);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.load(g + at), v128.mul<T>(vWd, theta));
    const mi = average<T>(v128.load(m + at), vBeta1, vC1, d);
    const vi = averageSquares<T>(v128.load(v + at), vBeta2, vC2, d);
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    let delta = v128.mul<T>(v128.div<T>(mi, vBc1), vLr);
    if (rectified) delta = v128.mul<T>(v128.mul<T>(delta, v128.div<T>(vBc2Sqrt, v128.add<T>(v128.sqrt<T>(vi), vEps))), vRect);
    v128.store(p + at, v128.add<T>(theta, v128.mul<T>(vMinusOne, delta)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = load<T>(g + at) + weightDecay * theta;
    const mi: T = load<T>(m + at) * beta1 + c1 * d;
    const vi: T = load<T>(v + at) * beta2 + c2 * d * d;
    store<T>(m + at, mi);
    store<T>(v + at, vi);
    let delta: T = (mi / bc1) * lr;
    if (rectified) delta = delta * (bc2Sqrt / (sqrt<T>(vi) + eps)) * rect;
    store<T>(p + at, theta + <T>-1 * delta);
  }
}

/**
 * Adadelta on n elements at p, g, r (the running average of squared gradients) and s (of squared updates):
 *   d ← sign·g + λθ;  r ← r·ρ + (c·d)·d;  Δ ← (√(s + ε) / √(r + ε))·d;  s ← s·ρ + (c·Δ)·Δ;  θ ← θ + (−γ)·Δ
 * with c = 1 − ρ.
 */
export function adadeltaStep<T>(p: usize, g: usize, r: usize, s: usize, n: i32, sign: T, weightDecay: T, rho: T, c: T, eps: T, negLr: T): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vWd = v128.splat<T>(weightDecay), vRho = v128.splat<T>(rho), vC = v128.splat<T>(c);
  const vEps = v128.splat<T>(eps), vNegLr = v128.splat<T>(negLr);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.mul<T>(vSign, v128.load(g + at)), v128.mul<T>(vWd, theta));
    const ri = averageSquares<T>(v128.load(r + at), vRho, vC, d);
    const si = v128.load(s + at);
    const delta = v128.mul<T>(v128.div<T>(v128.sqrt<T>(v128.add<T>(si, vEps)), v128.sqrt<T>(v128.add<T>(ri, vEps))), d);
    v128.store(r + at, ri);
    v128.store(s + at, averageSquares<T>(si, vRho, vC, delta));
    v128.store(p + at, v128.add<T>(theta, v128.mul<T>(vNegLr, delta)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = sign * load<T>(g + at) + weightDecay * theta;
    const ri: T = load<T>(r + at) * rho + c * d * d;
    const si = load<T>(s + at);
    const delta: T = (sqrt<T>(si + eps) / sqrt<T>(ri + eps)) * d;
    store<T>(r + at, ri);
    store<T>(s + at, si * rho + c * delta * delta);
    store<T>(p + at, theta + negLr * delta);
  }
}

/**
 * ASGD on n elements at p, g and ax (the averaged iterate):
 *   d ← sign·g + λθ;  θ ← θ·decay;  θ ← θ + (−η)·d;  θ̄ ← θ (copy) | θ̄ + (θ − θ̄)·μ
 * decay = 1 − λη, η, μ and copy (μ = 1) are per step, from the caller.
 */
export function asgdStep<T>(p: usize, g: usize, ax: usize, n: i32, sign: T, weightDecay: T, decay: T, negEta: T, mu: T, copy: bool): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vWd = v128.splat<T>(weightDecay), vDecay = v128.splat<T>(decay), vNegEta = v128.splat<T>(negEta), vMu = v128.splat<T>(mu);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    const theta = v128.load(p + at);
    const d = v128.add<T>(v128.mul<T>(vSign, v128.load(g + at)), v128.mul<T>(vWd, theta));
    const next = v128.add<T>(v128.mul<T>(theta, vDecay), v128.mul<T>(vNegEta, d));
    v128.store(p + at, next);
    if (copy) {
      v128.store(ax + at, next);
    } else {
      const a = v128.load(ax + at);
      v128.store(ax + at, v128.add<T>(a, v128.mul<T>(v128.sub<T>(next, a), vMu)));
    }
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    const theta = load<T>(p + at);
    const d: T = sign * load<T>(g + at) + weightDecay * theta;
    const next: T = theta * decay + negEta * d;
    store<T>(p + at, next);
    if (copy) {
      store<T>(ax + at, next);
    } else {
      const a = load<T>(ax + at);
      store<T>(ax + at, a + (next - a) * mu);
    }
  }
}

/**
 * Rprop (iRprop−) on n elements at p, g, prev (the previous gradient) and s (per-element step sizes):
 *   d ← sign·g;  q ← d·prev;  s ← min(max(s·η₊ where q > 0, s·η₋ where q < 0, else s; sₘᵢₙ); sₘₐₓ)
 *   d ← 0 where q < 0;  θ ← θ + ((−1)·sgn(d))·s;  prev ← d
 * sgn as Math.sign: ±1, or d itself for ±0 (and NaN), so the sign of a zero step is the rule's.
 */
export function rpropStep<T>(p: usize, g: usize, prev: usize, s: usize, n: i32, sign: T, etaMinus: T, etaPlus: T, stepMin: T, stepMax: T): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  const vSign = v128.splat<T>(sign), vEtaMinus = v128.splat<T>(etaMinus), vEtaPlus = v128.splat<T>(etaPlus);
  const vMin = v128.splat<T>(stepMin), vMax = v128.splat<T>(stepMax);
  const vZero = v128.splat<T>(<T>0), vOne = v128.splat<T>(<T>1), vMinusOne = v128.splat<T>(<T>-1);
  let i = 0;
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    let d = v128.mul<T>(vSign, v128.load(g + at));
    const q = v128.mul<T>(d, v128.load(prev + at));
    const grows = v128.gt<T>(q, vZero);
    const flips = v128.lt<T>(q, vZero);
    const factor = v128.bitselect(vEtaPlus, v128.bitselect(vEtaMinus, vOne, flips), grows);
    const si = v128.min<T>(v128.max<T>(v128.mul<T>(v128.load(s + at), factor), vMin), vMax);
    d = v128.andnot(d, flips);
    const sgn = v128.bitselect(vOne, v128.bitselect(vMinusOne, d, v128.lt<T>(d, vZero)), v128.gt<T>(d, vZero));
    v128.store(s + at, si);
    v128.store(p + at, v128.add<T>(v128.load(p + at), v128.mul<T>(v128.mul<T>(vMinusOne, sgn), si)));
    v128.store(prev + at, d);
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    let d: T = sign * load<T>(g + at);
    const q: T = d * load<T>(prev + at);
    const factor: T = q > <T>0 ? etaPlus : q < <T>0 ? etaMinus : <T>1;
    const si: T = min<T>(max<T>(load<T>(s + at) * factor, stepMin), stepMax);
    if (q < <T>0) d = <T>0;
    const sgn: T = d > <T>0 ? <T>1 : d < <T>0 ? <T>-1 : d;
    store<T>(s + at, si);
    store<T>(p + at, load<T>(p + at) + <T>-1 * sgn * si);
    store<T>(prev + at, d);
  }
}
