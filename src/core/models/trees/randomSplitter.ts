import type { Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import {
  gatherCodes,
  gatherTwo,
  gatherTwoPresent,
  presentColumns,
  rangeHi,
  rangeHiB,
  rangeLo,
  rangeLoB,
  rangeMissing,
  rangeMissingB,
} from "./gatherCodes.ts";
import type { HistScratch, RowStats } from "./histogram.ts";
import { leftSums, leftSumsBinary, leftSumsMissing, leftSumsTwo } from "./leftSums.ts";
import { cutOf } from "./randomSplit.ts";
import type { SplitCandidate, SplitFinder } from "./splitFinder.ts";

/**
 * `randomSplit` with the tree's and the node's state held in fields, set once per tree
 * (`setTree`) and per node (`setNode`), so that trying a feature passes one number: V8 boxes a
 * floating-point argument (the node's score) on every call that is not inlined, and a regression
 * forest tries hundreds of thousands of features per tree. Candidates are scored here as
 * `SplitFinder.offer` scores them (same operations, same order, so the same gains), without the
 * call; entropy goes through `offer`.
 */
export class RandomSplitter {
  private stats: RowStats = { hess: new Float64Array(0) };
  private scratch: HistScratch | null = null;
  private rng: Rng | null = null;
  private best: SplitCandidate | null = null;
  private unitWeights = false;
  private rows: Uint32Array = new Uint32Array(0);
  private start = 0;
  private end = 0;
  private parent: Float64Array = new Float64Array(0);
  private parentScore = 0;
  private readonly left: Float64Array;
  private readonly missing: Float64Array;
  private readonly squared: boolean;
  /** The node has two rows (and a squared score): features are tried by `tryPair`. */
  private pair = false;
  /** A two-row node's left sums with its first row left (A) or its second (B), and their gains. */
  private readonly pairA: Float64Array;
  private readonly pairB: Float64Array;
  private gainA = 0;
  private gainB = 0;
  /** Gathered codes: the pending feature's (`pending`) and two for the features being tried. */
  private readonly buffers: Uint8Array[];
  /** Per column, 1 when it has no missing value (`gatherTwoPresent`). */
  private readonly present: Uint8Array;
  /** The pending feature's buffer; -1: none pending. */
  private pending = -1;
  /**
   * A tried feature whose sums wait for the next one's (-1: none), with its cut: gradient sums
   * are a chain of dependent additions, and two features summed in one pass run two chains side
   * by side (`leftSumsTwo`). Each keeps its own sums in row order, the draws are made in the
   * same order, and candidates are offered in feature order, so the split is the same.
   */
  private pendingFeature = 0;
  private pendingBin = 0;
  private readonly pendingLeft: Float64Array;

  constructor(
    private readonly finder: SplitFinder,
    private readonly binned: BinnedMatrix,
  ) {
    this.left = new Float64Array(finder.layout.stride);
    this.missing = new Float64Array(finder.layout.stride);
    this.squared = finder.rules.score === "squared";
    this.pairA = new Float64Array(finder.layout.stride);
    this.pairB = new Float64Array(finder.layout.stride);
    this.pendingLeft = new Float64Array(finder.layout.stride);
    const n = Math.max(2, binned.rows);
    this.buffers = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
    this.present = presentColumns(binned);
  }

  /** The tree's row statistics (gathered per node into `scratch`), draws and best-split record. */
  setTree(stats: RowStats, scratch: HistScratch, rng: Rng, best: SplitCandidate, unitWeights: boolean): void {
    this.stats = stats;
    this.scratch = scratch;
    this.rng = rng;
    this.best = best;
    this.unitWeights = unitWeights;
  }

  /**
   * The node: its rows `rows[start..end)`, sums and score (its row statistics gathered). A node
   * of two rows has only two possible splits, one row on each side, whatever the feature and the
   * cut: both are summed and scored here once (by `leftSums` and the gain of `offer`, so the same
   * numbers), and each feature then costs two reads and a draw (`tryPair`). Two-row nodes are a
   * third of a fully grown regression tree's nodes.
   */
  setNode(rows: Uint32Array, start: number, end: number, parent: Float64Array, parentScore: number): void {
    this.rows = rows;
    this.start = start;
    this.end = end;
    this.parent = parent;
    this.parentScore = parentScore;
    this.pair = end - start === 2 && this.squared;
    if (!this.pair) return;
    const left = this.left;
    const C = left.length - 2;
    const gradient = this.stats.grad !== undefined;
    const scratch = this.scratch as HistScratch;
    const codes = this.buffers[0];
    codes[0] = 0;
    codes[1] = 1;
    leftSums(left, C, codes, 2, 0, gradient, scratch, this.unitWeights);
    this.pairA.set(left);
    this.gainA = this.gainOfLeft();
    codes[0] = 1;
    codes[1] = 0;
    leftSums(left, C, codes, 2, 0, gradient, scratch, this.unitWeights);
    this.pairB.set(left);
    this.gainB = this.gainOfLeft();
  }

  /** `randomSplit` on feature f of the node: false when f is constant there. */
  tryFeature(f: number): boolean {
    const { binned, start, end } = this;
    if (this.pair) {
      const varies = this.tryPair(f);
      if (varies >= 0) return varies === 1;
    }
    if (binned.nBins[f] === 2) {
      const varies = this.tryBinary(f);
      if (varies >= 0) return varies === 1;
    }
    const at = this.pending === 0 ? 1 : 0;
    const codes = this.buffers[at];
    gatherCodes(binned, f, this.rows, start, end, codes);
    const gradient = this.stats.grad !== undefined;
    if (gradient) return this.tryGathered(f, at, rangeLo, rangeHi, rangeMissing);
    // Classes: nothing is ever pending; `tryGathered`'s other half, written out (a call per feature
    // that V8 did not inline cost the classifier ~5%).
    const nMissing = rangeMissing;
    if (rangeHi < 0 || (rangeLo === rangeHi && nMissing === 0)) return false;
    const lo = rangeLo;
    const hi = rangeHi;
    const bin = cutOf(binned, f, lo, hi, this.rng as Rng);
    const left = this.left;
    const C = left.length - 2;
    const scratch = this.scratch as HistScratch;
    const n = end - start;
    if (nMissing === 0) leftSums(left, C, codes, n, bin, false, scratch, this.unitWeights);
    else
      leftSumsMissing(
        left,
        this.missing,
        C,
        codes,
        n,
        bin,
        binned.nBins[f],
        false,
        scratch,
        this.unitWeights,
      );
    this.offer(left, f, bin, false, nMissing > 0);
    if (nMissing > 0 && lo < hi) {
      const miss = this.missing;
      for (let k = 0; k < left.length; k++) left[k] += miss[k];
      this.offer(left, f, bin, true, true);
    }
    return true;
  }

  /**
   * `tryFeature` on features fA and fB, in this order (the same draws, offers and results):
   * their codes are gathered in one pass (`gatherTwo`). Returns bit 1 when fA varies in the
   * node, bit 2 when fB does.
   */
  tryTwo(fA: number, fB: number): number {
    const { binned, start, end } = this;
    const nBins = binned.nBins;
    if (this.pair || nBins[fA] === 2 || nBins[fB] === 2)
      return (this.tryFeature(fA) ? 1 : 0) | (this.tryFeature(fB) ? 2 : 0);
    const a = this.pending === 0 ? 1 : 0;
    const b = this.pending === 2 ? 1 : 2;
    if (this.present[fA] === 1 && this.present[fB] === 1)
      gatherTwoPresent(binned, fA, fB, this.rows, start, end, this.buffers[a], this.buffers[b]);
    else gatherTwo(binned, fA, fB, this.rows, start, end, this.buffers[a], this.buffers[b]);
    const loB = rangeLoB;
    const hiB = rangeHiB;
    const missingB = rangeMissingB;
    const variesA = this.tryGathered(fA, a, rangeLo, rangeHi, rangeMissing);
    const variesB = this.tryGathered(fB, b, loB, hiB, missingB);
    return (variesA ? 1 : 0) | (variesB ? 2 : 0);
  }

  /**
   * The rest of `tryFeature` once f's codes are gathered in buffer `at` with value bins lo..hi
   * and `nMissing` missing: the cut drawn, the left side summed (now, or with the next feature's
   * when pending) and offered. False when f is constant in the node.
   */
  private tryGathered(f: number, at: number, lo: number, hi: number, nMissing: number): boolean {
    if (hi < 0 || (lo === hi && nMissing === 0)) return false;
    const { binned, start, end } = this;
    const codes = this.buffers[at];
    const bin = cutOf(binned, f, lo, hi, this.rng as Rng);
    const left = this.left;
    const C = left.length - 2;
    const gradient = this.stats.grad !== undefined;
    const scratch = this.scratch as HistScratch;
    const n = end - start;
    if (nMissing === 0 && gradient) {
      if (this.pending < 0) {
        this.pending = at;
        this.pendingFeature = f;
        this.pendingBin = bin;
        return true;
      }
      const pending = this.pendingLeft;
      const pf = this.pendingFeature;
      const pb = this.pendingBin;
      leftSumsTwo(pending, left, this.buffers[this.pending], pb, codes, bin, n, scratch, this.unitWeights);
      this.pending = -1;
      this.offer(pending, pf, pb, false, false);
      this.offer(left, f, bin, false, false);
      return true;
    }
    this.flush();
    if (nMissing === 0) leftSums(left, C, codes, n, bin, gradient, scratch, this.unitWeights);
    else
      leftSumsMissing(
        left,
        this.missing,
        C,
        codes,
        n,
        bin,
        binned.nBins[f],
        gradient,
        scratch,
        this.unitWeights,
      );
    this.offer(left, f, bin, false, nMissing > 0);
    if (nMissing > 0 && lo < hi) {
      const miss = this.missing;
      for (let k = 0; k < left.length; k++) left[k] += miss[k];
      this.offer(left, f, bin, true, true);
    }
    return true;
  }

  /**
   * Sums and offers the pending feature's split, if any. Called before anything else is offered
   * or the best gain read, and by the grower when the node's features are done.
   */
  flush(): void {
    const at = this.pending;
    if (at < 0) return;
    this.pending = -1;
    const f = this.pendingFeature;
    const left = this.pendingLeft;
    const n = this.end - this.start;
    leftSums(
      left,
      left.length - 2,
      this.buffers[at],
      n,
      this.pendingBin,
      true,
      this.scratch as HistScratch,
      this.unitWeights,
    );
    this.offer(left, f, this.pendingBin, false, false);
  }

  /**
   * `tryFeature` for a feature with two value bins (a one-hot column), in one pass over the node
   * instead of two: the cut can only be "code <= 0", so the left side's sums are taken while the
   * codes are read (`leftSumsBinary`, the same operations in the same order as `leftSums`), and the
   * range is told by the count. Returns 1 when tried, 0 when constant, -1 when the node has missing
   * values (the general path then runs from the start; nothing was drawn or offered).
   */
  private tryBinary(f: number): number {
    this.flush();
    const { binned, start, end } = this;
    const left = this.left;
    const C = left.length - 2;
    const n = end - start;
    const miss = leftSumsBinary(
      left,
      C,
      binned.codes,
      f * binned.rows,
      this.rows,
      start,
      n,
      this.stats.grad !== undefined,
      this.scratch as HistScratch,
      this.unitWeights,
    );
    if (miss > 0) return -1;
    const zeros = left[C + 1];
    if (zeros === 0 || zeros === n) return 0;
    // Draws as the general path does (one draw), though only bin 0 can come out.
    const bin = cutOf(binned, f, 0, 1, this.rng as Rng);
    this.offer(left, f, bin, false, false);
    return 1;
  }

  /**
   * `tryFeature` in a two-row node (`setNode`): the feature splits the rows iff their codes
   * differ, and the row with the lower code goes left. The cut is drawn only when the split would
   * win (its bin is then needed); otherwise the draw is made and dropped, so the stream is the
   * same. Returns 1 when tried, 0 when constant, -1 when a code is missing (general path).
   */
  private tryPair(f: number): number {
    this.flush();
    const { binned, rows, start } = this;
    const codes = binned.codes;
    const col = f * binned.rows;
    const a = codes[col + rows[start]];
    const b = codes[col + rows[start + 1]];
    const missing = binned.nBins[f];
    if (a === missing || b === missing) return -1;
    if (a === b) return 0;
    const best = this.best as SplitCandidate;
    const rng = this.rng as Rng;
    const firstLeft = a < b;
    const gain = firstLeft ? this.gainA : this.gainB;
    if (!(gain > best.gain)) {
      rng.next();
      return 1;
    }
    const bin = cutOf(binned, f, firstLeft ? a : b, firstLeft ? b : a, rng);
    const left = firstLeft ? this.pairA : this.pairB;
    const C = left.length - 2;
    const nl = left[C + 1];
    const nr = this.parent[C + 1] - nl;
    best.gain = gain;
    best.feature = f;
    best.bin = bin;
    best.missingLeft = nl >= nr;
    best.left.set(left);
    return 1;
  }

  /** The squared gain of the left sums in `this.left` as `offer` scores them (same operations); -Infinity when not a valid split. */
  private gainOfLeft(): number {
    const { left, parent } = this;
    const { minSamplesLeaf, minChildWeight, lambda } = this.finder.rules;
    const C = left.length - 2;
    const nl = left[C + 1];
    const nr = parent[C + 1] - nl;
    if (nl < minSamplesLeaf || nr < minSamplesLeaf) return Number.NEGATIVE_INFINITY;
    const hl = left[C];
    const hr = parent[C] - hl;
    if (hl < minChildWeight || hr < minChildWeight) return Number.NEGATIVE_INFINITY;
    const dl = hl + lambda;
    const dr = hr + lambda;
    let sl = 0;
    let sr = 0;
    for (let k = 0; k < C; k++) {
      const r = parent[k] - left[k];
      sl += (left[k] * left[k]) / dl;
      sr += (r * r) / dr;
    }
    return sl + sr - this.parentScore;
  }

  /** `SplitFinder.offer` of these left sums. */
  private offer(left: Float64Array, f: number, bin: number, missingLeft: boolean, hasMissing: boolean): void {
    const best = this.best as SplitCandidate;
    const parent = this.parent;
    if (!this.squared) {
      this.finder.offer(left, f, bin, missingLeft, hasMissing, parent, this.parentScore, best);
      return;
    }
    const { minSamplesLeaf, minChildWeight, lambda } = this.finder.rules;
    const C = left.length - 2;
    const nl = left[C + 1];
    const nr = parent[C + 1] - nl;
    if (nl < minSamplesLeaf || nr < minSamplesLeaf) return;
    const hl = left[C];
    const hr = parent[C] - hl;
    if (hl < minChildWeight || hr < minChildWeight) return;
    const dl = hl + lambda;
    const dr = hr + lambda;
    let sl = 0;
    let sr = 0;
    for (let k = 0; k < C; k++) {
      const r = parent[k] - left[k];
      sl += (left[k] * left[k]) / dl;
      sr += (r * r) / dr;
    }
    // As `gainOfLeft`, written out: a float returned from a call that is not inlined is boxed.
    const gain = sl + sr - this.parentScore;
    if (gain > best.gain) {
      best.gain = gain;
      best.feature = f;
      best.bin = bin;
      best.missingLeft = hasMissing ? missingLeft : nl >= nr;
      best.left.set(left);
    }
  }
}
