/** Bins of a numeric column: `counts[i]` values fall in [edges[i], edges[i + 1]) (the last bin is closed). */
export interface Histogram {
  edges: number[];
  counts: number[];
}

export const MIN_BINS = 10;
export const MAX_BINS = 50;

/**
 * Bin count by the Freedman–Diaconis rule (width 2·IQR / n^(1/3)), held to MIN_BINS..MAX_BINS;
 * Sturges' rule stands in when the IQR is 0. Whole numbers spanning fewer than MAX_BINS values get
 * one bin per value, centred on it, so counts read as "how many 3s".
 */
export function histogramSorted(sorted: Float64Array, iqr: number, integer: boolean): Histogram {
  const n = sorted.length;
  if (n === 0) return { edges: [], counts: [] };
  const min = sorted[0];
  const max = sorted[n - 1];
  const range = max - min;
  if (range === 0) return { edges: [min, max], counts: [n] };
  let start = min;
  let width: number;
  let bins: number;
  if (integer && range < MAX_BINS) {
    bins = range + 1;
    start = min - 0.5;
    width = 1;
  } else {
    const fd = (2 * iqr) / Math.cbrt(n);
    const raw = fd > 0 ? Math.ceil(range / fd) : Math.ceil(Math.log2(n)) + 1;
    bins = Math.min(MAX_BINS, Math.max(MIN_BINS, raw));
    width = range / bins;
  }
  const edges = new Array<number>(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = start + i * width;
  if (!(integer && range < MAX_BINS)) edges[bins] = max;
  const counts = new Array<number>(bins).fill(0);
  // Values are sorted: walk the bins forward instead of dividing per value.
  let b = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    while (b < bins - 1 && x >= edges[b + 1]) b++;
    counts[b]++;
  }
  return { edges, counts };
}
