import type { Frame } from "../../data/frame.ts";
import { argmaxRows } from "../ensemble/greedySelection.ts";
import { matrixOf, predictIn } from "../ladder/predictIn.ts";
import type { LoadedPipeline } from "./loadPipeline.ts";

/**
 * A loaded pipeline's predictions of the rows of a frame, in row order, in the artifact's class
 * numbering: regression values, or class indices with rows x classes probabilities (null when the
 * model gives none). A single model predicts as it is; an ensemble averages its members'
 * probabilities (values for regression) by weight and takes the most probable class.
 */
export function predictFrame(
  pipeline: LoadedPipeline,
  frame: Frame,
  signal?: AbortSignal,
): { predictions: Float64Array; proba: Float64Array | null } {
  const classes = pipeline.artifact.classes;
  const regression = pipeline.artifact.task === "regression" || !classes;
  const outs = pipeline.members.map((m) => {
    signal?.throwIfAborted();
    const X = matrixOf(m.recipe, frame, signal);
    return predictIn(
      m.model,
      X,
      regression ? null : (m.recipe.classes ?? classes),
      regression ? null : classes,
    );
  });
  if (outs.length === 1) return outs[0];
  const n = frame.rows;
  if (regression) {
    const predictions = new Float64Array(n);
    for (const [j, m] of pipeline.members.entries())
      for (let i = 0; i < n; i++) predictions[i] += m.weight * outs[j].predictions[i];
    return { predictions, proba: null };
  }
  const k = classes.length;
  const proba = new Float64Array(n * k);
  for (const [j, m] of pipeline.members.entries()) {
    const p = outs[j].proba;
    if (!p) throw new Error(`ensemble member ${m.modelId} gives no probabilities`);
    for (let i = 0; i < n * k; i++) proba[i] += m.weight * p[i];
  }
  return { predictions: argmaxRows(proba, n, k), proba };
}
