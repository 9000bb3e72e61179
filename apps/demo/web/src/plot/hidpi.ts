/**
 * Sizes `canvas` to `width` × `height` CSS pixels backed by device pixels, and returns a context
 * that draws in CSS pixels: sharp lines on high-density screens, the same code everywhere.
 */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
  const pixelWidth = Math.round(width * ratio);
  const pixelHeight = Math.round(height * ratio);
  if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
    canvas.width = pixelWidth;
    canvas.height = pixelHeight;
  }
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext("2d");
  if (context === null) throw new Error("this browser gives no 2-D canvas context");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}
