import { denseJs } from "./denseJs.ts";
import { DENSE_WASM_BASE64 } from "./denseWasmBytes.ts";
import { instantiateWithRoom, moduleLoader } from "./wasmModule.ts";

/**
 * Dense float64 kernels over one heap of `elements` float64 values: WebAssembly SIMD (denseWat.ts)
 * where the host compiles it, else the same functions in JS (denseJs.ts), with the same results
 * to the bit. Every argument naming an array is an element index into `heap`. Allocate the heap
 * once at its full size: it is the module's memory, and views of it would be detached by growth.
 */
export interface DenseKernels {
  readonly kind: "wasm" | "js";
  readonly heap: Float64Array;
  /** The same memory as int32s (the sparse kernels' index arrays). */
  readonly ints: Int32Array;
  /** The same memory as float32s (rows kept for gatherRows). */
  readonly floats: Float32Array;
  /** C (m x n) = A (m x p) B (p x n), all row-major; mode 1 adds the row vector `extra`, 2 adds scale times the m x n matrix `extra`. */
  gemmNN(
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    mode: 0 | 1 | 2,
    extra: number,
    scale: number,
  ): void;
  /** C (m x n) = Aᵀ B with A p x m row-major; epilogue as gemmNN. */
  gemmTN(
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    mode: 0 | 1 | 2,
    extra: number,
    scale: number,
  ): void;
  /**
   * A hidden relu layer's forward pass in one call: z (at c, m x n) = A B + bias; unless mask is
   * -1, the dropout mask drawn into `mask` as dropoutMask draws it from `state`; out = relu(z),
   * times the mask. The bits of gemmNN (mode 1), dropoutMask and relu in turn; returns the state
   * after the draws (`state` without a mask).
   */
  gemmNNRelu(
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    bias: number,
    out: number,
    mask: number,
    state: number,
    keep: number,
    kept: number,
  ): number;
  /** C (m x n) = A B, then as reluGrad(C, z, mask): the bits of gemmNN (mode 0) and reluGrad in turn. */
  gemmNNDrelu(
    a: number,
    b: number,
    c: number,
    m: number,
    n: number,
    p: number,
    z: number,
    mask: number,
  ): void;
  /** out = max(z, 0), times the mask at `mask` unless it is -1. */
  relu(z: number, out: number, mask: number, size: number): void;
  /** dx = 0 where !(z > 0), then times the mask unless it is -1. */
  reluGrad(dx: number, z: number, mask: number, size: number): void;
  /** out[j] = sum of column j of the rows x cols matrix a. */
  columnSums(a: number, out: number, rows: number, cols: number): void;
  /** tfjs' Adam step on `size` values (a1, a2: one minus the accumulated beta1, beta2). */
  adam(
    w: number,
    grad: number,
    m: number,
    v: number,
    size: number,
    lr: number,
    b1: number,
    b2: number,
    a1: number,
    a2: number,
    eps: number,
  ): void;
  /**
   * The first layer's z (m x n) = X W + bias for rows order[0 .. m) of a compressed set
   * (sparseWat.ts): row r's non-zero inputs are entries start[r] .. start[r + 1] of vals (float64)
   * and idx (int32: the entry's weight row, k n). vals is a float64 element index; idx, start and
   * order are int32 element indices (`ints`). The same bits as gemmNN with mode 1 over the dense rows.
   */
  sparseNN(
    vals: number,
    idx: number,
    start: number,
    order: number,
    w: number,
    c: number,
    m: number,
    n: number,
    bias: number,
  ): void;
  /** gw (p x n) = Xᵀ dz + scale W for those rows: the same bits as gemmTN with mode 2. */
  sparseTN(
    vals: number,
    idx: number,
    start: number,
    order: number,
    dz: number,
    gw: number,
    m: number,
    n: number,
    p: number,
    w: number,
    scale: number,
  ): void;
  /**
   * Rows order[0 .. m) of the float32 matrix at `src` (`floats` element index, cols wide), as
   * float64s into the m x cols batch at `dst`; `order` is an `ints` element index.
   */
  gatherRows(src: number, cols: number, order: number, m: number, dst: number): void;
  /**
   * Dropout mask from the mulberry32 state `state` (random.ts' makeRng): kept where the next
   * uniform draw is below keep, else 0. Returns the new state (as an int32).
   */
  dropoutMask(mask: number, size: number, state: number, keep: number, kept: number): number;
}

type Exports = {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  gemm_nn: DenseKernels["gemmNN"];
  gemm_tn: DenseKernels["gemmTN"];
  gemm_nn_relu: DenseKernels["gemmNNRelu"];
  gemm_nn_drelu: DenseKernels["gemmNNDrelu"];
  relu: DenseKernels["relu"];
  relu_grad: DenseKernels["reluGrad"];
  column_sums: DenseKernels["columnSums"];
  adam: DenseKernels["adam"];
  dropout_mask: DenseKernels["dropoutMask"];
  gather_rows: DenseKernels["gatherRows"];
  sparse_nn: DenseKernels["sparseNN"];
  sparse_tn: DenseKernels["sparseTN"];
};

/** The SIMD module, compiled once per thread; null where it cannot be (then the JS twins run). */
const wasmModule = moduleLoader(DENSE_WASM_BASE64);

/** Kernels over a fresh heap of `elements` float64s; `use` "js" skips WebAssembly (tests, benches). */
export function denseKernels(elements: number, use: "auto" | "js" = "auto"): DenseKernels {
  const module = use === "auto" ? wasmModule() : null;
  if (module) {
    try {
      const e = instantiateWithRoom(module, elements * 8) as Exports;
      return {
        kind: "wasm",
        heap: new Float64Array(e.memory.buffer, 0, elements),
        ints: new Int32Array(e.memory.buffer, 0, 2 * elements),
        floats: new Float32Array(e.memory.buffer, 0, 2 * elements),
        gemmNN: e.gemm_nn,
        gemmTN: e.gemm_tn,
        gemmNNRelu: e.gemm_nn_relu,
        gemmNNDrelu: e.gemm_nn_drelu,
        relu: e.relu,
        reluGrad: e.relu_grad,
        columnSums: e.column_sums,
        adam: e.adam,
        dropoutMask: e.dropout_mask,
        gatherRows: e.gather_rows,
        sparseNN: e.sparse_nn,
        sparseTN: e.sparse_tn,
      };
    } catch {
      // Out of WebAssembly memory (4 GiB at most): the JS kernels take any size.
    }
  }
  const heap = new Float64Array(elements);
  const ints = new Int32Array(heap.buffer);
  const floats = new Float32Array(heap.buffer);
  return {
    kind: "js",
    heap,
    ints,
    floats,
    gemmNN: (a, b, c, m, n, p, mode, extra, scale) =>
      denseJs.gemmNN(heap, a, b, c, m, n, p, mode, extra, scale),
    gemmTN: (a, b, c, m, n, p, mode, extra, scale) =>
      denseJs.gemmTN(heap, a, b, c, m, n, p, mode, extra, scale),
    gemmNNRelu: (a, b, c, m, n, p, bias, out, mask, state, keep, kept) =>
      denseJs.gemmNNRelu(heap, a, b, c, m, n, p, bias, out, mask, state, keep, kept),
    gemmNNDrelu: (a, b, c, m, n, p, z, mask) => denseJs.gemmNNDrelu(heap, a, b, c, m, n, p, z, mask),
    relu: (z, out, mask, size) => denseJs.relu(heap, z, out, mask, size),
    reluGrad: (dx, z, mask, size) => denseJs.reluGrad(heap, dx, z, mask, size),
    columnSums: (a, out, rows, cols) => denseJs.columnSums(heap, a, out, rows, cols),
    adam: (w, grad, m, v, size, lr, b1, b2, a1, a2, eps) =>
      denseJs.adam(heap, w, grad, m, v, size, lr, b1, b2, a1, a2, eps),
    gatherRows: (src, cols, order, m, dst) =>
      denseJs.gatherRows(heap, floats, ints, src, cols, order, m, dst),
    dropoutMask: (mask, size, state, keep, kept) => denseJs.dropoutMask(heap, mask, size, state, keep, kept),
    sparseNN: (vals, idx, start, order, w, c, m, n, bias) =>
      denseJs.sparseNN(heap, ints, vals, idx, start, order, w, c, m, n, bias),
    sparseTN: (vals, idx, start, order, dz, gw, m, n, p, w, scale) =>
      denseJs.sparseTN(heap, ints, vals, idx, start, order, dz, gw, m, n, p, w, scale),
  };
}
