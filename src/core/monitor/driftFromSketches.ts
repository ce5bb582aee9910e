/**
 * Drift recomputed from a stored batch's sketches instead of its rows, so a person can change a
 * column's test or threshold on a batch kept without rows. Exact when the batch sketch holds its
 * values (up to 1,000 of them) or counts them (at most 20 distinct numbers, or categories); beyond,
 * the batch is read back from its 513 order statistics as `count` values interpolated between them,
 * whose CDF is within the sketch's stated bound (1/512 + 1/n) of the true one.
 */
import type { ColumnKind } from "../data/frame.ts";
import { type BatchValues, columnDrift, type DriftOverride } from "./columnDrift.ts";
import { DATASET_DRIFT_SHARE, type MonitorReport } from "./monitorBatch.ts";
import type { ColumnSketch, ReferenceSketches } from "./sketch.ts";

/** The label under which a categorical sketch's "other" levels are counted back. */
const OTHER = "\u0000other";

/** A sketch read back as a batch's values (see the file's note on exactness). */
export function batchValuesOfSketch(sketch: ColumnSketch): BatchValues {
  if (sketch.type === "categorical") {
    const counts = new Map<string, number>();
    for (const [i, l] of sketch.levels.entries()) counts.set(l, sketch.counts[i]);
    if (sketch.other > 0) counts.set(OTHER, sketch.other);
    return { type: "categorical", counts, missing: sketch.missing };
  }
  if (sketch.values)
    return { type: "numeric", sorted: Float64Array.from(sketch.values), missing: sketch.missing };
  const out = new Float64Array(sketch.count);
  if (sketch.value_counts) {
    let at = 0;
    sketch.value_counts.values.forEach((v, i) => {
      out.fill(v, at, at + sketch.value_counts!.counts[i]);
      at += sketch.value_counts!.counts[i];
    });
  } else if (sketch.quantiles && sketch.quantiles.length > 0) {
    const q = sketch.quantiles;
    const last = q.length - 1;
    for (let i = 0; i < out.length; i++) {
      const pos = out.length > 1 ? (i * last) / (out.length - 1) : 0;
      const lo = Math.floor(pos);
      const hi = Math.min(last, lo + 1);
      out[i] = q[lo] + (q[hi] - q[lo]) * (pos - lo);
    }
  }
  return { type: "numeric", sorted: out, missing: sketch.missing };
}

/** The drift part of a report, recomputed from sketches with `overrides` (by column, or "prediction"). */
export function driftFromSketches(
  reference: ReferenceSketches,
  batch: ReferenceSketches,
  overrides: Record<string, DriftOverride> = {},
): Pick<MonitorReport, "columns" | "prediction" | "dataset_drift" | "drift_share"> {
  const refByName = new Map(reference.columns.map((c) => [c.name, c]));
  const columns = batch.columns.map((c) => {
    const ref = refByName.get(c.name);
    if (!ref) throw new Error(`the reference has no sketch of the column "${c.name}"`);
    const values = batchValuesOfSketch(c.sketch);
    return {
      name: c.name,
      kind: c.kind as ColumnKind,
      ...columnDrift(ref.sketch, values, overrides[c.name]),
      rows: c.sketch.count,
      reference_rows: ref.sketch.count,
    };
  });
  const pred = columnDrift(reference.prediction, batchValuesOfSketch(batch.prediction), overrides.prediction);
  const driftShare = columns.length > 0 ? columns.filter((c) => c.drift).length / columns.length : 0;
  return {
    columns,
    prediction: {
      test: pred.test,
      statistic: pred.statistic,
      p_value: pred.p_value,
      drift: pred.drift,
      psi: pred.psi,
      threshold: pred.threshold,
    },
    dataset_drift: columns.length > 0 && driftShare >= DATASET_DRIFT_SHARE,
    drift_share: driftShare,
  };
}
