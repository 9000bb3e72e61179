import { describe, expect, it } from "vitest";
import { LBFGS } from "./lbfgs";
import { param } from "./test-support";

/** f(x) = ½ xᵀ diag(a) x − bᵀx, written into p.grad by the closure. */
function quadratic(p: { data: Float64Array; grad: Float64Array | null }, a: number[], b: number[]) {
  let calls = 0;
  const closure = () => {
    calls += 1;
    const g = new Float64Array(a.length);
    let f = 0;
    for (let i = 0; i < a.length; i++) {
      f += 0.5 * a[i] * p.data[i] ** 2 - b[i] * p.data[i];
      g[i] = a[i] * p.data[i] - b[i];
    }
    p.grad = g;
    return f;
  };
  return { closure, calls: () => calls };
}

describe("LBFGS", () => {
  it("first iteration: steepest descent with t = min(1, 1/‖g‖₁)·lr; second: the two-loop direction with t = lr", () => {
    // a = [1, 10], b = [1, 1], x₀ = 0: g₀ = [−1, −1], ‖g₀‖₁ = 2 → t = 0.5, x₁ = [0.5, 0.5].
    const p = param([0, 0]);
    const { closure, calls } = quadratic(p, [1, 10], [1, 1]);
    const opt = new LBFGS([p], { maxIter: 1 });
    expect(opt.step(closure)).toBe(0); // the loss at x₀
    expect(Array.from(p.data)).toEqual([0.5, 0.5]);
    expect(calls()).toBe(1); // no re-evaluation after the last (only) iteration
    // Second step: g₁ = [−0.5, 4]; y = g₁ − g₀ = [0.5, 5]; s = t d = [0.5, 0.5]; yᵀs = 2.75; ρ = 1/2.75;
    // H₀ = yᵀs/yᵀy = 2.75/25.25. q = −g₁ = [0.5, −4]; α = ρ sᵀq = −1.75/2.75; q ← q − α y;
    // r = H₀ q; β = ρ yᵀr; r ← r + (α − β) s; x₂ = x₁ + 1·r.
    const rho = 1 / 2.75;
    const alpha = rho * (0.5 * 0.5 + 0.5 * -4);
    const q = [0.5 - alpha * 0.5, -4 - alpha * 5];
    const h = 2.75 / 25.25;
    const r0 = [h * q[0], h * q[1]];
    const beta = rho * (0.5 * r0[0] + 5 * r0[1]);
    const r = [r0[0] + (alpha - beta) * 0.5, r0[1] + (alpha - beta) * 0.5];
    expect(opt.step(closure)).toBeCloseTo(0.5 * 0.25 + 5 * 0.25 - 1, 15);
    expect(p.data[0]).toBeCloseTo(0.5 + r[0], 15);
    expect(p.data[1]).toBeCloseTo(0.5 + r[1], 15);
    expect(opt.state.get(p)).toMatchObject({ nIter: 2, funcEvals: 2, ro: [rho] });
  });

  it("converges to the minimizer of a quadratic with the strong-Wolfe line search", () => {
    // a = [1, 10, 100], b = [1, 1, 1] → x* = b/a = [1, 0.1, 0.01]
    const p = param([0, 0, 0]);
    const { closure, calls } = quadratic(p, [1, 10, 100], [1, 1, 1]);
    const opt = new LBFGS([p], { lineSearchFn: "strongWolfe", maxIter: 50, historySize: 5, toleranceGrad: 1e-12, toleranceChange: 1e-20 });
    opt.step(closure);
    [1, 0.1, 0.01].forEach((x, i) => {
      expect(p.data[i]).toBeCloseTo(x, 9);
    });
    expect(opt.state.get(p)?.funcEvals).toBe(calls());
    expect(opt.state.get(p)!.oldDirs.length).toBeLessThanOrEqual(5);
  });

  it("returns at once when the gradient is already below toleranceGrad", () => {
    // x₀ = x* = [1]: g = 0 → one evaluation, no move, no history
    const p = param([1]);
    const { closure, calls } = quadratic(p, [1], [1]);
    const opt = new LBFGS([p]);
    expect(opt.step(closure)).toBe(-0.5);
    expect(calls()).toBe(1);
    expect(p.data[0]).toBe(1);
    expect(opt.state.get(p)).toMatchObject({ funcEvals: 1, nIter: 0, d: null });
  });

  it("stops at maxEval evaluations and resolves maxEval from maxIter as PyTorch does", () => {
    const opt = new LBFGS([param([0])], { maxIter: 5 });
    expect(opt.paramGroups[0].maxEval).toBe(6); // ⌊5·5/4⌋
    const p = param([0, 0]);
    const { closure, calls } = quadratic(p, [1, 30], [1, 1]);
    new LBFGS([p], { maxIter: 100, maxEval: 4 }).step(closure);
    expect(calls()).toBe(4);
  });

  it("has no maximize option, one group only, and needs a closure", () => {
    expect(() => new LBFGS([param([1])], { maximize: true } as never)).toThrow('LBFGS: unknown option "maximize"');
    expect(() => new LBFGS([{ params: [param([1])] }, { params: [param([1])] }])).toThrow("LBFGS: params has 2 parameter groups, expected one");
    const opt = new LBFGS([param([1])]);
    expect(() => {
      opt.addParamGroup({ params: [param([2])] });
    }).toThrow("LBFGS.addParamGroup");
    expect(() => opt.step()).toThrow("LBFGS.step: closure is undefined");
  });

  it("rejects invalid options", () => {
    const p = () => [param([1])];
    expect(() => new LBFGS(p(), { lineSearchFn: "strong_wolfe" as never })).toThrow('LBFGS: lineSearchFn is "strong_wolfe", expected one of "strongWolfe", null');
    expect(() => new LBFGS(p(), { maxIter: 0 })).toThrow("LBFGS: maxIter is 0, expected an integer >= 1");
    expect(() => new LBFGS(p(), { historySize: 2.5 })).toThrow("LBFGS: historySize is 2.5");
    expect(() => new LBFGS(p(), { toleranceGrad: -1 })).toThrow("LBFGS: toleranceGrad is -1");
    expect(() => new LBFGS(p(), { lr: -1 })).toThrow("LBFGS: lr is -1");
  });
});
