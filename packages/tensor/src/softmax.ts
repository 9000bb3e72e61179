import { allocate, floatTypeOf } from "./dtype";
import { invalidArgument } from "./errors";
import { walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import { contiguousStrides, normalizeAxis } from "./shape";
import { Tensor } from "./tensor";

/**
 * softmax / logSoftmax along one axis, each row shifted by its maximum so no exponential
 * overflows. The row is read in place through its stride (no transposed copy).
 */
function alongAxis(fn: "softmax" | "logSoftmax", t: Tensor, axis: number): Tensor {
  if (!(t instanceof Tensor)) throw invalidArgument(fn, "input", t, "a Tensor");
  const a = normalizeAxis(fn, axis, t.ndim);
  const out = allocate(floatTypeOf(t.dtype), t.size);
  const outStrides = contiguousStrides(t.shape);
  const n = t.shape[a];
  const os = outStrides[a];
  const ts = t.strides[a];
  const others = (xs: readonly number[]): number[] => xs.filter((_, i) => i !== a);
  const kernel = kernels[fn];
  const src = t.data;
  walkPoints(others(t.shape), [others(outStrides), others(t.strides)], [0, t.offset], (p) => {
    kernel(out, p[0], os, src, p[1], ts, n);
  });
  return new Tensor(out, t.shape);
}

export function softmax(t: Tensor, axis: number): Tensor {
  return alongAxis("softmax", t, axis);
}

export function logSoftmax(t: Tensor, axis: number): Tensor {
  return alongAxis("logSoftmax", t, axis);
}
