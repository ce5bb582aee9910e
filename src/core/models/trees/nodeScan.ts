import type { Rng } from "../../random.ts";
import type { BinnedMatrix } from "./binning.ts";
import { type FeatureScan, makeFeatureScan, scanFeature } from "./featureHistogram.ts";
import type { OpenNode } from "./frontier.ts";
import {
  gatherRows,
  type HistLayout,
  type HistScratch,
  makeHistScratch,
  type RowStats,
} from "./histogram.ts";
import { randomSplit } from "./randomSplit.ts";
import type { SplitCandidate, SplitFinder } from "./splitFinder.ts";

/** What a node search reads of a tree's `GrowParams` (grower.ts; named here, so no import cycle). */
export interface NodeScanParams {
  maxFeatures: number;
  splitter: "best" | "random";
  rng?: Rng;
}

/**
 * A grower's search of a node that has no histogram: its rows' statistics gathered once, then
 * features in a random order until `maxFeatures` non-constant ones were looked at (scikit-learn's
 * rule), or all in order, each by an extra-trees threshold or its own histogram built from the
 * node's rows. Also owns the gather buffers, which the grower's JS histograms borrow.
 */
export class NodeScan {
  /** Gather buffers, made on first use and grown to the largest node gathered (see `scratchFor`). */
  private scratch: HistScratch | null = null;
  private readonly order: Int32Array;
  /** The exact one-feature scan's inputs and scratch, made on first use. */
  private scan: FeatureScan | null = null;
  private randomSums: { left: Float64Array; missing: Float64Array } | null = null;

  constructor(
    private readonly binned: BinnedMatrix,
    private readonly layout: HistLayout,
    private readonly finder: SplitFinder,
  ) {
    this.order = Int32Array.from({ length: binned.cols }, (_, i) => i);
  }

  /**
   * Gather buffers for a node of n rows. Made on first use: a grower whose histograms are built
   * in WebAssembly gathers only nodes too small for a histogram (a few hundred rows at most), so it
   * need not hold three arrays of every row (20 bytes a row).
   */
  scratchFor(n: number): HistScratch {
    const have = this.scratch;
    if (have && have.g.length >= n) return have;
    const size = Math.min(this.binned.rows, Math.max(n, 1024, 2 * (have?.g.length ?? 0)));
    this.scratch = makeHistScratch(size);
    // The one-feature scan holds the buffers it was made with.
    this.scan = null;
    return this.scratch;
  }

  /** The node's best split over its looked-at features into `best`; constant ones marked in `node.known`. */
  search(node: OpenNode, rows: Uint32Array, stats: RowStats, p: NodeScanParams, best: SplitCandidate): void {
    const cols = this.binned.cols;
    const known = node.known!;
    // One scratch histogram serves every feature and is left zeroed.
    const draw = p.maxFeatures < cols;
    const order = this.order;
    const rng = p.rng!;
    const scratch = this.scratchFor(node.end - node.start);
    gatherRows(rows, node.start, node.end, stats, scratch);
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
      if (this.feature(node, f, rows, stats, p, scratch, best)) visited++;
      else known[word] |= bit;
    }
  }

  /**
   * One feature of the node (statistics gathered in `scratch`): an extra-trees threshold, or the
   * feature's histogram built from the node's rows and scanned. A node with few rows per bin lists
   * its non-empty bins instead of walking them all.
   */
  private feature(
    node: OpenNode,
    f: number,
    rows: Uint32Array,
    stats: RowStats,
    p: NodeScanParams,
    scratch: HistScratch,
    best: SplitCandidate,
  ): boolean {
    const { layout, binned, finder } = this;
    const { start, end, sums, score } = node;
    if (p.splitter === "random") {
      this.randomSums ??= { left: new Float64Array(layout.stride), missing: new Float64Array(layout.stride) };
      return randomSplit(
        finder,
        binned,
        f,
        rows,
        start,
        end,
        stats,
        scratch,
        sums,
        score,
        p.rng!,
        best,
        this.randomSums,
      );
    }
    this.scan ??= makeFeatureScan(layout, binned, finder, scratch);
    return scanFeature(this.scan, f, rows, start, end, sums, score, stats, best);
  }
}
