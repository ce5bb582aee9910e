/**
 * k-nearest-neighbour imputation after scikit-learn's KNNImputer: a missing value is the mean of
 * that column over the k nearest reference rows that have it, with distances measured by
 * scikit-learn's `nan_euclidean_distances` (squared differences over the coordinates both rows
 * have, scaled up by all / shared coordinates). Unlike KNNImputer, coordinates are first
 * standardised with the training mean and standard deviation, so no column dominates by its unit.
 * The reference set is the training rows (a seeded sample of `maxRows` of them when there are
 * more), stored in the state; ties in distance go to the earlier reference row.
 */
import type { Rng } from "../../random.ts";
import { meanStd } from "../stats.ts";

/** Learned reference set: standardised training rows, row-major, NaN for missing. */
export interface KnnReference {
  k: number;
  mean: number[];
  std: number[];
  rows: number;
  data: number[];
}

/** Standardisation of each column and the (sampled) training rows as the reference set. */
export function fitKnnReference(cols: Float64Array[], k: number, maxRows: number, rng: Rng): KnnReference {
  const n = cols[0]?.length ?? 0;
  const d = cols.length;
  const stats = cols.map((v) => meanStd(v));
  const mean = stats.map((s) => (Number.isFinite(s.mean) ? s.mean : 0));
  const std = stats.map((s) => (s.std > 0 ? s.std : 1));
  let rows: number[];
  if (n <= maxRows) rows = Array.from({ length: n }, (_, i) => i);
  else {
    // Partial Fisher-Yates: the first maxRows of a seeded shuffle, kept in row order.
    const order = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < maxRows; i++) {
      const j = i + rng.int(n - i);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    rows = Array.from(order.subarray(0, maxRows)).sort((a, b) => a - b);
  }
  const data = new Array<number>(rows.length * d);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) data[i * d + j] = (cols[j][r] - mean[j]) / std[j];
  });
  return { k, mean, std, rows: rows.length, data };
}

/**
 * Copies of `cols` with missing values filled from the reference set. A value with no reference
 * row to borrow from (no shared coordinates, or the column missing everywhere) gets the training mean.
 */
export function knnFill(ref: KnnReference, cols: Float64Array[], signal?: AbortSignal): Float64Array[] {
  const d = cols.length;
  const n = cols[0]?.length ?? 0;
  const out = cols.map((c) => c.slice());
  const x = new Float64Array(d);
  const dist = new Float64Array(ref.rows);
  const bestIdx = new Int32Array(ref.k);
  const bestDist = new Float64Array(ref.k);
  for (let i = 0; i < n; i++) {
    if ((i & 0xfff) === 0) signal?.throwIfAborted();
    let hasMissing = false;
    for (let j = 0; j < d; j++) {
      x[j] = (cols[j][i] - ref.mean[j]) / ref.std[j];
      if (Number.isNaN(x[j])) hasMissing = true;
    }
    if (!hasMissing) continue;
    for (let r = 0; r < ref.rows; r++) {
      let ss = 0;
      let shared = 0;
      const base = r * d;
      for (let j = 0; j < d; j++) {
        const diff = x[j] - ref.data[base + j];
        if (!Number.isNaN(diff)) {
          ss += diff * diff;
          shared++;
        }
      }
      dist[r] = shared > 0 ? Math.sqrt((ss * d) / shared) : Number.NaN;
    }
    for (let j = 0; j < d; j++) {
      if (!Number.isNaN(x[j])) continue;
      // Top-k by insertion: k is small, and strict "<" keeps the earlier row on ties.
      let found = 0;
      for (let r = 0; r < ref.rows; r++) {
        const dr = dist[r];
        if (Number.isNaN(dr) || Number.isNaN(ref.data[r * d + j])) continue;
        if (found === ref.k && dr >= bestDist[found - 1]) continue;
        let p = found < ref.k ? found++ : found - 1;
        while (p > 0 && bestDist[p - 1] > dr) {
          bestDist[p] = bestDist[p - 1];
          bestIdx[p] = bestIdx[p - 1];
          p--;
        }
        bestDist[p] = dr;
        bestIdx[p] = r;
      }
      if (found === 0) {
        out[j][i] = ref.mean[j];
        continue;
      }
      let sum = 0;
      for (let q = 0; q < found; q++) sum += ref.data[bestIdx[q] * d + j];
      out[j][i] = (sum / found) * ref.std[j] + ref.mean[j];
    }
  }
  return out;
}
