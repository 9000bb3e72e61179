import type { TestFunction } from "../surfaces/test-functions";
import { rampColor } from "./colormap";

/** How many contour levels span the plotted range of values. */
const LEVELS = 24;

/**
 * The filled contour image of `fn` over its domain, `width` × `height` device pixels. Values
 * are compressed with asinh(f − f_min), which is logarithmic for large values and linear near
 * the minimum (and works for the saddle's negative values), then split into equal levels. A
 * pixel whose level differs from its right or lower neighbour is drawn light: the contour
 * lines, found without tracing them.
 */
export function contourImage(fn: TestFunction, width: number, height: number): ImageData {
  const [xMin, xMax, yMin, yMax] = fn.domain;
  const values = new Float64Array(width * height);
  let low = Infinity;
  for (let row = 0; row < height; row++) {
    const y = yMax - ((row + 0.5) / height) * (yMax - yMin);
    for (let col = 0; col < width; col++) {
      const v = fn.value(xMin + ((col + 0.5) / width) * (xMax - xMin), y);
      values[row * width + col] = v;
      if (v < low) low = v;
    }
  }
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = Math.asinh(values[i] - low);
    values[i] = v;
    if (v > high) high = v;
  }
  const span = high > 0 ? high : 1;
  const image = new ImageData(width, height);
  const level = (i: number): number => Math.floor((values[i] / span) * LEVELS);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      const [r, g, b] = rampColor(values[i] / span);
      const own = level(i);
      const edge = (col + 1 < width && level(i + 1) !== own) || (row + 1 < height && level(i + width) !== own);
      const o = i * 4;
      const mix = edge ? 0.45 : 0;
      image.data[o] = r + (235 - r) * mix;
      image.data[o + 1] = g + (240 - g) * mix;
      image.data[o + 2] = b + (250 - b) * mix;
      image.data[o + 3] = 255;
    }
  }
  return image;
}
