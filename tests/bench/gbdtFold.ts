/**
 * One fold of the gbdt bench's cross-validation: fit our Gbdt on the other folds' rows, score
 * ROC AUC on the fold. Used by the bench's fold threads (`gbdtFoldThread.mjs`).
 */
import { rocAucBinary } from "../../src/core/eval/rocCurve.ts";
import { Gbdt } from "../../src/core/models/gbdt/gbdt.ts";

/** What both sides fit: 100 iterations of 31-leaf trees on 255 bins, no early stopping. */
export const GBDT_BENCH_PARAMS = {
  max_iter: 100,
  max_leaf_nodes: 31,
  max_bins: 255,
  early_stopping: false,
} as const;

export interface FoldInput {
  X: Float64Array;
  y: Uint8Array;
  fold: Int8Array;
  rows: number;
  cols: number;
}

/** ROC AUC of fold `f` (the model fitted on every other fold's rows, seed 0). */
export function runFold(d: FoldInput, f: number): number {
  let nTest = 0;
  for (let i = 0; i < d.rows; i++) if (d.fold[i] === f) nTest++;
  const nTrain = d.rows - nTest;
  const Xtr = new Float64Array(nTrain * d.cols);
  const ytr = new Float64Array(nTrain);
  const Xte = new Float64Array(nTest * d.cols);
  const yte = new Uint8Array(nTest);
  const { X, cols } = d;
  for (let i = 0, a = 0, b = 0; i < d.rows; i++) {
    const from = i * cols;
    if (d.fold[i] === f) {
      for (let c = 0; c < cols; c++) Xte[b * cols + c] = X[from + c];
      yte[b++] = d.y[i];
    } else {
      for (let c = 0; c < cols; c++) Xtr[a * cols + c] = X[from + c];
      ytr[a++] = d.y[i];
    }
  }
  const names = Array.from({ length: d.cols }, (_, c) => `x${c}`);
  const model = new Gbdt(GBDT_BENCH_PARAMS);
  model.fit(
    { data: Xtr, rows: nTrain, cols: d.cols, names },
    { values: ytr, classes: ["0", "1"] },
    { seed: 0 },
  );
  const proba = model.predictProba({ data: Xte, rows: nTest, cols: d.cols, names });
  const positive = new Float64Array(nTest);
  for (let i = 0; i < nTest; i++) positive[i] = proba[2 * i + 1];
  return rocAucBinary(yte, positive);
}
