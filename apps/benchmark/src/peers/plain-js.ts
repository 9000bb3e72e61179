/**
 * The "plain-js" peer: what a careful programmer writes by hand, one fused loop over Float32Arrays
 * with the scalars hoisted. It is the bar descent's general optimizer classes are held to.
 */

/** One Adam step (PyTorch's arithmetic, no weight decay, no amsgrad) in a single pass. */
export function plainAdamStep(param: Float32Array, grad: Float32Array, m: Float32Array, v: Float32Array, step: number, lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): void {
  const stepSize = lr / (1 - beta1 ** step);
  const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
  const oneMinusBeta1 = 1 - beta1;
  const oneMinusBeta2 = 1 - beta2;
  for (let i = 0; i < param.length; i++) {
    const g = grad[i];
    const mi = beta1 * m[i] + oneMinusBeta1 * g;
    const vi = beta2 * v[i] + oneMinusBeta2 * g * g;
    m[i] = mi;
    v[i] = vi;
    param[i] -= (stepSize * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
  }
}

/** dst[i] = src[i]: 8 bytes moved per float32 element, this machine's streaming reference. */
export function plainCopy(dst: Float32Array, src: Float32Array): void {
  for (let i = 0; i < src.length; i++) dst[i] = src[i];
}
