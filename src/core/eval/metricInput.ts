import { ValidationError } from "../errors.ts";

/**
 * Small input checks shared by the metrics. Labels and values come as any numeric array
 * (usually Float64Array); class labels are indices 0..k-1.
 */
export type Numbers = ArrayLike<number>;

/** Throws ValidationError unless `b` (and the optional weights) have as many entries as `a`. */
export function checkLengths(a: Numbers, b: Numbers, weight?: Numbers, what = "predictions"): void {
  if (a.length !== b.length)
    throw new ValidationError(`invalid ${what}: ${b.length} values for ${a.length} rows`);
  if (weight && weight.length !== a.length) {
    throw new ValidationError(`invalid weights: ${weight.length} values for ${a.length} rows`);
  }
}

/** Throws ValidationError unless `proba` holds rows x k values. */
export function checkProba(yTrue: Numbers, proba: Numbers, k: number, weight?: Numbers): void {
  if (proba.length !== yTrue.length * k) {
    throw new ValidationError(
      `invalid probabilities: ${proba.length} values for ${yTrue.length} rows x ${k} classes`,
    );
  }
  if (weight && weight.length !== yTrue.length) {
    throw new ValidationError(`invalid weights: ${weight.length} values for ${yTrue.length} rows`);
  }
}

/** Number of classes implied by the labels: the largest index seen plus one. */
export function classCountOf(...labels: Numbers[]): number {
  let max = -1;
  for (const ys of labels) {
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i];
      if (!Number.isInteger(v) || v < 0) throw new ValidationError(`invalid class label: ${v}`);
      if (v > max) max = v;
    }
  }
  return max + 1;
}

/** Weight of row i: 1 when no weights are given. */
export function weightAt(weight: Numbers | undefined, i: number): number {
  return weight ? weight[i] : 1;
}
