import { describe, expect, it } from "vitest";
import {
  argmaxRows,
  type EnsembleCandidate,
  greedySelection,
} from "../../../../../src/core/automl/ensemble/greedySelection.ts";
import { scoreMetric } from "../../../../../src/core/automl/evaluation/scoreMetrics.ts";
import { getMetric, type MetricId } from "../../../../../src/core/framing/metrics.ts";

/** Greedy selection with every blend's log loss computed up front: what the lazy tie-break must match. */
function eager(cands: EnsembleCandidate[], yTrue: Float64Array, metric: MetricId, k: number, rounds = 25) {
  const n = yTrue.length;
  const sign = getMetric(metric).direction === "higher" ? 1 : -1;
  const sum = new Float64Array(n * k);
  const counts = new Array<number>(cands.length).fill(0);
  let best: { counts: number[]; key: number[] } | null = null;
  for (let round = 1; round <= rounds; round++) {
    let pick = -1;
    let pickKey = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const [c, cand] of cands.entries()) {
      const trial = sum.map((v, i) => (v + cand.proba![i]) / round);
      const rows = { yTrue, yPred: argmaxRows(trial, n, k), proba: trial, nClasses: k };
      const s = scoreMetric(metric, rows);
      const tie = metric === "log_loss" ? 0 : -scoreMetric("log_loss", rows);
      const key = [Number.isFinite(s) ? sign * s : Number.NEGATIVE_INFINITY, Number.isFinite(tie) ? tie : 0];
      if (pick < 0 || key[0] > pickKey[0] || (key[0] === pickKey[0] && key[1] > pickKey[1])) {
        pick = c;
        pickKey = key;
      }
    }
    for (let i = 0; i < sum.length; i++) sum[i] += cands[pick].proba![i];
    counts[pick]++;
    if (!best || pickKey[0] > best.key[0] || (pickKey[0] === best.key[0] && pickKey[1] > best.key[1]))
      best = { counts: counts.slice(), key: pickKey };
  }
  const total = best!.counts.reduce((a, b) => a + b, 0);
  return { weights: best!.counts.map((c) => c / total), score: sign * best!.key[0] };
}

describe("greedySelection's tie-break", () => {
  it("chooses as computing every blend's log loss would, where coarse scores tie often", () => {
    let s = 9;
    const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
    for (const metric of ["roc_auc", "accuracy", "balanced_accuracy", "log_loss"] as const) {
      for (const [k, n, grid] of [
        [2, 30, 2],
        [2, 200, 5],
        [3, 60, 3],
        [2, 400, 1e9],
      ]) {
        const yTrue = Float64Array.from({ length: n }, () => Math.floor(next() * k));
        const cands = Array.from({ length: 6 }, (_, c) => {
          const proba = new Float64Array(n * k);
          for (let i = 0; i < n; i++) {
            let total = 0;
            for (let j = 0; j < k; j++) {
              const v =
                c === 5
                  ? 1
                  : Math.round((next() + (yTrue[i] === j ? 0.3 * (c % 3) : 0)) * grid) / grid + 0.01;
              proba[i * k + j] = v;
              total += v;
            }
            for (let j = 0; j < k; j++) proba[i * k + j] /= total;
          }
          return { predicted: new Float64Array(n), proba };
        });
        const rows = Int32Array.from({ length: n }, (_, i) => i);
        expect(greedySelection(cands, yTrue, rows, metric, k)).toEqual(eager(cands, yTrue, metric, k));
      }
    }
  });
});
