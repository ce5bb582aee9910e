import type { Column } from "../../data/frame.ts";
import { floatColumn, getColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { list, num, obj, str } from "../stateShape.ts";
import { sortedPresent } from "../stats.ts";
import type { StepDef } from "../step.ts";
import { safeScale } from "./affine.ts";
import { type Params, yeoJohnsonInfo } from "./yeoJohnsonInfo.ts";

/**
 * Yeo-Johnson power transform, ported from scikit-learn's PowerTransformer(method="yeo-johnson"):
 * the lambda per column maximises the log-likelihood of a normal fit to the transformed training
 * values, and the result is then standardised (optionally). scikit-learn runs Brent's method from
 * the bracket (-2, 2); here a grid over [-10, 10] finds the best cell and a golden-section search
 * refines it, which finds the same maximum on unimodal likelihoods and never wanders off.
 */

const EPS = 2.220446049250313e-16;

/** Most values the lambda search looks at. */
const MAX_FIT = 100_000;

/** The Yeo-Johnson transform of one value. */
export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) return Math.abs(lambda) < EPS ? Math.log1p(x) : ((x + 1) ** lambda - 1) / lambda;
  return Math.abs(lambda - 2) < EPS ? -Math.log1p(-x) : -((1 - x) ** (2 - lambda) - 1) / (2 - lambda);
}

/**
 * Log-likelihood of lambda on present values `x` (scikit-learn's `_yeo_johnson_optimize` objective):
 * -n/2 log(var(y)) + (lambda - 1) * sum(sign(x) log1p(|x|)).
 */
export function yeoJohnsonLogLikelihood(x: Float64Array, lambda: number): number {
  const n = x.length;
  let sum = 0;
  let jac = 0;
  for (let i = 0; i < n; i++) {
    sum += yeoJohnson(x[i], lambda);
    jac += Math.sign(x[i]) * Math.log1p(Math.abs(x[i]));
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = yeoJohnson(x[i], lambda) - mean;
    ss += d * d;
  }
  const variance = ss / n;
  if (!(variance > 1e-300) || !Number.isFinite(variance)) return Number.NEGATIVE_INFINITY;
  return (-n / 2) * Math.log(variance) + (lambda - 1) * jac;
}

/**
 * The maximum-likelihood lambda of the present values (1, the identity, for fewer than 2 distinct
 * values); columns over MAX_FIT values are fitted on an evenly strided pick of their sorted values.
 */
export function fitYeoJohnsonLambda(values: Float64Array): number {
  let x = sortedPresent(values);
  // Past MAX_FIT values an evenly strided pick of the sorted values keeps the distribution's
  // shape (its quantiles) at a fraction of the cost, with no randomness.
  if (x.length > MAX_FIT) {
    const step = x.length / MAX_FIT;
    x = Float64Array.from({ length: MAX_FIT }, (_, i) => x[Math.floor(i * step)]);
  }
  if (x.length < 2 || x[0] === x[x.length - 1]) return 1;
  const f = (l: number) => yeoJohnsonLogLikelihood(x, l);
  let best = -10;
  let bestF = Number.NEGATIVE_INFINITY;
  for (let l = -10; l <= 10 + 1e-9; l += 0.5) {
    const v = f(l);
    if (v > bestF) {
      bestF = v;
      best = l;
    }
  }
  // Golden-section search on the cell either side of the best grid point.
  const g = (Math.sqrt(5) - 1) / 2;
  let a = best - 0.5;
  let b = best + 0.5;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-7) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Per column: the fitted lambda and the standardisation of the transformed training values. */
export interface YeoJohnsonState {
  columns: { name: string; lambda: number; mean: number; std: number }[];
}

/** Makes skewed numeric columns more normal-shaped, then (by default) standardises them. */
export const yeoJohnsonStep: StepDef<YeoJohnsonState> = {
  ...yeoJohnsonInfo,
  state: obj({ columns: list(obj({ name: str, lambda: num, mean: num, std: num })) }),
  fit(frame, config) {
    const p = readParams<Params>(yeoJohnsonStep, config);
    return {
      columns: selectColumns(frame, config, ["numeric"]).map((col) => {
        const src = (col.data as { values: Float64Array }).values;
        const lambda = fitYeoJohnsonLambda(src);
        let mean = 0;
        let std = 1;
        if (p.standardize) {
          let sum = 0;
          let n = 0;
          for (const v of src) {
            if (Number.isNaN(v)) continue;
            sum += yeoJohnson(v, lambda);
            n++;
          }
          mean = n > 0 ? sum / n : 0;
          let ss = 0;
          for (const v of src) if (!Number.isNaN(v)) ss += (yeoJohnson(v, lambda) - mean) ** 2;
          std = safeScale(n > 0 ? Math.sqrt(ss / n) : 1);
        }
        return { name: col.name, lambda, mean, std };
      }),
    };
  },
  transform(frame, state) {
    const replace = new Map<string, Column[]>();
    for (const { name, lambda, mean, std } of state.columns) {
      const col = getColumn(frame, name, "yeo_johnson");
      const src = (col.data as { values: Float64Array }).values;
      const values = new Float64Array(src.length);
      for (let i = 0; i < src.length; i++) values[i] = (yeoJohnson(src[i], lambda) - mean) / std;
      replace.set(name, [
        floatColumn(name, values, { role: col.role, missing: col.missing, unique: col.unique }),
      ]);
    }
    return replaceColumns(frame, replace);
  },
};
