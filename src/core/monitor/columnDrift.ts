/**
 * Drift of one column (or of the predictions): the reference sketch against the batch's values,
 * with Evidently's default test (`get_default_stattest`) unless the user chose one:
 * reference of at most 1,000 values: KS for numbers with more than 5 distinct values (reference
 * and batch together), chi-squared for more than 2 values, else the z-test, drift when p < 0.05;
 * a larger reference: normed Wasserstein for numbers with more than 5 values, else Jensen-Shannon,
 * drift when the distance >= 0.1. PSI (30 bins for numbers, as Evidently's) is computed for every
 * column and reported beside the chosen test.
 */
import { ValidationError } from "../errors.ts";
import { DEFAULT_THRESHOLD, type DriftTestId, P_VALUE_TESTS } from "./driftTestInfo.ts";
import {
  chi2Test,
  filledShares,
  jensenShannon,
  normedWasserstein,
  numericBins,
  psi,
  type TestResult,
  zTest,
} from "./driftTests.ts";
import { ksTest } from "./ksTest.ts";
import { type CategoricalSketch, type ColumnSketch, EXACT_MAX, type NumericSketch } from "./sketch.ts";

export { DEFAULT_THRESHOLD, DRIFT_TESTS, type DriftTestId, P_VALUE_TESTS } from "./driftTestInfo.ts";

/** The user's choice for one column: a test, a threshold, or both. */
export interface DriftOverride {
  test?: DriftTestId;
  threshold?: number;
}

/** The batch's values of a column: sorted present numbers, or counts per level. */
export type BatchValues =
  | { type: "numeric"; sorted: Float64Array; missing: number }
  | { type: "categorical"; counts: Map<string, number>; missing: number };

/** One column's drift result. */
export interface ColumnDrift {
  test: DriftTestId;
  statistic: number;
  /** Null for distances. */
  p_value: number | null;
  threshold: number;
  drift: boolean;
  /** PSI of the column, whatever the test. */
  psi: number;
}

/** PSI bins of numbers (Evidently's default n_bins). */
const PSI_BINS = 30;

/** Aligned counts of values over the union of reference and batch values (reference order first). */
function alignedCounts(ref: ColumnSketch, batch: BatchValues): { ref: Float64Array; cur: Float64Array } {
  const keys = new Map<string, number>();
  const refList: number[] = [];
  const curList: number[] = [];
  const add = (key: string, r: number, c: number) => {
    let k = keys.get(key);
    if (k === undefined) {
      k = refList.length;
      keys.set(key, k);
      refList.push(0);
      curList.push(0);
    }
    refList[k] += r;
    curList[k] += c;
  };
  if (ref.type === "categorical") {
    for (const [i, l] of ref.levels.entries()) add(`s${l}`, ref.counts[i], 0);
    if (ref.other > 0) add("other", ref.other, 0);
    if (batch.type !== "categorical") throw new ValidationError("a categorical reference needs categories");
    // Levels beyond the sketch's exact ones count as its "other" when it has one.
    for (const [l, c] of batch.counts) add(keys.has(`s${l}`) || ref.other === 0 ? `s${l}` : "other", 0, c);
    return { ref: Float64Array.from(refList), cur: Float64Array.from(curList) };
  }
  if (batch.type !== "numeric") throw new ValidationError("a numeric reference needs numbers");
  const pairs = ref.value_counts
    ? ref.value_counts.values.map((v, i) => [v, ref.value_counts!.counts[i]] as const)
    : ref.values
      ? ref.values.map((v) => [v, 1] as const)
      : null;
  if (!pairs) {
    // Too many distinct numbers to count: the PSI bins stand in for values.
    const bins = numericBins(ref, batch.sorted, PSI_BINS);
    return { ref: bins.ref, cur: bins.cur };
  }
  for (const [v, c] of pairs) add(String(v), c, 0);
  const s = batch.sorted;
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && s[j] === s[i]) j++;
    add(String(s[i]), 0, j - i);
    i = j;
  }
  return { ref: Float64Array.from(refList), cur: Float64Array.from(curList) };
}

/** Distinct values of reference and batch together, counted up to 6 (all the choice needs). */
function unionDistinct(ref: ColumnSketch, batch: BatchValues): number {
  if (ref.type === "numeric" && ref.distinct > 5) return ref.distinct;
  if (ref.type === "categorical" && ref.levels.length + ref.other_levels > 5) return 6;
  const { ref: r, cur: c } = alignedCounts(ref, batch);
  let n = 0;
  for (let i = 0; i < r.length; i++) if (r[i] > 0 || c[i] > 0) n++;
  return n;
}

/** Evidently's default test for a reference sketch and a batch. */
export function defaultTest(ref: ColumnSketch, batch: BatchValues): DriftTestId {
  const values = unionDistinct(ref, batch);
  const numeric = ref.type === "numeric";
  if (ref.count <= EXACT_MAX) {
    if (numeric && values > 5) return "ks";
    return values > 2 ? "chi2" : "z";
  }
  return numeric && values > 5 ? "wasserstein" : "jensen_shannon";
}

/** The sorted sample a KS test reads from a reference sketch (its order statistics when large). */
function ksSample(ref: NumericSketch): Float64Array {
  if (ref.values) return Float64Array.from(ref.values);
  if (ref.value_counts) {
    const out = new Float64Array(ref.count);
    let k = 0;
    ref.value_counts.values.forEach((v, i) => {
      out.fill(v, k, k + ref.value_counts!.counts[i]);
      k += ref.value_counts!.counts[i];
    });
    return out;
  }
  return Float64Array.from(ref.quantiles!);
}

/** PSI of a column: 30 equal-width bins for numbers, the values for categories. */
function columnPsi(ref: ColumnSketch, batch: BatchValues): number {
  const counts =
    ref.type === "numeric" && batch.type === "numeric"
      ? numericBins(ref, batch.sorted, PSI_BINS)
      : alignedCounts(ref, batch);
  const nCur =
    batch.type === "numeric" ? batch.sorted.length : [...batch.counts.values()].reduce((a, b) => a + b, 0);
  return psi(filledShares(counts.ref, ref.count), filledShares(counts.cur, nCur));
}

/** Runs one test. */
function runTest(test: DriftTestId, ref: ColumnSketch, batch: BatchValues): TestResult {
  const nCur =
    batch.type === "numeric" ? batch.sorted.length : [...batch.counts.values()].reduce((a, b) => a + b, 0);
  if (test === "psi") return { statistic: columnPsi(ref, batch), pValue: null };
  if (test === "ks" || test === "wasserstein") {
    if (ref.type !== "numeric" || batch.type !== "numeric")
      throw new ValidationError(`the ${test} test needs a numeric column`);
    if (test === "wasserstein") return { statistic: normedWasserstein(ref, batch.sorted), pValue: null };
    const r = ksTest(ksSample(ref), batch.sorted);
    return { statistic: r.statistic, pValue: r.pValue };
  }
  if (test === "jensen_shannon") {
    const { ref: r, cur: c } =
      ref.type === "numeric" && batch.type === "numeric" && !ref.value_counts && !ref.values
        ? numericBins(ref, batch.sorted, PSI_BINS)
        : alignedCounts(ref, batch);
    return { statistic: jensenShannon(filledShares(r, ref.count), filledShares(c, nCur)), pValue: null };
  }
  const { ref: r, cur: c } = alignedCounts(ref, batch);
  if (test === "z") {
    if (r.length > 2) throw new ValidationError("the z-test needs a column with at most two values");
    return zTest(r, c);
  }
  return chi2Test(r, c);
}

/**
 * Tests one column for drift. Without values on either side there is nothing to compare: no
 * drift, statistic 0. A test that cannot read the column (KS on categories, z on three values) is
 * a ValidationError naming the test.
 */
export function columnDrift(
  ref: ColumnSketch,
  batch: BatchValues,
  override: DriftOverride = {},
): ColumnDrift {
  const test = override.test ?? defaultTest(ref, batch);
  const threshold = override.threshold ?? DEFAULT_THRESHOLD[test];
  const nCur =
    batch.type === "numeric" ? batch.sorted.length : [...batch.counts.values()].reduce((a, b) => a + b, 0);
  const usesP = P_VALUE_TESTS.includes(test);
  if (ref.count === 0 || nCur === 0)
    return { test, statistic: 0, p_value: usesP ? 1 : null, threshold, drift: false, psi: 0 };
  const result = runTest(test, ref, batch);
  const drift = usesP ? (result.pValue as number) < threshold : result.statistic >= threshold;
  return {
    test,
    statistic: result.statistic,
    p_value: usesP ? result.pValue : null,
    threshold,
    drift,
    psi: columnPsi(ref, batch),
  };
}

/** A categorical sketch's batch counterpart from codes and levels. */
export function batchCategories(codes: Int32Array, levels: readonly string[]): BatchValues {
  const counts = new Float64Array(levels.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) missing++;
    else counts[codes[i]]++;
  }
  const map = new Map<string, number>();
  levels.forEach((l, i) => {
    if (counts[i] > 0) map.set(l, (map.get(l) ?? 0) + counts[i]);
  });
  return { type: "categorical", counts: map, missing };
}

export type { CategoricalSketch };
