import type { FitOptions, Matrix, Target } from "../estimator.ts";
import { classCount, readWeights } from "../fitChecks.ts";
import { applyBins, type BinMapper, type BinnedMatrix, fitBins } from "./binning.ts";
import type { RowStats } from "./histogram.ts";
import type { SplitRules } from "./splitFinder.ts";
import type { Tree } from "./tree.ts";
import { leafOf } from "./tree.ts";

/**
 * Training data shared by the CART families (decision tree, random forest, extra trees): the
 * features binned once, the target as class indices or values, and the sample weights.
 */
export interface CartData {
  classification: boolean;
  /** Classes (classification) or 1: the values per tree node. */
  k: number;
  classes?: Int32Array;
  y: Float64Array;
  weight: Float64Array;
  mapper: BinMapper;
  binned: BinnedMatrix;
}

/** Checks the target and weights and bins the features once (edges from a seeded subsample). */
export function prepareCart(
  X: Matrix,
  y: Target,
  opts: FitOptions | undefined,
  maxBins: number,
  type: string,
) {
  const classification = y.classes !== undefined;
  const k = classification ? classCount(y, type) : 1;
  const weight = readWeights(opts, X.rows);
  const mapper = fitBins(X, maxBins, { seed: opts?.seed });
  const binned = applyBins(X, mapper);
  const classes = classification ? Int32Array.from(y.values) : undefined;
  return { classification, k, classes, y: y.values, weight, mapper, binned } satisfies CartData;
}

/** Row statistics for one tree: class indices with weights, or -w*y gradients (leaf value = weighted mean). */
export function cartStats(data: CartData, weight: Float64Array): RowStats {
  if (data.classification) return { classes: data.classes, hess: weight };
  const grad = negatedProducts(weight, data.y);
  const constantHess = allSame(weight) ? weight[0] : undefined;
  return { grad, hess: weight, y: data.y, constantHess };
}

// One loop per function: a loop compiled while it runs (on-stack replacement) in a function's
// first call bails out at the next loop, which has no type feedback yet, on every later call.

/** -a[i] * b[i] for every i. */
function negatedProducts(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = -a[i] * b[i];
  return out;
}

/** Whether every value equals the first (true for none; false with a NaN). */
function allSame(a: Float64Array): boolean {
  let same = true;
  for (let i = 0; i < a.length && same; i++) same = a[i] === a[0];
  return same;
}

/** Split rules of a CART tree: no L2 penalty, weight only has to be positive. */
export function cartRules(
  criterion: "gini" | "entropy",
  classification: boolean,
  minSamplesLeaf: number,
): SplitRules {
  return {
    score: classification && criterion === "entropy" ? "entropy" : "squared",
    lambda: 0,
    minSamplesLeaf,
    minChildWeight: Number.MIN_VALUE,
  };
}

/** The rows with positive weight, the ones a tree is grown on. */
export function positiveRows(weight: Float64Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < weight.length; i++) if (weight[i] > 0) n++;
  const rows = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < weight.length; i++) if (weight[i] > 0) rows[n++] = i;
  return rows;
}

/** Mean of the trees' leaf values per row: rows x valueDim (class probabilities or the regression value). */
export function averageLeaves(trees: readonly Tree[], X: Matrix): Float64Array {
  const dim = trees[0].valueDim;
  const out = new Float64Array(X.rows * dim);
  for (const tree of trees) {
    const value = tree.value;
    for (let r = 0; r < X.rows; r++) {
      const leaf = leafOf(tree, X.data, r * X.cols) * dim;
      for (let k = 0; k < dim; k++) out[r * dim + k] += value[leaf + k];
    }
  }
  if (trees.length > 1) for (let i = 0; i < out.length; i++) out[i] /= trees.length;
  return out;
}
