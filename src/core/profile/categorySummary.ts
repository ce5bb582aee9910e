/** One value of a categorical column with how often it occurs. */
export interface ValueCount {
  value: string;
  count: number;
  /** Share of the non-missing values. */
  share: number;
}

/** Most frequent values of a categorical, boolean, text or id column. */
export interface CategorySummary {
  /** Up to TOP_VALUES values, most frequent first (ties: first level first). */
  top: ValueCount[];
  /** Non-missing values outside `top`, and how many distinct values they span. */
  otherCount: number;
  otherShare: number;
  otherLevels: number;
  mode: string | null;
  modeCount: number;
}

export const TOP_VALUES = 10;

/** Occurrences of each code; -1 (missing) is skipped. */
export function countCodes(codes: Int32Array, levelCount: number): Int32Array {
  const counts = new Int32Array(levelCount);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0) counts[c]++;
  }
  return counts;
}

/** Indices of the `k` largest counts, largest first, ties by lower index; zero counts never. */
export function topIndices(counts: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c <= 0) continue;
    if (top.length === k) {
      if (c <= counts[top[k - 1]]) continue;
      top.pop();
    }
    let j = top.length;
    while (j > 0 && counts[top[j - 1]] < c) j--;
    top.splice(j, 0, i);
  }
  return top;
}

export function summarizeCounts(
  levels: readonly string[],
  counts: ArrayLike<number>,
  topN = TOP_VALUES,
): CategorySummary {
  let total = 0;
  let nonEmpty = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i];
    if (counts[i] > 0) nonEmpty++;
  }
  const idx = topIndices(counts, topN);
  const top = idx.map((i) => ({
    value: levels[i],
    count: counts[i],
    share: total > 0 ? counts[i] / total : 0,
  }));
  const shown = top.reduce((s, t) => s + t.count, 0);
  return {
    top,
    otherCount: total - shown,
    otherShare: total > 0 ? (total - shown) / total : 0,
    otherLevels: nonEmpty - top.length,
    mode: top.length > 0 ? top[0].value : null,
    modeCount: top.length > 0 ? top[0].count : 0,
  };
}
