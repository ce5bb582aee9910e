import { ValidationError } from "../../errors.ts";
import { BaseEstimator, defineArtifact } from "../baseEstimator.ts";
import {
  type FitOptions,
  type FittedShape,
  type Matrix,
  type Target,
  validateFitInput,
} from "../estimator.ts";
import { argmax, assertFiniteFeatures, checkPredictInput, classCount, readWeights } from "../fitChecks.ts";
import { BlockedBruteForce } from "./blockedBruteForce.ts";
import { DotShortlist } from "./dotShortlist.ts";
import { KdTree } from "./kdTree.ts";
import { KNN_META, type KnnParams } from "./meta.ts";
import { bruteForceSearch, NeighbourHeap, nearest } from "./nearest.ts";

const TYPE = "knn";

/** The artifact state of a kNN model. */
interface KnnStateJSON {
  /** Number of classes; 0 for regression. */
  nClasses: number;
  rows: number;
  cols: number;
  /** The training matrix, row-major: kNN has no model but its data. */
  x: number[];
  y: number[];
  /** Sample weights, when fit was given some. */
  w?: number[];
}

/**
 * In memory the arrays are typed: a fit keeps its matrix as is, without a JS array of every value
 * (that copy took longer than predicting a fold of lending_club); toJSON writes plain arrays.
 */
interface KnnState {
  nClasses: number;
  rows: number;
  cols: number;
  x: Float64Array;
  y: Float64Array;
  w?: Float64Array;
}

const ARTIFACT = defineArtifact<KnnParams, KnnState, KnnStateJSON>({
  type: TYPE,
  defaults: KNN_META.defaults,
  migrations: [],
  parseState(raw, read, params) {
    // Predict reads these params, so they are checked here as fit checks them.
    read.int(params.n_neighbors, "params.n_neighbors", 1);
    read.choice(params.weights, "params.weights", ["uniform", "distance"]);
    read.choice(params.metric, "params.metric", ["euclidean", "manhattan"]);
    const s = read.object(raw, "state", ["nClasses", "rows", "cols", "x", "y"], ["w"]);
    const nClasses = read.int(s.nClasses, "state: nClasses", 0, 100_000);
    const rows = read.int(s.rows, "state: rows", 1);
    const cols = read.int(s.cols, "state: cols", 0);
    const state: KnnState = {
      nClasses,
      rows,
      cols,
      x: Float64Array.from(read.numbers(s.x, "state: x", rows * cols)),
      y: Float64Array.from(
        read.numbers(s.y, "state: y", rows, nClasses > 0 ? { int: true, min: 0, max: nClasses - 1 } : {}),
      ),
    };
    if (s.w !== undefined) state.w = Float64Array.from(read.numbers(s.w, "state: w", rows, { min: 0 }));
    return state;
  },
  saveState: ({ x, y, w, ...header }): KnnStateJSON => ({
    ...header,
    x: plainArray(x),
    y: plainArray(y),
    ...(w ? { w: plainArray(w) } : {}),
  }),
});

/**
 * The values of a typed array as a plain array, by index: `Array.from` goes through the
 * iterator, about 4x slower on the training matrix that the ladder's refit saves (922,000 values
 * of lending_club-like: 125 ms against 29 ms, under load).
 */
function plainArray(a: Float64Array): number[] {
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}

/**
 * How neighbours are found: by a KD-tree, by brute force, or ("auto") by the tree when it pays
 * (see `treePays`). Every choice gives the same neighbours, ties included; only time differs.
 */
export type KnnSearch = "auto" | "kd_tree" | "brute";

/** "auto" considers the KD-tree only for matrices this narrow ... */
export const KD_TREE_MAX_COLS = 32;
/** ... and at least this tall. */
export const KD_TREE_MIN_ROWS = 256;
/** Training rows the "auto" probe queries, evenly spaced. */
const PROBE_QUERIES = 32;
/** "auto" keeps the tree when a probe query costs at most this share of a brute-force scan. */
const KD_TREE_MAX_WORK = 0.5;

/**
 * k-nearest neighbours for classification (weighted vote) and regression (weighted mean).
 * Neighbours come from an exact KD-tree on low-dimensional data and from brute force otherwise,
 * with the same answer either way. Distance weighting follows scikit-learn: 1 / distance,
 * except that when some neighbours sit at distance 0 they alone decide, with equal weight.
 */
export class KNearestNeighbors extends BaseEstimator<KnnParams, KnnState, KnnStateJSON> {
  /**
   * Search strategy: not a parameter (it changes no prediction and is not saved), a switch for
   * tests and benchmarks. Read when predicting.
   */
  search: KnnSearch = "auto";
  /**
   * Switch for tests and benchmarks, like `search`: false makes brute force scan for one query at
   * a time (`bruteForceSearch`) instead of by blocks of queries. Same predictions either way.
   */
  blocked = true;
  /**
   * Switch for tests and benchmarks, like `search`: "js" computes the Euclidean shortlist's dense
   * products in JS even where WebAssembly SIMD exists (see DotShortlist). Same predictions.
   */
  product: "auto" | "js" = "auto";
  /** KD-tree over state.x; built in fit when used, lazily after fromJSON, never saved. */
  private tree?: KdTree;
  /** The "auto" verdict on the tree for the current fit; undefined until decided. */
  private treeVerdict?: boolean;
  /** Whether state.x is all finite; undefined until checked. */
  private finiteTrain?: boolean;
  /** The Euclidean shortlist over state.x (null: norms overflow); built on first need. */
  private shortlistCache?: DotShortlist | null;

  static readonly artifact = ARTIFACT;

  fit(X: Matrix, y: Target, opts?: FitOptions): this {
    validateFitInput(X, y, opts);
    assertFiniteFeatures(X);
    const { n_neighbors: k, weights, metric } = this.params;
    if (!(Number.isInteger(k) && k >= 1)) throw new ValidationError(`invalid n_neighbors: ${k}`);
    if (weights !== "uniform" && weights !== "distance")
      throw new ValidationError(`invalid weights: ${weights}`);
    if (metric !== "euclidean" && metric !== "manhattan")
      throw new ValidationError(`invalid metric: ${metric}`);
    const nClasses = y.classes ? classCount(y, TYPE) : 0;
    const w = opts?.sampleWeight ? Float64Array.from(readWeights(opts, X.rows)) : undefined;
    this.tree = undefined;
    this.treeVerdict = undefined;
    this.finiteTrain = undefined;
    this.shortlistCache = undefined;
    this.state = {
      nClasses,
      rows: X.rows,
      cols: X.cols,
      x: Float64Array.from(X.data),
      y: Float64Array.from(y.values),
      w,
    };
    this.searchTree();
    return this;
  }

  protected shapeOf(s: KnnState): FittedShape {
    return { features: s.cols, classes: s.nClasses };
  }

  /** The search predict uses for the fitted data: "auto" resolved to "kd_tree" or "brute". */
  resolvedSearch(): "kd_tree" | "brute" {
    this.fitted();
    return this.searchTree() ? "kd_tree" : "brute";
  }

  /** The KD-tree when the search strategy uses one (built on first need), else undefined. */
  private searchTree(): KdTree | undefined {
    if (this.search === "brute") return undefined;
    if (this.search === "auto") {
      this.treeVerdict ??= this.treePays();
      if (!this.treeVerdict) return undefined;
    }
    const s = this.state!;
    this.tree ??= new KdTree(s.x, s.rows, s.cols);
    return this.tree;
  }

  /**
   * Whether the KD-tree beats brute force on this training set. Wide data never (a KD-tree
   * degrades towards a scan with overhead as dimensions grow), small data never (a scan is
   * cheap). Otherwise what decides is the data's intrinsic dimension, which the column count
   * does not tell (standardised real columns are correlated): the tree answers a few training
   * rows, evenly spaced, for k + 1 neighbours (the row finds itself), and is kept when a query
   * costs at most half a scan, counting distance computations to rows and to boxes alike
   * (measured: both cost about the same per computation as a brute-force row). Deterministic.
   *
   * Measured, fit 8,000 + predict 2,000 rows, k = 5 (`npm run bench -- knn` has a few of these):
   * i.i.d. Gaussian columns: 2 / 4 / 8 / 12 / 16 cols, probe 0.01 / 0.04 / 0.25 / 0.70 / 0.99 of
   * a scan, tree 13x / 11x / 2.1x / 1.1x / 0.8x brute force's speed; correlated standardised
   * columns (a third as many latent factors): 8 / 12 / 16 / 20 / 24 / 30 cols, probe
   * 0.11 / 0.23 / 0.25 / 0.63 / 0.67 / 0.92, tree 3.7x / 2.1x / 1.6x / 1.1-1.5x / 1.1x / 0.9x;
   * a one-hot-heavy table (53 cols): 1.0x. A rejected probe costs about a tree build plus a few
   * scans (8,000 x 30: ~30 ms against ~600 ms of prediction).
   */
  private treePays(): boolean {
    const s = this.state!;
    if (s.rows < KD_TREE_MIN_ROWS || s.cols > KD_TREE_MAX_COLS) return false;
    const train = s.x;
    const tree = new KdTree(train, s.rows, s.cols);
    const k = Math.min(this.params.n_neighbors + 1, s.rows);
    const heap = new NeighbourHeap(k);
    // Stops as soon as the budget is spent: a rejected tree costs at most half that many scans.
    const budget = KD_TREE_MAX_WORK * s.rows * PROBE_QUERIES;
    let work = 0;
    for (let p = 0; p < PROBE_QUERIES; p++) {
      const r = Math.floor(((p + 0.5) * s.rows) / PROBE_QUERIES);
      heap.reset(k);
      work += tree.search(train.subarray(r * s.cols, (r + 1) * s.cols), this.params.metric, heap);
      if (work > budget) return false;
    }
    this.tree = tree;
    return true;
  }

  /**
   * Calls `visit(row, neighbour weights, neighbour indices)` for every query row, in row order.
   * The arrays are reused from row to row: read them inside `visit`, do not keep them.
   */
  private eachNeighbourhood(
    X: Matrix,
    visit: (row: number, weight: Float64Array, index: Int32Array) => void,
  ): void {
    const s = this.fitted();
    checkPredictInput(X, s.cols, TYPE);
    const train = s.x;
    const tree = this.searchTree();
    const { n_neighbors: k, metric, weights } = this.params;
    const cols = s.cols;
    const m = Math.min(k, s.rows);
    const index = new Int32Array(m);
    const distance = new Float64Array(m);
    const weight = new Float64Array(m);
    /** Weights for the neighbours now in `index` and `distance`, then `visit`. */
    const finish = (r: number) => {
      weight.fill(1);
      if (weights === "distance") {
        const exact = distance[0] === 0;
        for (let j = 0; j < m; j++) {
          weight[j] = exact ? (distance[j] === 0 ? 1 : 0) : 1 / distance[j];
        }
      }
      if (s.w) for (let j = 0; j < m; j++) weight[j] *= s.w[index[j]];
      visit(r, weight, index);
    };
    // A query holding NaN or infinite values, not imputed (the recipe should have): brute force
    // defines the order, as it always has.
    const fallback = (r: number) => {
      const nb = nearest(train, s.rows, cols, X.data, r * cols, k, metric);
      index.set(nb.index);
      distance.set(nb.distance);
    };
    if (!tree && this.blocked && this.trainFinite()) {
      // Blocked brute force (BlockedBruteForce): bit for bit the neighbours of one query at a
      // time, 1.2x-1.6x faster on a 40,000 x 60 table (npm run bench -- knn). Euclidean goes
      // through the dot-product shortlist (DotShortlist), again bit for bit the same, several
      // times faster where one-hot columns are mostly zeros.
      const block = new BlockedBruteForce(train, s.rows, cols, m);
      if (metric === "euclidean" && this.shortlistCache === undefined)
        this.shortlistCache = DotShortlist.build(train, s.rows, cols, undefined, this.product) ?? null;
      const shortlist = metric === "euclidean" ? this.shortlistCache : null;
      const slot = new Int32Array(block.capacity);
      for (let r0 = 0; r0 < X.rows; r0 += block.capacity) {
        const r1 = Math.min(X.rows, r0 + block.capacity);
        let count = 0;
        for (let r = r0; r < r1; r++) {
          let finite = true;
          const qo = count * cols;
          for (let j = 0; j < cols; j++) {
            const v = X.data[r * cols + j];
            block.queries[qo + j] = v;
            if (!Number.isFinite(v)) finite = false;
          }
          slot[r - r0] = finite ? count++ : -1;
        }
        if (!shortlist?.search(block.queries, block.heaps, count, m)) block.search(count, metric);
        for (let r = r0; r < r1; r++) {
          const b = slot[r - r0];
          if (b >= 0) block.heaps[b].drainSorted(index, distance, metric);
          else fallback(r);
          finish(r);
        }
      }
      return;
    }
    const heap = new NeighbourHeap(m);
    const query = new Float64Array(cols);
    for (let r = 0; r < X.rows; r++) {
      let finite = true;
      for (let j = 0; j < cols; j++) {
        const v = X.data[r * cols + j];
        query[j] = v;
        if (!Number.isFinite(v)) finite = false;
      }
      if (finite) {
        heap.reset(m);
        if (tree) tree.search(query, metric, heap);
        else bruteForceSearch(train, s.rows, cols, query, metric, heap);
        heap.drainSorted(index, distance, metric);
      } else fallback(r);
      finish(r);
    }
  }

  /**
   * Whether every training value is finite, as fit ensures; the blocked brute force relies on it
   * (an artifact built by hand could hold NaN, and then gets the one-query scan). Cached.
   */
  private trainFinite(): boolean {
    if (this.finiteTrain === undefined) {
      const train = this.state!.x;
      let finite = true;
      for (let i = 0; i < train.length && finite; i++) finite = Number.isFinite(train[i]);
      this.finiteTrain = finite;
    }
    return this.finiteTrain;
  }

  predictProba(X: Matrix): Float64Array {
    const { nClasses: k, y } = this.fitted();
    if (k === 0) throw new ValidationError("knn regression has no probabilities");
    const out = new Float64Array(X.rows * k);
    this.eachNeighbourhood(X, (r, weight, index) => {
      let total = 0;
      for (let j = 0; j < index.length; j++) {
        out[r * k + y[index[j]]] += weight[j];
        total += weight[j];
      }
      // Zero total weight (all neighbours weighted 0): fall back to an equal vote.
      if (total > 0) for (let c = 0; c < k; c++) out[r * k + c] /= total;
      else for (const i of index) out[r * k + y[i]] += 1 / index.length;
    });
    return out;
  }

  predict(X: Matrix): Float64Array {
    const { nClasses: k, y } = this.fitted();
    if (k > 0) {
      const proba = this.predictProba(X);
      return Float64Array.from({ length: X.rows }, (_, i) => argmax(proba, i * k, k));
    }
    const out = new Float64Array(X.rows);
    this.eachNeighbourhood(X, (r, weight, index) => {
      let sum = 0;
      let total = 0;
      for (let j = 0; j < index.length; j++) {
        sum += weight[j] * y[index[j]];
        total += weight[j];
      }
      out[r] = total > 0 ? sum / total : index.reduce((a, i) => a + y[i], 0) / index.length;
    });
    return out;
  }
}
