/**
 * The drift statistics against SciPy 1.17.1 / NumPy, computed once with the snippet below (CI has
 * no Python) and pasted as constants:
 *
 * ```python
 * import numpy as np
 * from scipy import stats
 * from scipy.spatial import distance
 * a = np.array([np.sin(i * 1.7) * 3 + i * 0.01 for i in range(40)])
 * b = np.array([np.cos(j * 0.9) * 3 + 0.5 for j in range(55)])
 * stats.ks_2samp(a, b)                       # exact (max n <= 10000): D 0.15, p 0.6137117964158864
 * c = np.array([np.sin(i * 0.37) * 2 for i in range(30)])
 * d = np.array([np.sin(i * 0.53 + 1) * 2 + 0.8 for i in range(30)])
 * stats.ks_2samp(c, d)                       # exact, n1 = n2: D 0.3, p 0.13500350250095441
 * e = np.array([np.sin(i * 0.731) * 5 for i in range(800)])
 * f = np.array([np.sin(j * 0.377) * 5 + 0.3 for j in range(20000)])
 * stats.ks_2samp(e, f)                       # asymptotic: D 0.11145, p 8.941042908403086e-09
 * g = np.array([round(np.sin(i*0.7)*4) for i in range(997)], float)    # ties, lcm 997,000
 * h = np.array([round(np.cos(i*0.3)*4+0.4) for i in range(1000)], float)
 * stats.ks_2samp(g, h)                       # exact: D 0.09649949849548646, p 0.00016571250030888174
 * stats.ks_2samp([np.sin(i*0.11)*3 for i in range(1000)], [np.sin(i*0.13)*3+0.02 for i in range(9999)])
 *                                            # exact: D 0.036, p 0.18445306071392048
 * f2 = f - 0.25;  stats.ks_2samp(e, f2)      # asymptotic: D 0.045, p 0.08612996033177345
 * stats.kstwo.cdf(0.1, 100), stats.kstwo.cdf(0.04, 777), stats.kstwo.cdf(0.06, 999), stats.kstwo.cdf(0.2, 50)
 * ref = np.array([30, 20, 10, 5]); cur = np.array([12, 15, 20, 3])
 * stats.chisquare(cur, ref * cur.sum() / ref.sum())   # 25.205, 1.3989194090241764e-05
 * # z: p1 = 40/100, p2 = 55/120, pooled, two-sided  -> -0.8697650418763532, 0.3844288193282097
 * stats.norm.sf(1.96), stats.norm.sf(-0.5), stats.norm.sf(6.0)
 * stats.wasserstein_distance(a, b), np.std(a)         # 0.3581064996879027, 2.099653017468486
 * def feel(p):  # Evidently's get_binned_data(feel_zeroes=True)
 *     p = p.astype(float).copy(); m = p[p != 0].min()
 *     np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001); return p
 * rp = feel(np.array([50, 30, 20, 0]) / 100); cp = feel(np.array([40, 30, 10, 20]) / 100)
 * distance.jensenshannon(rp, cp), np.sum((rp - cp) * np.log(rp / cp))   # 0.2831824796303998, 1.6110494748498778
 * bins = np.histogram_bin_edges(list(a) + list(b), bins=30)
 * rp = feel(np.histogram(a, bins)[0] / len(a)); cp = feel(np.histogram(b, bins)[0] / len(b))
 * np.sum((rp - cp) * np.log(rp / cp))                # 5.263113813877415
 * ```
 */
import { describe, expect, it } from "vitest";
import { columnDrift } from "../../../../src/core/monitor/columnDrift.ts";
import {
  chi2Test,
  filledShares,
  jensenShannon,
  normalSf,
  psi,
  wasserstein,
  zTest,
} from "../../../../src/core/monitor/driftTests.ts";
import { kolmogorovCdf, ksTest } from "../../../../src/core/monitor/ksTest.ts";
import { numericSketch } from "../../../../src/core/monitor/sketch.ts";

const sorted = (n: number, f: (i: number) => number) =>
  Float64Array.from({ length: n }, (_, i) => f(i)).sort();
const a = sorted(40, (i) => Math.sin(i * 1.7) * 3 + i * 0.01);
const b = sorted(55, (j) => Math.cos(j * 0.9) * 3 + 0.5);

describe("Kolmogorov-Smirnov", () => {
  it("is exact as SciPy's for samples up to 10,000 values", () => {
    const r = ksTest(a, b);
    expect(r.method).toBe("exact");
    expect(r.statistic).toBeCloseTo(0.15, 12);
    expect(r.pValue).toBeCloseTo(0.6137117964158864, 10);
    const c = sorted(30, (i) => Math.sin(i * 0.37) * 2);
    const d = sorted(30, (i) => Math.sin(i * 0.53 + 1) * 2 + 0.8);
    const s = ksTest(c, d);
    expect(s.statistic).toBeCloseTo(0.3, 12);
    expect(s.pValue).toBeCloseTo(0.13500350250095441, 10);
  });

  it("is exact with ties and a large lattice (997 x 1,000; 1,000 x 9,999)", () => {
    const g = sorted(997, (i) => Math.round(Math.sin(i * 0.7) * 4));
    const h = sorted(1000, (i) => Math.round(Math.cos(i * 0.3) * 4 + 0.4));
    expect(ksTest(g, h)).toMatchObject({ method: "exact" });
    expect(ksTest(g, h).statistic).toBeCloseTo(0.09649949849548646, 12);
    expect(ksTest(g, h).pValue).toBeCloseTo(0.00016571250030888174, 14);
    const big = ksTest(
      sorted(1000, (i) => Math.sin(i * 0.11) * 3),
      sorted(9999, (i) => Math.sin(i * 0.13) * 3 + 0.02),
    );
    expect(big.statistic).toBeCloseTo(0.036, 12);
    expect(big.pValue).toBeCloseTo(0.18445306071392048, 10);
  });

  it("is asymptotic as SciPy's (kstwo.sf at round(n1 n2 / (n1 + n2))) beyond", () => {
    const e = sorted(800, (i) => Math.sin(i * 0.731) * 5);
    const far = ksTest(
      e,
      sorted(20000, (j) => Math.sin(j * 0.377) * 5 + 0.3),
    );
    expect(far.method).toBe("asymptotic");
    expect(far.statistic).toBeCloseTo(0.11145, 10);
    // This far in the tail (n d^2 >= 2.2) SciPy takes 2 x smirnov(n, d), as this does.
    expect(far.pValue / 8.941042908403086e-9).toBeCloseTo(1, 9);
    const near = ksTest(
      e,
      sorted(20000, (j) => Math.sin(j * 0.377) * 5 + 0.05),
    );
    expect(near.statistic).toBeCloseTo(0.045, 10);
    expect(near.pValue).toBeCloseTo(0.08612996033177345, 7);
  });

  it("computes the Kolmogorov distribution as SciPy's kstwo", () => {
    expect(kolmogorovCdf(100, 0.1)).toBeCloseTo(0.7473072429936126, 10);
    // For n > 140 and n d^1.5 > 1.4 SciPy uses the Pelz-Good series, up to ~2e-8 off the exact Durbin matrix.
    expect(kolmogorovCdf(777, 0.04)).toBeCloseTo(0.8380760591044806, 7);
    expect(kolmogorovCdf(999, 0.06)).toBeCloseTo(0.9985610705353324, 9);
    expect(kolmogorovCdf(50, 0.2)).toBeCloseTo(0.9685612222304676, 10);
  });
});

describe("chi-squared, z, normal", () => {
  it("chi2 as Evidently's chisquare(current, reference x n_cur / n_ref)", () => {
    const r = chi2Test([30, 20, 10, 5], [12, 15, 20, 3]);
    expect(r.statistic).toBeCloseTo(25.205, 10);
    expect(r.pValue).toBeCloseTo(1.3989194090241764e-5, 15);
    expect(chi2Test([5, 0], [3, 2]).pValue).toBe(0);
  });

  it("z as Evidently's two-proportion test", () => {
    const r = zTest([40, 60], [55, 65]);
    expect(r.statistic).toBeCloseTo(-0.8697650418763532, 12);
    expect(r.pValue).toBeCloseTo(0.3844288193282097, 12);
    expect(zTest([10, 0], [7, 0]).pValue).toBe(1);
  });

  it("normal survival as SciPy's norm.sf", () => {
    expect(normalSf(1.96)).toBeCloseTo(0.024997895148220435, 14);
    expect(normalSf(-0.5)).toBeCloseTo(0.6914624612740131, 14);
    expect(normalSf(6) / 9.865876450376946e-10).toBeCloseTo(1, 10);
  });
});

describe("distances", () => {
  it("Wasserstein as SciPy's, normed by numpy's std", () => {
    expect(wasserstein(a, null, b, null)).toBeCloseTo(0.3581064996879027, 12);
    expect(numericSketch(a).std).toBeCloseTo(2.099653017468486, 12);
    const r = columnDrift(
      numericSketch(a),
      { type: "numeric", sorted: b, missing: 0 },
      { test: "wasserstein" },
    );
    expect(r.statistic).toBeCloseTo(0.3581064996879027 / 2.099653017468486, 12);
    expect(r.p_value).toBeNull();
    expect(r.drift).toBe(true);
  });

  it("Jensen-Shannon and PSI of filled shares as Evidently's", () => {
    const rp = filledShares([50, 30, 20, 0], 100);
    const cp = filledShares([40, 30, 10, 20], 100);
    expect(jensenShannon(rp, cp)).toBeCloseTo(0.2831824796303998, 12);
    expect(psi(rp, cp)).toBeCloseTo(1.6110494748498778, 12);
  });

  it("numeric PSI on 30 equal-width bins of both samples, as Evidently's", () => {
    const r = columnDrift(numericSketch(a), { type: "numeric", sorted: b, missing: 0 });
    expect(r.test).toBe("ks");
    expect(r.p_value).toBeCloseTo(0.6137117964158864, 10);
    expect(r.drift).toBe(false);
    expect(r.psi).toBeCloseTo(5.263113813877415, 10);
  });
});
