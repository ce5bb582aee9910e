import type { Frame } from "./frame.ts";

/**
 * Moves a frame's column buffers into SharedArrayBuffers, in place, column by column (the extra
 * memory at any moment is one column), and returns the same frame. Posted to worker threads
 * afterwards, the columns are shared instead of copied: one copy of the table for all threads.
 * The values and the frame object stay the same. Where SharedArrayBuffer is missing (a browser page
 * without cross-origin isolation) the frame is left as it is.
 *
 * A view on shared memory is refused by a few web APIs (`crypto.subtle.digest`, `TextDecoder`):
 * code that hands column bytes to them must copy first (as `dataFingerprint` does).
 */
export function shareFrame(frame: Frame): Frame {
  if (typeof SharedArrayBuffer === "undefined") return frame;
  for (const col of frame.columns) {
    const data = col.data;
    if (data.type === "float") {
      if (isShared(data.values)) continue;
      const values = new Float64Array(new SharedArrayBuffer(data.values.byteLength));
      values.set(data.values);
      col.data = { type: "float", values };
    } else {
      if (isShared(data.codes)) continue;
      const codes = new Int32Array(new SharedArrayBuffer(data.codes.byteLength));
      codes.set(data.codes);
      col.data = { type: "dict", codes, levels: data.levels };
    }
  }
  return frame;
}

/** Whether a view's memory is shared. */
export function isShared(view: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== "undefined" && view.buffer instanceof SharedArrayBuffer;
}
