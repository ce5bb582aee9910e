import { describe, expect, it } from "vitest";
import { accuracy } from "../../../../src/core/eval/accuracy.ts";
import { balancedAccuracy } from "../../../../src/core/eval/balancedAccuracy.ts";
import { confusionMatrix } from "../../../../src/core/eval/confusionMatrix.ts";
import {
  classReport,
  f1Score,
  precisionScore,
  recallScore,
} from "../../../../src/core/eval/precisionRecallF1.ts";

const f = (...v: number[]) => Float64Array.from(v);

// Worked example, three classes:
//   true  0 0 0 1 1 2
//   pred  0 0 1 1 2 2
// Correct: rows 0, 1, 3, 5 → accuracy 4/6.
// Confusion (rows true, columns predicted): [[2,1,0],[0,1,1],[0,0,1]].
// Precision: c0 2/2 = 1, c1 1/2, c2 1/2.  Recall: c0 2/3, c1 1/2, c2 1/1.
// F1: c0 2·1·(2/3)/(5/3) = 0.8, c1 0.5, c2 2·0.5·1/1.5 = 2/3.
// F1 macro (0.8 + 0.5 + 2/3)/3 = 0.655556; weighted by support 3,2,1: (2.4 + 1 + 2/3)/6 = 0.677778.
// Balanced accuracy = mean recall = (2/3 + 1/2 + 1)/3 = 0.722222.
const yTrue = f(0, 0, 0, 1, 1, 2);
const yPred = f(0, 0, 1, 1, 2, 2);

describe("classification metrics", () => {
  it("computes accuracy, plain and weighted", () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(4 / 6, 12);
    // Weighted: rows 0 (w 1, hit), 1 (w 2, miss), 2 (w 1, hit) → 2/4.
    expect(accuracy(f(0, 1, 1), f(0, 0, 1), f(1, 2, 1))).toBe(0.5);
  });

  it("builds the confusion matrix with true classes as rows", () => {
    const cm = confusionMatrix(yTrue, yPred);
    expect(cm.nClasses).toBe(3);
    expect(Array.from(cm.counts)).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 1]);
    expect(confusionMatrix(f(0, 1), f(0, 1), 4).nClasses).toBe(4);
  });

  it("reports per-class precision, recall, F1 and support", () => {
    const r = classReport(yTrue, yPred);
    expect(Array.from(r.precision)).toEqual([1, 0.5, 0.5]);
    expect(r.recall[0]).toBeCloseTo(2 / 3, 12);
    expect(r.recall[2]).toBe(1);
    expect(r.f1[0]).toBeCloseTo(0.8, 12);
    expect(r.f1[2]).toBeCloseTo(2 / 3, 12);
    expect(Array.from(r.support)).toEqual([3, 2, 1]);
  });

  it("averages F1, precision and recall macro and weighted", () => {
    expect(f1Score(yTrue, yPred, "macro")).toBeCloseTo(0.655556, 6);
    expect(f1Score(yTrue, yPred, "weighted")).toBeCloseTo(0.677778, 6);
    expect(precisionScore(yTrue, yPred, "macro")).toBeCloseTo(2 / 3, 12);
    expect(recallScore(yTrue, yPred, "macro")).toBeCloseTo(0.722222, 6);
  });

  it("scores balanced accuracy as the mean recall", () => {
    expect(balancedAccuracy(yTrue, yPred)).toBeCloseTo(0.722222, 6);
    // Majority guess on a 9:1 split: accuracy 0.9 but balanced accuracy 0.5.
    const y = f(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    expect(balancedAccuracy(y, new Float64Array(10))).toBe(0.5);
  });

  it("counts a zero-denominator ratio as 0 and skips classes absent from both vectors", () => {
    // Class 1 never predicted: precision 0; class 2 (from nClasses) absent everywhere: not averaged.
    const r = classReport(f(0, 1), f(0, 0), 3);
    expect(Array.from(r.precision)).toEqual([0.5, 0, 0]);
    expect(Array.from(r.present)).toEqual([1, 1, 0]);
    // F1: c0 2·0.5·1/1.5 = 2/3, c1 0 → macro 1/3.
    expect(f1Score(f(0, 1), f(0, 0))).toBeCloseTo(1 / 3, 12);
  });

  it("rejects mismatched lengths and non-integer labels", () => {
    expect(() => accuracy(f(0, 1), f(0))).toThrow(/invalid predictions: 1 values for 2 rows/);
    expect(() => confusionMatrix(f(0.5), f(0))).toThrow(/invalid class label: 0.5/);
  });
});
