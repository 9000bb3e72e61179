/** A map from data values to screen positions along one axis, with its tick marks. */
export interface Scale {
  (value: number): number;
  readonly ticks: readonly number[];
  readonly domain: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number], tickCount = 5): Scale {
  let [d0, d1] = domain;
  if (d0 === d1) {
    const pad = d0 === 0 ? 1 : Math.abs(d0) * 0.1;
    d0 -= pad;
    d1 += pad;
  }
  const ticks = niceTicks(d0, d1, tickCount);
  const [r0, r1] = range;
  const scale = (value: number): number => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  return Object.assign(scale, { ticks, domain: [d0, d1] as const });
}

/** Base-10 logarithmic; the domain must be positive. Ticks at the powers of ten (and 2× and 5× when few). */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  let [d0, d1] = domain;
  if (!(d0 > 0)) d0 = d1 > 0 ? d1 / 1e6 : 1e-6;
  if (d1 <= d0) d1 = d0 * 10;
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const [r0, r1] = range;
  const scale = (value: number): number => r0 + ((Math.log10(value) - l0) / (l1 - l0)) * (r1 - r0);
  const ticks: number[] = [];
  const decades = Math.floor(l1) - Math.ceil(l0);
  const step = Math.max(1, Math.ceil(decades / 8));
  for (let e = Math.ceil(l0); e <= Math.floor(l1); e += step) ticks.push(10 ** e);
  if (decades < 2) {
    for (let e = Math.floor(l0); e <= Math.ceil(l1); e++) for (const m of [2, 5]) if (m * 10 ** e >= d0 && m * 10 ** e <= d1) ticks.push(m * 10 ** e);
    ticks.sort((a, b) => a - b);
  }
  return Object.assign(scale, { ticks, domain: [d0, d1] as const });
}

/** About `count` round tick values (1, 2 or 5 times a power of ten apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count: number): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min];
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)));
  return ticks;
}

/** A tick label: short, without float noise. */
export function tickLabel(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(0).split("e");
    return `${mantissa === "1" ? "" : `${mantissa}·`}10${superscript(Number(exponent))}`;
  }
  return String(Number(value.toPrecision(4)));
}

const superscripts: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

function superscript(n: number): string {
  return String(n).replace(/[-0-9]/g, (c) => superscripts[c]);
}
