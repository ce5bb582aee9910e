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

export type ColumnKernel = (
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

/** The histogram module's exports. */
export interface Exports {
  /** The module's own memory (the shared module imports its memory instead). */
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  /** Small nodes: statistics gathered in order first. */
  cols_g: ColumnKernel;
  cols_gh: ColumnKernel;
  /** Big nodes: statistics read in place, several features a pass. */
  big_g: ColumnKernel;
  big_gh: ColumnKernel;
  /** The root: every row in order. */
  root_g: ColumnKernel;
  root_gh: ColumnKernel;
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
 * A node with fewer than one in this many of the rows gathers its rows' statistics in order
 * before its passes over the columns (its reads of them are scattered); a bigger node reads them
 * in place (see histWat.ts), which spares a gather buffer of every row.
 */
export const COLUMN_SPARSITY = 4;

/** The module, compiled once per thread; null where WebAssembly is missing or refuses a sync compile. */
const wasmModule = moduleLoader(HIST_WASM_BASE64);

const align = (bytes: number) => (bytes + 63) & ~63;

/** Byte addresses of a grower's regions in its memory, and the bytes needed. */
export interface Plan {
  /** The column-major codes. */
  columns: number;
  ordered: number;
  /** Bytes of one channel of a column-major build's gather buffer (gradients, then hessians). */
  gather: number;
  rows: number;
  g: number;
  h: number;
  offs: number;
  lowest: number;
  scratch: number;
  slots: number;
  nSlots: number;
  board: number;
  helpScratch: number;
  top: number;
}

function plan(rows: number, cols: number, histBytes: number, helpers: number): Plan {
  const nSlots = Math.max(2, Math.min(MAX_SLOTS, Math.floor(SLOT_BYTES / histBytes)));
  let top = 0;
  const take = (bytes: number) => {
    const at = top;
    top += align(bytes);
    return at;
  };
  const columns = take(rows * cols);
  // Gathered gradients then hessians of a small node's build (fewer than rows / COLUMN_SPARSITY
  // rows); also the partition's buffer of up to every row's index.
  const gather = align(Math.ceil(rows / COLUMN_SPARSITY) * 8);
  // `rows` follows it: the two hold the binary step's loss terms between trees (histWasm.ts).
  const ordered = take(Math.max(rows * 4, 2 * gather));
  const p = {
    columns,
    ordered,
    gather,
    rows: take(rows * 4),
    g: take(rows * 8),
    h: take(rows * 8),
    offs: take(cols * 4),
    lowest: take(4),
    scratch: take(histBytes),
    slots: take(histBytes * (nSlots - 1)),
    nSlots,
    board: take(BOARD_WORDS * 4),
    helpScratch: take(2 * gather * helpers),
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
): Made | null {
  if (help) {
    const p = plan(rows, cols, histBytes, help.helpers);
    const memory = makeSharedMemory(Math.ceil(p.top / WASM_PAGE));
    if (memory) {
      const e = instantiateShared(memory) as unknown as Exports;
      return { e, buf: memory.buffer, p, histBytes, helpers: help.helpers, memory };
    }
  }
  const module = wasmModule();
  if (!module) return null;
  try {
    const p = plan(rows, cols, histBytes, 0);
    const e = instantiateWithRoom(module, p.top) as unknown as Exports;
    return { e, buf: e.memory.buffer, p, histBytes, helpers: 0, memory: null };
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
 * Storage for `rows` x nBins.length column-major bin codes inside the memory that
 * `WasmHistograms.create` then uses for a one-channel grower on them (`share` as there): binning
 * straight into it spares a fit its own copy of the codes (rows x cols bytes). Null where
 * WebAssembly is missing: bin into an ordinary array.
 */
export function reserveCodes(rows: number, nBins: Int32Array, share: boolean): Uint8Array | null {
  const histBytes = makeHistLayout(nBins, 1).size * 8;
  const m = makeMemory(rows, nBins.length, histBytes, share ? histogramHelp() : null);
  if (!m) return null;
  reservations.set(m.buf, m);
  return new Uint8Array(m.buf, m.p.columns, rows * nBins.length);
}
