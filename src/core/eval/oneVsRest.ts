import { checkProba, type Numbers } from "./metricInput.ts";

type BinaryScore = (positive: Numbers, scores: Numbers, weight?: Numbers) => number;

/**
 * Applies a binary ranking metric to class probabilities. Two classes: the metric on column 1.
 * More: one-vs-rest per class, then the unweighted (macro) mean over the classes that have both
 * positive and negative rows; classes absent from `yTrue` are skipped rather than scored.
 */
export function oneVsRest(
  metric: BinaryScore,
  yTrue: Numbers,
  proba: Numbers,
  nClasses: number,
  weight?: Numbers,
): number {
  checkProba(yTrue, proba, nClasses, weight);
  const n = yTrue.length;
  const column = (c: number) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = proba[i * nClasses + c];
    return out;
  };
  const positives = (c: number) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = yTrue[i] === c ? 1 : 0;
    return out;
  };
  if (nClasses === 2) return metric(positives(1), column(1), weight);
  let sum = 0;
  let used = 0;
  for (let c = 0; c < nClasses; c++) {
    const pos = positives(c);
    let count = 0;
    for (let i = 0; i < n; i++) count += pos[i];
    if (count === 0 || count === n) continue;
    sum += metric(pos, column(c), weight);
    used++;
  }
  return used > 0 ? sum / used : Number.NaN;
}
