import { broadcastShapesFor, checkBroadcastsTo } from "./broadcast";
import { allocate, promoteTypes } from "./dtype";
import { DTypeError, ShapeError, invalidArgument } from "./errors";
import { walkPoints } from "./iterate";
import { kernels } from "./kernels/index";
import { checkNumber, contiguousStrides, formatShape, sizeOf } from "./shape";
import { isExactly, resultStorage } from "./out";
import type { OutOptions } from "./out";
import { Tensor } from "./tensor";

/**
 * torch.matmul. 1-D·1-D is a dot product (0-d); a 1-D left operand is a row vector and a
 * 1-D right operand a column vector, their added dimension removed from the result;
 * otherwise the last two dimensions multiply as matrices and the leading (batch)
 * dimensions broadcast. The GEMM kernel reads operands through their strides, so
 * transposed or sliced inputs are not copied. int32 operands are multiplied in float64
 * and the result converted to int32. Written into `options.out` when given (out.ts); it may
 * share no memory with a or b.
 */
export function matmul(a: Tensor, b: Tensor, options?: OutOptions): Tensor {
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
  let shape = [...batch, m, n];
  if (a.ndim === 1) shape = shape.filter((_, i) => i !== shape.length - 2);
  if (b.ndim === 1) shape = shape.slice(0, -1);
  const size = sizeOf(batch) * m * n;
  const { data: out, offset, tensor } = resultStorage(fn, options, dtype, shape, [a, b], [], () => allocate(dtype, size));
  const gemm = dtype === "float32" ? kernels.matmulF32 : kernels.matmulF64;
  const target = dtype === "int32" ? new Float64Array(size) : out;
  const targetOffset = target === out ? offset : 0;
  const [ars, acs] = left.strides.slice(-2);
  const [brs, bcs] = right.strides.slice(-2);
  const batchStrides = (t: Tensor): number[] => {
    const lead = batch.length - (t.ndim - 2);
    return batch.map((d, i) => (i < lead || t.shape[i - lead] !== d ? 0 : t.strides[i - lead]));
  };
  const ad = left.data;
  const bd = right.data;
  walkPoints(batch, [contiguousStrides(batch).map((s) => s * m * n), batchStrides(left), batchStrides(right)], [targetOffset, left.offset, right.offset], (p) => {
    gemm(m, n, k, ad, p[1], ars, acs, bd, p[2], brs, bcs, target, p[0]);
  });
  if (target !== out) out.set(target, offset);
  return tensor ?? new Tensor(out, shape);
}

export interface AddmmOptions extends OutOptions {
  /** Multiplies input (default 1; 0 ignores input, its NaN and ±∞ included, as in PyTorch). */
  beta?: number;
  /** Multiplies the product (default 1). */
  alpha?: number;
}

/**
 * torch.addmm: β·input + α·(mat1·mat2) for a 2-D mat1 (m×k) and mat2 (k×n), input broadcast to
 * (m, n): a linear layer's bias and product in one call. With α = 1 the product is added inside
 * the matmul kernel, to an output that starts as β·input (BLAS's β), so the bias costs no pass of
 * its own. int32 operands need integer β and α, as in PyTorch.
 */
export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, options: AddmmOptions = {}): Tensor {
  const fn = "addmm";
  if (!(input instanceof Tensor)) throw invalidArgument(fn, "input", input, "a Tensor");
  if (!(mat1 instanceof Tensor)) throw invalidArgument(fn, "mat1", mat1, "a Tensor");
  if (!(mat2 instanceof Tensor)) throw invalidArgument(fn, "mat2", mat2, "a Tensor");
  if (typeof options !== "object" || (options as unknown) === null) throw invalidArgument(fn, "options", options, "{ beta?: number; alpha?: number; out?: Tensor }");
  const beta = checkNumber(fn, "beta", options.beta ?? 1);
  const alpha = checkNumber(fn, "alpha", options.alpha ?? 1);
  if (mat1.ndim !== 2 || mat2.ndim !== 2 || mat1.shape[1] !== mat2.shape[0]) {
    throw new ShapeError(`addmm: mat1 and mat2 must be 2-D matrices that multiply, got shapes ${formatShape(mat1.shape)} and ${formatShape(mat2.shape)}`);
  }
  const [m, k] = mat1.shape;
  const n = mat2.shape[1];
  checkBroadcastsTo(fn, input.shape, [m, n]);
  const dtype = promoteTypes(promoteTypes(input.dtype, mat1.dtype), mat2.dtype);
  if (dtype === "int32" && !(Number.isInteger(beta) && Number.isInteger(alpha))) {
    throw new DTypeError(`addmm: beta ${beta} and alpha ${alpha} must be integers for int32 operands`);
  }
  // out may be input itself (PyTorch's addmm_): input is read into it before the product is added.
  const { data, offset, tensor } = resultStorage(fn, options, dtype, [m, n], [input, mat1, mat2], [input], () => allocate(dtype, m * n));
  const out = tensor ?? new Tensor(data, [m, n]);
  if (dtype === "int32" || alpha !== 1) {
    const product = alpha === 1 ? matmul(mat1, mat2) : matmul(mat1, mat2).mul(alpha);
    return out.copyFrom(beta === 0 ? product : product.add(beta === 1 ? input : input.mul(beta)));
  }
  // out = β·input, then out += mat1·mat2 in the kernel. With β = 0 the kernel writes out without
  // reading it, and input is not read (as in PyTorch: NaN in it goes nowhere); out = input is not
  // copied onto itself.
  const accumulate = beta !== 0;
  if (accumulate) {
    if (tensor === null || !isExactly(tensor, input)) out.copyFrom(input);
    if (beta !== 1) for (let i = offset; i < offset + m * n; i++) data[i] *= beta;
  }
  const gemm = dtype === "float32" ? kernels.matmulF32 : kernels.matmulF64;
  gemm(m, n, k, mat1.data, mat1.offset, mat1.strides[0], mat1.strides[1], mat2.data, mat2.offset, mat2.strides[0], mat2.strides[1], data, offset, accumulate);
  return out;
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
