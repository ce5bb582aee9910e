import type { Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import { SPARSE_RATIO } from "./featureHistogram.ts";
import { Frontier, type OpenNode } from "./frontier.ts";
import type { StepArrays } from "./histHelp.ts";
import {
  gatherRows,
  type HistLayout,
  HistogramPool,
  makeHistLayout,
  type RowStats,
  rowMajorCodes,
  subtractHistogram,
  sumRows,
} from "./histogram.ts";
import { WasmHistograms } from "./histWasm.ts";
import { buildHistogram, buildRootHistogram } from "./nodeHistogram.ts";
import { type ImpurityKind, nodeImpurity } from "./nodeImpurity.ts";
import { NodeScan } from "./nodeScan.ts";
import { partitionRows, splitThreshold } from "./partitionRows.ts";
import { makeCandidate, SplitFinder, type SplitRules } from "./splitFinder.ts";
import { type Tree, TreeBuilder } from "./tree.ts";

/** How one tree grows; the split rules (penalty, least rows and weight per leaf) belong to the grower. */
export interface GrowParams {
  maxDepth: number;
  maxLeafNodes: number;
  minSamplesSplit: number;
  /** Features looked at per node (constant ones do not count); >= cols means all. */
  maxFeatures: number;
  /** "best": every threshold; "random": one random threshold per feature (extra trees). */
  splitter: "best" | "random";
  /** A split must gain more than this: 0 for boosting; -Infinity for trees (zero-gain splits allowed, as CART). */
  minGain: number;
  /** Node impurity stored in the tree: also what makes a node pure (a leaf). */
  impurity: ImpurityKind;
  /** Needed when features are drawn or thresholds are random. */
  rng?: Rng;
  /**
   * Boosting: every tree's root is all of the grower's rows in order (`rows[i] = i`, count =
   * binned rows), so the root's bin counts are computed once and reused.
   */
  sameRoot?: boolean;
}

/** A grown tree, its per-feature gains, and each leaf's range in the partitioned `rows`. */
export interface GrownTree {
  tree: Tree;
  /** Sum of split gains per feature. */
  gains: Float64Array;
  leaves: { node: number; start: number; end: number }[];
}

/**
 * Grows one tree on binned data, after scikit-learn's HistGradientBoosting `TreeGrower`: a node's
 * best split is found when the node is made; nodes are then split best-first (highest gain, when
 * the leaf count is capped) or depth-first (no cap, so that only one path of histograms is held).
 * Rows are partitioned in place, so every node owns a contiguous range of the `rows` array. With
 * all features on the table, the larger child's histogram is the parent's minus the smaller's;
 * with features drawn per node (random forests) each node builds the drawn features directly.
 *
 * One grower holds the buffers for many trees on one binned matrix (a forest, boosting rounds).
 */
export class TreeGrower {
  readonly layout: HistLayout;
  private readonly finder: SplitFinder;
  private readonly pool: HistogramPool;
  /** Nodes searched without a histogram, and the gather buffers (see nodeScan.ts). */
  private readonly direct: NodeScan;
  /** The JS partition's buffer, made on first use (WebAssembly histograms partition in their memory). */
  private partition: Uint32Array | null = null;
  private rowMajor: Uint8Array | null = null;
  /** One-channel histograms in WebAssembly, made on first use; null: none (JS kernels and pool). */
  private wasm: WasmHistograms | null | undefined;
  /** Root counts for `sameRoot` growth, built on the first tree. */
  private rootCounts: Float64Array | null = null;
  /** Set by `split`: the lowest value bin of the rows it sent right. */
  private lowestRight = 0;
  private readonly lowest = new Int32Array(1);
  private readonly meanBins: number;

  constructor(
    readonly binned: BinnedMatrix,
    readonly thresholds: Float64Array[],
    channels: number,
    readonly rules: SplitRules,
    /** Boosting in a thread with histogram help (histHelp.ts): offer it, until `close`. */
    private readonly share = false,
    /** With `share`, the binary loss's per-row arrays, offered too (see `shareStep`). */
    private readonly step?: StepArrays,
  ) {
    this.layout = makeHistLayout(binned.nBins, channels);
    this.finder = new SplitFinder(this.layout, rules);
    this.pool = new HistogramPool(this.layout.size);
    this.direct = new NodeScan(binned, this.layout, this.finder);
    this.meanBins = this.layout.size / this.layout.stride / Math.max(1, binned.cols);
  }

  /**
   * The WebAssembly histograms' own row, gradient and hessian arrays (null: JS kernels), for a
   * booster to write each tree's statistics and rows in place: no copy per tree, none held twice.
   */
  inPlace(): { rows: Uint32Array; grad: Float64Array; hess: Float64Array } | null {
    const wasm = this.wasmHistograms();
    return wasm && { rows: wasm.rows, grad: wasm.gView, hess: wasm.hView };
  }

  /** Row-major codes for full histograms, made on first use (forests drawing features never need them). */
  private rowCodes(): Uint8Array {
    this.rowMajor ??= rowMajorCodes(this.binned);
    return this.rowMajor;
  }

  /** Where whole-node histograms come from: WebAssembly slots for one channel, else the JS pool. */
  private hists(): HistogramPool | WasmHistograms {
    return this.wasmHistograms() ?? this.pool;
  }

  private wasmHistograms(): WasmHistograms | null {
    if (this.wasm === undefined)
      this.wasm = WasmHistograms.create(this.binned, this.layout, this.share, this.step);
    return this.wasm;
  }

  /**
   * Runs the binary loss's step on rows 0..n with the threads helping this grower, the caller's
   * share through `run(from, to)`; false (nothing run) when none helps.
   */
  shareStep(n: number, run: (from: number, to: number) => void): boolean {
    return this.step !== undefined && this.wasm?.shareStep(n, run) === true;
  }

  /**
   * Boosting: makes the WebAssembly histograms now and points `binned.codes` at their column-major
   * copy (the same bytes), so that the fit holds one copy of the codes, not two (~rows x cols
   * bytes). For a grower that is the only user of `binned` (a forest's growers share theirs).
   */
  adoptCodes(): void {
    const wasm = this.wasmHistograms();
    if (wasm) this.binned.codes = wasm.columnCodes();
  }

  /** Ends any offer of help made for this grower's histograms (a `share` grower, when done). */
  close(): void {
    this.wasm?.close();
  }

  /** The node's whole histogram into `hist`. */
  private buildNode(
    hist: Float64Array,
    rows: Uint32Array,
    start: number,
    end: number,
    stats: RowStats,
  ): void {
    const wasm = this.hists();
    if (wasm instanceof WasmHistograms) {
      wasm.build(hist, rows, start, end, stats);
      return;
    }
    const scratch = this.direct.scratchFor(end - start);
    gatherRows(rows, start, end, stats, scratch);
    buildHistogram(hist, this.layout, this.rowCodes(), this.binned.cols, rows, start, end, stats, scratch);
  }

  /** A `sameRoot` tree's root histogram: every row in order, the counts built once per grower. */
  private buildRoot(hist: Float64Array, rows: Uint32Array, count: number, stats: RowStats): void {
    if (!this.rootCounts) {
      this.rootCounts = new Float64Array(this.layout.size);
      this.buildNode(this.rootCounts, rows, 0, count, stats);
    }
    const wasm = this.hists();
    if (wasm instanceof WasmHistograms) {
      wasm.buildRoot(hist, count, stats, this.rootCounts);
      return;
    }
    buildRootHistogram(hist, this.layout, this.rowCodes(), this.binned.cols, count, stats, this.rootCounts);
  }

  /** Grows a tree on `rows[0..count)` (reordered in place). Leaf values are -G / (H + lambda), unshrunk. */
  grow(input: Uint32Array, count: number, stats: RowStats, params: GrowParams): GrownTree {
    const C = this.layout.channels;
    const cols = this.binned.cols;
    const subtract = params.splitter === "best" && params.maxFeatures >= cols;
    // With WebAssembly histograms the rows are partitioned in the module's memory, then copied back.
    const wasm = subtract ? this.wasmHistograms() : null;
    const rows = wasm ? wasm.startTree(input, count) : input;
    const builder = new TreeBuilder(C);
    const gains = new Float64Array(cols);
    const leaves: GrownTree["leaves"] = [];
    const capped = Number.isFinite(params.maxLeafNodes);
    const frontier = new Frontier(capped);
    const finish = (node: OpenNode) => {
      if (node.hist) this.hists().release(node.hist);
      node.hist = null;
      leaves.push({ node: node.id, start: node.start, end: node.end });
    };
    // Features found constant in a node stay constant in its descendants (scikit-learn's known
    // constants): a child inherits its parent's set and skips them.
    const words = (cols + 31) >>> 5;
    let inherited: Int32Array | null = null;
    const open = (start: number, end: number, depth: number, sums: Float64Array): OpenNode => {
      const impurity = nodeImpurity(params.impurity, rows, start, end, sums, C, stats);
      const id = builder.add(this.leafValue(sums), end - start, sums[C], impurity.value);
      const node: OpenNode = { id, start, end, depth, sums, score: 0, hist: null, split: null };
      node.score = this.finder.score(sums);
      node.split = this.canSplit(node, impurity.pure, params) ? makeCandidate(this.layout.stride) : null;
      if (node.split) node.known = inherited ? inherited.slice() : new Int32Array(words);
      return node;
    };
    const settle = (node: OpenNode) => {
      if (node.split) this.findSplit(node, rows, stats, params);
      if (node.split) frontier.push(node);
      else finish(node);
    };

    inherited = null;
    const root = open(0, count, 0, sumRows(rows, 0, count, stats, C));
    if (root.split && subtract && this.worthHistogram(root)) {
      root.hist = this.hists().acquire();
      if (params.sameRoot && stats.grad) this.buildRoot(root.hist, rows, count, stats);
      else this.buildNode(root.hist, rows, 0, count, stats);
    }
    settle(root);
    let nLeaves = 1;
    for (let node = frontier.pop(); node; node = frontier.pop()) {
      const split = node.split!;
      if (nLeaves >= params.maxLeafNodes) {
        finish(node);
        continue;
      }
      const f = split.feature;
      const mid = this.split(rows, node.start, node.end, f, split.bin, split.missingLeft);
      const leftSums = split.left.slice();
      const rightSums = new Float64Array(C + 2);
      for (let k = 0; k <= C; k++) rightSums[k] = node.sums[k] - leftSums[k];
      // Counts come from the partition itself, so that they never drift.
      leftSums[C + 1] = mid - node.start;
      rightSums[C + 1] = node.end - mid;
      inherited = node.known ?? null;
      const left = open(node.start, mid, node.depth + 1, leftSums);
      const right = open(mid, node.end, node.depth + 1, rightSums);
      const threshold = this.threshold(f, split.bin);
      builder.split(node.id, f, threshold, split.missingLeft, split.gain, left.id, right.id);
      gains[f] += split.gain;
      // The split that reaches the leaf cap makes two final leaves: no histograms, no search.
      if (++nLeaves >= params.maxLeafNodes) left.split = right.split = null;
      if (node.hist) this.childHistograms(node, left, right, rows, stats);
      settle(left);
      settle(right);
    }
    if (rows !== input) input.set(rows.subarray(0, count));
    return { tree: builder.finish(), gains, leaves };
  }

  private leafValue(sums: Float64Array): Float64Array {
    const C = this.layout.channels;
    const denom = sums[C] + this.rules.lambda;
    const value = new Float64Array(C);
    // `+ 0` turns -0 (from a zero sum) into 0, which JSON would do anyway.
    if (denom > 0) for (let k = 0; k < C; k++) value[k] = -sums[k] / denom + 0;
    return value;
  }

  private canSplit(node: OpenNode, pure: boolean, p: GrowParams): boolean {
    const n = node.end - node.start;
    const w = node.sums[this.layout.channels];
    return (
      !pure &&
      node.depth < p.maxDepth &&
      n >= p.minSamplesSplit &&
      n >= 2 * this.rules.minSamplesLeaf &&
      w >= 2 * this.rules.minChildWeight
    );
  }

  /**
   * Whether a node gets a full histogram (and its children subtraction). Scanning every bin pays
   * off until a node has only a few rows per bin; below that, the looked-at features are built
   * from the rows with their non-empty bins listed (nodeScan.ts).
   */
  private worthHistogram(node: OpenNode): boolean {
    return (node.end - node.start) * SPARSE_RATIO >= this.meanBins;
  }

  /** Best split of a node into `node.split`, or null when there is none worth making. */
  private findSplit(node: OpenNode, rows: Uint32Array, stats: RowStats, p: GrowParams): void {
    const best = node.split!;
    const cols = this.binned.cols;
    const known = node.known!;
    if (node.hist) {
      // A feature with one non-empty slot has no valid split: skipping it changes nothing.
      for (let f = 0; f < cols; f++) {
        const word = f >>> 5;
        const bit = 1 << (f & 31);
        if ((known[word] & bit) !== 0) continue;
        if (!this.finder.scan(node.hist, f, node.sums, node.score, best)) known[word] |= bit;
      }
    } else {
      this.direct.search(node, rows, stats, p, best);
    }
    if (best.feature < 0 || !(best.gain > p.minGain)) node.split = null;
  }

  /**
   * Stable in-place partition of rows[start..end) on the split; returns where the right child
   * starts. Also notes the lowest value bin sent right, for `threshold`.
   */
  private split(
    rows: Uint32Array,
    start: number,
    end: number,
    f: number,
    bin: number,
    missingLeft: boolean,
  ): number {
    const wasm = this.wasm;
    if (wasm && rows === wasm.rows) {
      const mid = wasm.partition(f, start, end, bin, missingLeft);
      this.lowestRight = wasm.lowestRight();
      return mid;
    }
    this.partition ??= new Uint32Array(this.binned.rows);
    const mid = partitionRows(
      this.binned,
      f,
      rows,
      start,
      end,
      bin,
      missingLeft,
      this.partition,
      this.lowest,
    );
    this.lowestRight = this.lowest[0];
    return mid;
  }

  /** The raw threshold of the last `split` on feature f after bin `bin` (see splitThreshold). */
  private threshold(f: number, bin: number): number {
    return splitThreshold(this.thresholds[f], this.binned.nBins[f], bin, this.lowestRight);
  }

  /**
   * Children of a node that had a histogram: the smaller one's is built, and the parent's becomes
   * the larger one's by subtraction, when the larger one is big enough to want it.
   */
  private childHistograms(
    parent: OpenNode,
    left: OpenNode,
    right: OpenNode,
    rows: Uint32Array,
    stats: RowStats,
  ) {
    const leftSmaller = left.end - left.start <= right.end - right.start;
    const small = leftSmaller ? left : right;
    const large = leftSmaller ? right : left;
    const parentHist = parent.hist!;
    parent.hist = null;
    const wantLarge = large.split !== null && this.worthHistogram(large);
    const wantSmall = small.split !== null && this.worthHistogram(small);
    const pool = this.hists();
    if (!wantLarge && !wantSmall) {
      pool.release(parentHist);
      return;
    }
    const hist = pool.acquire();
    this.buildNode(hist, rows, small.start, small.end, stats);
    if (wantLarge) {
      subtractHistogram(parentHist, hist, this.layout.size);
      large.hist = parentHist;
    } else {
      pool.release(parentHist);
    }
    // Once built, the small child's histogram is used even if the node is small.
    if (small.split) small.hist = hist;
    else pool.release(hist);
  }
}
