/** Ten colours that stay apart on white and for the common colour-vision deficiencies (Tableau 10). */
export const seriesColors = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/** For more than ten series the colours repeat with a dash pattern. */
export const dashPatterns = ["", "6 3", "2 3", "8 3 2 3"];

export function seriesColor(index: number): string {
  return seriesColors[index % seriesColors.length];
}

export function seriesDash(index: number): string {
  return dashPatterns[Math.floor(index / seriesColors.length) % dashPatterns.length];
}

/** A light-to-dark blue ramp for contour levels, t in [0, 1]. */
export function levelColor(t: number): string {
  const from = [198, 219, 239];
  const to = [8, 48, 107];
  const mix = from.map((c, i) => Math.round(c + (to[i] - c) * Math.min(1, Math.max(0, t))));
  return `rgb(${mix.join(",")})`;
}
