import { instantiateWithRoom, moduleLoader, WASM_PAGE } from "../../wasm/wasmModule.ts";
import { HIST_WASM_BASE64 } from "./histWasmBytes.ts";

// applyBins' search in WebAssembly (histWat.ts's bin_block): the same codes, bit for bit, several
// times faster than V8's loop (measured 55-60 ns a value at 667k x 20 in JS, most of a fold's
// binning). Rows are copied in a block at a time, so the memory stays small whatever the matrix.

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  bin_block(data: number, n: number, cols: number, edges: number, missing: number, out: number): void;
}

const wasmModule = moduleLoader(HIST_WASM_BASE64);

/**
 * This thread's one instance of the histogram module for the kernels called per block (binning
 * here, gbdt's prediction), kept and grown as needed, or null where WebAssembly is unavailable:
 * a new instance per call (a fold bins and predicts a block of rows per call) left a
 * WebAssembly memory of garbage each time. Views of its memory are good until the next call.
 */
let kept: Record<string, unknown> | null = null;

export function keptInstance(bytes: number): Record<string, unknown> | null {
  const module = wasmModule();
  if (!module) return null;
  try {
    kept ??= instantiateWithRoom(module, bytes);
    const memory = kept.memory as { buffer: ArrayBuffer; grow(pages: number): number };
    const have = memory.buffer.byteLength;
    if (bytes > have) memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
    return kept;
  } catch {
    return null;
  }
}

/** Bytes of raw rows copied in per block (at least 64 rows). */
const BLOCK_BYTES = 1 << 20;

/**
 * Codes of X's rows `take` (in that order) into `codes` (column-major, `codes[f * n + k]`) with
 * each feature's edges padded to 256 (`padded`) and missing codes `nBins`; false (nothing
 * written) where WebAssembly is unavailable.
 */
export function binRowsWasm(
  data: ArrayLike<number>,
  cols: number,
  take: ArrayLike<number>,
  padded: Float64Array[],
  nBins: Int32Array,
  codes: Uint8Array,
): boolean {
  if (cols === 0) return false;
  const n = take.length;
  const block = Math.max(64, Math.floor(BLOCK_BYTES / (cols * 8)));
  const aEdges = 0;
  const aMissing = aEdges + cols * 2048;
  const aData = aMissing + ((cols * 4 + 63) & ~63);
  const aOut = aData + block * cols * 8;
  const top = aOut + block * cols;
  const e = keptInstance(top) as unknown as Exports | null;
  if (!e) return false;
  const buf = e.memory.buffer;
  const edges = new Float64Array(buf, aEdges, cols * 256);
  for (let f = 0; f < cols; f++) edges.set(padded[f], f * 256);
  new Int32Array(buf, aMissing, cols).set(nBins);
  const rows = new Float64Array(buf, aData, block * cols);
  const out = new Uint8Array(buf, aOut, block * cols);
  for (let k0 = 0; k0 < n; k0 += block) {
    const m = Math.min(block, n - k0);
    for (let k = 0; k < m; k++) {
      const from = take[k0 + k] * cols;
      const to = k * cols;
      for (let f = 0; f < cols; f++) rows[to + f] = data[from + f];
    }
    e.bin_block(aData, m, cols, aEdges, aMissing, aOut);
    for (let f = 0; f < cols; f++) codes.set(out.subarray(f * m, f * m + m), f * n + k0);
  }
  return true;
}
