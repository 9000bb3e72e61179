import type { DType, TypedArray } from "./dtype";
import { DTypeError, InvalidArgumentError, ShapeError, invalidArgument } from "./errors";
import { formatShape, sameShape } from "./shape";
import { Tensor } from "./tensor";

/**
 * Writing a result into a tensor the caller already has (PyTorch's `out=`). A fresh result is a
 * fresh typed array, and the first write to each of its pages costs a page fault: for arrays
 * beyond the allocator's reuse (tens of MB) that is most of an element-wise op's time. A loop
 * that keeps its outputs pays it once.
 */
export interface OutOptions {
  /** The tensor to write the result into: the result's dtype and shape, contiguous; it is returned. */
  out?: Tensor | undefined;
}

/** Where an op writes its result: `data` from element `offset`, contiguous; `tensor` is what it returns. */
interface ResultStorage {
  data: TypedArray;
  offset: number;
  /** The `out` tensor, or null for fresh storage (the op wraps it in a new Tensor). */
  tensor: Tensor | null;
}

/**
 * Checks `options` and gives the storage for a result of `dtype` and `shape`: `options.out`'s, or
 * `allocate`d. An out tensor sharing memory with one of `inputs` is refused, except one that is
 * exactly an input of `inPlace`: those the op reads element by element before writing the same
 * element (element-wise ops, addmm's input). Everything is checked before anything is written, so
 * a refused call changes nothing.
 */
export function resultStorage(
  fn: string, options: unknown, dtype: DType, shape: readonly number[], inputs: readonly Tensor[], inPlace: readonly Tensor[],
  allocate: () => TypedArray,
): ResultStorage {
  const out = outOption(fn, options);
  if (out === undefined) return { data: allocate(), offset: 0, tensor: null };
  if (out.dtype !== dtype) throw new DTypeError(`${fn}: out has dtype ${out.dtype}, expected ${dtype} (the result's dtype)`);
  if (!sameShape(out.shape, shape)) throw new ShapeError(`${fn}: out has shape ${formatShape(out.shape)}, expected ${formatShape(shape)} (the result's shape)`);
  if (!out.isContiguous()) {
    throw new InvalidArgumentError(`${fn}: out is a view with strides ${formatShape(out.strides)}, expected a contiguous tensor`);
  }
  for (const input of inputs) {
    if (!sharesMemory(out, input)) continue;
    if (inPlace.includes(input) && isExactly(out, input)) continue;
    const expected = inPlace.length > 0 ? "a tensor apart from the inputs, or exactly an input read element by element" : "a tensor apart from the inputs";
    throw new InvalidArgumentError(`${fn}: out shares memory with an input of shape ${formatShape(input.shape)}, expected ${expected}`);
  }
  return { data: out.data, offset: out.offset, tensor: out };
}

/** `options.out`, checked: undefined when not given. */
function outOption(fn: string, options: unknown): Tensor | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) throw invalidArgument(fn, "options", options, "{ out?: Tensor }");
  const out = (options as OutOptions).out;
  if (out === undefined || out instanceof Tensor) return out;
  throw invalidArgument(fn, "out", out, "a Tensor");
}

/** The bytes [start, end) of the buffer that a view's elements lie within. */
function byteSpan(t: Tensor): [number, number] {
  let low = t.offset;
  let high = t.offset;
  t.shape.forEach((d, i) => {
    const reach = t.strides[i] * (d - 1);
    if (reach < 0) low += reach;
    else high += reach;
  });
  const size = t.data.BYTES_PER_ELEMENT;
  return [t.data.byteOffset + low * size, t.data.byteOffset + (high + 1) * size];
}

function sharesMemory(a: Tensor, b: Tensor): boolean {
  if (a.data.buffer !== b.data.buffer || a.size === 0 || b.size === 0) return false;
  const [a0, a1] = byteSpan(a);
  const [b0, b1] = byteSpan(b);
  return a0 < b1 && b0 < a1;
}

/** Both views are the same contiguous elements in the same order. */
/** True when `out` and `input` are the same elements in the same order (the same contiguous view). */
export function isExactly(out: Tensor, input: Tensor): boolean {
  return input.dtype === out.dtype && sameShape(input.shape, out.shape) && input.isContiguous() && byteSpan(input)[0] === byteSpan(out)[0];
}
