import { broadcastStrides, checkBroadcastsTo } from "./broadcast";
import { astype, checkWritable } from "./convert";
import { DTypeError, invalidArgument } from "./errors";
import { checkOperand, clampBounds, scalarStorage } from "./elementwise";
import { coalesce, splitInnermost, walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import { checkNumber } from "./shape";
import { Tensor } from "./tensor";

/**
 * In-place updates: each writes into `t`'s own storage in one pass, so an optimizer can
 * update a parameter without allocating. Operands broadcast to `t`'s shape (never the other
 * way). Everything is validated before the first write; an operand that shares `t`'s
 * storage is copied first so no element is read after it was overwritten.
 */

/** The operand as a tensor readable at t's shape, checked and de-aliased. */
function operand(fn: string, argument: string, t: Tensor, o: unknown): Tensor {
  const v = checkOperand(fn, argument, o);
  if (typeof v === "number") {
    if (t.dtype === "int32" && !Number.isInteger(v)) {
      throw new DTypeError(`${fn}: ${argument} is ${v}, a float, which cannot be written into an int32 tensor`);
    }
    return new Tensor(scalarStorage(v, t.dtype), []);
  }
  checkBroadcastsTo(fn, v.shape, t.shape);
  if (t.dtype === "int32" && v.dtype !== "int32") {
    throw new DTypeError(`${fn}: ${argument} has dtype ${v.dtype}, which cannot be written into an int32 tensor`);
  }
  return v.data === t.data ? astype(v, v.dtype) : v;
}

function checkTarget(fn: string, t: unknown): asserts t is Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "this", t, "a Tensor");
  checkWritable(fn, t);
}

/** Walks t with one or two operands; `run(offsets, n, strides)` handles one innermost run. */
function walkWith(t: Tensor, operands: readonly Tensor[], run: (p: number[], n: number, s: number[]) => void): void {
  const strides = [t.strides as number[], ...operands.map((o) => broadcastStrides(o, t.shape))];
  const { n, inner, outerShape, outerStrides } = splitInnermost(coalesce(t.shape, strides));
  walkPoints(outerShape, outerStrides, [t.offset, ...operands.map((o) => o.offset)], (p) => {
    run(p, n, inner);
  });
}

function scaledAdd(fn: string, t: Tensor, o: unknown, alpha: number): void {
  checkTarget(fn, t);
  checkNumber(fn, "alpha", alpha);
  const b = operand(fn, "other", t, o);
  if (t.dtype === "int32" && !Number.isInteger(alpha)) throw new DTypeError(`${fn}: alpha is ${alpha}, a float, which cannot scale an int32 tensor`);
  const out = t.data;
  const bd = b.data;
  if (alpha === 1) {
    const k = kernels.add;
    walkWith(t, [b], (p, n, s) => {
      k(out, p[0], s[0], out, p[0], s[0], bd, p[1], s[1], n);
    });
  } else {
    const k = kernels.addScaled;
    walkWith(t, [b], (p, n, s) => {
      k(out, p[0], s[0], out, p[0], s[0], bd, p[1], s[1], n, alpha);
    });
  }
}

export function addInPlace(t: Tensor, o: Tensor | number, alpha = 1): void {
  scaledAdd("addInPlace", t, o, alpha);
}

export function subInPlace(t: Tensor, o: Tensor | number, alpha = 1): void {
  scaledAdd("subInPlace", t, o, -alpha);
}

function binaryInPlace(fn: string, name: "mul" | "div", t: Tensor, o: unknown): void {
  checkTarget(fn, t);
  const b = operand(fn, "other", t, o);
  const out = t.data;
  const bd = b.data;
  const k = kernels[name];
  walkWith(t, [b], (p, n, s) => {
    k(out, p[0], s[0], out, p[0], s[0], bd, p[1], s[1], n);
  });
}

export function mulInPlace(t: Tensor, o: Tensor | number): void {
  binaryInPlace("mulInPlace", "mul", t, o);
}

export function divInPlace(t: Tensor, o: Tensor | number): void {
  if (t.dtype === "int32") throw new DTypeError("divInPlace: this has dtype int32; true division needs a float tensor");
  binaryInPlace("divInPlace", "div", t, o);
}

function fusedInPlace(fn: string, name: "addcmul" | "addcdiv", t: Tensor, t1: unknown, t2: unknown, value: number): void {
  checkTarget(fn, t);
  if (!(t1 instanceof Tensor)) throw invalidArgument(fn, "tensor1", t1, "a Tensor");
  if (!(t2 instanceof Tensor)) throw invalidArgument(fn, "tensor2", t2, "a Tensor");
  checkNumber(fn, "value", value);
  if (t.dtype === "int32") throw new DTypeError(`${fn}: this has dtype int32, expected a float tensor`);
  const a = operand(fn, "tensor1", t, t1);
  const b = operand(fn, "tensor2", t, t2);
  const out = t.data;
  const ad = a.data;
  const bd = b.data;
  const k = kernels[name];
  walkWith(t, [a, b], (p, n, s) => {
    k(out, p[0], s[0], ad, p[1], s[1], bd, p[2], s[2], n, value);
  });
}

export function addcmulInPlace(t: Tensor, t1: Tensor, t2: Tensor, value = 1): void {
  fusedInPlace("addcmulInPlace", "addcmul", t, t1, t2, value);
}

export function addcdivInPlace(t: Tensor, t1: Tensor, t2: Tensor, value = 1): void {
  fusedInPlace("addcdivInPlace", "addcdiv", t, t1, t2, value);
}

export function lerpInPlace(t: Tensor, end: Tensor, weight: number): void {
  const fn = "lerpInPlace";
  checkTarget(fn, t);
  if (!(end instanceof Tensor)) throw invalidArgument(fn, "end", end, "a Tensor");
  checkNumber(fn, "weight", weight);
  if (t.dtype === "int32") throw new DTypeError(`${fn}: this has dtype int32, expected a float tensor`);
  const e = operand(fn, "end", t, end);
  const out = t.data;
  const ed = e.data;
  const k = kernels.lerp;
  walkWith(t, [e], (p, n, s) => {
    k(out, p[0], s[0], ed, p[1], s[1], n, weight);
  });
}

export function clampInPlace(t: Tensor, min: number | null | undefined, max: number | null | undefined): void {
  const fn = "clampInPlace";
  checkTarget(fn, t);
  const [lo, hi] = clampBounds(fn, min, max);
  const out = t.data;
  const k = kernels.clamp;
  walkWith(t, [], (p, n, s) => {
    k(out, p[0], s[0], out, p[0], s[0], n, lo, hi);
  });
}
