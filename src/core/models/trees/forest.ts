import { makeThrottledProgress } from "../../progress.ts";
import { makeRng } from "../../random.ts";
import type { FitOptions, Matrix, Target } from "../estimator.ts";
import { argmax } from "../fitChecks.ts";
import { binValues } from "./binValues.ts";
import { cartRules, cartStats, positiveRows, prepareCart } from "./cartData.ts";
import { CartGrower } from "./cartGrower.ts";
import { type GrowParams, TreeGrower } from "./grower.ts";
import { leafOf, type Tree } from "./tree.ts";
import {
  choiceParam,
  intParam,
  limitParam,
  normalise,
  resolveMaxFeatures,
  resolveTrees,
} from "./treeParams.ts";
import type { ForestParams } from "./treeParamTypes.ts";

/**
 * Bagged CART ensembles: Breiman's random forest (2001; bootstrap rows, best split over a random
 * feature subset) and Geurts et al.'s extra trees (2006; all rows, one random threshold per drawn
 * feature). The features are binned once and every tree reads the same codes; each tree draws
 * from its own generator, forked in tree order before any tree is grown, so a tree's randomness
 * does not depend on which trees ran before it.
 */

/** What a fitted forest keeps (trees as typed arrays; the model turns them into JSON). */
export interface FittedForest {
  classification: boolean;
  k: number;
  trees: Tree[];
  featureImportances: Float64Array;
  /** Out-of-bag accuracy (classification) or R² (regression); null without bootstrap or OOB rows. */
  oobScore: number | null;
}

/** Grows the forest tree by tree, checking the signal before each tree. */
export function fitForest(
  X: Matrix,
  y: Target,
  params: ForestParams,
  splitter: "best" | "random",
  type: string,
  opts: FitOptions = {},
): FittedForest {
  const criterion = choiceParam("criterion", params.criterion, ["gini", "entropy"] as const);
  const minSamplesLeaf = intParam("min_samples_leaf", params.min_samples_leaf, 1);
  const maxDepth = limitParam("max_depth", params.max_depth, 1);
  const maxLeafNodes = limitParam("max_leaf_nodes", params.max_leaf_nodes, 2);
  const minSamplesSplit = intParam("min_samples_split", params.min_samples_split, 2);
  const maxBins = intParam("max_bins", params.max_bins, 2);
  const classification = y.classes !== undefined;
  const mf = params.max_features === "auto" ? (classification ? "sqrt" : null) : params.max_features;
  const maxFeatures = resolveMaxFeatures(mf, X.cols);
  const nTrees = resolveTrees(params.n_estimators, X.rows, maxFeatures);
  opts.signal?.throwIfAborted();

  const data = prepareCart(X, y, opts, maxBins, type);
  const growParams: GrowParams = {
    maxDepth,
    maxLeafNodes,
    minSamplesSplit,
    maxFeatures,
    splitter,
    minGain: Number.NEGATIVE_INFINITY,
    impurity: classification ? criterion : "mse",
  };
  const rules = cartRules(criterion, classification, minSamplesLeaf);
  const thresholds = data.mapper.thresholds;
  // Both growers make the same trees; CartGrower only covers drawn features or thresholds without a leaf cap.
  const grower = CartGrower.canGrow(growParams, X.cols)
    ? new CartGrower(data.binned, thresholds, data.k, rules)
    : new TreeGrower(data.binned, thresholds, data.k, rules);
  const master = makeRng(opts.seed ?? 0);
  const rngs = Array.from({ length: nTrees }, () => master.fork());
  // Extra trees draw each split's threshold in its gap (gapThreshold.ts) from a second stream per
  // tree, forked after the first ones, so that the cuts, and so the trees' partitions, are the
  // same as without it.
  const gapped = splitter === "random" && grower instanceof CartGrower;
  const gapSeeds = gapped ? Array.from({ length: nTrees }, () => Math.floor(master.next() * 4294967296)) : [];
  const values = gapped ? binValues(X, data.binned, thresholds) : null;
  const n = X.rows;
  const oob = params.bootstrap && params.oob_score ? new OobTally(n, data.k) : null;
  const trees: Tree[] = [];
  const importances = new Float64Array(X.cols);
  const report = makeThrottledProgress(opts.onProgress);
  const weight = new Float64Array(n);
  for (let t = 0; t < nTrees; t++) {
    opts.signal?.throwIfAborted();
    const rng = rngs[t];
    if (params.bootstrap) {
      // Bootstrap as multiplicities folded into the weights (scikit-learn's way): the tree sees
      // each drawn row once, weighted by how often it was drawn.
      weight.fill(0);
      for (let i = 0; i < n; i++) weight[rng.int(n)] += 1;
      for (let i = 0; i < n; i++) weight[i] *= data.weight[i];
    } else {
      weight.set(data.weight);
    }
    const rows = positiveRows(weight);
    const stats = cartStats(data, weight);
    const p = { ...growParams, rng };
    const grown = values
      ? (grower as CartGrower).grow(rows, rows.length, stats, p, { values, seed: gapSeeds[t] })
      : grower.grow(rows, rows.length, stats, p);
    trees.push(grown.tree);
    const share = normalise(grown.gains);
    for (let f = 0; f < X.cols; f++) importances[f] += share[f];
    oob?.add(grown.tree, X, weight);
    report({ phase: "fit", done: t + 1, total: nTrees });
  }
  return {
    classification,
    k: data.k,
    trees,
    featureImportances: normalise(importances),
    oobScore: oob ? oob.score(y.values, classification) : null,
  };
}

/** Sums of out-of-bag predictions per row (rows a tree's bootstrap left out). */
class OobTally {
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;

  constructor(
    private readonly n: number,
    private readonly k: number,
  ) {
    this.sums = new Float64Array(n * k);
    this.counts = new Int32Array(n);
  }

  add(tree: Tree, X: Matrix, weight: Float64Array) {
    const k = this.k;
    for (let r = 0; r < this.n; r++) {
      if (weight[r] > 0) continue;
      const leaf = leafOf(tree, X.data, r * X.cols) * k;
      for (let c = 0; c < k; c++) this.sums[r * k + c] += tree.value[leaf + c];
      this.counts[r]++;
    }
  }

  /** Accuracy or R² over the rows that were out of bag at least once. */
  score(y: Float64Array, classification: boolean): number | null {
    let m = 0;
    let hits = 0;
    let mean = 0;
    for (let r = 0; r < this.n; r++) {
      if (this.counts[r] === 0) continue;
      m++;
      if (classification) hits += argmax(this.sums, r * this.k, this.k) === y[r] ? 1 : 0;
      else mean += y[r];
    }
    if (m === 0) return null;
    if (classification) return hits / m;
    mean /= m;
    let ssRes = 0;
    let ssTot = 0;
    for (let r = 0; r < this.n; r++) {
      if (this.counts[r] === 0) continue;
      const err = y[r] - this.sums[r] / this.counts[r];
      ssRes += err * err;
      ssTot += (y[r] - mean) ** 2;
    }
    return ssTot > 0 ? 1 - ssRes / ssTot : null;
  }
}
