import { getMetric, type MetricId } from "../../framing/metrics.ts";
import { scoreMetric } from "../evaluation/scoreMetrics.ts";

/** One model's predictions of the same rows as every other candidate's, row for row. */
export interface EnsembleCandidate {
  /** Regression: values. Classification: class indices (unused here: the blend's argmax decides). */
  predicted: Float64Array;
  /** Classification: rows x classes probabilities; null for regression. */
  proba: Float64Array | null;
}

/** Options of `greedySelection`. */
export interface GreedyOptions {
  /** Additions, with replacement (default 25, as AutoGluon's weighted ensemble). */
  rounds?: number;
}

/** A blend of candidates: weights summing to 1 (0 for a candidate left out). */
export interface EnsembleWeights {
  weights: number[];
  /** The metric of the blend on the rows it was chosen on. */
  score: number;
}

/** The weighted blend of candidates on some rows: averaged probabilities (argmax) or averaged values. */
export function blend(
  candidates: readonly EnsembleCandidate[],
  weights: readonly number[],
  positions: ArrayLike<number>,
  nClasses: number,
): { predicted: Float64Array; proba: Float64Array | null } {
  const n = positions.length;
  if (nClasses === 0) {
    const predicted = new Float64Array(n);
    for (const [c, cand] of candidates.entries()) {
      const w = weights[c];
      if (!w) continue;
      for (let i = 0; i < n; i++) predicted[i] += w * cand.predicted[positions[i]];
    }
    return { predicted, proba: null };
  }
  const k = nClasses;
  const proba = new Float64Array(n * k);
  for (const [c, cand] of candidates.entries()) {
    const w = weights[c];
    if (!w || !cand.proba) continue;
    const p = cand.proba;
    for (let i = 0; i < n; i++) {
      const from = positions[i] * k;
      for (let j = 0; j < k; j++) proba[i * k + j] += w * p[from + j];
    }
  }
  return { predicted: argmaxRows(proba, n, k), proba };
}

/** The class of the largest probability per row (the lower index on a tie). */
export function argmaxRows(proba: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (proba[i * k + j] > proba[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

/**
 * Ensemble selection (Caruana, Niculescu-Mizil, Crew & Ksikes 2004, "Ensemble selection from
 * libraries of models"): start from nothing and, each round, add (with replacement) the candidate
 * whose addition gives the best blend under `metric` on the given rows; the weights are the
 * counts of the best round's blend, so a candidate added often weighs more and one that never
 * helps gets 0. Classification blends probabilities; a tie on the metric (accuracy often ties)
 * goes to the lower log loss, then to the earlier candidate, so the result is deterministic.
 * `positions` index the candidates' arrays; yTrue is aligned with `positions`.
 */
export function greedySelection(
  candidates: readonly EnsembleCandidate[],
  yTrue: Float64Array,
  positions: Int32Array,
  metric: MetricId,
  nClasses: number,
  opts: GreedyOptions = {},
): EnsembleWeights {
  const m = candidates.length;
  if (m === 0) return { weights: [], score: Number.NaN };
  const rounds = Math.max(1, opts.rounds ?? 25);
  const n = positions.length;
  const k = nClasses;
  const width = k > 0 ? k : 1;
  const sign = getMetric(metric).direction === "higher" ? 1 : -1;
  // Each candidate's rows at `positions`, gathered once.
  const values = candidates.map((cand) => {
    const src = k > 0 ? cand.proba! : cand.predicted;
    const out = new Float64Array(n * width);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < width; j++) out[i * width + j] = src[positions[i] * width + j];
    return out;
  });
  const sum = new Float64Array(n * width);
  // A metric on probabilities reads no labels: the blend's argmax is made only for one that does.
  const labels = k > 0 && !getMetric(metric).needsProba;
  const noLabels = new Float64Array(0);
  const primary = (blended: Float64Array): number => {
    const s =
      k === 0
        ? scoreMetric(metric, { yTrue, yPred: blended })
        : scoreMetric(metric, {
            yTrue,
            yPred: labels ? argmaxRows(blended, n, k) : noLabels,
            proba: blended,
            nClasses: k,
          });
    return Number.isFinite(s) ? sign * s : Number.NEGATIVE_INFINITY;
  };
  // The tie-break (log loss), computed only when two blends' metric values are equal: it decides
  // nothing else, so the choices are those of computing it for every blend.
  const tieOf = (blended: Float64Array): number => {
    if (k === 0 || metric === "log_loss") return 0;
    const tie = -scoreMetric("log_loss", { yTrue, yPred: noLabels, proba: blended, nClasses: k });
    return Number.isFinite(tie) ? tie : 0;
  };
  // The round's pick's blend is kept (`held`) until a later candidate needs its tie-break; so is
  // the best round's (`bestBlend`).
  let trial = new Float64Array(n * width);
  let held = new Float64Array(n * width);
  const bestBlend = new Float64Array(n * width);
  const counts = new Array<number>(m).fill(0);
  let best: { counts: number[]; score: number; tie: number } | null = null;
  for (let round = 1; round <= rounds; round++) {
    let pick = -1;
    let pickScore = Number.NEGATIVE_INFINITY;
    let pickTie = Number.NaN;
    for (let c = 0; c < m; c++) {
      const v = values[c];
      averageInto(trial, sum, v, round);
      const score = primary(trial);
      let better = pick < 0 || score > pickScore;
      let tie = Number.NaN;
      if (!better && score === pickScore) {
        if (Number.isNaN(pickTie)) pickTie = tieOf(held);
        tie = tieOf(trial);
        better = tie > pickTie;
      }
      if (better) {
        pick = c;
        pickScore = score;
        pickTie = tie;
        const swap = trial;
        trial = held;
        held = swap;
      }
    }
    const v = values[pick];
    for (let i = 0; i < sum.length; i++) sum[i] += v[i];
    counts[pick]++;
    let better = !best || pickScore > best.score;
    if (best && !better && pickScore === best.score) {
      if (Number.isNaN(best.tie)) best.tie = tieOf(bestBlend);
      if (Number.isNaN(pickTie)) pickTie = tieOf(held);
      better = pickTie > best.tie;
    }
    if (better) {
      best = { counts: counts.slice(), score: pickScore, tie: pickTie };
      bestBlend.set(held);
    }
  }
  const total = best!.counts.reduce((a, b) => a + b, 0);
  return { weights: best!.counts.map((c) => c / total), score: sign * best!.score };
}

/** out[i] = (sum[i] + v[i]) / round: a small function of its own, compiled once. */
function averageInto(out: Float64Array, sum: Float64Array, v: Float64Array, round: number): void {
  for (let i = 0; i < sum.length; i++) out[i] = (sum[i] + v[i]) / round;
}
