import { argsortFloat64 } from "../util/radixSort.ts";

/**
 * How well one feature alone can predict a class: the accuracy of the best rule of a given shape,
 * counted in rows. Used to spot features that give the target away.
 */

/** Best accuracy (in rows) of a level -> class lookup: each level predicts its commonest class. */
export function mappingHits(
  feature: Int32Array,
  levels: number,
  target: Int32Array,
  classes: number,
): number {
  const table = new Int32Array((levels + 1) * classes);
  for (let i = 0; i < feature.length; i++) {
    const y = target[i];
    if (y < 0) continue;
    const f = feature[i] < 0 ? levels : feature[i]; // missing is a level of its own
    table[f * classes + y]++;
  }
  let hits = 0;
  for (let f = 0; f <= levels; f++) {
    let best = 0;
    for (let y = 0; y < classes; y++) best = Math.max(best, table[f * classes + y]);
    hits += best;
  }
  return hits;
}

const MAX_GROUPS = 256;

/**
 * Best accuracy (in rows) of cutting a numeric feature into at most `segments` intervals, each
 * predicting its commonest class: for 2 classes, the best single threshold. Rows missing the feature
 * form one more group that predicts its own commonest class. Distinct values are pooled into at most
 * 256 groups of about equal size first; the optimum over those groups is exact (dynamic programming
 * over group boundaries, O(segments · groups²)).
 */
export function segmentHits(
  values: Float64Array,
  target: Int32Array,
  classes: number,
  segments: number,
): number {
  const missingCounts = new Int32Array(classes);
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (target[i] < 0) continue;
    if (Number.isNaN(values[i])) missingCounts[target[i]]++;
    else rows.push(i);
  }
  let hits = Math.max(0, ...missingCounts);
  const n = rows.length;
  if (n === 0) return hits;
  const present = new Float64Array(n);
  for (let k = 0; k < n; k++) present[k] = values[rows[k]];
  const sortedAt = argsortFloat64(present);
  const order = Array.from(sortedAt, (k) => rows[k]);
  // Group boundaries fall only between distinct values, about every n / MAX_GROUPS rows.
  const groups: Int32Array[] = [];
  const target2 = Math.max(1, Math.ceil(n / MAX_GROUPS));
  let current = new Int32Array(classes);
  let size = 0;
  for (let k = 0; k < n; k++) {
    current[target[order[k]]]++;
    size++;
    const last = k === n - 1;
    if (last || (size >= target2 && values[order[k + 1]] !== values[order[k]])) {
      groups.push(current);
      current = new Int32Array(classes);
      size = 0;
    }
  }
  const g = groups.length;
  // prefix[j * classes + c]: rows of class c in groups [0, j).
  const prefix = new Int32Array((g + 1) * classes);
  for (let j = 0; j < g; j++) {
    for (let c = 0; c < classes; c++) prefix[(j + 1) * classes + c] = prefix[j * classes + c] + groups[j][c];
  }
  // seg[i * (g + 1) + j]: rows of the commonest class in groups [i, j).
  const seg = new Float64Array((g + 1) * (g + 1));
  for (let i = 0; i < g; i++) {
    for (let j = i + 1; j <= g; j++) {
      let best = 0;
      for (let c = 0; c < classes; c++)
        best = Math.max(best, prefix[j * classes + c] - prefix[i * classes + c]);
      seg[i * (g + 1) + j] = best;
    }
  }
  const s = Math.max(1, Math.min(segments, g));
  let prev = new Float64Array(g + 1).fill(Number.NEGATIVE_INFINITY);
  prev[0] = 0;
  let best = 0;
  for (let k = 1; k <= s; k++) {
    const next = new Float64Array(g + 1).fill(Number.NEGATIVE_INFINITY);
    for (let j = 1; j <= g; j++) {
      let m = Number.NEGATIVE_INFINITY;
      for (let i = k - 1; i < j; i++) {
        if (prev[i] === Number.NEGATIVE_INFINITY) continue;
        const v = prev[i] + seg[i * (g + 1) + j];
        if (v > m) m = v;
      }
      next[j] = m;
    }
    best = Math.max(best, next[g]);
    prev = next;
  }
  hits += best;
  return hits;
}
