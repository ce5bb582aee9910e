/** Lengths (UTF-16 code units) and word counts of a text column's non-missing values. */
export interface TextSummary {
  length: { min: number; max: number; mean: number; median: number };
  meanWords: number;
  /** Values that are empty or only spaces. */
  blank: number;
}

const WORD = /\S+/g;

/** Works on the distinct values weighted by their counts, so a repeated string is measured once. */
export function summarizeText(levels: readonly string[], counts: ArrayLike<number>): TextSummary | null {
  let total = 0;
  let sumLen = 0;
  let sumWords = 0;
  let blank = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  const lengths = new Int32Array(levels.length);
  for (let i = 0; i < levels.length; i++) {
    const c = counts[i];
    if (c <= 0) continue;
    const s = levels[i];
    const len = s.length;
    lengths[i] = len;
    total += c;
    sumLen += len * c;
    const words = s.match(WORD)?.length ?? 0;
    sumWords += words * c;
    if (words === 0) blank += c;
    if (len < min) min = len;
    if (len > max) max = len;
  }
  if (total === 0) return null;
  // Median from a histogram of lengths: lengths are small whole numbers.
  const hist = new Float64Array(max + 1);
  for (let i = 0; i < levels.length; i++) if (counts[i] > 0) hist[lengths[i]] += counts[i];
  const median = (nth(hist, Math.floor((total - 1) / 2)) + nth(hist, Math.floor(total / 2))) / 2;
  return { length: { min, max, mean: sumLen / total, median }, meanWords: sumWords / total, blank };
}

/** The k-th smallest (0-based) value of the multiset described by `hist`. */
function nth(hist: Float64Array, k: number): number {
  let seen = 0;
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v];
    if (seen > k) return v;
  }
  return hist.length - 1;
}
