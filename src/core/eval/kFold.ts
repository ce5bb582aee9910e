import { ValidationError } from "../errors.ts";
import { makeRng, type Rng } from "../random.ts";
import { numpyPermutation } from "./numpyShuffle.ts";

/**
 * Row splits as index arrays. Every splitter is deterministic: the same inputs and seed give the
 * same folds, in Node and in the browser. Indices inside each array are sorted ascending.
 */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/** Options of `kFold` and `stratifiedKFold`. */
export interface ShuffleOptions {
  /** Shuffle rows before splitting (default true); false keeps file order. */
  shuffle?: boolean;
  seed?: number;
  /**
   * Shuffle as NumPy's legacy RandomState(seed) does, so `kFold` gives exactly scikit-learn's
   * `KFold(k, shuffle=True, random_state=seed)` folds (see numpyShuffle.ts). `kFold` only.
   */
  numpy?: boolean;
}

function checkFoldCount(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new ValidationError(`invalid folds: ${k}`);
  if (k > n) throw new ValidationError(`invalid folds: ${k} for ${n} rows`);
}

/** In-place Fisher-Yates shuffle. */
function shuffleInPlace(a: number[] | Int32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/**
 * Builds folds from a fold number per row (each in 0..k-1). Typed arrays sized by a counting
 * pass: lists of a million numbers pushed one by one grew the heap by ~60 MB while planning.
 */
function foldsFromAssignment(assign: Int32Array, k: number): Fold[] {
  const n = assign.length;
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[assign[i]]++;
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const test = new Int32Array(sizes[f]);
    const train = new Int32Array(n - sizes[f]);
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      if (assign[i] === f) test[a++] = i;
      else train[b++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}

/**
 * K-fold split of `n` rows: every row is tested exactly once; fold sizes differ by at most one
 * (the first `n % k` folds take the extra row, as scikit-learn's `KFold`).
 */
export function kFold(n: number, k: number, opts: ShuffleOptions = {}): Fold[] {
  checkFoldCount(n, k);
  let order: number[] | Int32Array;
  if (opts.numpy) order = numpyPermutation(n, opts.seed ?? 0);
  else {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (opts.shuffle ?? true) shuffleInPlace(order, makeRng(opts.seed ?? 0));
  }
  const assign = new Int32Array(n);
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = 0; j < size; j++) assign[order[pos++]] = f;
  }
  return foldsFromAssignment(assign, k);
}

/** Row indices grouped by class label (labels ascending), each group shuffled when asked. */
function rowsByClass(y: ArrayLike<number>, shuffle: boolean, rng: Rng): Int32Array[] {
  // Counted first, then filled: typed groups instead of a pushed list per class.
  const index = new Map<number, number>();
  const counts: number[] = [];
  const of = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let g = index.get(y[i]);
    if (g === undefined) {
      g = counts.length;
      index.set(y[i], g);
      counts.push(0);
    }
    counts[g]++;
    of[i] = g;
  }
  const groups = counts.map((c) => new Int32Array(c));
  const fill = new Int32Array(counts.length);
  for (let i = 0; i < y.length; i++) groups[of[i]][fill[of[i]]++] = i;
  const labels = [...index.keys()].sort((a, b) => a - b);
  return labels.map((label) => {
    const rows = groups[index.get(label)!];
    if (shuffle) shuffleInPlace(rows, rng);
    return rows;
  });
}

/**
 * Stratified k-fold: each class is dealt round-robin across the folds, so every fold holds each
 * class's share to within one row and fold sizes differ by at most one.
 */
export function stratifiedKFold(y: ArrayLike<number>, k: number, opts: ShuffleOptions = {}): Fold[] {
  checkFoldCount(y.length, k);
  const groups = rowsByClass(y, opts.shuffle ?? true, makeRng(opts.seed ?? 0));
  const assign = new Int32Array(y.length);
  // Dealing the concatenated groups in one sequence continues each class where the last one
  // stopped, which keeps the overall fold sizes balanced too.
  let pos = 0;
  for (const rows of groups) for (const i of rows) assign[i] = pos++ % k;
  return foldsFromAssignment(assign, k);
}

/** Options of `timeSeriesSplit`. */
export interface TimeSeriesSplitOptions {
  /** Rows per test fold; default `floor(n / (k + 1))`. */
  testSize?: number;
  /** Rows left out between the end of training and the test block (default 0). */
  gap?: number;
}

/**
 * Expanding-window split for ordered rows (scikit-learn's `TimeSeriesSplit`): the k test blocks
 * are the last k * testSize rows, consecutive; each fold trains on every row before its test
 * block (minus the gap). Rows are taken in their given order, never shuffled.
 */
export function timeSeriesSplit(n: number, k: number, opts: TimeSeriesSplitOptions = {}): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new ValidationError(`invalid folds: ${k}`);
  const testSize = opts.testSize ?? Math.floor(n / (k + 1));
  const gap = opts.gap ?? 0;
  const firstTest = n - k * testSize;
  if (testSize < 1 || firstTest - gap < 1) {
    throw new ValidationError(`invalid folds: ${k} time-series folds do not fit in ${n} rows`);
  }
  const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
  return Array.from({ length: k }, (_, f) => {
    const start = firstTest + f * testSize;
    return { train: range(0, start - gap), test: range(start, start + testSize) };
  });
}

/** Options of `holdout`. */
export interface HoldoutOptions {
  /** Share of rows in the test part, in (0, 1); default 0.2. */
  testFraction?: number;
  seed?: number;
  /** Class labels to stratify on: each class keeps its share in both parts. */
  stratify?: ArrayLike<number>;
}

/** One shuffled train / test split of `n` rows; both parts get at least one row. */
export function holdout(n: number, opts: HoldoutOptions = {}): Fold {
  const fraction = opts.testFraction ?? 0.2;
  if (!(fraction > 0 && fraction < 1)) throw new ValidationError(`invalid test fraction: ${fraction}`);
  if (n < 2) throw new ValidationError(`invalid holdout: ${n} rows`);
  if (opts.stratify && opts.stratify.length !== n) {
    throw new ValidationError(`invalid stratify labels: ${opts.stratify.length} values for ${n} rows`);
  }
  const rng = makeRng(opts.seed ?? 0);
  const isTest = new Uint8Array(n);
  const nTest = Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
  if (opts.stratify) {
    // Largest-remainder rounding of each class's quota, so the class shares stay put and the
    // total matches the unstratified size.
    const groups = rowsByClass(opts.stratify, true, rng);
    const exact = groups.map((g) => (g.length * nTest) / n);
    const quota = exact.map(Math.floor);
    let left = nTest - quota.reduce((a, b) => a + b, 0);
    const byRemainder = exact
      .map((_, c) => c)
      .sort((a, b) => exact[b] - quota[b] - (exact[a] - quota[a]) || a - b);
    for (const c of byRemainder) {
      if (left > 0 && quota[c] < groups[c].length) {
        quota[c]++;
        left--;
      }
    }
    groups.forEach((g, c) => {
      for (let j = 0; j < quota[c]; j++) isTest[g[j]] = 1;
    });
  } else {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    shuffleInPlace(order, rng);
    for (let j = 0; j < nTest; j++) isTest[order[j]] = 1;
  }
  let testCount = 0;
  for (let i = 0; i < n; i++) testCount += isTest[i];
  const test = new Int32Array(testCount);
  const train = new Int32Array(n - testCount);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (isTest[i]) test[a++] = i;
    else train[b++] = i;
  }
  return { train, test };
}
