/**
 * Calibration for CBPE: a monotone map per class from the model's probability to the observed
 * frequency, fitted on labelled predictions the model did not train on (out-of-fold predictions
 * of the training rows). Binned isotonic regression: the scores sorted into CALIBRATION_BINS
 * equal-count bins, the bins' label frequencies made non-decreasing by pool-adjacent-violators,
 * then linear between bin mean scores (flat beyond). Small (at most 2 x 32 numbers per class)
 * and smooth enough for a few hundred rows.
 */
import type { ClassCalibration } from "./sketch.ts";

/** Equal-count bins of the scores. */
export const CALIBRATION_BINS = 32;

/** One class's map from labels (1 = the class) and its scores. */
function fitClass(positive: Uint8Array, scores: Float64Array): ClassCalibration {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const bins = Math.min(CALIBRATION_BINS, n);
  // Blocks: [sum of scores, sum of labels, count], merged while a later block's rate is lower.
  const blocks: [number, number, number][] = [];
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins);
    const hi = Math.floor(((b + 1) * n) / bins);
    let s = 0;
    let y = 0;
    for (let i = lo; i < hi; i++) {
      s += scores[order[i]];
      y += positive[order[i]];
    }
    blocks.push([s, y, hi - lo]);
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev[1] / prev[2] <= last[1] / last[2]) break;
      blocks.pop();
      prev[0] += last[0];
      prev[1] += last[1];
      prev[2] += last[2];
    }
  }
  return { x: blocks.map((b) => b[0] / b[2]), y: blocks.map((b) => b[1] / b[2]) };
}

/**
 * The calibration of k classes from true class indices and row-major probabilities (rows x k):
 * one map for binary problems (the positive class, index 1), one per class otherwise.
 */
export function fitCalibration(yTrue: Float64Array, proba: Float64Array, k: number): ClassCalibration[] {
  const n = yTrue.length;
  const classes = k === 2 ? [1] : Array.from({ length: k }, (_, c) => c);
  return classes.map((c) =>
    fitClass(
      Uint8Array.from(yTrue, (y) => (y === c ? 1 : 0)),
      Float64Array.from({ length: n }, (_, r) => proba[r * k + c]),
    ),
  );
}

/** A score through one map. */
function mapScore(m: ClassCalibration, p: number): number {
  const { x, y } = m;
  if (p <= x[0]) return y[0];
  if (p >= x[x.length - 1]) return y[y.length - 1];
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= p) lo = mid;
    else hi = mid;
  }
  return y[lo] + ((y[hi] - y[lo]) * (p - x[lo])) / (x[hi] - x[lo]);
}

/** Calibrated probabilities (rows x k), each row summing to 1 again. */
export function applyCalibration(maps: ClassCalibration[], proba: Float64Array, k: number): Float64Array {
  const out = new Float64Array(proba.length);
  const rows = proba.length / k;
  for (let r = 0; r < rows; r++) {
    if (k === 2) {
      const p = mapScore(maps[0], proba[r * 2 + 1]);
      out[r * 2] = 1 - p;
      out[r * 2 + 1] = p;
      continue;
    }
    let total = 0;
    for (let c = 0; c < k; c++) {
      out[r * k + c] = mapScore(maps[c], proba[r * k + c]);
      total += out[r * k + c];
    }
    for (let c = 0; c < k; c++) out[r * k + c] = total > 0 ? out[r * k + c] / total : 1 / k;
  }
  return out;
}
