import { describe, expect, it } from "vitest";
import {
  linearPercentile,
  mcnemar,
  pairedBootstrap,
  rightAnswers,
} from "../../../../src/core/monitor/compareModels.ts";

/** b rows only A gets right, c rows only B gets right, `both` rows both get right. */
function answers(b: number, c: number, both = 5): { a: Uint8Array; b: Uint8Array } {
  const n = b + c + both + 3;
  const a = new Uint8Array(n);
  const bb = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (i < b) a[i] = 1;
    else if (i < b + c) bb[i] = 1;
    else if (i < b + c + both) a[i] = bb[i] = 1;
  }
  return { a, b: bb };
}

describe("McNemar", () => {
  // scipy.stats.binomtest(min(b, c), b + c, 0.5).pvalue and
  // 2 binom.cdf(min, n, 0.5) - binom.pmf(min, n, 0.5) (SciPy 1.10).
  const cases: [number, number, number, number][] = [
    [10, 3, 0.09228515625, 0.05737304687500002],
    [25, 12, 0.04703102743951604, 0.03355243967962451],
    [0, 5, 0.0625, 0.03125],
    [7, 7, 1, 1],
    [120, 150, 0.07738939898021883, 0.06820129335098787],
    [1, 0, 1, 0.5],
  ];
  it.each(cases)("b=%i, c=%i: exact and mid-p as SciPy's", (b, c, exact, mid) => {
    const x = answers(b, c);
    const r = mcnemar(x.a, x.b);
    expect(r.b).toBe(b);
    expect(r.c).toBe(c);
    expect(r.p_exact).toBeCloseTo(exact, 12);
    expect(r.p_mid).toBeCloseTo(mid, 12);
  });

  it("gives p = 1 when the models never disagree, and refuses unequal lengths", () => {
    expect(mcnemar([1, 0, 1], [1, 0, 1])).toEqual({ b: 0, c: 0, p_exact: 1, p_mid: 1 });
    expect(() => mcnemar([1], [1, 0])).toThrow("mcnemar: 1 answers against 2");
  });
});

describe("paired bootstrap", () => {
  // 400 rows: A right where (7i mod 10) < 8 (80%), B right where (3i + 1 mod 10) < 9 (90%).
  const n = 400;
  const yTrue = Float64Array.from({ length: n }, (_, i) => i % 2);
  const predOf = (right: (i: number) => boolean) =>
    Float64Array.from(yTrue, (t, i) => (right(i) ? t : 1 - t));
  const a = { predictions: predOf((i) => (i * 7) % 10 < 8), proba: null };
  const b = { predictions: predOf((i) => (i * 3 + 1) % 10 < 9), proba: null };

  it("centres on the accuracy difference with the normal interval's width (numpy / scipy.stats.norm)", () => {
    const r = pairedBootstrap({ metric: "accuracy", yTrue, a, b, k: 2, iterations: 2000, seed: 7 });
    expect(r.a).toBeCloseTo(0.8, 12);
    expect(r.b).toBeCloseTo(0.9, 12);
    expect(r.difference).toBeCloseTo(0.1, 12);
    // d = rightB - rightA: mean 0.1, std(d) / sqrt(n) = 0.026925824035672518; mean -/+ norm.ppf(0.975) se.
    expect(Math.abs(r.lo - 0.04722635463601894)).toBeLessThan(0.007);
    expect(Math.abs(r.hi - 0.15277364536398108)).toBeLessThan(0.007);
    expect(r.skipped).toBe(0);
    expect(r.b_better_share).toBeGreaterThan(0.99);
    // McNemar on the same rows: 40 against 80 (scipy binomtest: 0.00033040001839131815).
    const m = mcnemar(rightAnswers(yTrue, a.predictions), rightAnswers(yTrue, b.predictions));
    expect([m.b, m.c]).toEqual([40, 80]);
    expect(m.p_exact).toBeCloseTo(0.00033040001839131815, 14);
    expect(m.p_mid).toBeCloseTo(0.00024421702449694226, 14);
  });

  it("is the same for the same seed and differs for another", () => {
    const args = { metric: "accuracy" as const, yTrue, a, b, k: 2, iterations: 200 };
    const one = pairedBootstrap({ ...args, seed: 3 });
    expect(pairedBootstrap({ ...args, seed: 3 })).toEqual(one);
    expect(pairedBootstrap({ ...args, seed: 4 }).lo).not.toBe(one.lo);
  });

  it("reads 'better' the metric's way (log loss: lower) and refuses bad input", () => {
    const p = (q: number) =>
      Float64Array.from({ length: n * 2 }, (_, j) => (j % 2 === (j >> 1) % 2 ? 1 - q : q));
    const sharp = { predictions: yTrue, proba: p(0.1) };
    const vague = { predictions: yTrue, proba: p(0.4) };
    const r = pairedBootstrap({ metric: "log_loss", yTrue, a: vague, b: sharp, k: 2, iterations: 50 });
    expect(r.difference).toBeLessThan(0);
    expect(r.b_better_share).toBe(1);
    expect(() => pairedBootstrap({ metric: "accuracy", yTrue: new Float64Array(0), a, b, k: 2 })).toThrow(
      "the comparison needs labelled rows",
    );
  });

  it("takes percentiles as numpy's default (linear)", () => {
    // np.percentile([0.1, 0.5, 0.2, 0.9, 0.4, 0.35, 0.8], [2.5, 50, 97.5]) = [0.115, 0.4, 0.885]
    const sorted = [0.1, 0.5, 0.2, 0.9, 0.4, 0.35, 0.8].sort((x, y) => x - y);
    expect(linearPercentile(sorted, 0.025)).toBeCloseTo(0.115, 12);
    expect(linearPercentile(sorted, 0.5)).toBeCloseTo(0.4, 12);
    expect(linearPercentile(sorted, 0.975)).toBeCloseTo(0.885, 12);
  });
});
