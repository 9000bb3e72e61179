/** The shape of a reduction over `axes` with keepdim: every reduced dimension kept as size 1. */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** How many elements each output of a reduction over `axes` combines. */
export function reducedCount(shape: readonly number[], axes: readonly number[]): number {
  return axes.reduce((p, a) => p * shape[a], 1);
}
