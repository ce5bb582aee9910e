import { ValidationError } from "../../errors.ts";

/**
 * A fitted tree as parallel typed arrays (node 0 is the root), the layout of scikit-learn's `Tree`.
 * Internal nodes send a row left when `x[feature] <= threshold`, and a missing (NaN) value left
 * when `missingLeft` is 1. Every node keeps its value, so a UI can show internal nodes too.
 */
export interface Tree {
  nodeCount: number;
  /** Values per node: 1 for regression and boosting, the class count for classification trees. */
  valueDim: number;
  /** Split feature, -1 at a leaf. */
  feature: Int32Array;
  /** Raw-value threshold; Infinity means "every non-missing value goes left". */
  threshold: Float64Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  /** nodeCount x valueDim: class distribution, mean, or (boosting) the shrunk leaf score. */
  value: Float64Array;
  /** Training rows that reached the node. */
  samples: Float64Array;
  /** Sum of sample weights (trees) or of hessians (boosting) at the node. */
  weight: Float64Array;
  /** Node impurity (gini, entropy, variance); NaN for boosting trees. */
  impurity: Float64Array;
  /** Split gain (weighted impurity decrease or loss reduction); 0 at leaves. */
  gain: Float64Array;
}

/** Grows a Tree node by node; arrays double as needed. */
export class TreeBuilder {
  private cap = 0;
  private n = 0;
  private t: Tree;

  constructor(readonly valueDim: number) {
    this.t = allocate(0, valueDim);
    this.grow(16);
  }

  /** Adds a node (a leaf until `split` is called on it) and returns its index. */
  add(value: ArrayLike<number>, samples: number, weight: number, impurity: number): number {
    if (this.n === this.cap) this.grow(this.cap * 2);
    const id = this.n++;
    const t = this.t;
    t.feature[id] = -1;
    t.left[id] = -1;
    t.right[id] = -1;
    for (let k = 0; k < this.valueDim; k++) t.value[id * this.valueDim + k] = value[k];
    t.samples[id] = samples;
    t.weight[id] = weight;
    t.impurity[id] = impurity;
    return id;
  }

  /** Turns node `id` into a split on `feature <= threshold` with the given children. */
  split(
    id: number,
    feature: number,
    threshold: number,
    missingLeft: boolean,
    gain: number,
    left: number,
    right: number,
  ) {
    const t = this.t;
    t.feature[id] = feature;
    t.threshold[id] = threshold;
    t.missingLeft[id] = missingLeft ? 1 : 0;
    t.gain[id] = gain;
    t.left[id] = left;
    t.right[id] = right;
  }

  /** The tree, in arrays cut to its node count. */
  finish(): Tree {
    const t = allocate(this.n, this.valueDim);
    for (const key of ARRAY_KEYS) {
      const width = key === "value" ? this.valueDim : 1;
      (t[key] as Float64Array).set((this.t[key] as Float64Array).subarray(0, this.n * width));
    }
    return t;
  }

  private grow(cap: number) {
    const t = allocate(cap, this.valueDim);
    for (const key of ARRAY_KEYS) {
      const width = key === "value" ? this.valueDim : 1;
      (t[key] as Float64Array).set((this.t[key] as Float64Array).subarray(0, this.n * width));
    }
    this.t = t;
    this.cap = cap;
  }
}

const ARRAY_KEYS = [
  "feature",
  "threshold",
  "missingLeft",
  "left",
  "right",
  "value",
  "samples",
  "weight",
  "impurity",
  "gain",
] as const;

function allocate(n: number, valueDim: number): Tree {
  return {
    nodeCount: n,
    valueDim,
    feature: new Int32Array(n),
    threshold: new Float64Array(n),
    missingLeft: new Uint8Array(n),
    left: new Int32Array(n),
    right: new Int32Array(n),
    value: new Float64Array(n * valueDim),
    samples: new Float64Array(n),
    weight: new Float64Array(n),
    impurity: new Float64Array(n),
    gain: new Float64Array(n),
  };
}

/** The leaf a raw row reaches; the row is `data[offset .. offset + cols)` of a row-major matrix. */
export function leafOf(tree: Tree, data: ArrayLike<number>, offset: number): number {
  const { feature, threshold, left, right, missingLeft } = tree;
  let node = 0;
  let f = feature[0];
  while (f >= 0) {
    const v = data[offset + f];
    if (v <= threshold[node]) node = left[node];
    else if (!Number.isNaN(v)) node = right[node];
    else node = missingLeft[node] === 1 ? left[node] : right[node];
    f = feature[node];
  }
  return node;
}

/** A Tree as JSON-safe plain arrays (non-finite numbers become null). */
export interface TreeJSON {
  valueDim: number;
  feature: number[];
  threshold: (number | null)[];
  missingLeft: number[];
  left: number[];
  right: number[];
  value: number[];
  samples: number[];
  weight: number[];
  impurity: (number | null)[];
  gain: number[];
}

export function treeToJSON(t: Tree): TreeJSON {
  const out: Record<string, unknown> = { valueDim: t.valueDim };
  for (const key of ARRAY_KEYS) {
    const arr = t[key];
    const list = new Array<number | null>(arr.length);
    for (let i = 0; i < arr.length; i++) list[i] = Number.isFinite(arr[i]) ? arr[i] : null;
    out[key] = list;
  }
  return out as unknown as TreeJSON;
}

/** Rebuilds a Tree, checking that the arrays agree, children point inside and features are below `cols`. */
export function treeFromJSON(json: TreeJSON, cols = Number.POSITIVE_INFINITY): Tree {
  const valueDim = json?.valueDim;
  if (!Number.isInteger(valueDim) || valueDim < 1)
    throw new ValidationError(`invalid tree: valueDim ${valueDim}`);
  const n = json.feature?.length ?? 0;
  if (n < 1) throw new ValidationError("invalid tree: no nodes");
  const t = allocate(n, valueDim);
  for (const key of ARRAY_KEYS) {
    const list = json[key];
    const width = key === "value" ? valueDim : 1;
    if (!Array.isArray(list) || list.length !== n * width) throw new ValidationError(`invalid tree: ${key}`);
    const nullAs = key === "threshold" ? Number.POSITIVE_INFINITY : Number.NaN;
    const arr = t[key] as Float64Array;
    for (let i = 0; i < list.length; i++) arr[i] = list[i] ?? nullAs;
  }
  for (let i = 0; i < n; i++) {
    if (t.feature[i] < 0) continue;
    if (t.feature[i] >= cols) throw new ValidationError(`invalid tree: feature ${t.feature[i]} at node ${i}`);
    if (!(t.left[i] > i && t.left[i] < n && t.right[i] > i && t.right[i] < n)) {
      throw new ValidationError(`invalid tree: bad children at node ${i}`);
    }
  }
  return t;
}
