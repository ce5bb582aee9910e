/**
 * Ascending numeric sort of a Float64Array in place, with the order of `Float64Array.prototype.sort`
 * (-Infinity first, -0 before +0, NaN not expected). From RADIX_MIN values it is an LSD radix sort
 * on the high 32 bits of the values' order-preserving keys (3 passes of 11 bits), then each run of
 * equal high words ordered by its low words: the engine's typed-array sort grows faster than
 * n log n here, and the ensemble's selection sorts each class's scores of ~1,000-5,000 rows ~1,300
 * times a ladder. Measured (CPU, Node 20, probabilities, load 17): 1,000 values 62 us built in, 29
 * by this; 6,000: 571, 154 (a full 6-pass radix on the 64-bit key: 364); 100,000: 12.8 ms, 2.7 ms.
 * Below it the engine's sort is as fast or faster.
 * (util/radixSort.ts, with 16-bit digits, suits the quantiles of big columns; its 65,536-bucket
 * passes cost more than the sort itself at a few thousand values.)
 */
export function sortNumbers(values: Float64Array): void {
  if (values.length < RADIX_MIN || !LITTLE_ENDIAN) values.sort();
  else radixSort(values);
}

/** The radix sort reads a double's words low first (util/radixSort.ts makes the same check). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Values from which `sortNumbers` goes by radix (measured crossover: ~450). */
export const RADIX_MIN = 512;

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
/** 3 passes of 11 bits cover the key's high word. */
const PASSES = 3;
/** Runs of equal high words up to this long are ordered by insertion, longer ones by the engine. */
const INSERTION_MAX = 16;

/** Counts per pass and digit, then each digit's first slot; reused (one thread, no reentry). */
const counts = new Uint32Array(PASSES * BUCKETS);
/**
 * Scratch kept between calls up to this many values (2 MB): the ensemble's thousands of sorts
 * reuse it; a bigger sort (a million-row out-of-fold score) gets its own, freed after, instead of
 * the module holding megabytes for the rest of the process (a run's main thread and each fold thread).
 */
export const KEPT_SCRATCH = 1 << 18;

/**
 * A scratch source for one module (one thread, no reentry): `(n)` gives an array of at least `n`
 * values, the one it keeps (grown by doubling, up to KEPT_SCRATCH values) or, above that, a new
 * one the caller drops.
 */
export function keptScratch<T extends { length: number }>(make: (n: number) => T): (n: number) => T {
  let kept = make(0);
  return (n) => {
    if (n > KEPT_SCRATCH) return make(n);
    if (kept.length < n) kept = make(Math.min(KEPT_SCRATCH, Math.max(n, 2 * kept.length)));
    return kept;
  };
}

const scratchOf = keptScratch((n) => new Float64Array(n));
const lowsOf = keptScratch((n) => new Uint32Array(n));

/**
 * Radix sort by key: a double's bits with the sign bit flipped when positive and every bit flipped
 * when negative order as unsigned 64-bit integers the way the doubles order numerically (and -0
 * just before +0). The keys are written over the values, sorted by their high words (stable; a
 * pass whose digit is the same for every value is skipped), each run of equal high words then
 * sorted by its low words, so the keys end in 64-bit order; and turned back. Such runs are values
 * within 2^-20 of each other, mostly equal ones.
 */
function radixSort(values: Float64Array): void {
  const n = values.length;
  let src: Uint32Array = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let dst: Uint32Array = new Uint32Array(scratchOf(n).buffer, 0, 2 * n);
  counts.fill(0);
  // Little-endian words: [2i] low, [2i + 1] high (`sortNumbers` checks the platform's order).
  for (let i = 0; i < n; i++) {
    let lo = src[2 * i];
    let hi = src[2 * i + 1];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    src[2 * i] = lo;
    src[2 * i + 1] = hi;
    counts[hi & MASK]++;
    counts[BUCKETS + ((hi >>> BITS) & MASK)]++;
    counts[2 * BUCKETS + (hi >>> (2 * BITS))]++;
  }
  for (let p = 0; p < PASSES; p++) {
    const base = p * BUCKETS;
    const shift = p * BITS;
    let at = 0;
    let trivial = false;
    for (let d = 0; d < BUCKETS; d++) {
      const c = counts[base + d];
      if (c === n) {
        trivial = true;
        break;
      }
      counts[base + d] = at;
      at += c;
    }
    if (trivial) continue;
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i];
      const hi = src[2 * i + 1];
      const to = counts[base + ((hi >>> shift) & MASK)]++;
      dst[2 * to] = lo;
      dst[2 * to + 1] = hi;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  for (let i = 0; i < n; ) {
    const hi = src[2 * i + 1];
    let j = i + 1;
    while (j < n && src[2 * j + 1] === hi) j++;
    if (j - i > 1) sortLows(src, i, j);
    i = j;
  }
  const out = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let i = 0; i < n; i++) {
    let lo = src[2 * i];
    let hi = src[2 * i + 1];
    if (hi & 0x80000000) hi = (hi & 0x7fffffff) >>> 0;
    else {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    }
    out[2 * i] = lo;
    out[2 * i + 1] = hi;
  }
}

/** Orders keys i..j-1 (interleaved low, high words; the high words all equal) by their low words. */
function sortLows(keys: Uint32Array, i: number, j: number): void {
  const len = j - i;
  if (len <= INSERTION_MAX) {
    for (let a = i + 1; a < j; a++) {
      const lo = keys[2 * a];
      let b = a - 1;
      while (b >= i && keys[2 * b] > lo) {
        keys[2 * b + 2] = keys[2 * b];
        b--;
      }
      keys[2 * b + 2] = lo;
    }
    return;
  }
  const run = lowsOf(len).subarray(0, len);
  for (let a = 0; a < len; a++) run[a] = keys[2 * (i + a)];
  run.sort();
  for (let a = 0; a < len; a++) keys[2 * (i + a)] = run[a];
}
