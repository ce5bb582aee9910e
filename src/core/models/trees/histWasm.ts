import type { BinnedMatrix } from "./binning.ts";
import {
  BOARD_WORDS,
  type ChunkKernels,
  chunkRange,
  histogramHelp,
  KIND_BIG,
  KIND_COLS,
  KIND_ROOT,
  KIND_STEP,
  runChunk,
  type StepArrays,
  W_CLAIM,
  W_CLOSED,
  W_COLS,
  W_COLUMNS,
  W_DONE,
  W_G,
  W_GATHER,
  W_H,
  W_HELP_SCRATCH,
  W_HESS,
  W_HIST,
  W_JOINED,
  W_KIND,
  W_MAX_HELPERS,
  W_N,
  W_OFFS,
  W_PARTS,
  W_ROWS,
  W_TOTAL,
} from "./histHelp.ts";
import { COLUMN_SPARSITY, type Exports, makeMemory, type Plan, takeReservation } from "./histMemory.ts";
import type { HistLayout, RowStats } from "./histogram.ts";

// One-channel whole-node histograms (gradient boosting) built in WebAssembly (histWat.ts): the
// same sums as nodeHistogram.ts's JS kernels, bit for bit, about three times faster.

/** Nodes under this many rows are built by the owner alone: a shared build's hand-off costs more. */
const MIN_SHARED_ROWS = 4096;

/**
 * A grower's histograms in one WebAssembly memory: the column-major bin codes, the rows' gradients
 * and hessians (copied in once per tree), an index buffer, and a pool of histogram slots handed
 * out as Float64Array views, so that split search reads them like any histogram. Beyond the slots,
 * histograms are ordinary arrays built in a scratch slot and copied out. The memory is sized once
 * and never grown afterwards (growing would detach every view).
 *
 * With this thread's histogram help set (histHelp.ts), the memory is shared and offered to other
 * threads, which then build parts of the larger histograms; `close` ends the offer.
 */
export class WasmHistograms {
  private readonly e: Exports;
  private readonly free: Float64Array[] = [];
  private readonly aColumns: number;
  private readonly aOrdered: number;
  private readonly gather: number;
  private readonly aRows: number;
  private readonly aG: number;
  private readonly aH: number;
  private readonly aOffs: number;
  private readonly aScratch: number;
  /** The tree's rows while it grows (startTree), partitioned here. */
  readonly rows: Uint32Array;
  private readonly aLowest: number;
  private readonly lowestView: Int32Array;
  private readonly nBins: Int32Array;
  /** The rows' gradients and hessians the kernels read: a booster may write them in place (see `load`). */
  readonly gView: Float64Array;
  readonly hView: Float64Array;
  private readonly scratch: Float64Array;
  private readonly cols: number;
  private readonly total: number;
  private loaded: RowStats | null = null;
  /** The help board when the memory is shared, and what ends the offer. */
  private readonly board: Int32Array | null = null;
  private readonly aBoard: number = 0;
  private withdraw: (() => void) | null = null;
  private seq = 0;
  /** The memory's buffer, sized once (the slots' views are of it). */
  private readonly buffer: ArrayBufferLike;

  private constructor(
    e: Exports,
    buf: ArrayBufferLike,
    p: Plan,
    binned: BinnedMatrix,
    private readonly layout: HistLayout,
    helpers: number,
  ) {
    this.e = e;
    this.buffer = buf;
    const { rows, cols, codes } = binned;
    this.cols = cols;
    this.total = rows;
    this.aColumns = p.columns;
    this.aOrdered = p.ordered;
    this.gather = p.gather;
    this.aRows = p.rows;
    this.aG = p.g;
    this.aH = p.h;
    this.aOffs = p.offs;
    this.aLowest = p.lowest;
    this.aScratch = p.scratch;
    const histBytes = layout.size * 8;
    // Codes binned into this memory (reserveCodes) are in place already.
    if (codes.buffer !== buf || codes.byteOffset !== this.aColumns)
      new Uint8Array(buf, this.aColumns, rows * cols).set(codes.subarray(0, rows * cols));
    const offs = new Int32Array(buf, this.aOffs, cols);
    for (let f = 0; f < cols; f++) offs[f] = layout.offsets[f] * 8;
    this.rows = new Uint32Array(buf, this.aRows, rows);
    this.lowestView = new Int32Array(buf, this.aLowest, 1);
    this.nBins = binned.nBins;
    this.gView = new Float64Array(buf, this.aG, rows);
    this.hView = new Float64Array(buf, this.aH, rows);
    this.scratch = new Float64Array(buf, this.aScratch, layout.size);
    for (let s = p.nSlots - 2; s >= 0; s--)
      this.free.push(new Float64Array(buf, p.slots + s * histBytes, layout.size));
    if (helpers > 0) {
      const b = new Int32Array(buf, p.board, BOARD_WORDS);
      b[W_COLUMNS] = p.columns;
      b[W_COLS] = cols;
      b[W_TOTAL] = rows;
      b[W_G] = p.g;
      b[W_H] = p.h;
      b[W_OFFS] = p.offs;
      b[W_HELP_SCRATCH] = p.helpScratch;
      b[W_GATHER] = p.gather;
      b[W_MAX_HELPERS] = helpers;
      this.board = b;
      this.aBoard = p.board;
    }
  }

  /**
   * Histograms for one-channel growth on `binned`, or null where WebAssembly is unavailable.
   * `share`: the grower will `close` it, so it may offer its work to helping threads. Codes
   * binned into `reserveCodes`'s storage are used where they lie (no second copy).
   */
  static create(
    binned: BinnedMatrix,
    layout: HistLayout,
    share = false,
    step?: StepArrays,
  ): WasmHistograms | null {
    if (layout.channels !== 1) return null;
    const help = share ? histogramHelp() : null;
    const codes = binned.codes;
    const r = takeReservation(codes);
    const fits =
      r &&
      codes.byteOffset === r.p.columns &&
      r.histBytes === layout.size * 8 &&
      r.helpers === (help?.helpers ?? 0);
    const m = fits ? r : makeMemory(binned.rows, binned.cols, layout.size * 8, help);
    if (!m) return null;
    const h = new WasmHistograms(m.e, m.buf, m.p, binned, layout, m.helpers);
    // The step writes its gradients and hessians where the kernels read them: held once, no copy.
    // Its per-row loss terms go where the index buffers lie (`ordered` then `rows`, 8 bytes a row
    // together): the step runs between trees, when neither is in use, and its terms are summed
    // before the next tree starts (boost.ts), so they need no array of their own (4.8 MB at 600k).
    if (step) {
      step.grad = h.gView;
      step.hess = h.hView;
      step.terms = h.betweenTrees();
    }
    if (help && m.memory) h.withdraw = help.offer({ memory: m.memory, board: h.aBoard, step });
    return h;
  }

  /** The module's column-major codes: the same bytes as the binned matrix's, as a view. */
  columnCodes(): Uint8Array {
    return new Uint8Array(this.buffer, this.aColumns, this.total * this.cols);
  }

  /**
   * A float per row over the index buffers (`ordered`, then `rows`: adjacent, see histMemory.ts's
   * plan), for data that lives only between trees: overwritten by the next `startTree`.
   */
  betweenTrees(): Float64Array {
    if (this.aRows + this.total * 4 - this.aOrdered < this.total * 8 || this.aOrdered % 8 !== 0)
      throw new Error("histogram memory: the index buffers cannot hold a float per row");
    return new Float64Array(this.buffer, this.aOrdered, this.total);
  }

  /** Ends the offer of help (helpers leave); the histograms still work, alone. */
  close(): void {
    const b = this.board;
    if (!b || Atomics.load(b, W_CLOSED) === 1) return;
    Atomics.store(b, W_CLOSED, 1);
    Atomics.notify(b, W_CLAIM);
    this.withdraw?.();
    this.withdraw = null;
  }

  /**
   * Builds the task (kind, rows at byte `aRows`, n, into byte `at`) with the helpers, when any
   * have joined and the node is big enough; false when the caller should build it alone.
   */
  private shared(kind: number, hess: boolean, aRows: number, n: number, at: number): boolean {
    const e = this.e as unknown as ChunkKernels;
    return this.publish(kind, hess, aRows, n, at, (b, c) => runChunk(e, b, c, this.aOrdered));
  }

  /**
   * The binary loss's step on rows 0..n shared with the helpers (the offer's step arrays), the
   * owner running its chunks' rows with `run(from, to)`; false when no helper has joined.
   */
  shareStep(n: number, run: (from: number, to: number) => void): boolean {
    return this.publish(KIND_STEP, false, 0, n, 0, (b, c) => {
      const [from, to] = chunkRange(c, b[W_PARTS], n);
      run(from, to);
    });
  }

  private publish(
    kind: number,
    hess: boolean,
    aRows: number,
    n: number,
    at: number,
    own: (b: Int32Array, c: number) => void,
  ): boolean {
    const b = this.board;
    if (!b || n < MIN_SHARED_ROWS) return false;
    const helpers = Atomics.load(b, W_JOINED);
    if (helpers === 0 || Atomics.load(b, W_CLOSED) === 1) return false;
    const parts = Math.min(helpers + 1, kind === KIND_STEP ? 255 : this.cols);
    // The old claim word (0 on a fresh board) first names no chunk (255), then the fields change:
    // a helper that read the old word and then this task's PARTS would otherwise claim a chunk of
    // it before its word is out, a chunk then built twice and counted done once too often.
    Atomics.store(b, W_CLAIM, (this.seq << 8) | 255);
    b[W_KIND] = kind;
    b[W_HESS] = hess ? 1 : 0;
    b[W_ROWS] = aRows;
    b[W_N] = n;
    b[W_HIST] = at;
    Atomics.store(b, W_PARTS, parts);
    Atomics.store(b, W_DONE, 0);
    this.seq = (this.seq + 1) & 0x7fffff;
    Atomics.store(b, W_CLAIM, this.seq << 8);
    Atomics.notify(b, W_CLAIM);
    // The owner claims chunks too, so a helper that is slow to wake costs nothing but its share.
    for (let w = Atomics.add(b, W_CLAIM, 1); (w & 255) < parts; w = Atomics.add(b, W_CLAIM, 1)) {
      own(b, w & 255);
      Atomics.add(b, W_DONE, 1);
    }
    for (let spin = 0; ; spin++) {
      const done = Atomics.load(b, W_DONE);
      if (done >= parts) break;
      if (spin > 1000) Atomics.wait(b, W_DONE, done, 10);
    }
    return true;
  }

  acquire(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.layout.size);
  }

  release(hist: Float64Array | null): void {
    if (hist) this.free.push(hist);
  }

  /**
   * Starts a tree on rows[0..count): returns the module's copy, which the grower partitions (and
   * copies back at the end); the row statistics are copied in on first use (they change per tree).
   */
  startTree(rows: Uint32Array, count: number): Uint32Array {
    this.loaded = null;
    // A booster may partition the module's own rows (set on the same buffer would copy them first).
    if (rows !== this.rows) this.rows.set(rows.subarray(0, count));
    return this.rows;
  }

  /**
   * grower.ts's partition of this.rows[start..end) on feature f at `bin` (see the WAT); returns
   * where the right side starts, and `lowestRight()` the lowest code sent right.
   */
  partition(f: number, start: number, end: number, bin: number, missingLeft: boolean): number {
    const column = this.aColumns + f * this.total;
    // The column-major build's gather buffer is free while partitioning.
    return this.e.partition(
      column,
      this.aRows,
      start,
      end,
      this.aOrdered,
      bin,
      this.nBins[f],
      missingLeft ? 0 : 1,
      this.aLowest,
    );
  }

  lowestRight(): number {
    return this.lowestView[0];
  }

  private load(stats: RowStats): void {
    if (this.loaded === stats) return;
    // Statistics written into the module's own arrays are in place already.
    if (stats.grad !== this.gView) this.gView.set(stats.grad!);
    if (stats.constantHess === undefined && stats.hess !== this.hView) this.hView.set(stats.hess);
    this.loaded = stats;
  }

  /** Where a kernel writes `hist`: its own bytes when it is a slot, else the scratch slot. */
  private target(hist: Float64Array): number {
    return hist.buffer === this.buffer ? hist.byteOffset : this.aScratch;
  }

  private finish(hist: Float64Array, at: number): void {
    if (at === this.aScratch) hist.set(this.scratch);
  }

  /** nodeHistogram's `buildHistogram` (gradient channel) on rows[start..end). */
  build(hist: Float64Array, rows: Uint32Array, start: number, end: number, stats: RowStats): void {
    this.load(stats);
    const at = this.target(hist);
    const view = at === this.aScratch ? this.scratch : hist;
    view.fill(0);
    const n = end - start;
    let aRows = this.aRows + start * 4;
    if (rows !== this.rows) {
      this.rows.set(rows.subarray(start, end));
      aRows = this.aRows;
    }
    const constant = stats.constantHess !== undefined;
    const small = n * COLUMN_SPARSITY < this.total;
    if (!this.shared(small ? KIND_COLS : KIND_BIG, !constant, aRows, n, at)) {
      const e = this.e;
      const kernel = small ? (constant ? e.cols_g : e.cols_gh) : constant ? e.big_g : e.big_gh;
      const { aColumns, total, cols, aG, aH, aOffs, aOrdered } = this;
      kernel(aColumns, total, cols, aRows, n, aG, aH, at, aOffs, aOrdered, aOrdered + this.gather);
    }
    if (constant) weightsFromCounts(view, this.layout.size, stats.constantHess!);
    this.finish(hist, at);
  }

  /** nodeHistogram's `buildRootHistogram`: every row in order, counts from `counts`. */
  buildRoot(hist: Float64Array, n: number, stats: RowStats, counts: Float64Array): void {
    this.load(stats);
    const at = this.target(hist);
    const view = at === this.aScratch ? this.scratch : hist;
    view.fill(0);
    const constant = stats.constantHess !== undefined;
    if (!this.shared(KIND_ROOT, !constant, this.aRows, n, at)) {
      const kernel = constant ? this.e.root_g : this.e.root_gh;
      const { aColumns, total, cols, aRows, aG, aH, aOffs } = this;
      kernel(aColumns, total, cols, aRows, n, aG, aH, at, aOffs, 0, 0);
    }
    const size = this.layout.size;
    for (let p = 2; p < size; p += 3) view[p] = counts[p];
    if (constant) weightsFromCounts(view, size, stats.constantHess!);
    this.finish(hist, at);
  }
}

/** Weight = count x the constant hessian, as nodeHistogram's. */
function weightsFromCounts(hist: Float64Array, size: number, h: number): void {
  for (let p = 1; p < size; p += 3) hist[p] = hist[p + 1] * h;
}
