import { allocate, checkDType } from "./dtype";
import type { DType } from "./dtype";
import { invalidArgument } from "./errors";
import { checkShape, sizeOf } from "./shape";
import type { Shape } from "./shape";
import { normalCdf, ndtri } from "./special/normal";
import { portableLog } from "./special/portable-math";
import { Tensor } from "./tensor";

/**
 * A seeded pseudo-random generator whose output is fixed by its seed on every platform and
 * version. The algorithm, so anyone can reproduce it:
 *
 * - Seeding: the seed (a non-negative integer or bigint, taken mod 2^64) drives SplitMix64
 *   (Steele, Lea & Flood 2014) twice; the two 64-bit outputs, low word first, are the four
 *   32-bit words of the state. BigInt is used only here.
 * - Core: xoshiro128** 1.1 (Blackman & Vigna 2018), 32-bit operations only (`Math.imul`,
 *   shifts, xor), one uint32 per step.
 * - `nextFloat64`: two steps a, b → ((a >>> 5)·2^26 + (b >>> 6)) / 2^53, uniform on [0, 1)
 *   with 53 random bits.
 * - `nextNormal`: Marsaglia's polar method on pairs of `nextFloat64` mapped to [-1, 1);
 *   each accepted pair gives two normals, the first returned now and the second on the next
 *   call. The logarithm is fdlibm's, in portable arithmetic, so no engine-dependent
 *   Math.log enters.
 * - Integers in [0, r): rejection of the top `2^32 mod r` values of one step, then `mod r`.
 * - Tensors are filled in row-major order; float32 outputs are the float64 values rounded.
 */
export interface GeneratorState {
  algorithm: "xoshiro128**";
  seed: string;
  words: [number, number, number, number];
  spareNormal: number | null;
}

const MASK64 = (1n << 64n) - 1n;
/** PyTorch's default seed, used when none is given. */
const DEFAULT_SEED = 67280421310721n;

function splitMix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

function checkSeed(fn: string, seed: unknown): bigint {
  if (typeof seed === "bigint") return seed & MASK64;
  if (typeof seed === "number" && Number.isSafeInteger(seed)) return BigInt(seed) & MASK64;
  throw invalidArgument(fn, "seed", seed, "an integer (a safe-integer number or a bigint)");
}

function dtypeOption(fn: string, options: { dtype?: DType } | undefined): DType {
  return options?.dtype === undefined ? "float32" : checkDType(fn, options.dtype);
}

export class Generator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spare: number | null = null;
  private initialSeed = DEFAULT_SEED;

  constructor(seed?: number | bigint) {
    this.manualSeed(seed ?? DEFAULT_SEED);
  }

  /** Resets the generator to the start of the sequence of `seed`. */
  manualSeed(seed: number | bigint): this {
    const s = checkSeed("Generator.manualSeed", seed);
    const [state1, a] = splitMix64(s);
    const [, b] = splitMix64(state1);
    this.s0 = Number(a & 0xffffffffn);
    this.s1 = Number(a >> 32n);
    this.s2 = Number(b & 0xffffffffn);
    this.s3 = Number(b >> 32n);
    // xoshiro must not start from all zeros; SplitMix64 essentially never gives them, but be exact.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.spare = null;
    this.initialSeed = s;
    return this;
  }

  /** The seed last given to manualSeed (or the default seed). */
  seed(): bigint {
    return this.initialSeed;
  }

  /** A snapshot of the state; `setState` returns the generator to it. */
  getState(): GeneratorState {
    return { algorithm: "xoshiro128**", seed: this.initialSeed.toString(), words: [this.s0, this.s1, this.s2, this.s3], spareNormal: this.spare };
  }

  setState(state: GeneratorState): this {
    const fn = "Generator.setState";
    const st = state as Partial<GeneratorState> | null;
    if (typeof st !== "object" || st === null || st.algorithm !== "xoshiro128**") {
      throw invalidArgument(fn, "state", state, "an object from getState()");
    }
    const w: unknown = st.words;
    const valid = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
    if (!Array.isArray(w) || w.length !== 4 || !w.every(valid) || w.every((x) => x === 0)) {
      throw invalidArgument(fn, "state.words", w, "four uint32 words, not all zero");
    }
    const spare = st.spareNormal ?? null;
    if (spare !== null && typeof spare !== "number") throw invalidArgument(fn, "state.spareNormal", spare, "a number or null");
    if (typeof st.seed !== "string" || !/^\d+$/.test(st.seed)) throw invalidArgument(fn, "state.seed", st.seed, "a decimal string");
    [this.s0, this.s1, this.s2, this.s3] = w;
    this.spare = spare;
    this.initialSeed = BigInt(st.seed);
    return this;
  }

  /** The next 32 random bits as an unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = (s1 ^ n2) >>> 0;
    this.s0 = (s0 ^ n3) >>> 0;
    this.s2 = (n2 ^ t) >>> 0;
    this.s3 = rotl(n3, 11) >>> 0;
    return r;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  nextFloat64(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A standard normal draw (Marsaglia's polar method). */
  nextNormal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.nextFloat64() - 1;
      v = 2 * this.nextFloat64() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * portableLog(s)) / s);
    this.spare = v * m;
    return u * m;
  }

  /** Uniform integer in [0, range) for 1 ≤ range ≤ 2^32, without modulo bias. */
  nextBelow(range: number): number {
    const limit = 4294967296 - (4294967296 % range);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % range;
  }

  uniform(shape: Shape, low = 0, high = 1, options?: { dtype?: DType }): Tensor {
    const t = Tensor.zeros(checkShape("Generator.uniform", shape), { dtype: dtypeOption("Generator.uniform", options) });
    return this.fillUniform(t, low, high);
  }

  normal(shape: Shape, mean = 0, std = 1, options?: { dtype?: DType }): Tensor {
    const t = Tensor.zeros(checkShape("Generator.normal", shape), { dtype: dtypeOption("Generator.normal", options) });
    return this.fillNormal(t, mean, std);
  }

  /** Normal(mean, std²) conditioned on [a, b] (absolute bounds, PyTorch's trunc_normal_ defaults), by exact inverse CDF. */
  truncNormal(shape: Shape, mean = 0, std = 1, a = -2, b = 2, options?: { dtype?: DType }): Tensor {
    const t = Tensor.zeros(checkShape("Generator.truncNormal", shape), { dtype: dtypeOption("Generator.truncNormal", options) });
    return this.fillTruncNormal(t, mean, std, a, b);
  }

  /** int32 uniform on [low, high). */
  integers(low: number, high: number, shape: Shape): Tensor {
    const fn = "Generator.integers";
    if (!Number.isInteger(low) || low < -2147483648) throw invalidArgument(fn, "low", low, "an integer >= -2^31");
    if (!Number.isInteger(high) || high <= low || high > 2147483648) throw invalidArgument(fn, "high", high, `an integer in (${low}, 2^31]`);
    const dims = checkShape(fn, shape);
    const out = new Int32Array(sizeOf(dims));
    const range = high - low;
    for (let i = 0; i < out.length; i++) out[i] = low + this.nextBelow(range);
    return new Tensor(out, dims);
  }

  /** A uniformly random ordering of 0..n-1 (Fisher–Yates from the last position down). */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > 2147483647) throw invalidArgument("Generator.permutation", "n", n, "a non-negative integer below 2^31");
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.nextBelow(i + 1);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  /** 1 with probability p, else 0 (float32 by default): 1 exactly when nextFloat64() < p. */
  bernoulli(shape: Shape, p: number, options?: { dtype?: DType }): Tensor {
    const fn = "Generator.bernoulli";
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw invalidArgument(fn, "p", p, "a probability in [0, 1]");
    const dims = checkShape(fn, shape);
    const out = allocate(dtypeOption(fn, options), sizeOf(dims));
    for (let i = 0; i < out.length; i++) out[i] = this.nextFloat64() < p ? 1 : 0;
    return new Tensor(out, dims);
  }

  /** Fills `t` with low + (high - low)·U, U uniform on [0, 1). Float32 rounding can give `high` itself (rarely). */
  fillUniform(t: Tensor, low = 0, high = 1): Tensor {
    const fn = "Generator.fillUniform";
    checkTensor(fn, t);
    if (!Number.isFinite(low)) throw invalidArgument(fn, "low", low, "a finite number");
    if (!Number.isFinite(high) || high < low) throw invalidArgument(fn, "high", high, `a finite number >= low (${low})`);
    const width = high - low;
    return fillWith(t, (out) => {
      for (let i = 0; i < out.length; i++) out[i] = low + width * this.nextFloat64();
    });
  }

  fillNormal(t: Tensor, mean = 0, std = 1): Tensor {
    const fn = "Generator.fillNormal";
    checkTensor(fn, t);
    if (!Number.isFinite(mean)) throw invalidArgument(fn, "mean", mean, "a finite number");
    if (!Number.isFinite(std) || std < 0) throw invalidArgument(fn, "std", std, "a finite number >= 0");
    return fillWith(t, (out) => {
      for (let i = 0; i < out.length; i++) out[i] = mean + std * this.nextNormal();
    });
  }

  /**
   * Fills `t` with Normal(mean, std²) truncated to [a, b]: x = Φ⁻¹(Φ(α) + U·(Φ(β) - Φ(α))),
   * α = (a - mean)/std, β = (b - mean)/std, one nextFloat64 per element. When α > 0 the
   * mirrored interval [-β, -α] is sampled and negated, so probabilities stay small and exact
   * in both tails. Results are clamped to [a, b] against the last rounding.
   */
  fillTruncNormal(t: Tensor, mean = 0, std = 1, a = -2, b = 2): Tensor {
    const fn = "Generator.fillTruncNormal";
    checkTensor(fn, t);
    if (!Number.isFinite(mean)) throw invalidArgument(fn, "mean", mean, "a finite number");
    if (!Number.isFinite(std) || std <= 0) throw invalidArgument(fn, "std", std, "a finite number > 0");
    if (typeof a !== "number" || Number.isNaN(a)) throw invalidArgument(fn, "a", a, "a number (may be -Infinity)");
    if (typeof b !== "number" || Number.isNaN(b) || b <= a) throw invalidArgument(fn, "b", b, `a number > a (${a})`);
    const alpha = (a - mean) / std;
    const beta = (b - mean) / std;
    const mirror = alpha > 0;
    const lo = normalCdf(mirror ? -beta : alpha);
    const hi = normalCdf(mirror ? -alpha : beta);
    if (!(hi > lo)) {
      throw invalidArgument(fn, "[a, b]", [a, b], `an interval with probability above 1e-300 under Normal(${mean}, ${std}²)`);
    }
    const width = hi - lo;
    const sign = mirror ? -1 : 1;
    return fillWith(t, (out) => {
      for (let i = 0; i < out.length; i++) {
        const x = mean + std * sign * ndtri(lo + width * this.nextFloat64());
        out[i] = x < a ? a : x > b ? b : x;
      }
    });
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function checkTensor(fn: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "t", t, "a Tensor");
  if (t.dtype === "int32") throw invalidArgument(fn, "t", `an int32 tensor`, "a float32 or float64 tensor");
}

/** Generates into t's storage in row-major order (through a contiguous buffer if t is a strided view). */
function fillWith(t: Tensor, generate: (out: Float32Array | Float64Array) => void): Tensor {
  if (t.isContiguous()) {
    generate(t.data.subarray(t.offset, t.offset + t.size) as Float32Array | Float64Array);
    return t;
  }
  const tmp = new Float64Array(t.size);
  generate(tmp);
  t.copyFrom(new Tensor(tmp, t.shape));
  return t;
}

/** The generator used when none is passed. */
export const defaultGenerator = new Generator();

/** Reseeds `defaultGenerator` and returns it. */
export function manualSeed(seed: number | bigint): Generator {
  return defaultGenerator.manualSeed(seed);
}
