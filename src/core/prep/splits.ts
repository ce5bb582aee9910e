/**
 * Train / test splits and cross-validation folds of a frame, as row indices: the index-level
 * splitters of eval/kFold.ts plus the ones that need the data (stratify by a column, split by
 * time or by group). Every split is deterministic for a seed.
 */
import type { Column, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { type Fold, holdout, kFold, stratifiedKFold, timeSeriesSplit } from "../eval/kFold.ts";
import { makeRng } from "../random.ts";
import { getColumn } from "./columns.ts";

/** How to split, as saved with a run. */
export type SplitConfig =
  /** One shuffled split; `stratify` names a column whose classes keep their shares. */
  | { type: "holdout"; testFraction?: number; stratify?: string | null; seed?: number }
  /** The latest `testFraction` of rows by a date column is the test part. */
  | { type: "temporal"; column: string; testFraction?: number }
  /** GroupKFold: rows sharing a key never land on both sides of a fold. */
  | { type: "group"; column: string; folds?: number; seed?: number }
  /**
   * Plain K-fold; `sklearn` shuffles exactly as scikit-learn's
   * `KFold(folds, shuffle=True, random_state=seed)`, for fold-for-fold comparisons with a notebook.
   */
  | { type: "kfold"; folds?: number; seed?: number; shuffle?: boolean; sklearn?: boolean }
  | { type: "stratified_kfold"; column: string; folds?: number; seed?: number }
  /** Expanding-window folds in time order (by `column`, else file order). */
  | { type: "time_series"; column?: string | null; folds?: number; gap?: number; testSize?: number };

/** Folds of row indices from `makeSplit`. */
export interface Split {
  type: SplitConfig["type"];
  folds: Fold[];
  /** Rows in order of the split's own axis (date order for temporal splits); null = file order. */
  order: Int32Array | null;
}

/** A label per row for grouping and stratifying; missing values share one label of their own. */
function labelsOf(col: Column): Int32Array {
  if (col.data.type === "dict") {
    const missing = col.data.levels.length;
    return col.data.codes.map((c) => (c < 0 ? missing : c));
  }
  const ids = new Map<number, number>();
  return Int32Array.from(col.data.values, (v) => {
    const key = Number.isNaN(v) ? Number.NaN : v === 0 ? 0 : v;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  });
}

/** Rows with a date, ascending by date (ties: file order), from a datetime or numeric column. */
function byTime(frame: Frame, name: string): Int32Array {
  const col = getColumn(frame, name, "split");
  if (col.data.type !== "float")
    throw new ValidationError(`split: column "${name}" is ${col.kind}, expected a date`);
  const v = col.data.values;
  const rows: number[] = [];
  for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) rows.push(i);
  return Int32Array.from(rows.sort((a, b) => v[a] - v[b] || a - b));
}

const ascending = (rows: ArrayLike<number>) => Int32Array.from(rows).sort();

function temporal(frame: Frame, name: string, fraction: number): Fold {
  if (!(fraction > 0 && fraction < 1)) throw new ValidationError(`invalid test fraction: ${fraction}`);
  const order = byTime(frame, name);
  const v = (getColumn(frame, name, "split").data as { values: Float64Array }).values;
  const m = order.length;
  if (m < 2) throw new ValidationError(`temporal split: "${name}" has fewer than 2 dated rows`);
  const nTest = Math.min(m - 1, Math.max(1, Math.round(m * fraction)));
  // Rows on the boundary date all go to the test part, so no date is on both sides.
  const cut = v[order[m - nTest]];
  let first = m - nTest;
  while (first > 0 && v[order[first - 1]] === cut) first--;
  if (first === 0) throw new ValidationError(`temporal split: "${name}" has too few distinct dates to split`);
  return { train: ascending(order.subarray(0, first)), test: ascending(order.subarray(first)) };
}

/** GroupKFold: largest groups first (ties in seeded order), each into the fold with the fewest rows so far. */
function groupKFold(frame: Frame, name: string, k: number, seed: number): Fold[] {
  const labels = labelsOf(getColumn(frame, name, "split"));
  const sizes = new Map<number, number>();
  for (const g of labels) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  if (!Number.isInteger(k) || k < 2) throw new ValidationError(`invalid folds: ${k}`);
  if (k > sizes.size) throw new ValidationError(`invalid folds: ${k} for ${sizes.size} groups in "${name}"`);
  const rng = makeRng(seed);
  const groups = [...sizes.keys()];
  const tiebreak = new Map(groups.map((g) => [g, rng.next()]));
  groups.sort((a, b) => sizes.get(b)! - sizes.get(a)! || tiebreak.get(a)! - tiebreak.get(b)!);
  const load = new Array<number>(k).fill(0);
  const foldOf = new Map<number, number>();
  for (const g of groups) {
    let f = 0;
    for (let j = 1; j < k; j++) if (load[j] < load[f]) f = j;
    foldOf.set(g, f);
    load[f] += sizes.get(g)!;
  }
  return Array.from({ length: k }, (_, f) => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldOf.get(labels[i]) === f ? test : train).push(i);
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/** Splits the rows of `frame` as `config` says. Bad settings are ValidationErrors naming them. */
export function makeSplit(frame: Frame, config: SplitConfig): Split {
  const n = frame.rows;
  switch (config.type) {
    case "holdout": {
      const stratify = config.stratify ? labelsOf(getColumn(frame, config.stratify, "split")) : undefined;
      return {
        type: "holdout",
        folds: [holdout(n, { testFraction: config.testFraction, seed: config.seed, stratify })],
        order: null,
      };
    }
    case "temporal":
      return {
        type: "temporal",
        folds: [temporal(frame, config.column, config.testFraction ?? 0.2)],
        order: byTime(frame, config.column),
      };
    case "group":
      return {
        type: "group",
        folds: groupKFold(frame, config.column, config.folds ?? 5, config.seed ?? 0),
        order: null,
      };
    case "kfold":
      return {
        type: "kfold",
        folds: kFold(n, config.folds ?? 5, {
          seed: config.seed,
          shuffle: config.shuffle,
          numpy: config.sklearn,
        }),
        order: null,
      };
    case "stratified_kfold": {
      const labels = labelsOf(getColumn(frame, config.column, "split"));
      return {
        type: "stratified_kfold",
        folds: stratifiedKFold(labels, config.folds ?? 5, { seed: config.seed }),
        order: null,
      };
    }
    case "time_series": {
      const order = config.column ? byTime(frame, config.column) : null;
      const m = order ? order.length : n;
      const folds = timeSeriesSplit(m, config.folds ?? 5, { gap: config.gap, testSize: config.testSize });
      if (!order) return { type: "time_series", folds, order: null };
      const map = (pos: Int32Array) => ascending(Array.from(pos, (p) => order[p]));
      return {
        type: "time_series",
        folds: folds.map((f) => ({ train: map(f.train), test: map(f.test) })),
        order,
      };
    }
    default:
      throw new ValidationError(`unknown split: ${(config as { type: string }).type}`);
  }
}

/** What a bucket of rows is in one fold of a split picture. */
export type SplitCell = "train" | "test" | "unused";

/** A compact picture of the folds for the UI: per fold, per bucket of consecutive rows, what most of them are. */
export interface SplitPicture {
  rows: number;
  /** Rows per bucket (the last may hold fewer). */
  bucketSize: number;
  /** [fold][bucket]: "test" when test rows are at least as many as train rows, else the larger part. */
  cells: SplitCell[][];
  /** [fold][bucket]: share of the bucket's rows in the test part, for shading. */
  testShare: number[][];
  /** [fold][bucket]: share of the bucket's rows in neither part (time-series folds leave the latest out). */
  unusedShare: number[][];
}

/**
 * Buckets `rows` rows (in `order` when given, e.g. a Split's date order) into at most `maxCells`
 * runs and labels each run per fold.
 */
export function splitPicture(
  folds: Fold[],
  rows: number,
  maxCells = 200,
  order: Int32Array | null = null,
): SplitPicture {
  // With an order (rows that have a date), the picture covers just those rows.
  const total = order ? order.length : rows;
  const buckets = Math.max(1, Math.min(maxCells, total));
  const bucketSize = Math.max(1, Math.ceil(total / buckets));
  const count = Math.ceil(total / bucketSize);
  const role = new Uint8Array(rows);
  const cells: SplitCell[][] = [];
  const testShare: number[][] = [];
  const unusedShare: number[][] = [];
  for (const fold of folds) {
    role.fill(0);
    for (const i of fold.train) role[i] = 1;
    for (const i of fold.test) role[i] = 2;
    const row: SplitCell[] = [];
    const shares: number[] = [];
    const unused: number[] = [];
    for (let b = 0; b < count; b++) {
      const tally = [0, 0, 0];
      const end = Math.min(total, (b + 1) * bucketSize);
      for (let p = b * bucketSize; p < end; p++) tally[role[order ? order[p] : p]]++;
      const size = end - b * bucketSize;
      row.push(
        tally[2] > 0 && tally[2] >= tally[1]
          ? "test"
          : tally[1] >= tally[0] && tally[1] > 0
            ? "train"
            : "unused",
      );
      shares.push(size > 0 ? tally[2] / size : 0);
      unused.push(size > 0 ? tally[0] / size : 0);
    }
    cells.push(row);
    testShare.push(shares);
    unusedShare.push(unused);
  }
  return { rows: total, bucketSize, cells, testShare, unusedShare };
}
