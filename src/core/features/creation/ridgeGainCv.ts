import { choleskySolve } from "../../models/linear/cholesky.ts";

/**
 * Cross-validated R² of a ridge model, cheap enough to try dozens of candidate columns: the
 * model sees the base columns plus at most one extra, and every fold's fit and test error come
 * from Gram sums (X'X, X'y, y'y per fold; training sums = total minus the fold's), so a candidate
 * costs one pass over its column and small solves. Targets may be several columns (class
 * indicators), pooled: then the score is 1 - Brier / Brier of the fold mean, a linear
 * probability model's R².
 */
export class RidgeGainCv {
  private readonly q: number;
  private readonly gram: Float64Array[];
  private readonly cross: Float64Array[];
  private readonly yy: Float64Array[];
  private readonly ySum: Float64Array[];
  private readonly count: number[];
  readonly baseScore: number;

  /**
   * @param base row-major n x p standardised base columns
   * @param y row-major n x m targets
   * @param fold fold number (0..k-1) per row
   */
  constructor(
    private readonly base: Float64Array,
    private readonly p: number,
    private readonly y: Float64Array,
    private readonly m: number,
    private readonly fold: Int32Array,
    private readonly folds: number,
    private readonly alpha = 1,
  ) {
    const q = (this.q = p + 1);
    const n = fold.length;
    this.gram = Array.from({ length: folds }, () => new Float64Array(q * q));
    this.cross = Array.from({ length: folds }, () => new Float64Array(q * m));
    this.yy = Array.from({ length: folds }, () => new Float64Array(m));
    this.ySum = Array.from({ length: folds }, () => new Float64Array(m));
    this.count = new Array(folds).fill(0);
    const a = new Float64Array(q);
    for (let i = 0; i < n; i++) {
      const f = fold[i];
      this.row(i, a);
      const G = this.gram[f];
      for (let r = 0; r < q; r++) for (let s = 0; s <= r; s++) G[r * q + s] += a[r] * a[s];
      for (let c = 0; c < m; c++) {
        const v = y[i * m + c];
        for (let r = 0; r < q; r++) this.cross[f][r * m + c] += a[r] * v;
        this.yy[f][c] += v * v;
        this.ySum[f][c] += v;
      }
      this.count[f]++;
    }
    this.baseScore = this.score(null);
  }

  /** The design row of row i: intercept, then the base columns. */
  private row(i: number, out: Float64Array): void {
    out[0] = 1;
    for (let j = 0; j < this.p; j++) out[j + 1] = this.base[i * this.p + j];
  }

  /** Mean over folds of the pooled test R², with `extra` (standardised, n values) as one more column. */
  score(extra: Float64Array | null): number {
    const { q, m, folds } = this;
    const d = extra ? q + 1 : q;
    // Per fold: the extra column's products with the design, itself and the targets.
    const ga = Array.from({ length: folds }, () => new Float64Array(d * d));
    const cy = Array.from({ length: folds }, () => new Float64Array(d * m));
    for (let f = 0; f < folds; f++) {
      for (let r = 0; r < q; r++) for (let s = 0; s <= r; s++) ga[f][r * d + s] = this.gram[f][r * q + s];
      for (let r = 0; r < q; r++) for (let c = 0; c < m; c++) cy[f][r * m + c] = this.cross[f][r * m + c];
    }
    if (extra) {
      const a = new Float64Array(q);
      for (let i = 0; i < this.fold.length; i++) {
        const f = this.fold[i];
        const x = extra[i];
        this.row(i, a);
        for (let s = 0; s < q; s++) ga[f][q * d + s] += x * a[s];
        ga[f][q * d + q] += x * x;
        for (let c = 0; c < m; c++) cy[f][q * m + c] += x * this.y[i * m + c];
      }
    }
    let total = 0;
    for (let f = 0; f < folds; f++) {
      const A = new Float64Array(d * d);
      for (let g = 0; g < folds; g++) {
        if (g === f) continue;
        for (let r = 0; r < d; r++) for (let s = 0; s <= r; s++) A[r * d + s] += ga[g][r * d + s];
      }
      for (let r = 0; r < d; r++) {
        for (let s = 0; s < r; s++) A[s * d + r] = A[r * d + s];
        if (r > 0) A[r * d + r] += this.alpha;
      }
      const Gf = ga[f];
      let sse = 0;
      let sst = 0;
      for (let c = 0; c < m; c++) {
        const b = new Float64Array(d);
        for (let g = 0; g < folds; g++) if (g !== f) for (let r = 0; r < d; r++) b[r] += cy[g][r * m + c];
        const beta = choleskySolve(A, d, b) ?? new Float64Array(d);
        // Test SSE = y'y - 2 beta'X'y + beta'X'X beta over the fold's own rows.
        let quad = 0;
        for (let r = 0; r < d; r++) {
          let row = Gf[r * d + r] * beta[r];
          for (let s = 0; s < r; s++) row += Gf[r * d + s] * beta[s];
          for (let s = r + 1; s < d; s++) row += Gf[s * d + r] * beta[s];
          quad += beta[r] * row;
        }
        let lin = 0;
        for (let r = 0; r < d; r++) lin += beta[r] * cy[f][r * m + c];
        sse += this.yy[f][c] - 2 * lin + quad;
        sst += this.yy[f][c] - this.ySum[f][c] ** 2 / this.count[f];
      }
      total += sst > 0 ? 1 - sse / sst : 0;
    }
    return total / folds;
  }
}
