// Small statistics over timing samples, the same definitions everywhere in the report.

/** The q-quantile (0…1) by the nearest-rank method: p50 of 10 samples is the 5th smallest. */
export function quantile(samples: ArrayLike<number>, q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function max(samples: ArrayLike<number>): number {
  let m = Number.NaN;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i] ?? Number.NaN;
    if (!(v <= m)) m = v;
  }
  return m;
}

/** `value` as a multiple of `base`, to two decimals (a filtered view against the unfiltered one). */
export function ratioTo(value: number, base: number): number {
  return Math.round((value / base) * 100) / 100;
}

/** Rounds to one decimal: milliseconds in the report and the JSON. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
