import { broadcastShapesFor } from "./broadcast";
import { allocate, promoteTypes } from "./dtype";
import { ShapeError, invalidArgument } from "./errors";
import { walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import { contiguousStrides, formatShape, sizeOf } from "./shape";
import { Tensor } from "./tensor";

/**
 * torch.matmul. 1-D·1-D is a dot product (0-d); a 1-D left operand is a row vector and a
 * 1-D right operand a column vector, their added dimension removed from the result;
 * otherwise the last two dimensions multiply as matrices and the leading (batch)
 * dimensions broadcast. The GEMM kernel reads operands through their strides, so
 * transposed or sliced inputs are not copied. int32 operands are multiplied in float64
 * and the result converted to int32.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const fn = "matmul";
  if (!(a instanceof Tensor)) throw invalidArgument(fn, "a", a, "a Tensor");
  if (!(b instanceof Tensor)) throw invalidArgument(fn, "b", b, "a Tensor");
  if (a.ndim === 0 || b.ndim === 0) {
    throw new ShapeError(`matmul: both operands need at least one dimension, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
  const left = a.ndim === 1 ? a.unsqueeze(0) : a;
  const right = b.ndim === 1 ? b.unsqueeze(1) : b;
  const m = left.shape[left.ndim - 2];
  const k = left.shape[left.ndim - 1];
  const k2 = right.shape[right.ndim - 2];
  const n = right.shape[right.ndim - 1];
  if (k !== k2) {
    throw new ShapeError(
      `matmul: shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} do not fit (the inner dimensions are ${k} and ${k2})`,
    );
  }
  const batch = broadcastShapesFor(fn, [left.shape.slice(0, -2), right.shape.slice(0, -2)]);
  const dtype = promoteTypes(a.dtype, b.dtype);
  const out = allocate(dtype, sizeOf(batch) * m * n);
  const gemm = dtype === "float32" ? kernels.matmulF32 : kernels.matmulF64;
  const target = dtype === "int32" ? new Float64Array(out.length) : out;
  const [ars, acs] = left.strides.slice(-2);
  const [brs, bcs] = right.strides.slice(-2);
  const batchStrides = (t: Tensor): number[] => {
    const lead = batch.length - (t.ndim - 2);
    return batch.map((d, i) => (i < lead || t.shape[i - lead] !== d ? 0 : t.strides[i - lead]));
  };
  const ad = left.data;
  const bd = right.data;
  walkPoints(batch, [contiguousStrides(batch).map((s) => s * m * n), batchStrides(left), batchStrides(right)], [0, left.offset, right.offset], (p) => {
    gemm(m, n, k, ad, p[1], ars, acs, bd, p[2], brs, bcs, target, p[0]);
  });
  if (target !== out) out.set(target);
  let shape = [...batch, m, n];
  if (a.ndim === 1) shape = shape.filter((_, i) => i !== shape.length - 2);
  if (b.ndim === 1) shape = shape.slice(0, -1);
  return new Tensor(out, shape);
}

/** Σ a_i b_i of two 1-D tensors of the same length (0-d result). */
export function dot(a: Tensor, b: Tensor): Tensor {
  if (!(a instanceof Tensor) || !(b instanceof Tensor) || a.ndim !== 1 || b.ndim !== 1 || a.size !== b.size) {
    const describe = (t: unknown): string => (t instanceof Tensor ? formatShape(t.shape) : String(t));
    throw new ShapeError(`dot: expected two 1-D tensors of the same length, got shapes ${describe(a)} and ${describe(b)}`);
  }
  return matmul(a, b);
}

/** a_i b_j of two 1-D tensors: shape [a.size, b.size]. */
export function outer(a: Tensor, b: Tensor): Tensor {
  if (!(a instanceof Tensor) || !(b instanceof Tensor) || a.ndim !== 1 || b.ndim !== 1) {
    const describe = (t: unknown): string => (t instanceof Tensor ? formatShape(t.shape) : String(t));
    throw new ShapeError(`outer: expected two 1-D tensors, got shapes ${describe(a)} and ${describe(b)}`);
  }
  return a.unsqueeze(1).mul(b.unsqueeze(0));
}
