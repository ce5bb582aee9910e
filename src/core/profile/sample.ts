import type { ColumnKind, Frame } from "../data/frame.ts";
import { makeRng } from "../random.ts";

/**
 * At most `n` distinct row indices out of `rows`, ascending, chosen uniformly with Robert Floyd's
 * algorithm (Bentley, "Programming Pearls", col. 12): n draws, no shuffle of all rows. The same
 * (rows, n, seed) always gives the same rows. With n >= rows every row is returned.
 */
export function sampleRows(rows: number, n: number, seed: number): Uint32Array {
  if (n >= rows) {
    const all = new Uint32Array(rows);
    for (let i = 0; i < rows; i++) all[i] = i;
    return all;
  }
  const k = Math.max(0, Math.floor(n));
  const rng = makeRng(seed);
  const chosen = new Set<number>();
  for (let j = rows - k; j < rows; j++) {
    const t = rng.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Uint32Array.from(chosen).sort();
}

/**
 * At most `max` of `rows`: a seeded sample (`sampleRows` over their positions), kept in the order
 * `rows` come in. `rows` itself when it is short enough.
 */
export function capRows(rows: Int32Array, max: number, seed: number): Int32Array {
  if (rows.length <= max) return rows;
  return Int32Array.from(sampleRows(rows.length, max, seed), (p) => rows[p]);
}

/** One column of a plot sample: numbers for numeric and datetime (epoch ms), strings otherwise. */
export type PlotColumn =
  | { name: string; kind: ColumnKind; type: "number"; values: (number | null)[] }
  | { name: string; kind: ColumnKind; type: "string"; values: (string | null)[] };

/** Rows for charts: the same sampled rows of every column, missing cells as null. */
/** Rows behind scatter-like plots, and the seed that picks them (the screen says so when sampled). */
export const PLOT_SAMPLE_SIZE = 5000;
export const PLOT_SAMPLE_SEED = 0;

export interface PlotSample {
  /** Row indices in the frame, ascending. */
  rows: number[];
  sampled: boolean;
  columns: PlotColumn[];
}

export function makePlotSample(frame: Frame, n: number, seed: number): PlotSample {
  const idx = sampleRows(frame.rows, n, seed);
  const columns = frame.columns.map((col): PlotColumn => {
    const data = col.data;
    if (data.type === "dict") {
      const values = Array.from(idx, (r) => (data.codes[r] >= 0 ? data.levels[data.codes[r]] : null));
      return { name: col.name, kind: col.kind, type: "string", values };
    }
    if (col.kind === "boolean") {
      const labels = col.labels ?? ["false", "true"];
      const values = Array.from(idx, (r) => {
        const x = data.values[r];
        return Number.isNaN(x) ? null : labels[x === 0 ? 0 : 1];
      });
      return { name: col.name, kind: col.kind, type: "string", values };
    }
    const values = Array.from(idx, (r) => (Number.isNaN(data.values[r]) ? null : data.values[r]));
    return { name: col.name, kind: col.kind, type: "number", values };
  });
  return { rows: Array.from(idx), sampled: idx.length < frame.rows, columns };
}
