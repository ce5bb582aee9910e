import { COLUMN_KINDS, type Column } from "../../data/frame.ts";
import { takeColumnRows, takeFrameRows } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { num, obj } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { dedupeInfo } from "./dedupeInfo.ts";

interface Params {
  /** Count rows as duplicates only when their targets agree too (default true). */
  include_target: boolean;
}

/** How many training rows were duplicates. */
export interface DedupeState {
  dropped: number;
}

const scratch = new Float64Array(1);

const bits = new Uint32Array(scratch.buffer);

/** FNV-style mix of one 32-bit word into a hash. */
const mix = (h: number, w: number) => Math.imul(h ^ w, 0x01000193) >>> 0;

/** Per-row hashes over the columns; missing values hash alike, and so do 0 and -0. */
function rowHashes(cols: Column[], rows: number): Uint32Array {
  const h = new Uint32Array(rows).fill(0x811c9dc5);
  for (const col of cols) {
    if (col.data.type === "dict") {
      const codes = col.data.codes;
      for (let i = 0; i < rows; i++) h[i] = mix(h[i], codes[i]);
      continue;
    }
    const values = col.data.values;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      scratch[0] = Number.isNaN(v) ? Number.NaN : v === 0 ? 0 : v;
      h[i] = mix(mix(h[i], bits[0]), bits[1]);
    }
  }
  return h;
}

function sameRow(cols: Column[], a: number, b: number): boolean {
  for (const col of cols) {
    if (col.data.type === "dict") {
      if (col.data.codes[a] !== col.data.codes[b]) return false;
    } else {
      const x = col.data.values[a];
      const y = col.data.values[b];
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
    }
  }
  return true;
}

/**
 * Keeps the first of each group of identical training rows (over the chosen columns, and the
 * target unless `include_target` is off). Training only: new rows are all scored.
 */
export const dedupeStep: StepDef<DedupeState> = {
  ...dedupeInfo,
  state: obj({ dropped: num }),
  fit(frame, config, ctx) {
    return dedupeStep.fitTransform!(frame, config, ctx).state;
  },
  transform: (frame) => frame,
  fitTransform(frame, config, ctx) {
    const p = readParams<Params>(dedupeStep, config);
    const cols = selectColumns(frame, config, COLUMN_KINDS);
    if (p.include_target && ctx.target) cols.push(ctx.target);
    const hashes = rowHashes(cols, frame.rows);
    // Hash → first row with it; `next` chains rows whose hashes collide but differ.
    const head = new Map<number, number>();
    const next = new Int32Array(frame.rows).fill(-1);
    const keep: number[] = [];
    for (let i = 0; i < frame.rows; i++) {
      if ((i & 0xffff) === 0) ctx.signal?.throwIfAborted();
      const first = head.get(hashes[i]);
      if (first === undefined) {
        head.set(hashes[i], i);
        keep.push(i);
        continue;
      }
      let r = first;
      let dup = false;
      for (;;) {
        if (sameRow(cols, r, i)) {
          dup = true;
          break;
        }
        if (next[r] < 0) break;
        r = next[r];
      }
      if (!dup) {
        next[r] = i;
        keep.push(i);
      }
    }
    if (keep.length === frame.rows) return { state: { dropped: 0 }, frame, target: ctx.target };
    return {
      state: { dropped: frame.rows - keep.length },
      frame: takeFrameRows(frame, keep),
      target: ctx.target && takeColumnRows(ctx.target, keep),
    };
  },
};
