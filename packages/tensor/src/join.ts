import { copyStrided } from "./convert";
import { allocate, promoteTypes } from "./dtype";
import { ShapeError, invalidArgument } from "./errors";
import { contiguousStrides, formatShape, normalizeAxis, sizeOf } from "./shape";
import { Tensor } from "./tensor";

function checkList(fn: string, tensors: unknown): readonly Tensor[] {
  if (!Array.isArray(tensors) || tensors.length === 0) throw invalidArgument(fn, "tensors", tensors, "a non-empty array of Tensors");
  tensors.forEach((t, i) => {
    if (!(t instanceof Tensor)) throw invalidArgument(fn, `tensors[${i}]`, t, "a Tensor");
  });
  return tensors as readonly Tensor[];
}

/** Joins tensors along an existing axis; every other dimension must agree. The dtype is the promoted one. */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  return concatFor("concat", checkList("concat", tensors), axis);
}

function concatFor(fn: string, list: readonly Tensor[], axis: number): Tensor {
  const first = list[0];
  const a = normalizeAxis(fn, axis, first.ndim);
  let total = 0;
  for (const t of list) {
    const fits = t.ndim === first.ndim && t.shape.every((d, i) => i === a || d === first.shape[i]);
    if (!fits) {
      throw new ShapeError(`${fn}: shapes ${list.map((x) => formatShape(x.shape)).join(", ")} differ outside axis ${a}`);
    }
    total += t.shape[a];
  }
  const shape = first.shape.slice();
  shape[a] = total;
  const dtype = list.map((t) => t.dtype).reduce(promoteTypes);
  const out = allocate(dtype, sizeOf(shape));
  const strides = contiguousStrides(shape);
  let at = 0;
  for (const t of list) {
    copyStrided(out, at * strides[a], t.shape, strides, t);
    at += t.shape[a];
  }
  return new Tensor(out, shape);
}

/** Joins same-shaped tensors along a new axis. */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  const list = checkList("stack", tensors);
  const first = list[0];
  for (const t of list) {
    if (t.ndim !== first.ndim || t.shape.some((d, i) => d !== first.shape[i])) {
      throw new ShapeError(`stack: shapes ${list.map((x) => formatShape(x.shape)).join(", ")} differ, expected equal shapes`);
    }
  }
  const a = normalizeAxis("stack", axis, first.ndim + 1);
  return concatFor("stack", list.map((t) => t.unsqueeze(a)), a);
}
