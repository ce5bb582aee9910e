/**
 * Monitoring one batch of new rows against a model's reference: drift per input column and of the
 * predictions, dataset drift (at least half the columns drift, Evidently's default share), the
 * model's real metric when the batch has the target, and a CBPE estimate for classification.
 * Plain data in and out, so a worker can run it and the UI store the result.
 */
import type { LoadedPipeline } from "../automl/artifact/loadPipeline.ts";
import { predictFrame } from "../automl/artifact/predictFrame.ts";
import { convertColumn } from "../data/convertColumn.ts";
import type { Column, ColumnKind, Frame } from "../data/frame.ts";
import { SCORERS } from "../eval/metrics.ts";
import type { MetricId } from "../framing/metrics.ts";
import { sortedPresent } from "../prep/stats.ts";
import { encodeTarget } from "../prep/targetValues.ts";
import { applyCalibration } from "./calibration.ts";
import { CBPE_CALIBRATED_METHOD, CBPE_METHOD, estimateMetric } from "./cbpe.ts";
import {
  type BatchValues,
  batchCategories,
  type ColumnDrift,
  columnDrift,
  type DriftOverride,
  type DriftTestId,
} from "./columnDrift.ts";
import { predictionSketch, requireInputs } from "./referenceSketches.ts";
import { columnSketch, type ReferenceSketches } from "./sketch.ts";

/** Share of drifted columns from which the dataset drifts (Evidently's default). */
export const DATASET_DRIFT_SHARE = 0.5;

/** One input column's drift in a report. */
export interface ColumnReport extends ColumnDrift {
  name: string;
  kind: ColumnKind;
  /** Present values in the batch and in the reference. */
  rows: number;
  reference_rows: number;
}

/** The report of one batch (the CLI's `--json` shape, plus PSI and counts). */
export interface MonitorReport {
  rows: number;
  reference_rows: number;
  dataset_drift: boolean;
  drift_share: number;
  columns: ColumnReport[];
  prediction: {
    test: DriftTestId;
    statistic: number;
    p_value: number | null;
    drift: boolean;
    psi: number;
    threshold: number;
  };
  /** The model's metric on the batch's labelled rows; `reference` is the card's CV score. */
  performance: { metric: MetricId; value: number; reference: number | null; labelled_rows: number } | null;
  estimated_performance: { metric: MetricId; value: number; method: string } | null;
  /**
   * With `sketchBatch`: the batch's own sketches (as a reference's), to store a batch without its
   * rows, draw its distributions over the reference's, or monitor later batches against it.
   */
  batch_sketches?: ReferenceSketches;
}

/** What `monitorBatch` is given. */
export interface MonitorArgs {
  pipeline: LoadedPipeline;
  reference: ReferenceSketches;
  frame: Frame;
  /** The model's reference score (the card's CV mean); null when unknown. */
  referenceScore: number | null;
  /** Per column (by name, or "prediction" for the predictions): test and / or threshold. */
  overrides?: Record<string, DriftOverride>;
  signal?: AbortSignal;
  /** Also sketch the batch (`batch_sketches`): one more pass over each column. */
  sketchBatch?: boolean;
}

/** A column's batch values as its reference sketch reads them. */
function batchValues(col: Column, kind: ColumnKind, type: "numeric" | "categorical"): BatchValues {
  const typed = col.kind === kind ? col : convertColumn(col, kind);
  if (typed.data.type === "float") {
    const sorted = sortedPresent(typed.data.values);
    if (type === "numeric")
      return { type: "numeric", sorted, missing: typed.data.values.length - sorted.length };
    const counts = new Map<string, number>();
    for (const v of sorted) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    return { type: "categorical", counts, missing: typed.data.values.length - sorted.length };
  }
  return batchCategories(typed.data.codes, typed.data.levels);
}

const present = (b: BatchValues) =>
  b.type === "numeric" ? b.sorted.length : [...b.counts.values()].reduce((a, c) => a + c, 0);

/** Monitors `frame` against the reference of `pipeline`. */
export function monitorBatch(args: MonitorArgs): MonitorReport {
  const { pipeline, reference, frame, overrides = {}, signal } = args;
  const { artifact } = pipeline;
  requireInputs(pipeline, frame);
  const byName = new Map(frame.columns.map((c) => [c.name, c]));
  const refByName = new Map(reference.columns.map((c) => [c.name, c]));
  const columns: ColumnReport[] = artifact.inputs.map((input) => {
    signal?.throwIfAborted();
    const ref = refByName.get(input.name);
    if (!ref) throw new Error(`the reference has no sketch of the column "${input.name}"`);
    const batch = batchValues(byName.get(input.name)!, input.kind, ref.sketch.type);
    return {
      name: input.name,
      kind: input.kind,
      ...columnDrift(ref.sketch, batch, overrides[input.name]),
      rows: present(batch),
      reference_rows: ref.sketch.count,
    };
  });
  signal?.throwIfAborted();
  const { predictions, proba } = predictFrame(pipeline, frame);
  const classes = artifact.classes;
  const predBatch: BatchValues =
    artifact.task === "regression" || !classes
      ? { type: "numeric", sorted: sortedPresent(predictions), missing: 0 }
      : batchCategories(Int32Array.from(predictions), classes);
  const pred = columnDrift(reference.prediction, predBatch, overrides.prediction);
  const batchSketches: ReferenceSketches | undefined = args.sketchBatch
    ? {
        version: 1,
        rows: frame.rows,
        columns: artifact.inputs.map((i) => ({
          name: i.name,
          kind: i.kind,
          sketch: columnSketch(byName.get(i.name)!, i.kind),
        })),
        prediction: predictionSketch(pipeline, predictions),
      }
    : undefined;
  const drifted = columns.filter((c) => c.drift).length;
  const driftShare = columns.length > 0 ? drifted / columns.length : 0;
  return {
    rows: frame.rows,
    reference_rows: reference.rows,
    dataset_drift: columns.length > 0 && driftShare >= DATASET_DRIFT_SHARE,
    drift_share: driftShare,
    columns,
    prediction: {
      test: pred.test,
      statistic: pred.statistic,
      p_value: pred.p_value,
      drift: pred.drift,
      psi: pred.psi,
      threshold: pred.threshold,
    },
    performance: realPerformance(args, predictions, proba),
    estimated_performance:
      artifact.task !== "regression" && proba && classes && frame.rows > 0
        ? {
            metric: artifact.metric,
            value: estimateMetric(
              artifact.metric,
              predictions,
              proba,
              classes.length,
              reference.calibration ? applyCalibration(reference.calibration, proba, classes.length) : proba,
            ),
            method: reference.calibration ? CBPE_CALIBRATED_METHOD : CBPE_METHOD,
          }
        : null,
    ...(batchSketches ? { batch_sketches: batchSketches } : {}),
  };
}

/** The model's metric on the batch rows that have a (known) target value; null without any. */
function realPerformance(
  args: MonitorArgs,
  predictions: Float64Array,
  proba: Float64Array | null,
): MonitorReport["performance"] {
  const { artifact } = args.pipeline;
  const target = args.frame.columns.find((c) => c.name === artifact.target);
  if (!target) return null;
  if (artifact.task === "regression" && target.data.type !== "float") return null;
  const { values } = encodeTarget(target, artifact.task, artifact.classes ?? undefined);
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) keep.push(i);
  if (keep.length === 0) return null;
  const k = artifact.classes?.length ?? 1;
  const yTrue = Float64Array.from(keep, (i) => values[i]);
  const yPred = Float64Array.from(keep, (i) => predictions[i]);
  let p: Float64Array | undefined;
  if (proba) {
    p = new Float64Array(keep.length * k);
    for (const [j, row] of keep.entries()) p.set(proba.subarray(row * k, row * k + k), j * k);
  }
  return {
    metric: artifact.metric,
    value: SCORERS[artifact.metric]({ yTrue, yPred, proba: p, nClasses: k }),
    reference: args.referenceScore,
    labelled_rows: keep.length,
  };
}
