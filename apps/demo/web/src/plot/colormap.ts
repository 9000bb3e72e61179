/** A dark navy-to-slate ramp: low values dark, so the coloured paths stand out everywhere. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [8, 12, 30],
  [18, 34, 66],
  [32, 62, 96],
  [58, 94, 122],
  [96, 128, 148],
  [150, 166, 180],
  [205, 210, 218],
];

/** The ramp's colour at t ∈ [0, 1] as [r, g, b], linearly interpolated between stops. */
export function rampColor(t: number): [number, number, number] {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 1));
  const position = clamped * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}
