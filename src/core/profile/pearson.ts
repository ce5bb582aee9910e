import { argsortFloat64 } from "../util/radixSort.ts";

/**
 * Pearson and Spearman correlation over pairwise complete rows (rows where both values are
 * present), as pandas `DataFrame.corr`. Spearman ranks each pair's complete rows afresh, with
 * average ranks for ties. null when fewer than 3 complete rows (two points always give ±1) or
 * either side has no spread.
 */
export function pearson(x: Float64Array, y: Float64Array): number | null {
  const n = x.length;
  let k = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    k++;
    sx += a;
    sy += b;
  }
  if (k < 3) return null;
  const mx = sx / k;
  const my = sy / k;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i];
    const b = y[i];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    const dx = a - mx;
    const dy = b - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return sxx === 0 || syy === 0 || !Number.isFinite(r) ? null : clamp1(r);
}

export function spearman(x: Float64Array, y: Float64Array): number | null {
  const n = x.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) k++;
  if (k === n) return pearson(ranks(x), ranks(y));
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  k = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      cx[k] = x[i];
      cy[k++] = y[i];
    }
  }
  return pearson(ranks(cx), ranks(cy));
}

/**
 * 1-based ranks, ties sharing their average rank (scipy's `rankdata(method="average")`). Missing
 * values keep NaN.
 */
export function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const where = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) where[k++] = i;
  const present = new Float64Array(k);
  for (let j = 0; j < k; j++) present[j] = values[where[j]];
  const order = argsortFloat64(present);
  let start = 0;
  while (start < k) {
    let end = start + 1;
    const v = present[order[start]];
    while (end < k && present[order[end]] === v) end++;
    const rank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) out[where[order[j]]] = rank;
    start = end;
  }
  return out;
}

const clamp1 = (r: number) => Math.max(-1, Math.min(1, r));
