import { describe, expect, it } from "vitest";
import type { FloatArray } from "../dtype";
import { InvalidArgumentError } from "../errors";
import type {
  AdadeltaWasmOptions, AdagradWasmOptions, AdamaxWasmOptions, AdamWasmOptions, AsgdWasmOptions, NadamWasmOptions, RadamWasmOptions, RmspropWasmOptions,
  RpropWasmOptions, SgdWasmOptions,
} from "./optimizer-kernels";
import {
  adadeltaUpdateWasm, adagradUpdateWasm, adamaxUpdateWasm, adamUpdateWasm, asgdUpdateWasm, nadamUpdateWasm, radamUpdateWasm, rmspropUpdateWasm,
  rpropUpdateWasm, sgdUpdateWasm,
} from "./optimizer-kernels";

/**
 * The oracles: torch.optim.Adam/AdamW and SGD written out element by element, with `r` applied
 * after every operation: the identity for float64, Math.fround for float32 (a float64 operation on
 * float32 values rounded once to float32 is the float32 operation, for + − × ÷ and √).
 */
type Round = (x: number) => number;

function adamOracle(p: number[], g: number[], m: number[], v: number[], vmax: number[] | null, o: AdamWasmOptions, r: Round): void {
  const sign = o.maximize === true ? -1 : 1;
  const decoupled = o.decoupled === true;
  const [beta1, c1, beta2, c2, eps, wd] = [o.beta1, 1 - o.beta1, o.beta2, 1 - o.beta2, o.eps, o.weightDecay].map(r);
  const decay = r(1 - o.lr * o.weightDecay);
  const negStepSize = r(-(o.lr / (1 - o.beta1 ** o.step)));
  const bc2Sqrt = r(Math.sqrt(1 - o.beta2 ** o.step));
  for (let i = 0; i < p.length; i++) {
    let theta = p[i];
    let d = r(sign * g[i]);
    if (decoupled) theta = r(theta * decay);
    else d = r(d + r(wd * theta));
    m[i] = r(r(m[i] * beta1) + r(c1 * d));
    v[i] = r(r(v[i] * beta2) + r(r(c2 * d) * d));
    let vHat = v[i];
    if (vmax !== null) vmax[i] = vHat = Math.max(vmax[i], v[i]);
    p[i] = r(theta + r(r(negStepSize * m[i]) / r(r(r(Math.sqrt(vHat)) / bc2Sqrt) + eps)));
  }
}

function sgdOracle(p: number[], g: number[], b: number[] | null, o: SgdWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [wd, mu, c, negLr] = [o.weightDecay, o.momentum, 1 - o.dampening, -o.lr].map(r);
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    let d = r(r(sign * g[i]) + r(wd * theta));
    if (b !== null) {
      b[i] = o.firstStep ? d : r(r(b[i] * mu) + r(c * d));
      d = o.nesterov ? r(d + r(mu * b[i])) : b[i];
    }
    p[i] = r(theta + r(negLr * d));
  }
}

/** torch.optim.RMSprop; `a` (centered) and `b` (momentum) are null when off. */
function rmspropOracle(p: number[], g: number[], sq: number[], a: number[] | null, b: number[] | null, o: RmspropWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [wd, alpha, c, eps, mu, negLr] = [o.weightDecay, o.alpha, 1 - o.alpha, o.eps, o.momentum, -o.lr].map(r);
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    const d = r(r(sign * g[i]) + r(wd * theta));
    sq[i] = r(r(sq[i] * alpha) + r(r(c * d) * d));
    let s: number;
    if (a !== null) {
      a[i] = r(r(a[i] * alpha) + r(c * d));
      s = r(r(Math.sqrt(r(sq[i] - r(a[i] * a[i])))) + eps);
    } else {
      s = r(r(Math.sqrt(sq[i])) + eps);
    }
    if (b !== null) {
      b[i] = r(r(b[i] * mu) + r(d / s));
      p[i] = r(theta + r(negLr * b[i]));
    } else {
      p[i] = r(theta + r(r(negLr * d) / s));
    }
  }
}

/** torch.optim.Adagrad. */
function adagradOracle(p: number[], g: number[], sum: number[], o: AdagradWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [wd, eps] = [o.weightDecay, o.eps].map(r);
  const negClr = r(-(o.lr / (1 + (o.step - 1) * o.lrDecay)));
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    const d = r(r(sign * g[i]) + r(wd * theta));
    sum[i] = r(sum[i] + r(d * d));
    p[i] = r(theta + r(r(negClr * d) / r(r(Math.sqrt(sum[i])) + eps)));
  }
}

const identity: Round = (x) => x;

function arrays(n: number, type: "float32" | "float64", seed: number): { typed: FloatArray; plain: number[] } {
  const typed = type === "float32" ? new Float32Array(n) : new Float64Array(n);
  // deterministic values of both signs and varied magnitude, with an exact zero in the mix
  for (let i = 0; i < n; i++) typed[i] = i % 97 === 0 ? 0 : Math.sin(seed * 7.1 + i * 1.3) * 2 ** ((i % 11) - 5);
  return { typed, plain: Array.from(typed) };
}

// 1 and 3 (tail only), 4 and 5 (one vector, one vector plus tail), other odd lengths, and lengths crossing the 128 KB chunks.
const LENGTHS = [1, 3, 4, 5, 7, 1001, 1029, 70_001];

describe("adamUpdateWasm", () => {
  const variants: (Omit<AdamWasmOptions, "step" | "maxExpAvgSq"> & { amsgrad?: boolean })[] = [
    { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 },
    { lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.1, maximize: true },
    { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, amsgrad: true },
    { lr: 0.01, beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1, decoupled: true },
    { lr: 0.02, beta1: 0.5, beta2: 0.9, eps: 1e-3, weightDecay: 0.3, decoupled: true, amsgrad: true, maximize: true },
  ];

  for (const type of ["float64", "float32"] as const) {
    it(`gives the oracle's exact ${type} bits over three steps, for Adam, AdamW, AMSGrad and maximize`, () => {
      const round: Round = type === "float32" ? Math.fround : identity;
      for (const variant of variants) {
        for (const n of LENGTHS) {
          const p = arrays(n, type, 1);
          const m = arrays(n, type, 0);
          m.typed.fill(0);
          m.plain.fill(0);
          const v = { typed: m.typed.slice(), plain: m.plain.slice() };
          const vmax = variant.amsgrad === true ? { typed: m.typed.slice(), plain: m.plain.slice() } : null;
          for (let step = 1; step <= 3; step++) {
            const g = arrays(n, type, step + 1);
            const options: AdamWasmOptions = { ...variant, step, maxExpAvgSq: vmax?.typed ?? null };
            adamUpdateWasm(p.typed, g.typed, m.typed, v.typed, options);
            adamOracle(p.plain, g.plain, m.plain, v.plain, vmax?.plain ?? null, options, round);
          }
          expect(Array.from(p.typed)).toEqual(p.plain);
          expect(Array.from(m.typed)).toEqual(m.plain);
          expect(Array.from(v.typed)).toEqual(v.plain);
          if (vmax !== null) expect(Array.from(vmax.typed)).toEqual(vmax.plain);
        }
      }
    });
  }

  it("first step from zero moments moves each parameter by lr·g/(|g| + ε) (bias corrections cancel)", () => {
    // m = (1−β₁)g and v = (1−β₂)g², so (γ/(1−β₁))·m / (√v/√(1−β₂) + ε) = γ·g/(|g| + ε).
    const g = new Float64Array([0.5, -2, 3e-3, 0]);
    const p = new Float64Array([1, 1, 1, 1]);
    adamUpdateWasm(p, g, new Float64Array(4), new Float64Array(4), { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step: 1 });
    const expected = Array.from(g, (gi) => 1 - (0.1 * gi) / (Math.abs(gi) + 1e-8));
    Array.from(p).forEach((x, i) => { expect(x).toBeCloseTo(expected[i], 14); });
  });

  it("rejects mismatched arrays and bad options before touching anything", () => {
    const p = new Float32Array([1, 2, 3]);
    const m = new Float32Array(3);
    const options = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step: 1 };
    expect(() => { adamUpdateWasm(p, new Float32Array(2), m, new Float32Array(3), options); }).toThrow(InvalidArgumentError);
    expect(() => { adamUpdateWasm(p, new Float64Array(3), m, new Float32Array(3), options); }).toThrow(InvalidArgumentError);
    expect(() => { adamUpdateWasm(p, new Float32Array(3), m, new Float32Array(3), { ...options, step: 0 }); }).toThrow(InvalidArgumentError);
    expect(() => { adamUpdateWasm(p, new Float32Array(3), m, new Float32Array(3), { ...options, lr: Number.NaN }); }).toThrow(InvalidArgumentError);
    expect(() => {
      adamUpdateWasm(p, new Float32Array(3), m, new Float32Array(3), { ...options, maxExpAvgSq: new Float32Array(4) });
    }).toThrow(InvalidArgumentError);
    expect(Array.from(p)).toEqual([1, 2, 3]);
    expect(Array.from(m)).toEqual([0, 0, 0]);
  });
});

describe("sgdUpdateWasm", () => {
  const variants: (Omit<SgdWasmOptions, "firstStep"> & { withBuffer: boolean })[] = [
    { lr: 0.1, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, withBuffer: false },
    { lr: 0.1, momentum: 0, dampening: 0, weightDecay: 0.01, nesterov: false, maximize: true, withBuffer: false },
    { lr: 0.05, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, withBuffer: true },
    { lr: 0.05, momentum: 0.9, dampening: 0.3, weightDecay: 0.01, nesterov: false, maximize: true, withBuffer: true },
    { lr: 0.05, momentum: 0.8, dampening: 0, weightDecay: 0.02, nesterov: true, maximize: false, withBuffer: true },
  ];

  for (const type of ["float64", "float32"] as const) {
    it(`gives the oracle's exact ${type} bits over three steps, with and without (Nesterov) momentum`, () => {
      const round: Round = type === "float32" ? Math.fround : identity;
      for (const { withBuffer, ...variant } of variants) {
        for (const n of LENGTHS) {
          const p = arrays(n, type, 1);
          const b = withBuffer ? arrays(n, type, 9) : null;
          for (let step = 1; step <= 3; step++) {
            const g = arrays(n, type, step + 1);
            const options: SgdWasmOptions = { ...variant, firstStep: step === 1 };
            sgdUpdateWasm(p.typed, g.typed, b?.typed ?? null, options);
            sgdOracle(p.plain, g.plain, b?.plain ?? null, options, round);
          }
          expect(Array.from(p.typed)).toEqual(p.plain);
          if (b !== null) expect(Array.from(b.typed)).toEqual(b.plain);
        }
      }
    });
  }

  it("plain SGD by hand: θ = [1, 2], ∇ = [0.5, −1], γ = 0.1 gives [0.95, 2.1]", () => {
    const p = new Float64Array([1, 2]);
    sgdUpdateWasm(p, new Float64Array([0.5, -1]), null, { lr: 0.1, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, firstStep: true });
    expect(Array.from(p)).toEqual([1 + -0.1 * 0.5, 2 + -0.1 * -1]);
  });

  it("rejects a buffer of another length or type, changing nothing", () => {
    const p = new Float64Array([1, 2]);
    const options = { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false, maximize: false, firstStep: false };
    expect(() => { sgdUpdateWasm(p, new Float64Array(2), new Float64Array(3), options); }).toThrow(InvalidArgumentError);
    expect(() => { sgdUpdateWasm(p, new Float64Array(2), new Float32Array(2), options); }).toThrow(InvalidArgumentError);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("rmspropUpdateWasm", () => {
  const variants: (Omit<RmspropWasmOptions, "gradAvg" | "momentumBuffer"> & { centered: boolean })[] = [
    { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, maximize: false, centered: false },
    { lr: 0.02, alpha: 0.9, eps: 1e-6, weightDecay: 0.1, momentum: 0, maximize: true, centered: true },
    { lr: 0.01, alpha: 0.95, eps: 1e-8, weightDecay: 0.01, momentum: 0.9, maximize: false, centered: false },
    { lr: 0.005, alpha: 0.8, eps: 1e-4, weightDecay: 0, momentum: 0.5, maximize: true, centered: true },
  ];

  for (const type of ["float64", "float32"] as const) {
    it(`gives the oracle's exact ${type} bits over three steps, centered or not, with and without momentum`, () => {
      const round: Round = type === "float32" ? Math.fround : identity;
      for (const { centered, ...variant } of variants) {
        for (const n of LENGTHS) {
          const p = arrays(n, type, 1);
          const zeros = (): { typed: FloatArray; plain: number[] } => ({ typed: p.typed.slice().fill(0), plain: new Array<number>(n).fill(0) });
          const sq = zeros();
          const a = centered ? zeros() : null;
          const b = variant.momentum > 0 ? zeros() : null;
          for (let step = 1; step <= 3; step++) {
            const g = arrays(n, type, step + 1);
            const options: RmspropWasmOptions = { ...variant, gradAvg: a?.typed ?? null, momentumBuffer: b?.typed ?? null };
            rmspropUpdateWasm(p.typed, g.typed, sq.typed, options);
            rmspropOracle(p.plain, g.plain, sq.plain, a?.plain ?? null, b?.plain ?? null, options, round);
          }
          expect(Array.from(p.typed)).toEqual(p.plain);
          expect(Array.from(sq.typed)).toEqual(sq.plain);
          if (a !== null) expect(Array.from(a.typed)).toEqual(a.plain);
          if (b !== null) expect(Array.from(b.typed)).toEqual(b.plain);
        }
      }
    });
  }

  it("first plain step from r = 0 moves each parameter by lr·g/(√(1 − α)|g| + ε)", () => {
    // r = (1 − α)g², so θ ← θ − γ g / (√(1 − α)·|g| + ε)
    const g = new Float64Array([0.5, -2, 0]);
    const p = new Float64Array([1, 1, 1]);
    rmspropUpdateWasm(p, g, new Float64Array(3), { lr: 0.1, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, maximize: false });
    const expected = Array.from(g, (gi) => 1 - (0.1 * gi) / (Math.sqrt(0.01) * Math.abs(gi) + 1e-8));
    Array.from(p).forEach((x, i) => { expect(x).toBeCloseTo(expected[i], 14); });
  });

  it("rejects a mismatched buffer or a non-finite option, changing nothing", () => {
    const p = new Float32Array([1, 2]);
    const options = { lr: 0.1, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0.9, maximize: false };
    expect(() => { rmspropUpdateWasm(p, new Float32Array(2), new Float32Array(2), { ...options, momentumBuffer: new Float32Array(3) }); }).toThrow(InvalidArgumentError);
    expect(() => { rmspropUpdateWasm(p, new Float32Array(2), new Float64Array(2), options); }).toThrow(InvalidArgumentError);
    expect(() => { rmspropUpdateWasm(p, new Float32Array(2), new Float32Array(2), { ...options, alpha: Number.NaN }); }).toThrow(/options.alpha/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("adagradUpdateWasm", () => {
  const variants: Omit<AdagradWasmOptions, "step">[] = [
    { lr: 0.01, lrDecay: 0, weightDecay: 0, eps: 1e-10, maximize: false },
    { lr: 0.1, lrDecay: 0.01, weightDecay: 0.05, eps: 1e-6, maximize: true },
  ];

  for (const type of ["float64", "float32"] as const) {
    it(`gives the oracle's exact ${type} bits over three steps, with lr decay, weight decay and maximize`, () => {
      const round: Round = type === "float32" ? Math.fround : identity;
      for (const variant of variants) {
        for (const n of LENGTHS) {
          const p = arrays(n, type, 1);
          // a positive initial accumulator, as initialAccumulatorValue gives
          const sum = { typed: p.typed.slice().fill(0.1), plain: new Array<number>(n).fill(round(0.1)) };
          for (let step = 1; step <= 3; step++) {
            const g = arrays(n, type, step + 1);
            const options: AdagradWasmOptions = { ...variant, step };
            adagradUpdateWasm(p.typed, g.typed, sum.typed, options);
            adagradOracle(p.plain, g.plain, sum.plain, options, round);
          }
          expect(Array.from(p.typed)).toEqual(p.plain);
          expect(Array.from(sum.typed)).toEqual(sum.plain);
        }
      }
    });
  }

  it("rejects step 0 and a sum of another length, changing nothing", () => {
    const p = new Float64Array([1, 2]);
    const options = { lr: 0.1, lrDecay: 0, weightDecay: 0, eps: 1e-10, maximize: false, step: 1 };
    expect(() => { adagradUpdateWasm(p, new Float64Array(2), new Float64Array(2), { ...options, step: 0 }); }).toThrow(/options.step/);
    expect(() => { adagradUpdateWasm(p, new Float64Array(2), new Float64Array(3), options); }).toThrow(InvalidArgumentError);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

/** torch.optim.Adamax; state = [expAvg, expInf]. */
function adamaxOracle(p: number[], g: number[], [m, u]: number[][], o: AdamaxWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [wd, beta1, c1, beta2, eps] = [o.weightDecay, o.beta1, 1 - o.beta1, o.beta2, o.eps].map(r);
  const negClr = r(-(o.lr / (1 - o.beta1 ** o.step)));
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    const d = r(r(sign * g[i]) + r(wd * theta));
    m[i] = r(r(m[i] * beta1) + r(c1 * d));
    u[i] = Math.max(r(u[i] * beta2), r(Math.abs(d) + eps));
    p[i] = r(theta + r(r(negClr * m[i]) / u[i]));
  }
}

/** torch.optim.NAdam (torch 2.0's bias correction); state = [expAvg, expAvgSq]. */
function nadamOracle(p: number[], g: number[], [m, v]: number[][], o: NadamWasmOptions, r: Round): void {
  const [wd, beta1, c1, beta2, c2, bc2, eps, gradStep, momentumStep] =
    [o.weightDecay, o.beta1, 1 - o.beta1, o.beta2, 1 - o.beta2, o.biasCorrection2, o.eps, o.gradStep, o.momentumStep].map(r);
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    const d = r(g[i] + r(wd * theta));
    m[i] = r(r(m[i] * beta1) + r(c1 * d));
    v[i] = r(r(v[i] * beta2) + r(r(c2 * d) * d));
    const denom = r(r(Math.sqrt(r(v[i] / bc2))) + eps);
    const half = r(theta + r(r(gradStep * d) / denom));
    p[i] = r(half + r(r(momentumStep * m[i]) / denom));
  }
}

/** torch.optim.RAdam; state = [expAvg, expAvgSq]. */
function radamOracle(p: number[], g: number[], [m, v]: number[][], o: RadamWasmOptions, r: Round): void {
  const [wd, beta1, c1, beta2, c2, bc1, lr, bc2Sqrt, eps] =
    [o.weightDecay, o.beta1, 1 - o.beta1, o.beta2, 1 - o.beta2, o.biasCorrection1, o.lr, o.biasCorrection2Sqrt, o.eps].map(r);
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    const d = r(g[i] + r(wd * theta));
    m[i] = r(r(m[i] * beta1) + r(c1 * d));
    v[i] = r(r(v[i] * beta2) + r(r(c2 * d) * d));
    let delta = r(r(m[i] / bc1) * lr);
    if (o.rectification !== null) delta = r(r(delta * r(bc2Sqrt / r(r(Math.sqrt(v[i])) + eps))) * r(o.rectification));
    p[i] = r(theta + -delta);
  }
}

/** torch.optim.Adadelta; state = [squareAvg, accDelta]. */
function adadeltaOracle(p: number[], g: number[], [sq, acc]: number[][], o: AdadeltaWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [wd, rho, c, eps, negLr] = [o.weightDecay, o.rho, 1 - o.rho, o.eps, -o.lr].map(r);
  for (let i = 0; i < p.length; i++) {
    const theta = p[i];
    const d = r(r(sign * g[i]) + r(wd * theta));
    sq[i] = r(r(sq[i] * rho) + r(r(c * d) * d));
    const delta = r(r(r(Math.sqrt(r(acc[i] + eps))) / r(Math.sqrt(r(sq[i] + eps)))) * d);
    acc[i] = r(r(acc[i] * rho) + r(r(c * delta) * delta));
    p[i] = r(theta + r(negLr * delta));
  }
}

/** torch 1.13's torch.optim.ASGD for one step with the given η and μ; state = [ax]. */
function asgdOracle(p: number[], g: number[], [ax]: number[][], o: AsgdWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [wd, decay, negEta, mu] = [o.weightDecay, 1 - o.lambd * o.eta, -o.eta, o.mu].map(r);
  for (let i = 0; i < p.length; i++) {
    const d = r(r(sign * g[i]) + r(wd * p[i]));
    p[i] = r(r(p[i] * decay) + r(negEta * d));
    ax[i] = o.mu === 1 ? p[i] : r(ax[i] + r(r(p[i] - ax[i]) * mu));
  }
}

/** torch.optim.Rprop; state = [prev, stepSize]. */
function rpropOracle(p: number[], g: number[], [prev, s]: number[][], o: RpropWasmOptions, r: Round): void {
  const sign = o.maximize ? -1 : 1;
  const [etaMinus, etaPlus, stepMin, stepMax] = [o.etaMinus, o.etaPlus, o.stepMin, o.stepMax].map(r);
  for (let i = 0; i < p.length; i++) {
    let d = r(sign * g[i]);
    const q = r(d * prev[i]);
    s[i] = Math.min(Math.max(r(s[i] * (q > 0 ? etaPlus : q < 0 ? etaMinus : 1)), stepMin), stepMax);
    if (q < 0) d = 0;
    p[i] = r(p[i] + r(r(-1 * Math.sign(d)) * s[i]));
    prev[i] = d;
  }
}

/**
 * Four steps of an update beside its oracle, in float64 and float32, at every length: the
 * parameter from `arrays`, state array k starting at fills[k], a fresh gradient each step, the
 * step's options from `options(step)`. Expects the oracle's exact bits in the parameter and every state array.
 */
function expectOracleBits<O>(
  fills: number[], options: (step: number) => O,
  update: (p: FloatArray, g: FloatArray, state: FloatArray[], o: O) => void,
  oracle: (p: number[], g: number[], state: number[][], o: O, r: Round) => void,
): void {
  for (const type of ["float64", "float32"] as const) {
    const round: Round = type === "float32" ? Math.fround : identity;
    for (const n of LENGTHS) {
      const p = arrays(n, type, 1);
      const state = fills.map((value) => ({ typed: p.typed.slice().fill(value), plain: new Array<number>(n).fill(round(value)) }));
      for (let step = 1; step <= 4; step++) {
        const g = arrays(n, type, step + 1);
        const o = options(step);
        update(p.typed, g.typed, state.map((a) => a.typed), o);
        oracle(p.plain, g.plain, state.map((a) => a.plain), o, round);
      }
      expect(Array.from(p.typed), `${type} param, n = ${n}`).toEqual(p.plain);
      state.forEach((a, k) => { expect(Array.from(a.typed), `${type} state ${k}, n = ${n}`).toEqual(a.plain); });
    }
  }
}

describe("adamaxUpdateWasm", () => {
  it("gives the oracle's exact float64 and float32 bits over four steps, with weight decay and maximize", () => {
    for (const variant of [
      { lr: 2e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, maximize: false },
      { lr: 0.05, beta1: 0.8, beta2: 0.9, eps: 1e-3, weightDecay: 0.1, maximize: true },
    ]) {
      expectOracleBits([0, 0], (step) => ({ ...variant, step }), (p, g, [m, u], o) => { adamaxUpdateWasm(p, g, m, u, o); }, adamaxOracle);
    }
  });

  it("rejects a mismatched state array or step 0, changing nothing", () => {
    const p = new Float64Array([1, 2]);
    const options = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step: 1, maximize: false };
    expect(() => { adamaxUpdateWasm(p, new Float64Array(2), new Float64Array(2), new Float32Array(2), options); }).toThrow(/expInf/);
    expect(() => { adamaxUpdateWasm(p, new Float64Array(2), new Float64Array(2), new Float64Array(2), { ...options, step: 0 }); }).toThrow(/options.step/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("nadamUpdateWasm", () => {
  it("gives the oracle's exact float64 and float32 bits over four steps, with and without weight decay", () => {
    for (const weightDecay of [0, 0.05]) {
      // the coefficients the μ schedule would give, varied per step
      const options = (step: number): NadamWasmOptions => ({
        beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay, biasCorrection2: 1 - 0.999 ** step, gradStep: -0.02 / (step + 0.3), momentumStep: -0.017 * step,
      });
      expectOracleBits([0, 0], options, (p, g, [m, v], o) => { nadamUpdateWasm(p, g, m, v, o); }, nadamOracle);
    }
  });

  it("rejects a non-finite coefficient, changing nothing", () => {
    const p = new Float32Array([1, 2]);
    const options = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, biasCorrection2: 0.001, gradStep: -0.1, momentumStep: Number.NaN };
    expect(() => { nadamUpdateWasm(p, new Float32Array(2), new Float32Array(2), new Float32Array(2), options); }).toThrow(/options.momentumStep/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("radamUpdateWasm", () => {
  it("gives the oracle's exact float64 and float32 bits over four steps, rectified or not, with weight decay", () => {
    for (const [weightDecay, rectification] of [[0, null], [0, 0.4], [0.05, 0.9]] as const) {
      const options = (step: number): RadamWasmOptions => ({
        lr: 0.01, beta1: 0.9, beta2: 0.99, eps: 1e-8, weightDecay,
        biasCorrection1: 1 - 0.9 ** step, biasCorrection2Sqrt: Math.sqrt(1 - 0.99 ** step), rectification: rectification === null ? null : rectification / step,
      });
      expectOracleBits([0, 0], options, (p, g, [m, v], o) => { radamUpdateWasm(p, g, m, v, o); }, radamOracle);
    }
  });

  it("rejects a rectification that is not a finite number or null, changing nothing", () => {
    const p = new Float64Array([1, 2]);
    const options = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, biasCorrection1: 0.1, biasCorrection2Sqrt: 0.03, rectification: Infinity };
    expect(() => { radamUpdateWasm(p, new Float64Array(2), new Float64Array(2), new Float64Array(2), options); }).toThrow(/options.rectification/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("adadeltaUpdateWasm", () => {
  it("gives the oracle's exact float64 and float32 bits over four steps, with weight decay and maximize", () => {
    for (const variant of [
      { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0, maximize: false },
      { lr: 0.5, rho: 0.8, eps: 1e-4, weightDecay: 0.1, maximize: true },
    ]) {
      expectOracleBits([0, 0.01], () => variant, (p, g, [sq, acc], o) => { adadeltaUpdateWasm(p, g, sq, acc, o); }, adadeltaOracle);
    }
  });

  it("rejects a non-finite rho, changing nothing", () => {
    const p = new Float64Array([1, 2]);
    expect(() => {
      adadeltaUpdateWasm(p, new Float64Array(2), new Float64Array(2), new Float64Array(2), { lr: 1, rho: Number.NaN, eps: 1e-6, weightDecay: 0, maximize: false });
    }).toThrow(/options.rho/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("asgdUpdateWasm", () => {
  it("gives the oracle's exact float64 and float32 bits over four steps, copying (μ = 1) then averaging, with weight decay and maximize", () => {
    for (const variant of [
      { lambd: 1e-4, weightDecay: 0, maximize: false },
      { lambd: 0.05, weightDecay: 0.1, maximize: true },
    ]) {
      const options = (step: number): AsgdWasmOptions => ({ ...variant, eta: 0.1 / step, mu: step <= 2 ? 1 : 1 / (step - 1) });
      expectOracleBits([0.25], options, (p, g, [ax], o) => { asgdUpdateWasm(p, g, ax, o); }, asgdOracle);
    }
  });

  it("rejects an ax of another length, changing nothing", () => {
    const p = new Float32Array([1, 2]);
    expect(() => { asgdUpdateWasm(p, new Float32Array(2), new Float32Array(3), { eta: 0.01, mu: 1, lambd: 1e-4, weightDecay: 0, maximize: false }); }).toThrow(/ax/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});

describe("rpropUpdateWasm", () => {
  it("gives the oracle's exact float64 and float32 bits over four steps, with sign flips, clamping and maximize", () => {
    for (const variant of [
      { etaMinus: 0.5, etaPlus: 1.2, stepMin: 1e-6, stepMax: 50, maximize: false },
      // a narrow range: the clamp at both ends is in play
      { etaMinus: 0.3, etaPlus: 1.5, stepMin: 5e-3, stepMax: 0.0125, maximize: true },
    ]) {
      expectOracleBits([0, 0.01], () => variant, (p, g, [prev, s], o) => { rpropUpdateWasm(p, g, prev, s, o); }, rpropOracle);
    }
  });

  it("keeps Math.sign's zeros: a zero step adds −0 or +0 as the rule does, so θ = −0 stays or becomes +0", () => {
    // θ = −0 with g = +0 moves by −1·(+0)·s = −0 (θ stays −0); with g = −0 (maximize of +0) by +0 (θ becomes +0).
    for (const [maximize, expected] of [[false, -0], [true, 0]] as const) {
      const p = new Float64Array(5).fill(-0);
      rpropUpdateWasm(p, new Float64Array(5), new Float64Array(5), new Float64Array(5).fill(0.01), { etaMinus: 0.5, etaPlus: 1.2, stepMin: 1e-6, stepMax: 50, maximize });
      expect(Array.from(p)).toEqual(new Array<number>(5).fill(expected));
    }
  });

  it("rejects etas outside torch's bounds and stepMin > stepMax, changing nothing", () => {
    const p = new Float64Array([1, 2]);
    const [g, prev, s] = [new Float64Array(2), new Float64Array(2), new Float64Array(2)];
    const options = { etaMinus: 0.5, etaPlus: 1.2, stepMin: 1e-6, stepMax: 50, maximize: false };
    expect(() => { rpropUpdateWasm(p, g, prev, s, { ...options, etaMinus: 1 }); }).toThrow(/options.etaMinus is 1, expected a number in \(0, 1\)/);
    expect(() => { rpropUpdateWasm(p, g, prev, s, { ...options, etaPlus: 0.9 }); }).toThrow(/options.etaPlus/);
    expect(() => { rpropUpdateWasm(p, g, prev, s, { ...options, stepMin: 60 }); }).toThrow(/options.stepMin/);
    expect(Array.from(p)).toEqual([1, 2]);
  });
});
