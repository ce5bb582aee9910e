import type { Column } from "../../data/frame.ts";
import { kFold } from "../../eval/kFold.ts";
import type { Target } from "../../models/estimator.ts";
import { codesOnto, floatColumn, freeName, getColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, nullable, nums, obj, str, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";
import { requireTarget } from "../targetValues.ts";
import { targetEncodingInfo } from "./targetEncodingInfo.ts";

interface Params {
  /** m of the m-estimate: how many rows' worth of weight the prior gets. */
  smoothing: number;
  /** Inner folds for the out-of-fold training output. */
  folds: number;
}

interface Encoded {
  name: string;
  /** Output columns: one for regression and binary, one per class for multiclass. */
  outputs: string[];
  levels: string[];
  /** Per level, per output: the smoothed mean over all training rows. Missing is the last "level". */
  means: number[][];
  /** Per output: the training mean of the target, given to unseen levels. */
  prior: number[];
}

/** Class labels (null for regression) and per column the smoothed means learned on all training rows. */
export interface TargetEncodingState {
  classes: string[] | null;
  columns: Encoded[];
}

/**
 * What is encoded per output: the target values (regression), whether the class is 1 (binary),
 * or whether the class is c, one output per class (multiclass).
 */
function outputValues(y: Target): Float64Array[] {
  if (!y.classes) return [y.values];
  const ks = y.classes.length === 2 ? [1] : y.classes.map((_, c) => c);
  return ks.map((c) => y.values.map((v) => (Number.isNaN(v) ? Number.NaN : v === c ? 1 : 0)));
}

/** Level code per row with missing as level `levels` (so it gets learned like any other). */
function groupCodes(col: Column, levels: string[]): Int32Array {
  const codes = codesOnto(col, levels);
  for (let i = 0; i < codes.length; i++) if (codes[i] === -1) codes[i] = levels.length;
  return codes;
}

/** Per-group sums of each output and row counts, over the rows where `use` is 1 (all when null). */
function groupSums(codes: Int32Array, ys: Float64Array[], groups: number, use: Uint8Array | null) {
  const counts = new Float64Array(groups);
  const sums = ys.map(() => new Float64Array(groups));
  for (let i = 0; i < codes.length; i++) {
    if (use && !use[i]) continue;
    const g = codes[i];
    if (g < 0 || Number.isNaN(ys[0][i])) continue;
    counts[g]++;
    for (let o = 0; o < ys.length; o++) sums[o][g] += ys[o][i];
  }
  return { counts, sums };
}

/** The m-estimate (sum + m * prior) / (n + m) per group and output. */
function smoothed(
  counts: Float64Array,
  sums: Float64Array[],
  m: number,
): { means: number[][]; prior: number[] } {
  let total = 0;
  for (const c of counts) total += c;
  const prior = sums.map((s) => (total > 0 ? s.reduce((a, b) => a + b, 0) / total : 0));
  const means = Array.from(counts, (n, g) =>
    sums.map((s, o) => (n + m > 0 ? (s[g] + m * prior[o]) / (n + m) : prior[o])),
  );
  return { means, prior };
}

/**
 * The output columns. Their distinct values are counted as the distinct groups behind them (one
 * value per level, per fold for the training output): exact unless two levels share a mean, and
 * far cheaper than counting a million floats.
 */
function outputColumns(
  names: string[],
  values: Float64Array[],
  role: Column["role"],
  groupsUsed: number,
): Column[] {
  return names.map((n, o) => floatColumn(n, values[o], { role, missing: 0, unique: groupsUsed }));
}

/** Distinct non-negative codes among `rows` (all rows when null). */
function distinctCodes(codes: Int32Array, groups: number, rows: ArrayLike<number> | null): number {
  const seen = new Uint8Array(groups);
  let k = 0;
  const n = rows ? rows.length : codes.length;
  for (let r = 0; r < n; r++) {
    const g = codes[rows ? rows[r] : r];
    if (g >= 0 && !seen[g]) {
      seen[g] = 1;
      k++;
    }
  }
  return k;
}

/**
 * Replaces each category by the smoothed mean of the target over its training rows (the
 * m-estimate (sum + m * prior) / (count + m), as category_encoders' MEstimateEncoder):
 * regression the mean value, binary the share of class 1, multiclass one share column per
 * class. Missing values are a level of their own; unseen levels get the prior. The training
 * rows' own output is out-of-fold (a seeded inner k-fold), so no row sees its own target; new
 * data gets the means over all training rows.
 */
export const targetEncodingStep: StepDef<TargetEncodingState> = {
  ...targetEncodingInfo,
  state: obj({
    classes: nullable(strs),
    columns: list(obj({ name: str, outputs: strs, levels: strs, means: list(nums), prior: nums })),
  }),
  fit(frame, config, ctx) {
    const p = readParams<Params>(targetEncodingStep, config);
    const y = requireTarget(ctx.target, ctx.task, "target_encoding");
    const ys = outputValues(y);
    const taken = new Set(frame.columns.map((c) => c.name));
    const cols = selectColumns(frame, config, CATEGORY_KINDS, ["categorical"]);
    const columns = cols.map((col): Encoded => {
      const { levels: all } = col.data as { levels: string[] };
      const codes = groupCodes(col, all);
      const { counts, sums } = groupSums(codes, ys, all.length + 1, null);
      // Levels with no labelled rows are left out: new rows with them get the prior, as unseen ones do.
      const used = all.map((_, i) => i).filter((i) => counts[i] > 0);
      const { means, prior } = smoothed(counts, sums, p.smoothing);
      taken.delete(col.name);
      const outputs =
        ys.length === 1
          ? [freeName(`${col.name}_te`, taken)]
          : y.classes!.map((c) => freeName(`${col.name}_te=${c}`, taken));
      return {
        name: col.name,
        outputs,
        levels: used.map((i) => all[i]),
        means: [...used.map((i) => means[i]), means[all.length]],
        prior,
      };
    });
    return { classes: y.classes ?? null, columns };
  },
  transform(frame, state) {
    const replace = new Map<string, Column[]>();
    for (const e of state.columns) {
      const col = getColumn(frame, e.name, "target_encoding");
      const codes = groupCodes(col, e.levels);
      const values = e.outputs.map(() => new Float64Array(codes.length));
      for (let i = 0; i < codes.length; i++) {
        const row = codes[i] >= 0 ? e.means[codes[i]] : e.prior;
        for (let o = 0; o < values.length; o++) values[o][i] = row[o];
      }
      // Unseen levels (code -2) all get the prior: one more distinct value.
      const unseen = codes.some((c) => c === -2) ? 1 : 0;
      replace.set(
        e.name,
        outputColumns(e.outputs, values, col.role, distinctCodes(codes, e.means.length, null) + unseen),
      );
    }
    return replaceColumns(frame, replace);
  },
  fitTransform(frame, config, ctx) {
    const p = readParams<Params>(targetEncodingStep, config);
    const state = targetEncodingStep.fit(frame, config, ctx);
    const ys = outputValues(requireTarget(ctx.target, ctx.task, "target_encoding"));
    const folds = kFold(frame.rows, Math.min(p.folds, frame.rows), { seed: ctx.rng.int(2 ** 31) });
    const replace = new Map<string, Column[]>();
    for (const e of state.columns) {
      ctx.signal?.throwIfAborted();
      const col = getColumn(frame, e.name, "target_encoding");
      const { levels: all } = col.data as { levels: string[] };
      const codes = groupCodes(col, all);
      const G = all.length + 1;
      const total = groupSums(codes, ys, G, null);
      const values = e.outputs.map(() => new Float64Array(frame.rows));
      const inFold = new Uint8Array(frame.rows);
      for (const fold of folds) {
        inFold.fill(0);
        for (const i of fold.test) inFold[i] = 1;
        // Statistics of the other folds: all rows minus this fold's.
        const held = groupSums(codes, ys, G, inFold);
        const counts = total.counts.map((c, g) => c - held.counts[g]);
        const sums = total.sums.map((s, o) => s.map((v, g) => v - held.sums[o][g]));
        const { means } = smoothed(counts, sums, p.smoothing);
        for (const i of fold.test) for (let o = 0; o < values.length; o++) values[o][i] = means[codes[i]][o];
      }
      const used = folds.reduce((k, f) => k + distinctCodes(codes, G, f.test), 0);
      replace.set(e.name, outputColumns(e.outputs, values, col.role, used));
    }
    return { state, frame: replaceColumns(frame, replace), target: ctx.target };
  },
};
