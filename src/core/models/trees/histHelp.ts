import { moduleLoader } from "../../wasm/wasmModule.ts";
import { binaryStepRows, type Targets } from "../gbdt/losses.ts";
import { HIST_SHARED_WASM_BASE64 } from "./histWasmBytes.ts";

// Threads helping one gradient-boosting fit build its histograms (Node's worker threads). The
// fitting thread's WebAssembly memory is shared; each whole-node histogram is cut into feature
// ranges ("chunks") that the owner and its helpers claim from a board in that memory. Each
// feature's sums are still made by one thread in row order, so the trees are the same to the bit
// whoever builds which chunk. Pages without cross-origin isolation have no shared memory, so the
// app never offers help there (it keeps histWasm.ts's one-thread path, with the same results).

/** A shared WebAssembly memory (core has no DOM or WebAssembly lib types). */
export interface SharedMemory {
  readonly buffer: ArrayBufferLike;
}

/**
 * What a fitting thread offers other threads: its memory and the byte address of its board, and
 * for the binary loss the arrays of its per-row step (in shared memory), whose rows helpers share.
 */
export interface HistHelpOffer {
  memory: SharedMemory;
  board: number;
  step?: StepArrays;
}

/**
 * The binary loss's per-row arrays over the training rows (see losses.ts's `binaryStepRows`).
 * `grad`, `hess` and `terms` are set by the grower's histograms to views of their memory
 * (histWasm.ts `create`).
 */
export interface StepArrays {
  raw: Float64Array;
  y: Targets;
  /** null: every weight is 1. */
  w: Float64Array | null;
  grad: Float64Array;
  hess: Float64Array;
  terms: Float64Array;
}

/**
 * A thread's way to ask for help, set with `setHistogramHelp` where threads can share memory:
 * `offer` hands an offer to idle threads (which call `helpHistograms` with it) and returns what
 * to call when the fit ends (to drop the offer).
 */
export interface HistHelp {
  /** Most helpers one fit takes (each needs its own gather buffer of 4 bytes a row). */
  helpers: number;
  offer(offer: HistHelpOffer): () => void;
}

let help: HistHelp | null = null;

/** Sets (or clears, null) this thread's help for the gbdt fits it runs from now on. */
export function setHistogramHelp(h: HistHelp | null): void {
  help = h;
}

/** This thread's help, or null; null too where shared WebAssembly memory cannot be made. */
export function histogramHelp(): HistHelp | null {
  return help && help.helpers > 0 && sharedModule() && typeof SharedArrayBuffer === "function" ? help : null;
}

export const sharedModule = moduleLoader(HIST_SHARED_WASM_BASE64);

interface WasmGlobal {
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => SharedMemory;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasmGlobal = () => (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

/** A shared memory of `pages` pages (fixed size), or null where the host refuses one. */
export function makeSharedMemory(pages: number): SharedMemory | null {
  try {
    return new (wasmGlobal().Memory)({ initial: pages, maximum: pages, shared: true });
  } catch {
    return null;
  }
}

/** The shared module's exports on `memory`. */
export function instantiateShared(memory: SharedMemory): Record<string, unknown> {
  return new (wasmGlobal().Instance)(sharedModule()!, { env: { memory } }).exports;
}

/** Int32 words of the board. */
export const BOARD_WORDS = 24;
// The claim word: task sequence number << 8 | next chunk to claim.
export const W_CLAIM = 0;
/** Chunks finished in the current task. */
export const W_DONE = 1;
/** 1 once the fit is over: helpers leave. */
export const W_CLOSED = 2;
/** Helpers working on this board; read by the owner to cut tasks. */
export const W_JOINED = 3;
/** Helper slots handed out (a helper beyond `W_MAX_HELPERS` leaves at once). */
export const W_SLOTS = 4;
export const W_KIND = 5;
export const W_HESS = 6;
export const W_ROWS = 7;
export const W_N = 8;
export const W_HIST = 9;
export const W_PARTS = 10;
/** Unused (was the row-major codes' address). */
export const W_UNUSED = 11;
export const W_COLUMNS = 12;
export const W_COLS = 13;
export const W_TOTAL = 14;
export const W_G = 15;
export const W_H = 16;
export const W_OFFS = 17;
/** First helper's gather buffer; helper i's is `i * 2 * W_GATHER` bytes further. */
export const W_HELP_SCRATCH = 18;
export const W_MAX_HELPERS = 19;
/** Chunks built by helpers over the fit (a count, for tests). */
export const W_HELPED = 20;
/** Bytes of one channel of a gather buffer (a column-major build's gradients, then hessians). */
export const W_GATHER = 21;

/**
 * Task kinds, all on the column-major codes: a big node's rows through an index list, every row
 * (the root), a small node's rows (statistics gathered first).
 */
export const KIND_BIG = 0;
export const KIND_ROOT = 1;
export const KIND_COLS = 2;
/** The binary loss's step on a range of rows (JavaScript, on the offer's step arrays). */
export const KIND_STEP = 3;

/** Chunk `c` of `parts` over `n` items: [from, to). */
export function chunkRange(c: number, parts: number, n: number): [number, number] {
  return [Math.floor((c * n) / parts), Math.floor(((c + 1) * n) / parts)];
}

type RowKernel = (...args: number[]) => void;

/** The kernels a chunk may run, from an instance's exports. */
export interface ChunkKernels {
  big_g: RowKernel;
  big_gh: RowKernel;
  root_g: RowKernel;
  root_gh: RowKernel;
  cols_g: RowKernel;
  cols_gh: RowKernel;
}

/**
 * Chunk `c` of the board's task: the features from c * cols / parts up to the next chunk's,
 * into the task's histogram; `gather` is the caller's own buffer for the column-major build.
 */
export function runChunk(e: ChunkKernels, b: Int32Array, c: number, gather: number): void {
  const cols = b[W_COLS];
  const parts = b[W_PARTS];
  const f0 = Math.floor((c * cols) / parts);
  const f1 = Math.floor(((c + 1) * cols) / parts);
  if (f1 <= f0) return;
  const hess = b[W_HESS] === 1;
  const offs = b[W_OFFS] + 4 * f0;
  const kind = b[W_KIND];
  const total = b[W_TOTAL];
  const kernel =
    kind === KIND_COLS
      ? e[hess ? "cols_gh" : "cols_g"]
      : kind === KIND_ROOT
        ? e[hess ? "root_gh" : "root_g"]
        : e[hess ? "big_gh" : "big_g"];
  const at = b[W_COLUMNS] + f0 * total;
  kernel(
    at,
    total,
    f1 - f0,
    b[W_ROWS],
    b[W_N],
    b[W_G],
    b[W_H],
    b[W_HIST],
    offs,
    gather,
    gather + b[W_GATHER],
  );
}

/** Polls of the claim word before sleeping on it (a node's next histogram often comes soon). */
const SPINS = 2000;

/**
 * Helps the fit that made `offer` until it ends: claims chunks of its histograms as they come
 * and builds them in its memory. Blocks the calling thread (a worker thread with nothing else to
 * do); returns at once when the fit is already over or has all the helpers it takes. With
 * `leave`, it also returns once `leave[0]` is not 0 (its own work came: it finishes the chunk it
 * claimed, never one it did not, so the owner loses nothing). Returns the chunks built.
 */
export function helpHistograms(offer: HistHelpOffer, leave?: Int32Array): number {
  if (!sharedModule()) return 0;
  const b = new Int32Array(offer.memory.buffer, offer.board, BOARD_WORDS);
  if (Atomics.load(b, W_CLOSED) === 1) return 0;
  const slot = Atomics.add(b, W_SLOTS, 1);
  if (slot >= b[W_MAX_HELPERS]) return 0;
  const e = instantiateShared(offer.memory) as unknown as ChunkKernels;
  const gather = b[W_HELP_SCRATCH] + slot * 2 * b[W_GATHER];
  Atomics.add(b, W_JOINED, 1);
  let built = 0;
  let idle = 0;
  while (Atomics.load(b, W_CLOSED) === 0 && (!leave || Atomics.load(leave, 0) === 0)) {
    const w = Atomics.load(b, W_CLAIM);
    // PARTS belongs to the task that `w` names unless the word has moved on, which the exchange
    // below would see (the owner writes a task's fields before publishing its number).
    if ((w & 255) < b[W_PARTS] && Atomics.compareExchange(b, W_CLAIM, w, w + 1) === w) {
      const s = offer.step;
      if (b[W_KIND] !== KIND_STEP) runChunk(e, b, w & 255, gather);
      else if (s) {
        const [from, to] = chunkRange(w & 255, b[W_PARTS], b[W_N]);
        binaryStepRows(s.raw, s.y, s.w, s.grad, s.hess, s.terms, from, to);
      }
      built++;
      Atomics.add(b, W_HELPED, 1);
      Atomics.add(b, W_DONE, 1);
      Atomics.notify(b, W_DONE);
      idle = 0;
      continue;
    }
    if (++idle < SPINS) continue;
    Atomics.wait(b, W_CLAIM, w, 100);
    idle = 0;
  }
  Atomics.sub(b, W_JOINED, 1);
  return built;
}
