import type { Column } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { dictColumn, floatColumn, takeColumnRows } from "../columns.ts";
import { readParams } from "../params.ts";
import { meanStd } from "../stats.ts";
import type { StepDef } from "../step.ts";
import { requireClasses } from "../targetValues.ts";
import { oversampleTargets, RESAMPLE_STATE, type ResampleState, rowsByClass } from "./resample.ts";
import { type Params, smoteInfo } from "./smoteInfo.ts";

/**
 * SMOTE (Chawla et al. 2002), after imbalanced-learn's SMOTE / SMOTENC: each synthetic row lies on
 * the segment from a minority row x to one of its k nearest neighbours nn of the same class,
 * x + u * (nn - x) with u ~ U(0, 1) from the seeded generator. Neighbours are found by brute
 * force (O(m^2) per class of m rows) in the space of the numeric features standardised over the
 * training rows, missing coordinates counted at the mean. Categorical, boolean and other
 * non-interpolable values take the nearer parent's value (x when u < 0.5, else nn), as SMOTENC
 * does for categories; a numeric value missing in either parent does too. Training only.
 */

/** One synthetic row: its two parents and where it lies between them. */
interface Synthetic {
  x: number;
  nn: number;
  u: number;
}

/** Standardised numeric feature matrix (row-major), missing at 0 (the mean). */
function featureSpace(cols: Column[], rows: number): { data: Float64Array; d: number } {
  const numeric = cols.filter((c) => c.role === "feature" && (c.kind === "numeric" || c.kind === "datetime"));
  const d = numeric.length;
  const data = new Float64Array(rows * d);
  numeric.forEach((col, j) => {
    const v = (col.data as { values: Float64Array }).values;
    const { mean, std } = meanStd(v);
    const s = std > 0 ? std : 1;
    for (let i = 0; i < rows; i++) data[i * d + j] = !Number.isNaN(v[i]) ? (v[i] - mean) / s : 0;
  });
  return { data, d };
}

/** The k nearest other rows of `rows` for each of them (ties: the earlier row), as positions in `rows`. */
function neighbours(
  rows: number[],
  space: { data: Float64Array; d: number },
  k: number,
  signal?: AbortSignal,
): Int32Array {
  const { data, d } = space;
  const m = rows.length;
  const out = new Int32Array(m * k);
  const best = new Float64Array(k);
  for (let a = 0; a < m; a++) {
    if ((a & 0xff) === 0) signal?.throwIfAborted();
    let found = 0;
    const ia = rows[a] * d;
    for (let b = 0; b < m; b++) {
      if (b === a) continue;
      const ib = rows[b] * d;
      let dist = 0;
      for (let j = 0; j < d; j++) {
        const t = data[ia + j] - data[ib + j];
        dist += t * t;
      }
      if (found === k && dist >= best[k - 1]) continue;
      let p = found < k ? found++ : k - 1;
      while (p > 0 && best[p - 1] > dist) {
        best[p] = best[p - 1];
        out[a * k + p] = out[a * k + p - 1];
        p--;
      }
      best[p] = dist;
      out[a * k + p] = b;
    }
  }
  return out;
}

/** The column extended by the synthetic rows. */
function extend(col: Column, syn: Synthetic[]): Column {
  const opts = { kind: col.kind, role: col.role, labels: col.labels };
  if (col.data.type === "dict") {
    const src = col.data.codes;
    const codes = new Int32Array(src.length + syn.length);
    codes.set(src);
    for (const [j, s] of syn.entries()) codes[src.length + j] = src[s.u < 0.5 ? s.x : s.nn];
    return dictColumn(col.name, codes, col.data.levels, opts);
  }
  const src = col.data.values;
  const values = new Float64Array(src.length + syn.length);
  values.set(src);
  const interpolate = col.kind === "numeric" || col.kind === "datetime";
  syn.forEach((s, j) => {
    const a = src[s.x];
    const b = src[s.nn];
    values[src.length + j] =
      interpolate && !Number.isNaN(a) && !Number.isNaN(b) ? a + s.u * (b - a) : s.u < 0.5 ? a : b;
  });
  return floatColumn(col.name, values, opts);
}

/** SMOTE oversampling of the rarer classes (see the file comment). */
export const smoteStep: StepDef<ResampleState> = {
  ...smoteInfo,
  state: RESAMPLE_STATE,
  fit: (frame, config, ctx) => smoteStep.fitTransform!(frame, config, ctx).state,
  transform: (frame) => frame,
  fitTransform(frame, config, ctx) {
    const p = readParams<Params>(smoteStep, config);
    const y = requireClasses(ctx.target, ctx.task, "smote");
    const groups = rowsByClass(y.values, y.classes.length);
    const before = groups.map((g) => g.length);
    const after = oversampleTargets(before, p.sampling_strategy);
    const state = { classes: y.classes, before, after };
    if (after.every((n, c) => n === before[c])) return { state, frame, target: ctx.target };
    const space = featureSpace(frame.columns, frame.rows);
    const rng = ctx.rng.fork();
    const syn: Synthetic[] = [];
    groups.forEach((rows, c) => {
      const need = after[c] - rows.length;
      if (need <= 0) return;
      if (rows.length < 2) {
        throw new ValidationError(
          `smote: class "${y.classes[c]}" has ${rows.length} training row; SMOTE needs at least 2`,
        );
      }
      const k = Math.min(p.k, rows.length - 1);
      const nn = neighbours(rows, space, k, ctx.signal);
      for (let s = 0; s < need; s++) {
        // As imbalanced-learn: a random (row, neighbour) pair, then a uniform step along it.
        const a = rng.int(rows.length);
        const b = nn[a * k + rng.int(k)];
        syn.push({ x: rows[a], nn: rows[b], u: rng.next() });
      }
    });
    const target = takeColumnRows(ctx.target!, [
      ...Array.from({ length: frame.rows }, (_, i) => i),
      ...syn.map((s) => s.x),
    ]);
    return {
      state,
      frame: { rows: frame.rows + syn.length, columns: frame.columns.map((col) => extend(col, syn)) },
      target,
    };
  },
};
