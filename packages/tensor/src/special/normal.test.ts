import { describe, expect, it } from "vitest";
import { erf, erfc, erfinv, ndtri, normalCdf } from "./normal";

/** Relative error, or absolute when the reference is 0. */
const rel = (a: number, e: number): number => (e === 0 ? Math.abs(a) : Math.abs(a - e) / Math.abs(e));

describe("normal CDF and its inverse", () => {
  it("Φ matches Python's 0.5·erfc(-x/√2) (the C library's erfc)", () => {
    const cases: [number, number][] = [
      [-38, 2.88542835e-316],
      [-20, 2.7536241186063314e-89],
      [-8, 6.220960574271819e-16],
      [-3, 0.0013498980316300957],
      [-1.5, 0.06680720126885809],
      [-0.5, 0.3085375387259869],
      [0, 0.5],
      [0.3, 0.6179114221889526],
      [1, 0.8413447460685429],
      [2.5, 0.9937903346742238],
      [6, 0.9999999990134123],
    ];
    // Φ(x) is ill-conditioned in the lower tail: rounding x/√2 (relative 1.1e-16) moves Φ by a
    // relative x²·1.1e-16, in the reference as much as here; Φ(-38) is subnormal (8 digits).
    for (const [x, p] of cases) expect(rel(normalCdf(x), p)).toBeLessThan(x === -38 ? 1e-6 : Math.max(1e-14, 2.5e-16 * x * x));
  });

  it("Φ⁻¹ matches Python's statistics.NormalDist().inv_cdf (Wichura's AS241, an independent algorithm)", () => {
    const cases: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-20, -9.262340089798405],
      [1e-10, -6.361340902404056],
      [0.001, -3.090232306167813],
      [0.02, -2.0537489106318225],
      [0.1, -1.2815515655446008],
      [0.3, -0.5244005127080407],
      [0.5, 0],
      [0.7, 0.5244005127080407],
      [0.975, 1.9599639845400536],
      [0.999, 3.090232306167813],
      [0.999999999999, 7.0344869100478356],
    ];
    for (const [p, x] of cases) expect(rel(ndtri(p), x)).toBeLessThan(1e-14);
    expect(ndtri(0)).toBe(-Infinity);
    expect(ndtri(1)).toBe(Infinity);
    expect(ndtri(1.5)).toBeNaN();
  });

  it("Φ(Φ⁻¹(p)) = p across the range", () => {
    for (let e = -300; e <= -1; e += 7) {
      const p = 10 ** e;
      expect(rel(normalCdf(ndtri(p)), p)).toBeLessThan(1e-12);
    }
  });

  it("erf / erfc match Python's math.erf / math.erfc", () => {
    const cases: [number, number, number][] = [
      [-3, -0.9999779095030014, 1.9999779095030015],
      [-1, -0.8427007929497149, 1.842700792949715],
      [-0.2, -0.22270258921047847, 1.2227025892104786],
      [1e-10, 1.1283791670955126e-10, 0.999999999887162],
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [1, 0.8427007929497149, 0.15729920705028513],
      [2, 0.9953222650189527, 0.004677734981047265],
      [4, 0.9999999845827421, 1.541725790028002e-8],
    ];
    for (const [x, ef, efc] of cases) {
      expect(rel(erf(x), ef)).toBeLessThan(1e-15);
      expect(rel(erfc(x), efc)).toBeLessThan(1e-14);
    }
  });

  it("erfinv inverts erf, including tiny arguments (erfinv(y) ≈ √π/2·y) and near ±1", () => {
    expect(rel(erfinv(1e-10), (Math.sqrt(Math.PI) / 2) * 1e-10)).toBeLessThan(1e-15);
    for (const y of [-0.999999, -0.9, -0.5, -1e-6, 0.25, 0.7, 0.95, 0.9999999]) expect(rel(erf(erfinv(y)), y)).toBeLessThan(1e-14);
    expect(erfinv(0)).toBe(0);
    expect(erfinv(1)).toBe(Infinity);
    expect(erfinv(-1)).toBe(-Infinity);
    expect(erfinv(2)).toBeNaN();
  });
});
