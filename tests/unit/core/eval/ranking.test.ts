import { describe, expect, it } from "vitest";
import { logLoss } from "../../../../src/core/eval/logLoss.ts";
import { prAuc } from "../../../../src/core/eval/prAuc.ts";
import { averagePrecision, prCurve } from "../../../../src/core/eval/prCurve.ts";
import { rocAuc } from "../../../../src/core/eval/rocAuc.ts";
import { rocAucBinary, rocCurve } from "../../../../src/core/eval/rocCurve.ts";

const f = (...v: number[]) => Float64Array.from(v);

describe("ROC", () => {
  it("matches the pairwise definition, with ties worth half", () => {
    // scikit-learn's doc example: positives 0.35, 0.8 vs negatives 0.1, 0.4 → 3 of 4 pairs = 0.75.
    expect(rocAucBinary(f(0, 0, 1, 1), f(0.1, 0.4, 0.35, 0.8))).toBeCloseTo(0.75, 12);
    // Positives 0.35, 0.8, 0.5; negatives 0.1, 0.4, 0.5 (9 pairs):
    // 0.35 beats 0.1 → 1; 0.8 beats all → 3; 0.5 beats 0.1, 0.4 and ties 0.5 → 2.5. AUC = 6.5/9.
    expect(rocAucBinary(f(0, 0, 1, 1, 0, 1), f(0.1, 0.4, 0.35, 0.8, 0.5, 0.5))).toBeCloseTo(6.5 / 9, 12);
  });

  it("gives curve points at each distinct threshold from (0,0) to (1,1)", () => {
    const c = rocCurve(f(0, 0, 1, 1), f(0.1, 0.4, 0.35, 0.8));
    expect(Array.from(c.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(c.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(c.thresholds)).toEqual([Number.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1]);
  });

  it("uses the positive column for two classes and the one-vs-rest macro mean for more", () => {
    const proba2 = f(0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8);
    expect(rocAuc(f(0, 0, 1, 1), proba2, 2)).toBeCloseTo(0.75, 12);
    // Class 0 scores 0.8,0.2,0.1,0.3,0.5,0.2 (positives rows 0, 3): 0.8 beats 4, 0.3 beats 3 → 7/8.
    // Class 1 scores 0.1,0.6,0.3,0.4,0.3,0.2 (rows 1, 4): 0.6 beats 4, 0.3 beats 0.1, 0.2, ties 0.3 → 6.5/8.
    // Class 2 scores 0.1,0.2,0.6,0.3,0.2,0.6 (rows 2, 5): both beat all → 1. Macro = 2.6875/3.
    const proba3 = f(
      0.8,
      0.1,
      0.1,
      0.2,
      0.6,
      0.2,
      0.1,
      0.3,
      0.6,
      0.3,
      0.4,
      0.3,
      0.5,
      0.3,
      0.2,
      0.2,
      0.2,
      0.6,
    );
    expect(rocAuc(f(0, 1, 2, 0, 1, 2), proba3, 3)).toBeCloseTo(2.6875 / 3, 12);
  });

  it("is NaN when only one class is present", () => {
    expect(rocAucBinary(f(1, 1), f(0.2, 0.3))).toBeNaN();
  });
});

describe("precision-recall", () => {
  it("computes average precision as sum (R_n - R_n-1) P_n", () => {
    // Descending: 0.8 (+) P 1 R 0.5; 0.4 (−) P 0.5; 0.35 (+) P 2/3 R 1 → AP = 0.5·1 + 0.5·2/3 = 0.8333.
    expect(averagePrecision(f(0, 0, 1, 1), f(0.1, 0.4, 0.35, 0.8))).toBeCloseTo(5 / 6, 12);
    // With a tie at 0.5 (one + and one −, entering together):
    // 0.8: P 1, R 1/3; 0.5: P 2/3, R 2/3; 0.4: P 1/2; 0.35: P 3/5, R 1.
    // AP = 1/3·1 + 1/3·2/3 + 1/3·3/5 = 0.755556.
    expect(averagePrecision(f(0, 0, 1, 1, 0, 1), f(0.1, 0.4, 0.35, 0.8, 0.5, 0.5))).toBeCloseTo(0.755556, 6);
  });

  it("gives curve points from (R 0, P 1) up to the first full recall", () => {
    const c = prCurve(f(0, 0, 1, 1), f(0.1, 0.4, 0.35, 0.8));
    expect(Array.from(c.recall)).toEqual([0, 0.5, 0.5, 1]);
    expect(Array.from(c.precision).map((v) => +v.toFixed(4))).toEqual([1, 1, 0.5, 0.6667]);
  });

  it("averages one-vs-rest for multiclass PR AUC", () => {
    // Perfect ranking for every class → 1.
    const proba = f(0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8);
    expect(prAuc(f(0, 1, 2), proba, 3)).toBe(1);
    expect(prAuc(f(0, 0, 1, 1), f(0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8), 2)).toBeCloseTo(5 / 6, 12);
  });
});

describe("log loss", () => {
  it("is the mean negative log-probability of the true class", () => {
    // −(ln 0.9 + ln 0.8 + ln 0.7)/3 = (0.1053605 + 0.2231436 + 0.3566749)/3 = 0.2283930.
    expect(logLoss(f(0, 1, 1), f(0.9, 0.1, 0.2, 0.8, 0.3, 0.7), 2)).toBeCloseTo(0.228393, 6);
  });

  it("clips probabilities so a certain mistake costs −ln(1e-15), not Infinity", () => {
    expect(logLoss(f(1), f(1, 0), 2)).toBeCloseTo(-Math.log(1e-15), 9);
  });

  it("weights rows", () => {
    // Weights 1 and 3: (1·−ln 0.5 + 3·−ln 0.25)/4.
    expect(logLoss(f(0, 1), f(0.5, 0.5, 0.75, 0.25), 2, f(1, 3))).toBeCloseTo(
      (Math.log(2) + 3 * Math.log(4)) / 4,
      12,
    );
  });

  it("rejects a probability matrix of the wrong size", () => {
    expect(() => logLoss(f(0, 1), f(0.5, 0.5), 2)).toThrow(
      /invalid probabilities: 2 values for 2 rows x 2 classes/,
    );
  });
});
