import type { Column, Frame } from "../data/frame.ts";
import type { ColumnProfile } from "./columnStats.ts";
import { correlationRatio, cramersV } from "./cramersV.ts";
import { type Codes, capLevels, gatherCodes, gatherFloats } from "./gather.ts";
import { pearson, ranks, spearman } from "./pearson.ts";
import { sampleRows } from "./sample.ts";

/** A symmetric matrix; `values[i][j]` relates columns[i] and columns[j]; null where undefined. */
export interface CorrelationMatrix {
  columns: string[];
  values: (number | null)[][];
}

/** `values[i][j]`: eta of numeric[i] grouped by categorical[j]. */
export interface CorrelationRatioMatrix {
  numeric: string[];
  categorical: string[];
  values: (number | null)[][];
}

export interface Correlations {
  /** Over numeric columns, pairwise complete rows. */
  pearson: CorrelationMatrix;
  spearman: CorrelationMatrix;
  /** Over categorical and boolean columns; bias-corrected (Bergsma 2013), top `maxLevels` levels + "other". */
  cramersV: CorrelationMatrix;
  /** Numeric vs categorical: the correlation ratio eta. */
  correlationRatio: CorrelationRatioMatrix;
  cramersVBiasCorrected: true;
  maxLevels: number;
  /** True when computed on a seeded sample of `sampleSize` rows rather than all `rows`. */
  sampled: boolean;
  sampleSize: number;
  rows: number;
  seed: number;
  /** Columns left out because there were more than `maxColumns` of their group. */
  omitted: string[];
}

export interface CorrelationOptions {
  seed?: number;
  /** Rows used at most (default 50,000); above that a seeded uniform sample. */
  sampleSize?: number;
  /** Most columns per group (default 100): the matrices grow with its square. */
  maxColumns?: number;
  /** Most levels kept per categorical column (default 50), the rest pooled. */
  maxLevels?: number;
  /** Column profiles, to leave out constant and identifier-like columns. */
  profiles?: ColumnProfile[];
  /** Precomputed row sample (overrides seed / sampleSize). */
  sampleIndex?: Uint32Array;
  signal?: AbortSignal;
}

export const CORRELATION_SAMPLE_SIZE = 50_000;

function isCategoricalLike(col: Column, p: ColumnProfile | undefined): boolean {
  if (col.kind !== "categorical" && col.kind !== "boolean") return false;
  if (!p) return true;
  return p.distinct >= 2 && !(p.distinct > 50 && p.distinct > 0.5 * p.count);
}

export function computeCorrelations(frame: Frame, opts: CorrelationOptions = {}): Correlations {
  const seed = opts.seed ?? 0;
  const maxColumns = opts.maxColumns ?? 100;
  const maxLevels = opts.maxLevels ?? 50;
  const idx = opts.sampleIndex ?? sampleRows(frame.rows, opts.sampleSize ?? CORRELATION_SAMPLE_SIZE, seed);
  const profileOf = new Map(opts.profiles?.map((p) => [p.name, p]));
  const omitted: string[] = [];
  const take = (cols: Column[]) => {
    omitted.push(...cols.slice(maxColumns).map((c) => c.name));
    return cols.slice(0, maxColumns);
  };
  const numCols = take(
    frame.columns.filter(
      (c) => c.kind === "numeric" && c.data.type === "float" && (profileOf.get(c.name)?.distinct ?? 2) >= 2,
    ),
  );
  const catCols = take(frame.columns.filter((c) => isCategoricalLike(c, profileOf.get(c.name))));

  const nums = numCols.map((c) => gatherFloats(c, idx));
  const complete = nums.map((v) => v.every((x) => !Number.isNaN(x)));
  const rk = nums.map((v, i) => (complete[i] ? ranks(v) : v));
  const p = square(nums.length);
  const s = square(nums.length);
  for (let i = 0; i < nums.length; i++) {
    opts.signal?.throwIfAborted();
    for (let j = i; j < nums.length; j++) {
      const r = pearson(nums[i], nums[j]);
      const rs = complete[i] && complete[j] ? pearson(rk[i], rk[j]) : spearman(nums[i], nums[j]);
      p[i][j] = p[j][i] = i === j && r !== null ? 1 : r;
      s[i][j] = s[j][i] = i === j && rs !== null ? 1 : rs;
    }
  }

  const cats: Codes[] = catCols.map((c) => capLevels(gatherCodes(c, idx), maxLevels));
  const v = square(cats.length);
  for (let i = 0; i < cats.length; i++) {
    opts.signal?.throwIfAborted();
    for (let j = i; j < cats.length; j++) {
      const cv = cramersV(cats[i], cats[j]);
      v[i][j] = v[j][i] = i === j && cv !== null ? 1 : cv;
    }
  }
  const eta = nums.map((x) => cats.map((g) => correlationRatio(g, x)));
  return {
    pearson: { columns: numCols.map((c) => c.name), values: p },
    spearman: { columns: numCols.map((c) => c.name), values: s },
    cramersV: { columns: catCols.map((c) => c.name), values: v },
    correlationRatio: {
      numeric: numCols.map((c) => c.name),
      categorical: catCols.map((c) => c.name),
      values: eta,
    },
    cramersVBiasCorrected: true,
    maxLevels,
    sampled: idx.length < frame.rows,
    sampleSize: idx.length,
    rows: frame.rows,
    seed,
    omitted,
  };
}

function square(n: number): (number | null)[][] {
  return Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
}
