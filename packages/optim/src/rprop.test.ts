import { describe, expect, it } from "vitest";
import { Rprop } from "./rprop";
import { param, setGrad } from "./test-support";

describe("Rprop", () => {
  it("grows steps where the sign holds, shrinks them and skips the move where it flips (iRprop−)", () => {
    // γ = 0.1, η = (0.5, 1.2), θ₀ = [0, 0, 0].
    // step 1, g = [1, −1, 0]: no previous gradient → s = 0.1; θ = [−0.1, 0.1, 0]; g_prev = [1, −1, 0]
    // step 2, g = [1, 1, 0]: products [1, −1, 0] → s = [0.12, 0.05, 0.1]; g → [1, 0, 0]; θ = [−0.22, 0.1, 0]
    // step 3, g = [1, 1, 1]: products [1, 0, 0] → s = [0.144, 0.05, 0.1]; θ = [−0.364, 0.05, −0.1]
    const p = param([0, 0, 0], [1, -1, 0]);
    const opt = new Rprop([p], { lr: 0.1 });
    opt.step();
    setGrad(p, [1, 1, 0]);
    opt.step();
    expect(Array.from(opt.state.get(p)!.prev)).toEqual([1, 0, 0]);
    setGrad(p, [1, 1, 1]);
    opt.step();
    const want = [-0.364, 0.05, -0.1];
    want.forEach((w, i) => {
      expect(p.data[i]).toBeCloseTo(w, 15);
    });
    const sizes = [0.144, 0.05, 0.1];
    sizes.forEach((s, i) => {
      expect(opt.state.get(p)!.stepSize[i]).toBeCloseTo(s, 15);
    });
  });

  it("clamps step sizes to stepSizes", () => {
    // As above with max step 0.13: s₁ = 0.1, s₂ = 0.12, s₃ = min(0.144, 0.13) = 0.13 → θ = −0.1 − 0.12 − 0.13 = −0.35
    const p = param([0], [1]);
    const opt = new Rprop([p], { lr: 0.1, stepSizes: [1e-6, 0.13] });
    for (let k = 0; k < 3; k++) opt.step();
    expect(p.data[0]).toBeCloseTo(-0.35, 15);
  });

  it("ascends with maximize", () => {
    const p = param([0], [2]);
    new Rprop([p], { lr: 0.1, maximize: true }).step();
    expect(p.data[0]).toBeCloseTo(0.1, 15);
  });

  it("keeps options per group (the first step size is the group's lr)", () => {
    const a = param([0], [1]);
    const b = param([0], [1]);
    new Rprop([{ params: [a] }, { params: [b], lr: 0.3 }], { lr: 0.1 }).step();
    expect([a.data[0], b.data[0]]).toEqual([-0.1, -0.3]);
  });

  it("rejects invalid options", () => {
    const p = () => [param([1])];
    expect(() => new Rprop(p(), { etas: [1.5, 1.2] })).toThrow("Rprop: etas[0] is 1.5, expected a number in (0, 1)");
    expect(() => new Rprop(p(), { etas: [0.5, 0.9] })).toThrow("Rprop: etas[1] is 0.9, expected a number in (1, ∞)");
    expect(() => new Rprop(p(), { stepSizes: [1, 0.5] })).toThrow("Rprop: stepSizes is [1,0.5], expected [minimum, maximum] with minimum <= maximum");
    expect(() => new Rprop(p(), { stepSizes: [-1, 0.5] })).toThrow("Rprop: stepSizes[0] is -1");
  });
});
