import { treeShap } from "../../src/core/automl/explain/treeShap.ts";
import type { Matrix } from "../../src/core/models/estimator.ts";
import { Gbdt } from "../../src/core/models/gbdt/gbdt.ts";
import { makeRng } from "../../src/core/random.ts";

/**
 * Exact TreeSHAP throughput, one thread: a 500-tree binary gradient boosting model (31 leaves,
 * early stopping off) fitted on 5,000 seeded rows x 20 features, then rows explained per second,
 * with the largest local-accuracy gap |base + sum(phi) - raw score| over the explained rows.
 */
const TRAIN = 5_000;
const EXPLAIN = 500;
const COLS = 20;
const TREES = 500;

function rowsOf(rows: number, rng: ReturnType<typeof makeRng>): Matrix {
  const data = new Float64Array(rows * COLS);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() < 0.03 ? Number.NaN : rng.next();
  return { data, rows, cols: COLS, names: Array.from({ length: COLS }, (_, c) => `x${c}`) };
}

export async function benchTreeShap(): Promise<Record<string, string | number>> {
  const rng = makeRng(11);
  const X = rowsOf(TRAIN, rng);
  const values = new Float64Array(TRAIN);
  for (let r = 0; r < TRAIN; r++) {
    const x = (c: number) => X.data[r * COLS + c] || 0;
    values[r] =
      Math.sin(Math.PI * x(0) * x(1)) + (x(2) - 0.5) ** 2 + x(3) - x(4) + rng.next() - 0.5 > 0.3 ? 1 : 0;
  }
  const model = new Gbdt({ max_iter: TREES, max_leaf_nodes: 31, early_stopping: false, learning_rate: 0.05 });
  const f0 = performance.now();
  model.fit(X, { values, classes: ["no", "yes"] }, { seed: 0 });
  const fitSeconds = (performance.now() - f0) / 1000;
  const view = model.treeEnsemble();
  const Q = rowsOf(EXPLAIN, rng);
  // Warm-up on a few rows, so the timed run measures compiled code.
  treeShap(view, { ...Q, rows: 20, data: Q.data.subarray(0, 20 * COLS) }, "samples");
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const shap = treeShap(view, Q, "samples");
  const seconds = (performance.now() - t0) / 1000;
  // CPU time too: on a shared, loaded machine wall time overstates the cost.
  const used = process.cpuUsage(c0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const raw = model.decisionFunction(Q);
  let gap = 0;
  for (let r = 0; r < EXPLAIN; r++) {
    let s = shap.base[0];
    for (let f = 0; f < COLS; f++) s += shap.phi[r * COLS + f];
    gap = Math.max(gap, Math.abs(s - raw[r]));
  }
  return {
    model: `gbdt binary, ${view.trees.length} trees, 31 leaves, fitted on ${TRAIN} x ${COLS} in ${fitSeconds.toFixed(1)} s`,
    rows_explained: EXPLAIN,
    seconds: Number(seconds.toFixed(3)),
    rows_per_second: Math.round(EXPLAIN / seconds),
    cpu_seconds: Number(cpuSeconds.toFixed(3)),
    rows_per_cpu_second: Math.round(EXPLAIN / cpuSeconds),
    max_local_accuracy_gap: gap.toExponential(2),
  };
}
