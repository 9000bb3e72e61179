/** About `count` round tick values (1, 2 or 5 × 10^k apart) covering [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) return [low];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  // k·step from integers, rounded to 12 digits: 3 × 0.2 is 0.6000000000000001 in binary.
  for (let k = Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) ticks.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
  return ticks;
}

/**
 * Ticks for a log10 axis spanning [low, high] (in decades): whole decades when the axis spans
 * three or more, else 1, 2 and 5 times each power of ten, so a short axis still gets labels.
 */
export function logTicks(low: number, high: number): number[] {
  if (Math.floor(high) - Math.ceil(low) >= 2) return niceTicks(Math.ceil(low), Math.floor(high), 5).filter(Number.isInteger);
  const ticks: number[] = [];
  for (let k = Math.floor(low); k <= Math.ceil(high); k++) {
    for (const m of [1, 2, 5]) {
      const tick = k + Math.log10(m);
      if (tick >= low - 1e-9 && tick <= high + 1e-9) ticks.push(tick);
    }
  }
  return ticks;
}

/** A tick label: short, exponent form for very large or small numbers. */
export function formatTick(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) return value.toExponential(0).replace("e+", "e");
  return Number(value.toPrecision(3)).toString();
}
