// Fused optimizer updates over parameter, gradient and state arrays in linear memory, generic
// over f32 (four lanes, float32 arithmetic) and f64 (two lanes). The operations and their order
// are those of PyTorch's single-tensor Adam and SGD (and of @descent/optim's loops), one rounding
// per operation, so the f64 build gives the very bits of a plain JavaScript loop and the f32 build
// the bits of that loop with every operation rounded to float32. Plain multiply and add, never
// relaxed fused multiply-add: the result must not depend on the host.

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
    const mi = v128.add<T>(v128.mul<T>(v128.load(m + at), vBeta1), v128.mul<T>(vC1, d));
    const vi = v128.add<T>(v128.mul<T>(v128.load(v + at), vBeta2), v128.mul<T>(v128.mul<T>(vC2, d), d));
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
    const ri = v128.add<T>(v128.mul<T>(v128.load(r + at), vAlpha), v128.mul<T>(v128.mul<T>(vC, d), d));
    v128.store(r + at, ri);
    let s: v128;
    if (a != 0) {
      const ai = v128.add<T>(v128.mul<T>(v128.load(a + at), vAlpha), v128.mul<T>(vC, d));
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
