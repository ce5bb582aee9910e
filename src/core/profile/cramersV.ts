import type { Codes } from "./gather.ts";

/**
 * Cross-tabulation of two code arrays over rows where both are present: `table[i * b.levels + j]`
 * counts rows with code i in `a` and j in `b`.
 */
export function contingency(a: Codes, b: Codes): Float64Array {
  const table = new Float64Array(a.levels * b.levels);
  const ca = a.codes;
  const cb = b.codes;
  for (let i = 0; i < ca.length; i++) {
    const x = ca[i];
    const y = cb[i];
    if (x >= 0 && y >= 0) table[x * b.levels + y]++;
  }
  return table;
}

/**
 * Cramér's V of an r x c table (row-major, `cols` columns). Empty rows and columns are dropped.
 * With `biasCorrected` (the default here) it is Bergsma's correction (Bergsma 2013, "A bias-correction
 * for Cramér's V and Tschuprow's T"): phi² is reduced by its expectation under independence and the
 * table size is shrunk to match, which keeps small tables of unrelated columns near 0. The plain
 * form is sqrt(chi² / (n · (min(r, c) - 1))), chi² without Yates' continuity correction.
 * null when the table has fewer than two non-empty rows or columns.
 */
export function cramersVOfTable(table: ArrayLike<number>, cols: number, biasCorrected = true): number | null {
  const rows = Math.floor(table.length / cols);
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = table[i * cols + j];
      rowSum[i] += v;
      colSum[j] += v;
      n += v;
    }
  }
  const r = rowSum.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
  const k = colSum.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
  if (r < 2 || k < 2 || n < 2) return null;
  let chi2 = 0;
  for (let i = 0; i < rows; i++) {
    if (rowSum[i] === 0) continue;
    for (let j = 0; j < cols; j++) {
      if (colSum[j] === 0) continue;
      const e = (rowSum[i] * colSum[j]) / n;
      const d = table[i * cols + j] - e;
      chi2 += (d * d) / e;
    }
  }
  const phi2 = chi2 / n;
  if (!biasCorrected) return Math.min(1, Math.sqrt(phi2 / (Math.min(r, k) - 1)));
  const phi2c = Math.max(0, phi2 - ((k - 1) * (r - 1)) / (n - 1));
  const rc = r - (r - 1) ** 2 / (n - 1);
  const kc = k - (k - 1) ** 2 / (n - 1);
  const denom = Math.min(kc - 1, rc - 1);
  if (!(denom > 0)) return null;
  return Math.min(1, Math.sqrt(phi2c / denom));
}

/** Cramér's V between two categorical columns (pairwise complete rows). */
export function cramersV(a: Codes, b: Codes, biasCorrected = true): number | null {
  return cramersVOfTable(contingency(a, b), b.levels, biasCorrected);
}

/**
 * Correlation ratio eta = sqrt(between-group sum of squares / total sum of squares) of a numeric
 * column grouped by a categorical one (Pearson 1903): 0 when the group means are equal, 1 when
 * the category fixes the number. Rows missing either value are skipped; null without spread.
 */
export function correlationRatio(groups: Codes, values: Float64Array): number | null {
  const codes = groups.codes;
  const sums = new Float64Array(groups.levels);
  const counts = new Float64Array(groups.levels);
  let n = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const g = codes[i];
    const x = values[i];
    if (g < 0 || Number.isNaN(x)) continue;
    sums[g] += x;
    counts[g]++;
    total += x;
    n++;
  }
  if (n < 2) return null;
  const mean = total / n;
  let sst = 0;
  for (let i = 0; i < values.length; i++) {
    const g = codes[i];
    const x = values[i];
    if (g < 0 || Number.isNaN(x)) continue;
    sst += (x - mean) ** 2;
  }
  if (sst === 0) return null;
  let ssb = 0;
  for (let g = 0; g < groups.levels; g++)
    if (counts[g] > 0) ssb += counts[g] * (sums[g] / counts[g] - mean) ** 2;
  return Math.min(1, Math.sqrt(ssb / sst));
}
