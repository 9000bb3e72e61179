import { describe, expect, it } from "vitest";
import type { FloatArray } from "../dtype";
import { InvalidArgumentError } from "../errors";
import type { AdagradWasmOptions, AdamWasmOptions, RmspropWasmOptions, SgdWasmOptions } from "./optimizer-kernels";
import { adagradUpdateWasm, adamUpdateWasm, rmspropUpdateWasm, sgdUpdateWasm } from "./optimizer-kernels";

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

// 1 and 3 (tail only), 4 and 5 (one vector, one vector plus tail), and lengths crossing the 128 KB chunks.
const LENGTHS = [1, 3, 4, 5, 1001, 70_001];

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
