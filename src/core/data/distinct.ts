/** Distinct-value statistics of a float column. */
export interface DistinctStats {
  /** Distinct non-missing values. */
  unique: number;
  /** Smallest and largest non-missing value (NaN when there are none). */
  min: number;
  max: number;
}

/** Bit sets up to 2^27 bits (16 MiB); wider ranges fall back to sorting. */
const MAX_RANGE = 1 << 27;
const MAX_DECIMALS = 9;
const POW10 = new Float64Array(MAX_DECIMALS + 1).map((_, k) => 10 ** k);

/**
 * Counts distinct non-NaN values (-0 and 0 are one value).
 *
 * Values read from a file mostly have few decimals, so each is `k / 10^d` for a small integer k;
 * when `Math.round(v * 10^d) / 10^d === v` holds for every value, v -> k is one-to-one and a bit
 * set over [kmin, kmax] counts them in two linear passes. Otherwise a sorted copy is counted
 * (the native typed-array sort, still far faster than a Set of a million numbers).
 */
export function distinctStats(values: Float64Array): DistinctStats {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let d = 0;
  let scale = 1;
  let scalable = true;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!scalable) continue;
    while (Math.round(v * scale) / scale !== v) {
      if (d === MAX_DECIMALS || !Number.isFinite(v)) {
        scalable = false;
        break;
      }
      scale = POW10[++d];
    }
  }
  if (count === 0) return { unique: 0, min: Number.NaN, max: Number.NaN };
  const kmin = Math.round(min * scale);
  const range = Math.round(max * scale) - kmin + 1;
  if (scalable && range <= MAX_RANGE && Number.isSafeInteger(kmin) && Number.isSafeInteger(kmin + range)) {
    return {
      unique: countBits(values, scale, kmin, range),
      min: min === 0 ? 0 : min,
      max: max === 0 ? 0 : max,
    };
  }
  return { unique: countSorted(values, count), min: min === 0 ? 0 : min, max: max === 0 ? 0 : max };
}

/**
 * Distinct values via a bit set over [kmin, kmin + range). No branch on whether a bit was already
 * set: for a column with many distinct values that branch is a coin flip the CPU keeps losing.
 */
function countBits(values: Float64Array, scale: number, kmin: number, range: number): number {
  const bits = new Int32Array((range + 31) >>> 5);
  let unique = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    const k = Math.round(v * scale) - kmin;
    const word = k >>> 5;
    const w = bits[word];
    unique += ((w >>> (k & 31)) & 1) ^ 1;
    bits[word] = w | (1 << (k & 31));
  }
  return unique;
}

/**
 * `distinctStats` for a column whose every non-missing value was read as mant / 10^d (mant below
 * 10^15, d <= `decimals`, one correctly rounded division: the tokenizer's plain numbers) or as an
 * exact integer, and whose min and max are known. Then k = round(v * 10^decimals) is exactly the
 * integer mant * 10^(decimals - d): while |k| < 2^50 the two roundings move v * 10^decimals by
 * less than 1/4. Values with the same k are the same double, so the bit set counts them without
 * the per-value check of `distinctStats`. Null when the bit set would be too wide; the caller then
 * counts the usual way.
 */
export function distinctOfDecimals(
  values: Float64Array,
  decimals: number,
  min: number,
  max: number,
): DistinctStats | null {
  if (!(min <= max) || decimals > 15) return null;
  const scale = 10 ** decimals;
  if (Math.max(-min, max) * scale >= 2 ** 50) return null;
  const kmin = Math.round(min * scale);
  const range = Math.round(max * scale) - kmin + 1;
  if (range > MAX_RANGE) return null;
  return {
    unique: countBits(values, scale, kmin, range),
    min: min === 0 ? 0 : min,
    max: max === 0 ? 0 : max,
  };
}

function countSorted(values: Float64Array, count: number): number {
  const copy = new Float64Array(count);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) copy[n++] = v === 0 ? 0 : v;
  }
  copy.sort();
  let unique = 1;
  for (let i = 1; i < n; i++) if (copy[i] !== copy[i - 1]) unique++;
  return unique;
}
