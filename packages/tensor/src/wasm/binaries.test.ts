import { describe, expect, it } from "vitest";
import { compileTarget, TARGETS } from "../../scripts/wasm-targets.mjs";
import { decodeBase64 } from "./host";
import relaxedSimdShared from "./relaxed-simd-shared-wasm";
import relaxedSimd from "./relaxed-simd-wasm";
import simdShared from "./simd-shared-wasm";
import simd from "./simd-wasm";

const committed: Record<string, string> = {
  simd,
  "relaxed-simd": relaxedSimd,
  "simd-shared": simdShared,
  "relaxed-simd-shared": relaxedSimdShared,
};

describe("committed wasm modules", () => {
  it("are byte for byte what the AssemblyScript source in asm/ compiles to now (else run pnpm build:wasm)", async () => {
    expect(Object.keys(committed).sort()).toEqual([...TARGETS].sort());
    for (const target of TARGETS) {
      const fresh = await compileTarget(target);
      expect(Array.from(decodeBase64(committed[target])), `src/wasm/${target}-wasm.ts`).toEqual(Array.from(fresh));
    }
  }, 120_000);
});
