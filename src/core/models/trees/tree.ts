import type { StateReader } from "../stateReader.ts";

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

/** Largest working arrays (in bytes) kept for the next builder. */
const SPARE_MAX_BYTES = 8 << 20;
/** The last finished builder's working arrays (nodeCount = capacity), taken by the next builder. */
let spare: Tree | null = null;

/** Grows a Tree node by node; arrays double as needed. */
export class TreeBuilder {
  private cap = 0;
  private n = 0;
  private t: Tree;

  constructor(readonly valueDim: number) {
    if (spare && spare.valueDim === valueDim) {
      this.t = spare;
      this.cap = spare.nodeCount;
      spare = null;
    } else {
      this.t = allocate(0, valueDim);
      this.grow(16);
    }
  }

  /** Nodes added so far: the index the next `add` returns. */
  get size(): number {
    return this.n;
  }

  /** Adds a node (a leaf until `split` is called on it) and returns its index. */
  add(value: ArrayLike<number>, samples: number, weight: number, impurity: number): number {
    if (this.n === this.cap) this.grow(Math.max(16, this.cap * 2));
    const id = this.n++;
    const t = this.t;
    t.feature[id] = -1;
    // Working arrays are reused from the previous tree, so a leaf's split fields are cleared here.
    t.threshold[id] = 0;
    t.missingLeft[id] = 0;
    t.gain[id] = 0;
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
    // The working arrays serve the next tree (a forest grows hundreds in a row) unless huge.
    if (this.cap * nodeBytes(this.valueDim) <= SPARE_MAX_BYTES) {
      this.t.nodeCount = this.cap;
      spare = this.t;
    }
    this.t = allocate(0, this.valueDim);
    this.cap = 0;
    this.n = 0;
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

/** Bytes per node: six 8-byte arrays (value has valueDim per node), three 4-byte, one 1-byte. */
function nodeBytes(valueDim: number): number {
  return 8 * (5 + valueDim) + 4 * 3 + 1;
}

/**
 * A tree's arrays as views of one buffer (one allocation instead of ten; a forest makes hundreds
 * of trees): the 8-byte arrays first, so that every view is aligned.
 */
function allocate(n: number, valueDim: number): Tree {
  const buffer = new ArrayBuffer(n * nodeBytes(valueDim));
  let at = 0;
  const f64 = (len: number) => {
    const a = new Float64Array(buffer, at, len);
    at += 8 * len;
    return a;
  };
  const i32 = () => {
    const a = new Int32Array(buffer, at, n);
    at += 4 * n;
    return a;
  };
  const threshold = f64(n);
  const value = f64(n * valueDim);
  const samples = f64(n);
  const weight = f64(n);
  const impurity = f64(n);
  const gain = f64(n);
  const feature = i32();
  const left = i32();
  const right = i32();
  const missingLeft = new Uint8Array(buffer, at, n);
  return {
    nodeCount: n,
    valueDim,
    feature,
    threshold,
    missingLeft,
    left,
    right,
    value,
    samples,
    weight,
    impurity,
    gain,
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

/** The JSON arrays of a tree, in ARRAY_KEYS order. */
const TREE_KEYS = ["valueDim", ...ARRAY_KEYS] as const;

/**
 * Reads a tree from untrusted JSON: every array present with one entry per node (`valueDim` per
 * node for `value`), numbers finite (null only where it stands for Infinity in `threshold` and
 * NaN in `impurity`), split features below `cols`, and children that form a tree: each
 * internal node's two children come after it and below the node count, every node but the root
 * has exactly one parent, and leaves have none (so a walk always ends). `part` prefixes messages
 * ("tree 3"); `valueDim` when given must match.
 */
export function readTree(
  read: StateReader,
  raw: unknown,
  part: string,
  cols: number,
  valueDim?: number,
): Tree {
  const json = read.object(raw, part, TREE_KEYS);
  const dim = read.int(json.valueDim, `${part}: valueDim`, 1, 10_000);
  if (valueDim !== undefined && dim !== valueDim)
    read.fail(`${part}: valueDim`, `${dim}, expected ${valueDim} (the model's outputs)`);
  const features = read.array(json.feature, `${part}: feature`);
  const n = features.length;
  if (n < 1) read.fail(`${part}: feature`, "no nodes");
  const t = allocate(n, dim);
  for (const key of ARRAY_KEYS) {
    const rule =
      key === "threshold"
        ? { nullAs: Number.POSITIVE_INFINITY }
        : key === "impurity"
          ? { nullAs: Number.NaN }
          : key === "missingLeft"
            ? { int: true, min: 0, max: 1 }
            : key === "feature"
              ? { int: true, min: -1, max: cols - 1 }
              : key === "left" || key === "right"
                ? { int: true }
                : key === "samples"
                  ? { min: 0 }
                  : {};
    const list = read.array(json[key], `${part}: ${key}`, key === "value" ? n * dim : n);
    const arr = t[key] as Float64Array;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      // Plain finite numbers need no message building; anything else goes through the reader.
      arr[i] =
        typeof v === "number" &&
        Number.isFinite(v) &&
        (rule.min === undefined || v >= rule.min) &&
        (rule.max === undefined || v <= rule.max) &&
        (!rule.int || Number.isInteger(v))
          ? v
          : read.number(v, `${part} ${key === "value" ? `value ${i}` : `node ${i}`}: ${key}`, rule);
    }
  }
  const parents = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = `${part} node ${i}`;
    if (t.feature[i] < 0) {
      if (t.left[i] !== -1 || t.right[i] !== -1) read.fail(at, "a leaf (feature -1) with children");
      continue;
    }
    for (const side of ["left", "right"] as const) {
      const child = t[side][i];
      if (!(child > i && child < n))
        read.fail(at, `${side} child ${child} out of range (${i + 1}..${n - 1})`);
      if (++parents[child] > 1) read.fail(`${part} node ${child}`, "reached from two parents");
    }
  }
  for (let i = 1; i < n; i++)
    if (parents[i] === 0) read.fail(`${part} node ${i}`, "not reached from the root");
  return t;
}
