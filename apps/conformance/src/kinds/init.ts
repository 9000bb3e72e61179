import {
  calculateGain,
  computeFans,
  constant,
  dirac,
  eye,
  kaimingNormal,
  kaimingStd,
  kaimingUniform,
  normal,
  ones,
  orthogonal,
  sparse,
  truncNormal,
  uniform,
  xavierNormal,
  xavierStd,
  xavierUniform,
  zeros,
} from "@descent/init";
import type { KaimingShapeOptions, Nonlinearity } from "@descent/init";
import { Generator, Tensor } from "@descent/tensor";
import type { DType } from "@descent/tensor";
import type { ConformanceCase } from "../case-file";
import { Mismatch, expectClose } from "../compare";
import { camelCaseOptions, snakeToCamel } from "../snake-to-camel";
import { normalCdf, truncNormalCdf, uniformCdf } from "./distributions";
import type { KindAdapter } from "./kind-adapter";
import { ksPValue, ksStatistic } from "./ks-test";

/** SCHEMA.md, kind `init`: fans and gains within 1e-12, KS at 1e-3 with two seeds, orthogonality per dtype. */
const formulaTolerance = 1e-12;
const significance = 1e-3;
const seeds = [20240601, 7];
const orthogonalityTolerance: Record<"float32" | "float64", number> = { float32: 1e-5, float64: 1e-10 };

type Distribution =
  | { type: "uniform"; low: number; high: number }
  | { type: "normal"; mean: number; std: number }
  | { type: "trunc_normal"; mean: number; std: number; a: number; b: number }
  | { type: "constant"; value: number }
  | { type: "orthogonal"; gain: number }
  | { type: "eye" }
  | { type: "dirac" }
  | { type: "sparse"; sparsity: number; std: number };

interface InitCase extends ConformanceCase {
  init: string;
  shape: number[] | null;
  options: Record<string, unknown> | null;
  fan_in: number | null;
  fan_out: number | null;
  gain: number | null;
  distribution: Distribution | null;
}

/** The initializers with their option types erased: the cases' options are checked by the initializers themselves. */
interface AnyInitializer {
  (target: Tensor, options: Record<string, unknown>): Tensor;
  create(shape: readonly number[], options: Record<string, unknown>): Tensor;
}

const initializers = new Map<string, AnyInitializer>(
  Object.entries({
    uniform_: uniform,
    normal_: normal,
    constant_: constant,
    ones_: ones,
    zeros_: zeros,
    eye_: eye,
    dirac_: dirac,
    xavier_uniform_: xavierUniform,
    xavier_normal_: xavierNormal,
    kaiming_uniform_: kaimingUniform,
    kaiming_normal_: kaimingNormal,
    trunc_normal_: truncNormal,
    orthogonal_: orthogonal,
    sparse_: sparse,
  }).map(([name, fn]) => [name, fn as unknown as AnyInitializer]),
);

export const runInit: KindAdapter = (testCase) => {
  const c = testCase as InitCase;
  const options = descentOptions(c.options);
  if (c.init === "calculate_gain") {
    const gain = calculateGain(options.nonlinearity as Nonlinearity, options.param as number | null);
    expectClose("gain", [gain], [required(c.gain, "gain")], formulaTolerance);
    return undefined;
  }
  const initialize = initializers.get(c.init);
  if (initialize === undefined) throw new Error(`unknown init ${JSON.stringify(c.init)}`);
  const shape = required(c.shape, "shape");
  const distribution = required(c.distribution, "distribution");
  checkFormulas(c, shape, options, distribution);

  const dtypes: ("float32" | "float64")[] = distribution.type === "orthogonal" ? ["float64", "float32"] : ["float64"];
  for (const dtype of dtypes) {
    const draws = seeds.map((seed, i) => {
      const generator = new Generator(seed);
      // One seed fills a tensor in place, the other allocates through `create`: both paths are public.
      if (i === 0) {
        const target = Tensor.zeros(shape, { dtype });
        if (initialize(target, { ...options, generator }) !== target) throw new Mismatch(`${c.init}: did not return its target`);
        return target;
      }
      return initialize.create(shape, { ...options, generator, dtype });
    });
    for (const [i, draw] of draws.entries()) {
      checkDraw(`${dtype} seed ${seeds[i]}`, draw, shape, options, distribution, dtype);
    }
    // Same seed, same numbers.
    const again = Tensor.zeros(shape, { dtype });
    initialize(again, { ...options, generator: new Generator(seeds[0]) });
    expectClose(`${dtype} redraw with seed ${seeds[0]}`, again.toFlatArray(), draws[0].toFlatArray(), 0);
  }
  return undefined;
};

/** snake_case keys and enum-like string values (`fan_out`, `leaky_relu`) become descent's; null means the default. */
function descentOptions(options: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(camelCaseOptions(options))) {
    if (value === null) continue;
    out[key] = typeof value === "string" ? snakeToCamel(value) : value;
  }
  return out;
}

function required<T>(value: T | null | undefined, field: string): T {
  if (value === null || value === undefined) throw new Error(`case has no ${field}`);
  return value;
}

/** Fans, gain and the distribution's parameters as the package computes them, against torch's. */
function checkFormulas(c: InitCase, shape: number[], options: Record<string, unknown>, distribution: Distribution): void {
  if (c.fan_in !== null || c.fan_out !== null) {
    const fans = computeFans(shape);
    expectClose("fan_in", [fans.fanIn], [required(c.fan_in, "fan_in")], formulaTolerance);
    expectClose("fan_out", [fans.fanOut], [required(c.fan_out, "fan_out")], formulaTolerance);
  }
  const kaiming = options as KaimingShapeOptions;
  if (c.init.startsWith("kaiming_") && c.gain !== null) {
    expectClose("gain", [calculateGain(kaiming.nonlinearity ?? "leakyRelu", kaiming.a ?? 0)], [c.gain], formulaTolerance);
  }
  let std: number | null = null;
  if (c.init.startsWith("xavier_")) std = xavierStd(shape, { gain: options.gain as number });
  if (c.init.startsWith("kaiming_")) std = kaimingStd(shape, kaiming);
  if (std === null) return;
  if (distribution.type === "uniform") {
    // The uniform bound is √3·std: U(−b, b) has variance b²/3.
    expectClose("distribution.high", [Math.sqrt(3.0) * std], [distribution.high], formulaTolerance);
    expectClose("distribution.low", [-Math.sqrt(3.0) * std], [distribution.low], formulaTolerance);
  } else if (distribution.type === "normal") {
    expectClose("distribution.std", [std], [distribution.std], formulaTolerance);
  }
}

function checkDraw(
  what: string,
  draw: Tensor,
  shape: number[],
  options: Record<string, unknown>,
  distribution: Distribution,
  dtype: DType,
): void {
  if (JSON.stringify(draw.shape) !== JSON.stringify(shape)) throw new Mismatch(`${what}: shape ${JSON.stringify(draw.shape)}, want ${JSON.stringify(shape)}`);
  if (draw.dtype !== dtype) throw new Mismatch(`${what}: dtype ${draw.dtype}, want ${dtype}`);
  const values = draw.toFlatArray();
  switch (distribution.type) {
    case "uniform":
      checkSupport(what, values, distribution.low, distribution.high);
      // U(a, a) is torch's constant fill; a KS test needs a continuous law.
      if (distribution.low === distribution.high) expectClose(`${what}: values`, values, values.map(() => distribution.low), 0);
      else checkKs(what, values, uniformCdf(distribution.low, distribution.high));
      return;
    case "normal":
      checkSupport(what, values, -Infinity, Infinity);
      if (distribution.std === 0) expectClose(`${what}: values`, values, values.map(() => distribution.mean), 0);
      else checkKs(what, values, normalCdf(distribution.mean, distribution.std));
      return;
    case "trunc_normal":
      checkSupport(what, values, distribution.a, distribution.b);
      checkKs(what, values, truncNormalCdf(distribution.mean, distribution.std, distribution.a, distribution.b));
      return;
    case "constant":
      expectClose(`${what}: values`, values, values.map(() => distribution.value), 0);
      return;
    case "eye":
      expectClose(`${what}: values`, values, eyeValues(shape), 0);
      return;
    case "dirac":
      expectClose(`${what}: values`, values, diracValues(shape, (options.groups as number | undefined) ?? 1), 0);
      return;
    case "orthogonal":
      checkOrthogonal(what, values, shape, distribution.gain, orthogonalityTolerance[dtype === "float32" ? "float32" : "float64"]);
      return;
    case "sparse":
      checkSparse(what, values, shape, distribution.sparsity, distribution.std);
      return;
  }
}

function checkSupport(what: string, values: ArrayLike<number>, low: number, high: number): void {
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] >= low && values[i] <= high) || Number.isNaN(values[i])) {
      throw new Mismatch(`${what}: element ${i} is ${values[i]}, outside the support [${low}, ${high}]`);
    }
  }
}

function checkKs(what: string, values: ArrayLike<number>, cdf: (x: number) => number): void {
  if (values.length === 0) return; // an empty tensor: nothing drawn, nothing to test
  const d = ksStatistic(values, cdf);
  const p = ksPValue(values.length, d);
  if (!(p >= significance)) {
    throw new Mismatch(`${what}: Kolmogorov–Smirnov D = ${d.toPrecision(4)} over ${values.length} draws, p = ${p.toExponential(2)} < ${significance}`);
  }
}

/** Ones where row = column, on a 2-D shape. */
function eyeValues(shape: number[]): number[] {
  const [rows, cols] = shape;
  return Array.from({ length: rows * cols }, (_, i) => (Math.floor(i / cols) === i % cols ? 1 : 0));
}

/** torch's dirac_: a 1 at [g·out/groups + d, d, centre...] for d < min(out/groups, in). */
function diracValues(shape: number[], groups: number): number[] {
  const size = shape.reduce((p, s) => p * s, 1);
  const values = new Array<number>(size).fill(0);
  const rowMajorStrides = shape.map((_, axis) => shape.slice(axis + 1).reduce((p, s) => p * s, 1));
  const centre = shape.slice(2).reduce((sum, s, k) => sum + Math.floor(s / 2) * rowMajorStrides[k + 2], 0);
  const outPerGroup = shape[0] / groups;
  for (let g = 0; g < groups; g++) {
    for (let d = 0; d < Math.min(outPerGroup, shape[1]); d++) {
      values[(g * outPerGroup + d) * rowMajorStrides[0] + d * rowMajorStrides[1] + centre] = 1;
    }
  }
  return values;
}

/** Rows×cols flattened: QQᵀ = gain²·I when rows ≤ cols, else QᵀQ = gain²·I. */
function checkOrthogonal(what: string, values: ArrayLike<number>, shape: number[], gain: number, tolerance: number): void {
  const rows = shape[0];
  const cols = values.length / rows;
  const byRows = rows <= cols;
  const size = byRows ? rows : cols;
  const gram: number[] = [];
  const identity: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let dot = 0;
      if (byRows) for (let k = 0; k < cols; k++) dot += values[i * cols + k] * values[j * cols + k];
      else for (let k = 0; k < rows; k++) dot += values[k * cols + i] * values[k * cols + j];
      gram.push(dot);
      identity.push(i === j ? gain * gain : 0);
    }
  }
  expectClose(`${what}: ${byRows ? "QQᵀ" : "QᵀQ"} (row-major ${size}×${size})`, gram, identity, tolerance);
}

/** Exactly ⌈sparsity·rows⌉ zeros per column; the rest N(0, std²). */
function checkSparse(what: string, values: ArrayLike<number>, shape: number[], sparsity: number, std: number): void {
  const [rows, cols] = shape;
  const zerosPerColumn = Math.ceil(sparsity * rows);
  const nonzero: number[] = [];
  for (let col = 0; col < cols; col++) {
    let zerosHere = 0;
    for (let row = 0; row < rows; row++) {
      const v = values[row * cols + col];
      if (v === 0) zerosHere++;
      else nonzero.push(v);
    }
    if (zerosHere !== zerosPerColumn) throw new Mismatch(`${what}: column ${col} has ${zerosHere} zeros, want ${zerosPerColumn}`);
  }
  checkSupport(what, nonzero, -Infinity, Infinity);
  if (nonzero.length > 0 && std > 0) checkKs(`${what} (nonzeros)`, nonzero, normalCdf(0, std));
}
