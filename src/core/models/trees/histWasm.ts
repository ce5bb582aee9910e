import { instantiate, moduleLoader, WASM_PAGE } from "../../wasm/wasmModule.ts";
import type { BinnedMatrix } from "./binning.ts";
import type { HistLayout, RowStats } from "./histogram.ts";
import { HIST_WASM_BASE64 } from "./histWasmBytes.ts";

// One-channel whole-node histograms (gradient boosting) built in WebAssembly (histWat.ts): the
// same sums as nodeHistogram.ts's JS kernels, bit for bit, about three times faster.

type Kernel = (
  codes: number,
  cols: number,
  rows: number,
  n: number,
  g: number,
  h: number,
  hist: number,
  offs: number,
) => void;
type ColumnKernel = (
  codes: number,
  total: number,
  cols: number,
  rows: number,
  n: number,
  g: number,
  h: number,
  hist: number,
  offs: number,
  gg: number,
  hh: number,
) => void;

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  rows_g: Kernel;
  rows_gh: Kernel;
  root_g: Kernel;
  root_gh: Kernel;
  cols_g: ColumnKernel;
  cols_gh: ColumnKernel;
  partition(
    column: number,
    rows: number,
    start: number,
    end: number,
    buf: number,
    bin: number,
    missing: number,
    missRight: number,
    lowest: number,
  ): number;
}

/** Histogram slots kept in WebAssembly memory: at most this many, and at most this many bytes. */
const MAX_SLOTS = 64;
const SLOT_BYTES = 32 * 1024 * 1024;
/**
 * A node with fewer than one in this many of the rows is built from column-major codes: measured
 * at 667k x 20, 2x faster at a tenth of the rows, even at half of them.
 */
const COLUMN_SPARSITY = 4;

/** The module, compiled once per thread; null where WebAssembly is missing or refuses a sync compile. */
const wasmModule = moduleLoader(HIST_WASM_BASE64);

const align = (bytes: number) => (bytes + 63) & ~63;

/**
 * A grower's histograms in one WebAssembly memory: the row-major bin codes, the rows' gradients
 * and hessians (copied in once per tree), an index buffer, and a pool of histogram slots handed
 * out as Float64Array views, so that split search reads them like any histogram. Beyond the slots,
 * histograms are ordinary arrays built in a scratch slot and copied out. The memory is sized once
 * and never grown afterwards (growing would detach every view).
 */
export class WasmHistograms {
  private readonly e: Exports;
  private readonly free: Float64Array[] = [];
  private readonly aCodes: number;
  private readonly aColumns: number;
  private readonly aOrdered: number;
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
  private readonly gView: Float64Array;
  private readonly hView: Float64Array;
  private readonly scratch: Float64Array;
  private readonly cols: number;
  private readonly total: number;
  private loaded: RowStats | null = null;

  private constructor(
    e: Exports,
    binned: BinnedMatrix,
    private readonly layout: HistLayout,
  ) {
    this.e = e;
    const { rows, cols, codes } = binned;
    this.cols = cols;
    this.total = rows;
    const histBytes = layout.size * 8;
    const slots = Math.max(2, Math.min(MAX_SLOTS, Math.floor(SLOT_BYTES / histBytes)));
    let top = 0;
    const take = (bytes: number) => {
      const at = top;
      top += align(bytes);
      return at;
    };
    this.aCodes = take(rows * cols);
    this.aColumns = take(rows * cols);
    // Gathered gradients then hessians of a column-major build.
    this.aOrdered = take(rows * 16);
    this.aRows = take(rows * 4);
    this.aG = take(rows * 8);
    this.aH = take(rows * 8);
    this.aOffs = take(cols * 4);
    this.aLowest = take(4);
    this.aScratch = take(histBytes);
    const aSlots = take(histBytes * (slots - 1));
    const have = e.memory.buffer.byteLength;
    if (top > have) e.memory.grow(Math.ceil((top - have) / WASM_PAGE));
    const buf = e.memory.buffer;
    // Row-major codes: one row's codes are one contiguous read (see nodeHistogram.ts).
    const out = new Uint8Array(buf, this.aCodes, rows * cols);
    for (let f = 0; f < cols; f++) {
      const col = f * rows;
      for (let r = 0; r < rows; r++) out[r * cols + f] = codes[col + r];
    }
    new Uint8Array(buf, this.aColumns, rows * cols).set(codes.subarray(0, rows * cols));
    const offs = new Int32Array(buf, this.aOffs, cols);
    for (let f = 0; f < cols; f++) offs[f] = layout.offsets[f] * 8;
    this.rows = new Uint32Array(buf, this.aRows, rows);
    this.lowestView = new Int32Array(buf, this.aLowest, 1);
    this.nBins = binned.nBins;
    this.gView = new Float64Array(buf, this.aG, rows);
    this.hView = new Float64Array(buf, this.aH, rows);
    this.scratch = new Float64Array(buf, this.aScratch, layout.size);
    for (let s = slots - 2; s >= 0; s--)
      this.free.push(new Float64Array(buf, aSlots + s * histBytes, layout.size));
  }

  /** Histograms for one-channel growth on `binned`, or null where WebAssembly is unavailable. */
  static create(binned: BinnedMatrix, layout: HistLayout): WasmHistograms | null {
    if (layout.channels !== 1) return null;
    const module = wasmModule();
    if (!module) return null;
    try {
      const e = instantiate(module) as unknown as Exports;
      return new WasmHistograms(e, binned, layout);
    } catch {
      // Out of WebAssembly memory (4 GiB at most): the JS kernels take any size.
      return null;
    }
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
    this.rows.set(rows.subarray(0, count));
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
    this.gView.set(stats.grad!);
    if (stats.constantHess === undefined) this.hView.set(stats.hess);
    this.loaded = stats;
  }

  /** Where a kernel writes `hist`: its own bytes when it is a slot, else the scratch slot. */
  private target(hist: Float64Array): number {
    return hist.buffer === this.e.memory.buffer ? hist.byteOffset : this.aScratch;
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
    if (n * COLUMN_SPARSITY < this.total) {
      const kernel = constant ? this.e.cols_g : this.e.cols_gh;
      const { aColumns, total, cols, aG, aH, aOffs, aOrdered } = this;
      kernel(aColumns, total, cols, aRows, n, aG, aH, at, aOffs, aOrdered, aOrdered + total * 8);
    } else {
      const kernel = constant ? this.e.rows_g : this.e.rows_gh;
      kernel(this.aCodes, this.cols, aRows, n, this.aG, this.aH, at, this.aOffs);
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
    const kernel = constant ? this.e.root_g : this.e.root_gh;
    kernel(this.aCodes, this.cols, this.aRows, n, this.aG, this.aH, at, this.aOffs);
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
