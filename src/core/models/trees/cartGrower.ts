import { nextUnit, type Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import type { BinValues } from "./binValues.ts";
import { gather, rootSums } from "./cartRowStats.ts";
import { type FeatureScan, makeFeatureScan, scanFeature } from "./featureHistogram.ts";
import { gapThreshold, partitionGap } from "./gapThreshold.ts";
import type { GrowParams } from "./grower.ts";
import {
  type HistLayout,
  type HistScratch,
  makeHistLayout,
  makeHistScratch,
  type RowStats,
} from "./histogram.ts";
import { type NodeImpurity, nodeImpurityInto } from "./nodeImpurity.ts";
import { partitionRows, splitThreshold } from "./partitionRows.ts";
import { primeRandomSplit } from "./randomSplit.ts";
import { RandomSplitter } from "./randomSplitter.ts";
import { makeCandidate, type SplitCandidate, SplitFinder, type SplitRules } from "./splitFinder.ts";
import { type Tree, TreeBuilder } from "./tree.ts";

/** Empty calls per row loop in `prime`. */
const PRIME_CALLS = 64;

/**
 * Grows the trees of a forest that draws features per node (random forests) or thresholds (extra
 * trees), depth-first and without a leaf cap: the same trees, node for node and draw for draw, as
 * `TreeGrower` on those settings (`canGrow`), built without any allocation per node. A forest
 * makes thousands of nodes per tree, most of them with a handful of rows, so the per-node cost
 * (objects, small typed arrays, closures) weighed as much as the split search. After
 * scikit-learn's `DepthFirstTreeBuilder`: the open nodes are a stack of records in typed arrays,
 * and each node owns a contiguous range of one row array partitioned in place.
 *
 * Node order matches TreeGrower's: a split adds its left then its right child, each child's split
 * is searched as it is made (left first, so the random draws come in the same order), and the
 * right child is split before the left one (a stack).
 */
export class CartGrower {
  private readonly layout: HistLayout;
  private readonly finder: SplitFinder;
  private readonly scratch: HistScratch;
  private readonly partition: Uint32Array;
  /** Feature order for the per-node draw; kept across nodes and trees, as TreeGrower's. */
  private readonly order: Int32Array;
  private readonly best: SplitCandidate;
  private readonly splitter: RandomSplitter;
  private readonly value: Float64Array;
  /** The exact one-feature scan's inputs and scratch, made on first use. */
  private scan: FeatureScan | null = null;
  // The stack of open nodes, one record per slot: rows, depth, tree id, sums and the split found.
  private cap = 0;
  private sStart = new Int32Array(0);
  private sEnd = new Int32Array(0);
  private sDepth = new Int32Array(0);
  private sId = new Int32Array(0);
  private sFeature = new Int32Array(0);
  private sBin = new Int32Array(0);
  private sMissingLeft = new Uint8Array(0);
  private sGain = new Float64Array(0);
  /** Features known constant in the slot's node, `words` bits per slot (scikit-learn's known constants). */
  private sConst = new Int32Array(0);
  /** Node sums, `stride` per slot. */
  private sSums = new Float64Array(0);
  /** The split's left sums, `stride` per slot. */
  private sLeft = new Float64Array(0);
  /** The popped node's sums and split left sums while its children are made. */
  private readonly parentSums: Float64Array;
  private readonly childSums: Float64Array;
  /** 32-bit words per node's set of features known to be constant. */
  private readonly words: number;
  /** The popped node's known constants, which its children inherit. */
  private readonly parentConst: Int32Array;
  /** The known constants of the node being opened: inherited, then those its search finds. */
  private readonly nodeConst: Int32Array;
  /**
   * The lowest value bin the last `split` sent right (`partitionRows`), and with thresholds drawn
   * in the gap the highest it sent left (`partitionGap`).
   */
  private readonly lowestRight = new Int32Array(2);
  private readonly impurity: NodeImpurity = { value: 0, pure: false };
  /** Every row of the current tree weighs 1: extra trees then count instead of summing weights. */
  private unitWeights = false;
  /**
   * Extra trees: thresholds drawn in each split's gap (`gapThreshold`) from the bins' value ranges
   * and the tree's own stream (`gapState`, mulberry32 as `makeRng`'s, stepped here: a generator
   * object per tree made the call site see a new target every tree, and V8 deoptimised). The
   * fields always hold objects of one shape, so that setting them does not change the grower's map.
   */
  private gapped = false;
  private values: BinValues = { lo: [], hi: [] };
  private readonly gapState = new Int32Array(1);

  constructor(
    readonly binned: BinnedMatrix,
    readonly thresholds: Float64Array[],
    channels: number,
    readonly rules: SplitRules,
  ) {
    this.layout = makeHistLayout(binned.nBins, channels);
    this.finder = new SplitFinder(this.layout, rules);
    this.scratch = makeHistScratch(binned.rows);
    this.partition = new Uint32Array(binned.rows);
    this.order = Int32Array.from({ length: binned.cols }, (_, i) => i);
    const S = this.layout.stride;
    this.best = makeCandidate(S);
    this.splitter = new RandomSplitter(this.finder, binned);
    this.value = new Float64Array(channels);
    this.parentSums = new Float64Array(S);
    this.childSums = new Float64Array(S);
    this.words = (binned.cols + 31) >>> 5;
    this.parentConst = new Int32Array(this.words);
    this.nodeConst = new Int32Array(this.words);
    this.reserve(64);
    this.prime();
  }

  /**
   * Runs the row loops once on no rows. V8 compiles a loop that runs long in its function's first
   * call while it runs (on-stack replacement), before the code after the loop has ever run; that
   * code then has no type feedback, and the compiled loop bailed out at its end on every later
   * call (a regression forest: 1,300 bailouts and 1.4x the time in some runs, none in others).
   * Empty calls give the code after each loop its feedback first.
   */
  private prime(): void {
    const none = new Uint32Array(0);
    const one = new Uint32Array(1);
    const empty = new Float64Array(0);
    const C = this.layout.channels;
    // A weight of 1, so that the code under `w > 0` runs too.
    const sums = new Float64Array(this.layout.stride);
    sums[C] = 1;
    // V8 gives a function its feedback vector only after some bytecode has run in it: a call or two on no rows is not enough.
    for (let i = 0; i < PRIME_CALLS; i++) {
      for (const kind of ["gini", "entropy", "mse"] as const)
        nodeImpurityInto(kind, none, 0, 0, sums, C, { hess: empty, y: empty }, this.impurity);
      this.split(none, 0, 0, 0, 0, false);
      // One row sent right, so that the loop that copies the right side back runs too.
      this.split(one, 0, 1, 0, -1, false);
      partitionGap(this.binned, 0, none, 0, 0, 0, false, this.partition, this.lowestRight);
      partitionGap(this.binned, 0, one, 0, 1, -1, false, this.partition, this.lowestRight);
      for (const unit of [false, true]) {
        gather(none, 0, 0, { grad: empty, hess: empty }, this.scratch, unit);
        gather(none, 0, 0, { classes: new Int32Array(0), hess: empty }, this.scratch, unit);
      }
      primeRandomSplit(this.binned);
    }
  }

  /** Whether these settings grow here (the same trees as TreeGrower): features or thresholds drawn, no leaf cap. */
  static canGrow(params: GrowParams, cols: number): boolean {
    return (
      !Number.isFinite(params.maxLeafNodes) && (params.splitter === "random" || params.maxFeatures < cols)
    );
  }

  /**
   * Grows a tree on `rows[0..count)` (reordered in place); the split gains summed per feature.
   * With `gap` (extra trees), each split's threshold is drawn in its gap, from a stream seeded `gap.seed`.
   */
  grow(
    rows: Uint32Array,
    count: number,
    stats: RowStats,
    params: GrowParams,
    gap?: { values: BinValues; seed: number },
  ): { tree: Tree; gains: Float64Array } {
    this.gapped = gap !== undefined;
    if (gap !== undefined) {
      this.values = gap.values;
      this.gapState[0] = gap.seed;
    }
    const C = this.layout.channels;
    const builder = new TreeBuilder(C);
    const gains = new Float64Array(this.binned.cols);
    const sums = this.parentSums;
    const unit = rootSums(rows, count, stats, sums, C);
    this.unitWeights = unit && params.splitter === "random";
    if (params.splitter === "random")
      this.splitter.setTree(stats, this.scratch, params.rng as Rng, this.best, this.unitWeights);
    this.parentConst.fill(0);
    const top = this.open(builder, rows, 0, count, 0, sums, stats, params, 0);
    this.growNodes(builder, rows, stats, params, gains, top);
    return { tree: builder.finish(), gains };
  }

  /**
   * Splits the open nodes on the stack (`top` of them) and their children until none is left.
   * A method of its own with nothing after its loop: V8 compiles the loop while the first tree
   * grows (on-stack replacement), and code after it, with no type feedback yet, bailed out at
   * the end of every tree (the next one then ran unoptimised until the loop was compiled again).
   */
  private growNodes(
    builder: TreeBuilder,
    rows: Uint32Array,
    stats: RowStats,
    params: GrowParams,
    gains: Float64Array,
    stackTop: number,
  ): void {
    const C = this.layout.channels;
    const S = this.layout.stride;
    const W = this.words;
    const sums = this.parentSums;
    const parentConst = this.parentConst;
    const childSums = this.childSums;
    let top = stackTop;
    while (top > 0) {
      const slot = --top;
      const start = this.sStart[slot];
      const end = this.sEnd[slot];
      const depth = this.sDepth[slot];
      const f = this.sFeature[slot];
      const bin = this.sBin[slot];
      const missingLeft = this.sMissingLeft[slot] === 1;
      const gain = this.sGain[slot];
      for (let k = 0; k < S; k++) sums[k] = this.sSums[slot * S + k];
      for (let k = 0; k < S; k++) childSums[k] = this.sLeft[slot * S + k];
      // The left child's record takes this slot: its children's known constants are copied out first.
      for (let k = 0; k < W; k++) parentConst[k] = this.sConst[slot * W + k];
      const mid = this.split(rows, start, end, f, bin, missingLeft);
      const leftId = builder.size;
      builder.split(this.sId[slot], f, this.threshold(f, bin), missingLeft, gain, leftId, leftId + 1);
      gains[f] += gain;
      // Counts come from the partition itself, so that they never drift.
      childSums[C + 1] = mid - start;
      top = this.open(builder, rows, start, mid, depth + 1, childSums, stats, params, top);
      for (let k = 0; k <= C; k++) childSums[k] = sums[k] - childSums[k];
      childSums[C + 1] = end - mid;
      top = this.open(builder, rows, mid, end, depth + 1, childSums, stats, params, top);
    }
  }

  /**
   * Adds node rows[start..end) with these sums to the tree and searches its split; a node that
   * has one goes on the stack at `top`. Returns the new stack size.
   */
  private open(
    builder: TreeBuilder,
    rows: Uint32Array,
    start: number,
    end: number,
    depth: number,
    sums: Float64Array,
    stats: RowStats,
    p: GrowParams,
    top: number,
  ): number {
    const C = this.layout.channels;
    const S = this.layout.stride;
    const impurity = nodeImpurityInto(p.impurity, rows, start, end, sums, C, stats, this.impurity);
    const value = this.value;
    const denom = sums[C] + this.rules.lambda;
    // `+ 0` turns -0 (from a zero sum) into 0, as TreeGrower's leaf values.
    for (let k = 0; k < C; k++) value[k] = denom > 0 ? -sums[k] / denom + 0 : 0;
    const id = builder.add(value, end - start, sums[C], impurity.value);
    const n = end - start;
    const w = sums[C];
    const splittable =
      !impurity.pure &&
      depth < p.maxDepth &&
      n >= p.minSamplesSplit &&
      n >= 2 * this.rules.minSamplesLeaf &&
      w >= 2 * this.rules.minChildWeight;
    if (!splittable || !this.findSplit(rows, start, end, sums, stats, p)) return top;
    if (top === this.cap) this.reserve(2 * this.cap);
    const W = this.words;
    for (let k = 0; k < W; k++) this.sConst[top * W + k] = this.nodeConst[k];
    const best = this.best;
    this.sStart[top] = start;
    this.sEnd[top] = end;
    this.sDepth[top] = depth;
    this.sId[top] = id;
    this.sFeature[top] = best.feature;
    this.sBin[top] = best.bin;
    this.sMissingLeft[top] = best.missingLeft ? 1 : 0;
    this.sGain[top] = best.gain;
    for (let k = 0; k < S; k++) {
      this.sSums[top * S + k] = sums[k];
      this.sLeft[top * S + k] = best.left[k];
    }
    return top + 1;
  }

  /**
   * The node's best split into `this.best`; false when there is none worth making. Features in a
   * random order until maxFeatures non-constant ones were looked at (scikit-learn's rule), or all
   * in order. A feature found constant in an ancestor is constant here too (its rows are a
   * subset): it is not looked at again (scikit-learn's known constants), which spares a pass
   * over the rows for most one-hot columns below the first few levels. It is still drawn, so the
   * draws are the same, and a constant feature makes no draw of its own.
   */
  private findSplit(
    rows: Uint32Array,
    start: number,
    end: number,
    sums: Float64Array,
    stats: RowStats,
    p: GrowParams,
  ): boolean {
    const best = this.best;
    best.gain = Number.NEGATIVE_INFINITY;
    best.feature = -1;
    best.bin = -1;
    best.missingLeft = false;
    const score = this.finder.score(sums);
    const cols = this.binned.cols;
    const draw = p.maxFeatures < cols;
    const order = this.order;
    const rng = p.rng as Rng;
    const random = p.splitter === "random";
    gather(rows, start, end, stats, this.scratch, this.unitWeights);
    if (random) this.splitter.setNode(rows, start, end, sums, score);
    const known = this.nodeConst;
    const inherited = this.parentConst;
    for (let k = 0; k < known.length; k++) known[k] = inherited[k];
    if (random && !draw) {
      this.tryEvery(cols, known);
      return best.feature >= 0 && best.gain > p.minGain;
    }
    let visited = 0;
    for (let drawn = 0; drawn < cols && visited < p.maxFeatures; drawn++) {
      let f = drawn;
      if (draw) {
        const j = drawn + rng.int(cols - drawn);
        f = order[j];
        order[j] = order[drawn];
        order[drawn] = f;
      }
      const word = f >>> 5;
      const bit = 1 << (f & 31);
      if ((known[word] & bit) !== 0) continue;
      const varies = random
        ? this.splitter.tryFeature(f)
        : this.bestSplit(f, rows, start, end, sums, score, stats);
      if (varies) visited++;
      else known[word] |= bit;
    }
    if (random) this.splitter.flush();
    return best.feature >= 0 && best.gain > p.minGain;
  }

  /**
   * `findSplit`'s loop for extra trees that try every feature (none drawn, so every feature not
   * known constant is tried, in order): two at a time, so that their codes are gathered in one
   * pass (`RandomSplitter.tryTwo`). The same draws and offers in the same order.
   */
  private tryEvery(cols: number, known: Int32Array): void {
    const splitter = this.splitter;
    let held = -1;
    for (let f = 0; f < cols; f++) {
      if ((known[f >>> 5] & (1 << (f & 31))) !== 0) continue;
      if (held < 0) {
        held = f;
        continue;
      }
      const varies = splitter.tryTwo(held, f);
      if ((varies & 1) === 0) known[held >>> 5] |= 1 << (held & 31);
      if ((varies & 2) === 0) known[f >>> 5] |= 1 << (f & 31);
      held = -1;
    }
    if (held >= 0 && !splitter.tryFeature(held)) known[held >>> 5] |= 1 << (held & 31);
    splitter.flush();
  }

  /** Feature f's histogram built from the node's rows and scanned (NodeScan's `feature`, nodeScan.ts). */
  private bestSplit(
    f: number,
    rows: Uint32Array,
    start: number,
    end: number,
    sums: Float64Array,
    score: number,
    stats: RowStats,
  ): boolean {
    const { layout, binned, finder, scratch, best } = this;
    this.scan ??= makeFeatureScan(layout, binned, finder, scratch);
    return scanFeature(this.scan, f, rows, start, end, sums, score, stats, best);
  }

  /**
   * Stable in-place partition of rows[start..end) on the split (`partitionRows`, TreeGrower's);
   * returns where the right child starts, and notes the lowest value bin sent right for `threshold`
   * (and the highest sent left, when thresholds are drawn in the gap: `partitionGap`).
   */
  private split(
    rows: Uint32Array,
    start: number,
    end: number,
    f: number,
    bin: number,
    missingLeft: boolean,
  ): number {
    const { binned, partition, lowestRight: sides } = this;
    if (this.gapped) return partitionGap(binned, f, rows, start, end, bin, missingLeft, partition, sides);
    return partitionRows(binned, f, rows, start, end, bin, missingLeft, partition, sides);
  }

  /**
   * The raw threshold after bin `bin` of feature f: mid-gap to the lowest bin sent right
   * (TreeGrower's), or drawn in the gap (`gapThreshold`).
   */
  private threshold(f: number, bin: number): number {
    const sides = this.lowestRight;
    const nBins = this.binned.nBins[f];
    const mid = splitThreshold(this.thresholds[f], nBins, bin, sides[0]);
    if (!this.gapped) return mid;
    return gapThreshold(this.values, f, sides[1], sides[0], nBins, nextUnit(this.gapState), mid);
  }

  private reserve(cap: number): void {
    const S = this.layout.stride;
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(
      a: T,
      make: (n: number) => T,
      w = 1,
    ): T => {
      const b = make(cap * w);
      b.set(a);
      return b;
    };
    this.sStart = grow(this.sStart, (n) => new Int32Array(n));
    this.sEnd = grow(this.sEnd, (n) => new Int32Array(n));
    this.sDepth = grow(this.sDepth, (n) => new Int32Array(n));
    this.sId = grow(this.sId, (n) => new Int32Array(n));
    this.sFeature = grow(this.sFeature, (n) => new Int32Array(n));
    this.sBin = grow(this.sBin, (n) => new Int32Array(n));
    this.sMissingLeft = grow(this.sMissingLeft, (n) => new Uint8Array(n));
    this.sGain = grow(this.sGain, (n) => new Float64Array(n));
    this.sConst = grow(this.sConst, (n) => new Int32Array(n), this.words);
    this.sSums = grow(this.sSums, (n) => new Float64Array(n), S);
    this.sLeft = grow(this.sLeft, (n) => new Float64Array(n), S);
    this.cap = cap;
  }
}
