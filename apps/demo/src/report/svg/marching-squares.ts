/** A contour segment between two points in grid coordinates (column i, row j, fractional). */
export type Segment = readonly [number, number, number, number];

/**
 * The segments of the level set {f = level} of a grid of values (row-major, nx × ny, row j is
 * the j-th y). Marching squares: each cell's four corners above or below the level pick which
 * edges the contour crosses, and each crossing is placed by linear interpolation along the
 * edge. The two ambiguous saddle cases are resolved with the cell's centre value.
 */
export function contourSegments(values: ArrayLike<number>, nx: number, ny: number, level: number): Segment[] {
  const out: Segment[] = [];
  const at = (i: number, j: number): number => values[j * nx + i];
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const v00 = at(i, j);
      const v10 = at(i + 1, j);
      const v11 = at(i + 1, j + 1);
      const v01 = at(i, j + 1);
      if (![v00, v10, v11, v01].every(Number.isFinite)) continue;
      const code = (v00 > level ? 1 : 0) | (v10 > level ? 2 : 0) | (v11 > level ? 4 : 0) | (v01 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Crossing points on the four edges: bottom (y = j), right (x = i+1), top (y = j+1), left (x = i).
      const t = (a: number, b: number): number => (level - a) / (b - a);
      const bottom = (): [number, number] => [i + t(v00, v10), j];
      const right = (): [number, number] => [i + 1, j + t(v10, v11)];
      const top = (): [number, number] => [i + t(v01, v11), j + 1];
      const left = (): [number, number] => [i, j + t(v00, v01)];
      const add = (a: [number, number], b: [number, number]): void => {
        out.push([a[0], a[1], b[0], b[1]]);
      };
      switch (code) {
        case 1:
        case 14:
          add(left(), bottom());
          break;
        case 2:
        case 13:
          add(bottom(), right());
          break;
        case 3:
        case 12:
          add(left(), right());
          break;
        case 4:
        case 11:
          add(right(), top());
          break;
        case 6:
        case 9:
          add(bottom(), top());
          break;
        case 7:
        case 8:
          add(left(), top());
          break;
        case 5:
        case 10: {
          const centreAbove = (v00 + v10 + v11 + v01) / 4 > level;
          // Code 5: corners 00 and 11 above. If the centre is above too, the two above-corners connect.
          if ((code === 5) === centreAbove) {
            add(left(), top());
            add(bottom(), right());
          } else {
            add(left(), bottom());
            add(right(), top());
          }
          break;
        }
      }
    }
  }
  return out;
}

/**
 * Joins segments that share end points into polylines (closed contours come back as one
 * polyline whose last point repeats its first), so a level is drawn as a few long paths instead
 * of thousands of two-point ones. End points computed from the same grid edge are identical
 * numbers, so they match exactly.
 */
export function joinSegments(all: readonly Segment[]): [number, number][][] {
  const key = (x: number, y: number): string => `${x},${y}`;
  // A grid value exactly at the level puts crossings on the grid point itself: the cells around
  // it then give zero-length segments and the same segment twice. Drop both.
  const seen = new Set<string>();
  const segments = all.filter(([x0, y0, x1, y1]) => {
    if (x0 === x1 && y0 === y1) return false;
    const a = key(x0, y0);
    const b = key(x1, y1);
    const id = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const ends = new Map<string, number[]>();
  segments.forEach(([x0, y0, x1, y1], i) => {
    for (const k of [key(x0, y0), key(x1, y1)]) {
      const list = ends.get(k);
      if (list === undefined) ends.set(k, [i]);
      else list.push(i);
    }
  });
  const used = new Uint8Array(segments.length);
  const lines: [number, number][][] = [];
  /** Extends `line` from its last point through unused segments. */
  const extend = (line: [number, number][]): void => {
    for (;;) {
      const [x, y] = line[line.length - 1];
      const next = (ends.get(key(x, y)) ?? []).find((i) => used[i] === 0);
      if (next === undefined) return;
      used[next] = 1;
      const [x0, y0, x1, y1] = segments[next];
      line.push(x0 === x && y0 === y ? [x1, y1] : [x0, y0]);
    }
  };
  segments.forEach(([x0, y0, x1, y1], i) => {
    if (used[i] === 1) return;
    used[i] = 1;
    const forward: [number, number][] = [
      [x0, y0],
      [x1, y1],
    ];
    extend(forward);
    const backward: [number, number][] = [[x0, y0]];
    extend(backward);
    lines.push([...backward.slice(1).reverse(), ...forward]);
  });
  return lines;
}
