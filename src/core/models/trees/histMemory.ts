import { instantiateWithRoom, moduleLoader, WASM_PAGE } from "../../wasm/wasmModule.ts";
import {
  BOARD_WORDS,
  type HistHelp,
  histogramHelp,
  instantiateShared,
  makeSharedMemory,
  type SharedMemory,
} from "./histHelp.ts";
import { makeHistLayout } from "./histogram.ts";
import { HIST_WASM_BASE64 } from "./histWasmBytes.ts";

// The WebAssembly memory of a grower's histograms (histWasm.ts): where each region lies, and the
// memory made for it, the module's own or, where threads help the fit (histHelp.ts), a shared one.

export type Kernel = (
  codes: number,
  stride: number,
  cols: number,
  rows: number,
  n: number,
  g: number,
  h: number,
  hist: number,
  offs: number,
) => void;
/** The histogram module's exports. */
export interface Exports {
  /** The module's own memory (the shared module imports its memory instead). */
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  rows_g: Kernel;
  rows_gh: Kernel;
  root_g: Kernel;
  root_gh: Kernel;
  partition(
    column: number,
    stride: number,
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
 * Slots for histograms of `histBytes`: `want` (a grower's most histograms alive at once, e.g.
 * its leaf cap + 1) or MAX_SLOTS, within SLOT_BYTES. A grower needing more uses ordinary arrays
 * beyond them (the same sums, a copy out of the scratch slot each).
 */
function slotCount(histBytes: number, want?: number): number {
  return Math.max(2, Math.min(want ?? MAX_SLOTS, MAX_SLOTS, Math.floor(SLOT_BYTES / histBytes)));
}

/** The module, compiled once per thread; null where WebAssembly is missing or refuses a sync compile. */
const wasmModule = moduleLoader(HIST_WASM_BASE64);

const align = (bytes: number) => (bytes + 63) & ~63;

/** Byte addresses of a grower's regions in its memory, and the bytes needed. */
export interface Plan {
  /** Row-major codes (`codes[r * cols + f]`), for the histogram kernels. */
  codes: number;
  /**
   * The same codes column-major (`[f * rows + r]`), for the partition alone: it reads one feature
   * of a node's rows, a byte of a column instead of a cache line of row-major codes per row.
   */
  columns: number;
  /** The partition's buffer of up to every row's index. */
  ordered: number;
  rows: number;
  g: number;
  h: number;
  offs: number;
  lowest: number;
  scratch: number;
  slots: number;
  nSlots: number;
  board: number;
  top: number;
}

function plan(rows: number, cols: number, histBytes: number, slots?: number): Plan {
  const nSlots = slotCount(histBytes, slots);
  let top = 0;
  const take = (bytes: number) => {
    const at = top;
    top += align(bytes);
    return at;
  };
  const codes = take(rows * cols);
  const p = {
    codes,
    columns: take(rows * cols),
    ordered: take(rows * 4),
    rows: take(rows * 4),
    g: take(rows * 8),
    h: take(rows * 8),
    offs: take(cols * 4),
    lowest: take(4),
    scratch: take(histBytes),
    slots: take(histBytes * (nSlots - 1)),
    nSlots,
    board: take(BOARD_WORDS * 4),
    top: 0,
  };
  p.top = top;
  return p;
}

/** A grower's memory, planned and instantiated (shared, with `memory`, when helpers may join). */
export interface Made {
  e: Exports;
  buf: ArrayBufferLike;
  p: Plan;
  histBytes: number;
  helpers: number;
  /** The slots asked for (see `slotCount`). */
  slots: number | undefined;
  memory: SharedMemory | null;
}

/**
 * The memory of a grower on rows x cols codes: shared with room for `help`'s helpers, else the
 * module's own; null where WebAssembly is missing or out of memory (4 GiB at most: the JS
 * kernels take any size).
 */
export function makeMemory(
  rows: number,
  cols: number,
  histBytes: number,
  help: HistHelp | null,
  slots?: number,
): Made | null {
  const p = plan(rows, cols, histBytes, slots);
  if (help) {
    const memory = makeSharedMemory(Math.ceil(p.top / WASM_PAGE));
    if (memory) {
      const e = instantiateShared(memory) as unknown as Exports;
      return { e, buf: memory.buffer, p, histBytes, helpers: help.helpers, slots, memory };
    }
  }
  const module = wasmModule();
  if (!module) return null;
  try {
    const e = instantiateWithRoom(module, p.top) as unknown as Exports;
    return { e, buf: e.memory.buffer, p, histBytes, helpers: 0, slots, memory: null };
  } catch {
    return null;
  }
}

/** Memories made by `reserveCodes`, by the buffer of the codes handed out. */
const reservations = new WeakMap<ArrayBufferLike, Made>();

/** The memory `reserveCodes` made for `codes`, once (null: none). */
export function takeReservation(codes: Uint8Array): Made | null {
  const r = reservations.get(codes.buffer);
  reservations.delete(codes.buffer);
  return r ?? null;
}

/**
 * Storage for `rows` x nBins.length ROW-MAJOR bin codes (`codes[r * cols + f]`) inside the memory
 * that `WasmHistograms.create` then uses for a one-channel grower on them (`share` as there):
 * binning straight into it spares a fit its own copy of the codes (rows x cols bytes), and the
 * grower needs no other layout. Null where WebAssembly is missing: bin into an ordinary array.
 */
export function reserveCodes(
  rows: number,
  nBins: Int32Array,
  share: boolean,
  /** Histograms the grower holds at most at once (WasmHistograms.create's `slots`). */
  slots?: number,
): Uint8Array | null {
  const histBytes = makeHistLayout(nBins, 1).size * 8;
  const m = makeMemory(rows, nBins.length, histBytes, share ? histogramHelp() : null, slots);
  if (!m) return null;
  reservations.set(m.buf, m);
  return new Uint8Array(m.buf, m.p.codes, rows * nBins.length);
}
