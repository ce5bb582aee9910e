import type { TreeEnsembleView } from "../../models/capabilities.ts";
import type { Matrix } from "../../models/estimator.ts";
import type { Tree } from "../../models/trees/tree.ts";

/**
 * Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2), written after the structure of the shap package's
 * tree_shap.h: one walk of the tree per row keeps the path of unique features with their "zero"
 * (share of training cover that goes that way) and "one" (the row goes that way) fractions and the
 * permutation weights, so a tree costs O(leaves x depth^2) instead of 2^features.
 *
 * The expectation over a feature left out follows the children's covers. A child's share is its
 * cover over the sum of both children's covers (not over the parent's), so the shares of one split
 * always add up to 1 whatever rounding the stored covers carry; `treeExpectation` uses the same
 * shares, so base value + contributions = the tree's value exactly (up to float rounding).
 */

/** How a tree's nodes weigh the branches a missing feature may take. */
export type CoverKind = "weight" | "samples";

/** The covers of a tree's nodes: sample weight sums (CART families) or row counts (boosting). */
export function coverOf(tree: Tree, kind: CoverKind): Float64Array {
  return kind === "weight" ? tree.weight : tree.samples;
}

/** The share of node `node`'s cover that goes to `child` (the other child being `sibling`). */
function shareOf(cover: Float64Array, child: number, sibling: number): number {
  const total = cover[child] + cover[sibling];
  return total > 0 ? cover[child] / total : 0.5;
}

/** Depth of a tree (a lone leaf has depth 0). */
export function treeDepth(tree: Tree): number {
  const depth = new Int32Array(tree.nodeCount);
  let max = 0;
  // Children always come after their parent (readTree checks it), so one forward pass suffices.
  for (let i = 0; i < tree.nodeCount; i++) {
    if (tree.feature[i] < 0) continue;
    const d = depth[i] + 1;
    depth[tree.left[i]] = d;
    depth[tree.right[i]] = d;
    if (d > max) max = d;
  }
  return max;
}

/** The cover-weighted mean of the leaf values (per value dimension): the tree's base value. */
export function treeExpectation(tree: Tree, cover: Float64Array): Float64Array {
  const dim = tree.valueDim;
  const e = new Float64Array(tree.nodeCount * dim);
  // Children come after parents: a backward pass sees both children before their parent.
  for (let i = tree.nodeCount - 1; i >= 0; i--) {
    if (tree.feature[i] < 0) {
      for (let k = 0; k < dim; k++) e[i * dim + k] = tree.value[i * dim + k];
      continue;
    }
    const l = tree.left[i];
    const r = tree.right[i];
    const sl = shareOf(cover, l, r);
    const sr = shareOf(cover, r, l);
    for (let k = 0; k < dim; k++) e[i * dim + k] = sl * e[l * dim + k] + sr * e[r * dim + k];
  }
  return e.slice(0, dim);
}

/**
 * Working memory for one tree's walk: the paths of every depth laid end to end (the path at depth
 * d starts where the one at d - 1 ends), as shap's C++ code does, so a walk allocates nothing.
 */
export class ShapScratch {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;

  constructor(maxDepth: number) {
    const d = maxDepth + 2;
    const size = (d * (d + 1)) / 2 + d;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

/** Writes element `depth` of the path at `start` and updates the permutation weights (shap's extend_path). */
function extend(s: ShapScratch, start: number, depth: number, zero: number, one: number, f: number): void {
  const pw = s.weight;
  s.feature[start + depth] = f;
  s.zero[start + depth] = zero;
  s.one[start + depth] = one;
  pw[start + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    pw[start + i + 1] += (one * pw[start + i] * (i + 1)) / (depth + 1);
    pw[start + i] = (zero * pw[start + i] * (depth - i)) / (depth + 1);
  }
}

/** Removes element `index` from the path, undoing its extend (shap's unwind_path). */
function unwind(s: ShapScratch, start: number, depth: number, index: number): void {
  const pw = s.weight;
  const one = s.one[start + index];
  const zero = s.zero[start + index];
  let next = pw[start + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = pw[start + i];
      pw[start + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (pw[start + i] * zero * (depth - i)) / (depth + 1);
    } else {
      pw[start + i] = (pw[start + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    s.feature[start + i] = s.feature[start + i + 1];
    s.zero[start + i] = s.zero[start + i + 1];
    s.one[start + i] = s.one[start + i + 1];
  }
}

/** The sum of the weights the path would have with element `index` unwound (shap's unwound_path_sum). */
function unwoundSum(s: ShapScratch, start: number, depth: number, index: number): number {
  const pw = s.weight;
  const one = s.one[start + index];
  const zero = s.zero[start + index];
  let next = pw[start + depth];
  let total = 0;
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next / ((i + 1) * one);
      total += tmp;
      next = pw[start + i] - tmp * zero * (depth - i);
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += pw[start + i] / (zero * (depth - i));
  }
  return total * (depth + 1);
}

/** One row's walk of one tree: what the recursion reads besides the path. */
interface Walk {
  tree: Tree;
  cover: Float64Array;
  x: ArrayLike<number>;
  offset: number;
  phi: Float64Array;
  at: number;
  stride: number;
  scale: number;
  s: ShapScratch;
}

function recurse(
  w: Walk,
  node: number,
  parentStart: number,
  depth: number,
  zero: number,
  one: number,
  f: number,
) {
  const s = w.s;
  // This node's path is a copy of the parent's, placed right after it.
  const start = parentStart + depth;
  const { feature: pf, zero: pz, one: po, weight: pw } = s;
  // A loop beats copyWithin on paths this short.
  for (let i = 0; i < depth; i++) {
    pf[start + i] = pf[parentStart + i];
    pz[start + i] = pz[parentStart + i];
    po[start + i] = po[parentStart + i];
    pw[start + i] = pw[parentStart + i];
  }
  extend(s, start, depth, zero, one, f);
  const tree = w.tree;
  const split = tree.feature[node];
  if (split < 0) {
    const dim = tree.valueDim;
    for (let i = 1; i <= depth; i++) {
      const weight = unwoundSum(s, start, depth, i) * (s.one[start + i] - s.zero[start + i]) * w.scale;
      const base = w.at + s.feature[start + i];
      for (let k = 0; k < dim; k++) w.phi[base + k * w.stride] += weight * tree.value[node * dim + k];
    }
    return;
  }
  const v = w.x[w.offset + split];
  const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node];
  const hot = goLeft ? tree.left[node] : tree.right[node];
  const cold = goLeft ? tree.right[node] : tree.left[node];
  let inZero = 1;
  let inOne = 1;
  let d = depth;
  let k = 0;
  while (k <= d && s.feature[start + k] !== split) k++;
  if (k <= d) {
    // The feature was split on above: take its element out, and carry its fractions down.
    inZero = s.zero[start + k];
    inOne = s.one[start + k];
    unwind(s, start, d, k);
    d--;
  }
  recurse(w, hot, start, d + 1, shareOf(w.cover, hot, cold) * inZero, inOne, split);
  recurse(w, cold, start, d + 1, shareOf(w.cover, cold, hot) * inZero, 0, split);
}

/**
 * Adds one tree's SHAP values for the row `x[offset .. offset + cols)` to `phi`, times `scale`:
 * value dimension k of feature f goes to `phi[at + k * stride + f]`.
 */
export function treeShapRow(
  tree: Tree,
  cover: Float64Array,
  x: ArrayLike<number>,
  offset: number,
  phi: Float64Array,
  at: number,
  stride: number,
  scale: number,
  s: ShapScratch,
): void {
  // The root's path starts with a dummy element (feature -1) that takes no credit.
  recurse({ tree, cover, x, offset, phi, at, stride, scale, s }, 0, 0, 0, 1, 1, -1);
}

/** SHAP values of a tree ensemble for every row of X, in the ensemble's raw output space. */
export interface TreeShapValues {
  outputs: number;
  cols: number;
  /** Base value per output: what the ensemble gives with every feature left out. */
  base: Float64Array;
  /** rows x outputs x cols: `phi[(r * outputs + o) * cols + f]`. */
  phi: Float64Array;
}

/**
 * Exact TreeSHAP of every row of X over an ensemble (`treeEnsemble()` of a tree model): each
 * tree's values added (boosting, onto its output) or averaged (forests, onto every output), with
 * the covers `cover` names. Local accuracy: base + sum of phi = the ensemble's raw output per row.
 */
export function treeShap(
  view: TreeEnsembleView,
  X: Matrix,
  cover: CoverKind,
  signal?: AbortSignal,
): TreeShapValues {
  const O = view.outputs;
  const F = X.cols;
  const base = Float64Array.from(view.base);
  const phi = new Float64Array(X.rows * O * F);
  const T = view.trees.length;
  const scale = view.combine === "mean" ? 1 / T : 1;
  let scratch = new ShapScratch(0);
  let scratchDepth = 0;
  for (let t = 0; t < T; t++) {
    signal?.throwIfAborted();
    const tree = view.trees[t];
    const covers = coverOf(tree, cover);
    const o = view.outputOf(t);
    const depth = treeDepth(tree);
    if (depth > scratchDepth || t === 0) {
      scratchDepth = Math.max(depth, scratchDepth);
      scratch = new ShapScratch(scratchDepth);
    }
    const e = treeExpectation(tree, covers);
    if (o < 0) for (let k = 0; k < tree.valueDim; k++) base[k] += scale * e[k];
    else base[o] += scale * e[0];
    for (let r = 0; r < X.rows; r++) {
      const at = (r * O + Math.max(o, 0)) * F;
      treeShapRow(tree, covers, X.data, r * F, phi, at, F, scale, scratch);
    }
  }
  return { outputs: O, cols: F, base, phi };
}
