import { describe, expect, it } from "vitest";
import { normalizeChannels } from "./normalize";

describe("normalizeChannels", () => {
  // One channel {1, 2, 3, 4} with mean 2.5 and invStd 1/√1.25 (eps 0):
  // x̂ = [−1.5, −0.5, 0.5, 1.5]/√1.25 = [−1.3416407865, −0.4472135955, 0.4472135955, 1.3416407865].
  const xhat = [-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738];
  const x = Float64Array.from([1, 2, 3, 4]);
  const layout = { batch: 4, channels: 1, spatial: 1 };

  it("standardizes without an affine transform", () => {
    const out = new Float64Array(4);
    normalizeChannels(x, out, layout, [2.5], [1 / Math.sqrt(1.25)], null, null);
    out.forEach((v, i) => { expect(v).toBeCloseTo(xhat[i], 14); });
  });

  it("applies γ and β per channel", () => {
    const out = new Float64Array(4);
    normalizeChannels(x, out, layout, [2.5], [1 / Math.sqrt(1.25)], [2], [1]);
    out.forEach((v, i) => { expect(v).toBeCloseTo(1 + 2 * xhat[i], 14); });
  });

  it("walks the (N, C, L) layout: each channel uses its own statistics", () => {
    // (N, C, L) = (1, 2, 2): channel 0 = [1, 3] with mean 2, invStd 1; channel 1 = [10, 30] with mean 20, invStd 0.1.
    const out = new Float32Array(4);
    normalizeChannels(Float32Array.from([1, 3, 10, 30]), out, { batch: 1, channels: 2, spatial: 2 }, [2, 20], [1, 0.1], [1, 3], [0, 5]);
    // channel 0: [−1, 1]; channel 1: 3·[−1, 1] + 5 = [2, 8].
    expect(Array.from(out)).toEqual([-1, 1, 2, 8]);
  });
});
