import type { Frame } from "./frame.ts";
import { isNarrow, packCodes, reviveCodes } from "./narrowCodes.ts";
import { isScaled, packScaled, reviveScaled } from "./scaledFloats.ts";

/** Options of `shareFrame`. */
export interface ShareFrameOptions {
  /**
   * Compact layouts with the same values: float columns whose every value is a decimal of at most
   * 9 places within a 4-byte range as scaled integers (scaledFloats.ts: 1-4 bytes a cell instead
   * of 8), and dictionary codes of fewer than 65,535 levels in 1 or 2 bytes (narrowCodes.ts).
   * Default true; false keeps every column's layout (a thread's writes then reach the others).
   */
  scaled?: boolean;
}

/**
 * Moves a frame's column buffers into SharedArrayBuffers, in place, column by column (the extra
 * memory at any moment is one column), and returns the same frame. Posted to worker threads
 * afterwards, the columns are shared instead of copied: one copy of the table for all threads
 * (each thread calls `receiveFrame` on what it gets). The values and the frame object stay the
 * same; a compact column's `values` or `codes` is then a decoded copy (read it, never write it). Where
 * SharedArrayBuffer is missing (a browser page without cross-origin isolation) the frame is left
 * as it is.
 *
 * A view on shared memory is refused by a few web APIs (`crypto.subtle.digest`, `TextDecoder`):
 * code that hands column bytes to them must copy first (as `dataFingerprint` does).
 */
export function shareFrame(frame: Frame, opts: ShareFrameOptions = {}): Frame {
  if (typeof SharedArrayBuffer === "undefined") return frame;
  const scaled = opts.scaled ?? true;
  for (const col of frame.columns) {
    const data = col.data;
    if (data.type === "float") {
      if (isScaled(data)) continue;
      const packed = scaled ? packScaled(data.values, (bytes) => new SharedArrayBuffer(bytes)) : null;
      if (packed) {
        col.data = packed;
        continue;
      }
      if (isShared(data.values)) continue;
      const values = new Float64Array(new SharedArrayBuffer(data.values.byteLength));
      values.set(data.values);
      col.data = { type: "float", values };
    } else {
      if (isNarrow(data)) continue;
      const narrow = scaled
        ? packCodes(data.codes, data.levels, (bytes) => new SharedArrayBuffer(bytes))
        : null;
      if (narrow) {
        col.data = narrow;
        continue;
      }
      if (isShared(data.codes)) continue;
      const codes = new Int32Array(new SharedArrayBuffer(data.codes.byteLength));
      codes.set(data.codes);
      col.data = { type: "dict", codes, levels: data.levels };
    }
  }
  return frame;
}

/**
 * A frame as a worker thread receives it from `shareFrame`'s poster: its scaled columns get their
 * class back (posting keeps an object's fields, not its class). In place; returns the frame.
 */
export function receiveFrame(frame: Frame): Frame {
  for (const col of frame.columns) col.data = reviveCodes(reviveScaled(col.data));
  return frame;
}

/** Whether a view's memory is shared. */
export function isShared(view: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== "undefined" && view.buffer instanceof SharedArrayBuffer;
}
