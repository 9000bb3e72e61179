/** Numbers as the tables print them: 3 significant digits (whole numbers from 100 on), exponents outside [10⁻³, 10⁶). */
export function formatValue(v: number | undefined): string {
  if (v === undefined) return "–";
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const magnitude = Math.abs(v);
  if (magnitude >= 1e6 || magnitude < 1e-3) return v.toExponential(2);
  if (Number.isInteger(v) || magnitude >= 100) return String(Math.round(v));
  return v.toPrecision(3).replace(/\.?0+$/, "");
}

/** A ratio as "4.2×" (two significant digits below 10). */
export function formatRatio(r: number | null): string {
  if (r === null) return "–";
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toPrecision(2)}×`;
}
