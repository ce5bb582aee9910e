import type { Column, Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { makeThrottledProgress, type Progress } from "../../progress.ts";
import { pickRows, sameRows } from "./pickRows.ts";

/** The values one column is set to: numbers (numeric, datetime, boolean) or level names. */
export type PdpGrid = { kind: "numeric"; values: number[] } | { kind: "categorical"; levels: string[] };

/** Options of `pdpGrid`. */
export interface GridOptions {
  /** Most grid points (default 20): a numeric column with more distinct values is cut at quantiles. */
  resolution?: number;
  /** The quantile range a numeric grid spans (default [0.05, 0.95], as scikit-learn's `percentiles`). */
  percentiles?: [number, number];
  /** Most levels of a categorical column, the most frequent first (default 30). */
  maxLevels?: number;
}

/** Quantile `q` of sorted values, interpolated between neighbours (type 7, numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The grid of a column over `rows` of it. Numeric: every distinct value when there are at most
 * `resolution`, else `resolution` evenly spaced quantiles from `percentiles[0]` to
 * `percentiles[1]` (duplicates dropped). Categorical: its levels that occur, most frequent first,
 * at most `maxLevels`. Missing cells take no part.
 */
export function pdpGrid(col: Column, rows: readonly number[], opts: GridOptions = {}): PdpGrid {
  const resolution = opts.resolution ?? 20;
  const [lo, hi] = opts.percentiles ?? [0.05, 0.95];
  if (!(Number.isInteger(resolution) && resolution >= 2))
    throw new ValidationError(`invalid resolution: ${resolution}`);
  if (!(lo >= 0 && hi <= 1 && lo < hi)) throw new ValidationError(`invalid percentiles: ${lo}, ${hi}`);
  if (col.data.type === "float") {
    const v = col.data.values;
    const present = rows.map((r) => v[r]).filter((x) => !Number.isNaN(x));
    if (present.length === 0) throw new ValidationError(`column "${col.name}" has no values to vary`);
    const sorted = Float64Array.from(present).sort();
    const distinct = [...new Set(sorted)];
    if (distinct.length <= resolution) return { kind: "numeric", values: distinct };
    const values = Array.from({ length: resolution }, (_, i) =>
      quantileSorted(sorted, lo + ((hi - lo) * i) / (resolution - 1)),
    );
    return { kind: "numeric", values: [...new Set(values)] };
  }
  const { codes, levels } = col.data;
  const counts = new Float64Array(levels.length);
  for (const r of rows) if (codes[r] >= 0) counts[codes[r]]++;
  const used = levels.map((_, c) => c).filter((c) => counts[c] > 0);
  if (used.length === 0) throw new ValidationError(`column "${col.name}" has no values to vary`);
  used.sort((a, b) => counts[b] - counts[a] || a - b);
  return { kind: "categorical", levels: used.slice(0, opts.maxLevels ?? 30).map((c) => levels[c]) };
}

/** Individual conditional expectation lines and their mean, the partial dependence. */
export interface PartialDependence {
  grid: PdpGrid;
  /** The rows of the frame drawn as ICE lines. */
  rows: number[];
  /** rows x grid points: `ice[i * G + g]` is row i's output with the column set to grid point g. */
  ice: Float64Array;
  /** Per grid point: the mean of the ICE lines (Friedman's partial dependence). */
  pdp: Float64Array;
}

/** Options of `partialDependence`. */
export interface PartialDependenceOptions extends GridOptions {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Grid points scored per call of `evaluate` (default all at once). */
  pointsPerCall?: number;
}

/**
 * Partial dependence and ICE of `evaluate` on one column (Friedman 2001; Goldstein et al. 2015):
 * each of `rows` is copied once per grid point with the column set to that point and every other
 * column kept, and scored. `evaluate` maps a frame to one output per row (a probability or a
 * value); the grid is taken over `gridRows` (default `rows`). Set cells are written straight into
 * the copied column: numbers as they are, levels as their code (a level the column lacks is added).
 */
export async function partialDependence(
  frame: Frame,
  column: string,
  rows: readonly number[],
  evaluate: (mixed: Frame) => Float64Array | Promise<Float64Array>,
  opts: PartialDependenceOptions & { gridRows?: readonly number[] } = {},
): Promise<PartialDependence> {
  const j = frame.columns.findIndex((c) => c.name === column);
  if (j < 0) throw new ValidationError(`no column "${column}"`);
  if (rows.length === 0) throw new ValidationError("partial dependence needs at least one row");
  const col = frame.columns[j];
  const grid = pdpGrid(col, opts.gridRows ?? rows, opts);
  const G = grid.kind === "numeric" ? grid.values.length : grid.levels.length;
  const n = rows.length;
  const ice = new Float64Array(n * G);
  const step = Math.max(1, opts.pointsPerCall ?? G);
  const progress = makeThrottledProgress(opts.onProgress);
  const base = pickRows(frame, sameRows(frame, rows), n);
  for (let from = 0; from < G; from += step) {
    opts.signal?.throwIfAborted();
    const to = Math.min(G, from + step);
    const copies = to - from;
    const sources = frame.columns.map(() => new Int32Array(n * copies));
    for (const s of sources) for (let c = 0; c < copies; c++) for (let i = 0; i < n; i++) s[c * n + i] = i;
    const mixed = pickRows(base, sources, n * copies);
    mixed.columns[j] = setColumn(mixed.columns[j], grid, from, copies, n);
    const out = await evaluate(mixed);
    for (let c = 0; c < copies; c++) for (let i = 0; i < n; i++) ice[i * G + from + c] = out[c * n + i];
    progress({ phase: "pdp", done: to, total: G, message: `Scored ${to} of ${G} values of ${column}` });
  }
  const pdp = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += ice[i * G + g];
    pdp[g] = s / n;
  }
  return { grid, rows: [...rows], ice, pdp };
}

/** The column with block c (n rows each) set to grid point `from + c`. */
function setColumn(col: Column, grid: PdpGrid, from: number, copies: number, n: number): Column {
  if (grid.kind === "numeric") {
    if (col.data.type !== "float") throw new ValidationError(`column "${col.name}" is not numeric`);
    const values = new Float64Array(n * copies);
    for (let c = 0; c < copies; c++) values.fill(grid.values[from + c], c * n, (c + 1) * n);
    return { ...col, data: { type: "float", values }, missing: 0 };
  }
  if (col.data.type !== "dict") throw new ValidationError(`column "${col.name}" has no levels`);
  const levels = [...col.data.levels];
  const codes = new Int32Array(n * copies);
  for (let c = 0; c < copies; c++) {
    const name = grid.levels[from + c];
    let code = levels.indexOf(name);
    if (code < 0) code = levels.push(name) - 1;
    codes.fill(code, c * n, (c + 1) * n);
  }
  return { ...col, data: { type: "dict", codes, levels }, missing: 0 };
}
