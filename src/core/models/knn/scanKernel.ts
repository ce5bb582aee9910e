import { instantiateWithRoom, moduleLoader } from "../../wasm/wasmModule.ts";
import type { NeighbourHeap } from "./nearest.ts";
import { QueryShortlist } from "./queryShortlist.ts";
import { SCAN_WASM_BASE64 } from "./scanWasmBytes.ts";

/**
 * Rows of the first block a chunk of queries goes through; each later block is as long as all
 * before it, up to MAX_BLOCK. The first block meets no limit yet (every row comes back to JS),
 * later ones meet the limit the rows before them set, so the blocks stay short while the limit
 * is loose and grow once it filters.
 */
const FIRST_BLOCK = 256;
const MAX_BLOCK = 8192;
/** Bytes of the dense training part per tile of the kernel (it stays in cache across queries). */
const TILE_BYTES = 1 << 16;

/** The fused kernel's signature (scanWat.ts): element indices into its memory, then sizes. */
type Scan = (
  xt: number,
  norms: number,
  q: number,
  dots: number,
  nq: number,
  widest: number,
  limit: number,
  cand: number,
  candD: number,
  counts: number,
  stride: number,
  nd: number,
  c: number,
  r0: number,
  r1: number,
  cap: number,
  tile: number,
) => void;

/** The module, compiled once per thread; null where WebAssembly SIMD is missing. */
const scanModule = moduleLoader(SCAN_WASM_BASE64);

/** Where DotShortlist keeps its column lists (CSC) of the sparse columns. */
export interface SparseColumns {
  start: Int32Array;
  rows: Int32Array;
  values: Float64Array;
}

/**
 * Adds the sparse columns' terms to `count` queries' dot products: for each query's non-zero in a
 * sparse column, that column's entries; query b's products start at `at + b * stride` of `out`.
 */
export function addSparseDots(
  sparse: SparseColumns,
  queries: Float64Array,
  count: number,
  cols: number,
  out: Float64Array,
  at: number,
  stride: number,
): void {
  const { start, rows, values } = sparse;
  for (let b = 0; b < count; b++) {
    const o = at + b * stride;
    for (let j = 0; j < cols; j++) {
      const e1 = start[j + 1];
      let e = start[j];
      if (e === e1) continue;
      const v = queries[b * cols + j];
      if (v === 0) continue;
      for (; e < e1; e++) out[o + rows[e]] += values[e] * v;
    }
  }
}

/**
 * DotShortlist's search with the dense products, the expanded distances and the shortlist's
 * first test fused in one WebAssembly pass (scanWat.ts): the JS shortlist (QueryShortlist) sees
 * only the rows that pass, in the same order and with the same distances as if it had scanned
 * every row, so it notes the same rows and ends with the same limit. Why that holds: the kernel
 * tests against the limit as it stood when the block began, which is never below the running
 * limit JS tests against later, so every row JS would keep passes the kernel too.
 *
 * Its memory holds the dense training part transposed (nd x stride, rows padded to a multiple
 * of 4 with zero rows, which JS drops), the norms, a chunk's dense query values, the chunk's dot
 * products (sparse terms scattered in first; the kernel leaves them zero again), each slot's
 * norm, widest slack and limit, and each slot's candidates.
 */
export class ScanKernel {
  private readonly heap: Float64Array;
  private readonly ints: Int32Array;
  private readonly scan: Scan;
  /** Training rows rounded up to a multiple of 4: the kernel's row length. */
  private readonly stride: number;
  /** Most candidates per slot and block. */
  private readonly cap: number;
  /** Rows per tile of the kernel (a multiple of 4). */
  private readonly tile: number;
  private readonly normsAt: number;
  private readonly qAt: number;
  private readonly dotsAt: number;
  private readonly nqAt: number;
  private readonly widestAt: number;
  private readonly limitAt: number;
  private readonly candDAt: number;
  /** int32 element indices. */
  private readonly candAt: number;
  private readonly countsAt: number;
  /** One shortlist per query slot, kept across the blocks of a chunk. */
  private readonly slots: QueryShortlist[];

  private constructor(
    exports: Record<string, unknown>,
    elements: number,
    private readonly rows: number,
    private readonly cols: number,
    private readonly denseCols: Int32Array,
    chunkMax: number,
    stride: number,
    cap: number,
  ) {
    const buffer = (exports.memory as { buffer: ArrayBuffer }).buffer;
    this.heap = new Float64Array(buffer, 0, elements);
    this.ints = new Int32Array(buffer, 0, 2 * elements);
    this.scan = exports.scan as Scan;
    this.stride = stride;
    this.cap = cap;
    this.tile = Math.max(16, Math.floor(TILE_BYTES / (8 * denseCols.length)) & ~3);
    const nd = denseCols.length;
    this.normsAt = nd * stride;
    this.qAt = this.normsAt + stride;
    this.dotsAt = this.qAt + chunkMax * nd;
    this.nqAt = this.dotsAt + chunkMax * stride;
    this.widestAt = this.nqAt + chunkMax;
    this.limitAt = this.widestAt + chunkMax;
    this.candDAt = this.limitAt + chunkMax;
    this.candAt = 2 * (this.candDAt + chunkMax * cap);
    this.countsAt = this.candAt + chunkMax * cap;
    this.slots = Array.from({ length: chunkMax }, () => new QueryShortlist(rows));
  }

  /**
   * The kernel over `train` (rows x cols, row-major) for the dense columns `denseCols` and chunks
   * of up to chunkMax queries, or undefined where the host has no WebAssembly SIMD or too little
   * memory for it.
   */
  static create(
    train: Float64Array,
    rows: number,
    cols: number,
    denseCols: Int32Array,
    norms: Float64Array,
    chunkMax: number,
  ): ScanKernel | undefined {
    const module = scanModule();
    if (!module) return undefined;
    const nd = denseCols.length;
    const stride = (rows + 3) & ~3;
    const cap = Math.min(MAX_BLOCK, stride);
    // float64 parts, then the int32 candidates and counts (half an element each).
    const elements =
      nd * stride + stride + chunkMax * (nd + stride + 3 + cap) + Math.ceil((chunkMax * (cap + 1)) / 2);
    let exports: Record<string, unknown>;
    try {
      exports = instantiateWithRoom(module, elements * 8);
    } catch {
      return undefined;
    }
    const kernel = new ScanKernel(exports, elements, rows, cols, denseCols, chunkMax, stride, cap);
    const heap = kernel.heap;
    for (let r = 0; r < rows; r++) {
      for (let d = 0; d < nd; d++) heap[d * stride + r] = train[r * cols + denseCols[d]];
      heap[kernel.normsAt + r] = norms[r];
    }
    return kernel;
  }

  /**
   * Queries 0 .. count (at most chunkMax) of `queries` (row-major, finite), of norms
   * queryNorms[n0 ..]: heap b ends with query b's k nearest among the training rows, as the
   * exact scan would leave it. The training part's norms and largest norm are DotShortlist's.
   */
  searchChunk(
    train: Float64Array,
    norms: Float64Array,
    maxNorm: number,
    sparse: SparseColumns,
    queries: Float64Array,
    count: number,
    queryNorms: Float64Array,
    n0: number,
    heaps: NeighbourHeap[],
    k: number,
  ): void {
    const { heap, ints, rows, cols, denseCols, stride, cap, slots } = this;
    const nd = denseCols.length;
    for (let b = 0; b < count; b++) {
      const slot = slots[b];
      slot.reset(k, cols, queryNorms[n0 + b], maxNorm);
      heap[this.nqAt + b] = queryNorms[n0 + b];
      heap[this.widestAt + b] = slot.widest;
      heap[this.limitAt + b] = slot.limit;
      for (let d = 0; d < nd; d++) heap[this.qAt + b * nd + d] = queries[b * cols + denseCols[d]];
    }
    this.sparseDots(sparse, queries, count);
    for (let r0 = 0; r0 < stride; ) {
      const r1 = Math.min(stride, r0 + Math.min(MAX_BLOCK, Math.max(FIRST_BLOCK, r0)));
      this.scan(
        0,
        this.normsAt,
        this.qAt,
        this.dotsAt,
        this.nqAt,
        this.widestAt,
        this.limitAt,
        this.candAt,
        this.candDAt,
        this.countsAt,
        stride,
        nd,
        count,
        r0,
        r1,
        cap,
        this.tile,
      );
      for (let b = 0; b < count; b++) {
        const slot = slots[b];
        const n = ints[this.countsAt + b];
        const at = b * cap;
        for (let i = 0; i < n; i++) {
          const r = ints[this.candAt + at + i];
          // The zero rows that pad the kernel's row length are no training rows.
          if (r < rows) slot.offer(r, heap[this.candDAt + at + i], norms[r]);
        }
        heap[this.limitAt + b] = slot.limit;
      }
      r0 = r1;
    }
    for (let b = 0; b < count; b++) slots[b].finish(train, cols, queries, b * cols, heaps[b]);
  }

  /** The sparse columns' terms into the chunk's dot products (zero before: the kernel leaves them so). */
  private sparseDots(sparse: SparseColumns, queries: Float64Array, count: number): void {
    addSparseDots(sparse, queries, count, this.cols, this.heap, this.dotsAt, this.stride);
  }
}
