import type { Matrix, Target } from "../../models/estimator.ts";
import { makeRng, type Rng } from "../../random.ts";
import { gaussian } from "../shared/scoringData.ts";
import { digamma } from "./specialFunctions.ts";

/**
 * Mutual information (nats) of each feature with the target by the k-nearest-neighbour estimators
 * scikit-learn's `mutual_info_classif` / `mutual_info_regression` use: Kraskov, Stögbauer &
 * Grassberger (2004), estimator 1, for a continuous target, and Ross (2014) for classes. As
 * scikit-learn, features (and a continuous target) are scaled to unit variance and get a 1e-10
 * jitter (seeded here) so that ties do not stall the neighbour counts; negative estimates are 0.
 * All features are treated as continuous.
 */
export interface MutualInfoOptions {
  /** Neighbours k (default 3, as scikit-learn). */
  neighbors?: number;
  seed?: number;
}

/** Scales to unit (population) variance and adds the tiny seeded jitter. */
function prepare(values: Float64Array, rng: Rng): Float64Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let sd = 0;
  for (const v of values) sd += (v - mean) ** 2 / n;
  sd = Math.sqrt(sd) || 1;
  const out = values.map((v) => v / sd);
  let absMean = 0;
  for (const v of out) absMean += Math.abs(v) / n;
  const scale = 1e-10 * Math.max(1, absMean);
  for (let i = 0; i < n; i++) out[i] += scale * gaussian(rng);
  return out;
}

/** First index of a sorted array whose value is >= x (strict: > x). */
function bound(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x || (strict && sorted[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many sorted values lie strictly within d of c (scikit-learn queries radius nextafter(d, 0)). */
function countWithin(sorted: Float64Array, c: number, d: number): number {
  return bound(sorted, c + d, false) - bound(sorted, c - d, true);
}

/** Distance to the k-th nearest other value, for every entry of an ascending array (k < length). */
function kthDistances1d(sorted: Float64Array, k: number): Float64Array {
  const out = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    let l = i - 1;
    let r = i + 1;
    let d = 0;
    for (let m = 0; m < k; m++) {
      const dl = l >= 0 ? sorted[i] - sorted[l] : Infinity;
      const dr = r < sorted.length ? sorted[r] - sorted[i] : Infinity;
      if (dl <= dr) {
        d = dl;
        l--;
      } else {
        d = dr;
        r++;
      }
    }
    out[i] = d;
  }
  return out;
}

/** Ross (2014): MI between a continuous x and class labels. */
function miContinuousDiscrete(x: Float64Array, labels: Float64Array, k: number): number {
  const byClass = new Map<number, number[]>();
  labels.forEach((c, i) => {
    const g = byClass.get(c);
    if (g) g.push(i);
    else byClass.set(c, [i]);
  });
  const radius: number[] = [];
  const kAll: number[] = [];
  const counts: number[] = [];
  const kept: number[] = [];
  for (const rows of byClass.values()) {
    if (rows.length < 2) continue; // Points with a unique label carry no neighbour information.
    const kk = Math.min(k, rows.length - 1);
    const order = rows.slice().sort((a, b) => x[a] - x[b]);
    const d = kthDistances1d(
      Float64Array.from(order, (i) => x[i]),
      kk,
    );
    order.forEach((i, j) => {
      kept.push(i);
      radius.push(d[j]);
      kAll.push(kk);
      counts.push(rows.length);
    });
  }
  const n = kept.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(kept, (i) => x[i]).sort();
  let mi = digamma(n);
  for (let j = 0; j < n; j++) {
    const m = Math.max(1, countWithin(sorted, x[kept[j]], radius[j]));
    mi += (digamma(kAll[j]) - digamma(counts[j]) - digamma(m)) / n;
  }
  return Math.max(0, mi);
}

/** Kraskov et al. (2004), estimator 1: MI between two continuous variables, max-norm in the joint space. */
function miContinuousContinuous(x: Float64Array, y: Float64Array, k: number): number {
  const n = x.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const xs = Float64Array.from(order, (i) => x[i]);
  const ys = Float64Array.from(order, (i) => y[i]);
  const best = new Float64Array(k);
  const radius = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    best.fill(Infinity);
    // Walk outwards in x order; |dx| bounds the max-norm distance, so stop once it passes the k-th best.
    for (const step of [-1, 1]) {
      for (let t = s + step; t >= 0 && t < n; t += step) {
        const dx = Math.abs(xs[t] - xs[s]);
        if (dx >= best[k - 1]) break;
        const dist = Math.max(dx, Math.abs(ys[t] - ys[s]));
        if (dist < best[k - 1]) {
          let m = k - 1;
          while (m > 0 && best[m - 1] > dist) {
            best[m] = best[m - 1];
            m--;
          }
          best[m] = dist;
        }
      }
    }
    radius[s] = best[k - 1];
  }
  const ySorted = Float64Array.from(ys).sort();
  let mi = digamma(n) + digamma(k);
  for (let s = 0; s < n; s++) {
    const nx = Math.max(1, countWithin(xs, xs[s], radius[s]));
    const ny = Math.max(1, countWithin(ySorted, ys[s], radius[s]));
    mi -= (digamma(nx) + digamma(ny)) / n;
  }
  return Math.max(0, mi);
}

/** Mutual information of every feature with the target (classes when `y.classes` is set). */
export function mutualInfo(X: Matrix, y: Target, opts: MutualInfoOptions = {}): Float64Array {
  const { rows: n, cols: p, data } = X;
  const k = opts.neighbors ?? 3;
  const rng = makeRng(opts.seed ?? 0);
  const yc = y.classes ? y.values : prepare(y.values, rng);
  const out = new Float64Array(p);
  if (n <= k) return out;
  for (let j = 0; j < p; j++) {
    const x = prepare(
      Float64Array.from({ length: n }, (_, i) => data[i * p + j]),
      rng,
    );
    out[j] = y.classes ? miContinuousDiscrete(x, yc, k) : miContinuousContinuous(x, yc, k);
  }
  return out;
}
