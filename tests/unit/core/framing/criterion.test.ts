import { describe, expect, it } from "vitest";
import { checkCriterion, formatCriterion, parseCriterion } from "../../../../src/core/framing/criterion.ts";

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("parseCriterion", () => {
  it.each([
    ["ROC AUC >= 0.85", { metric: "roc_auc", op: ">=", value: 0.85 }],
    ["roc_auc>=0.85", { metric: "roc_auc", op: ">=", value: 0.85 }],
    ["RMSE < 10000", { metric: "rmse", op: "<", value: 10000 }],
    ["RMSE < 10,000", { metric: "rmse", op: "<", value: 10000 }],
    ["accuracy at least 0.9", { metric: "accuracy", op: ">=", value: 0.9 }],
    ["r2 > 0.5", { metric: "r2", op: ">", value: 0.5 }],
    ["R² > 0.5", { metric: "r2", op: ">", value: 0.5 }],
    ["F1 macro >= 0.8", { metric: "f1_macro", op: ">=", value: 0.8 }],
    ["balanced accuracy ≥ 0.7", { metric: "balanced_accuracy", op: ">=", value: 0.7 }],
    ["MAE ≤ 3.5", { metric: "mae", op: "<=", value: 3.5 }],
    ["accuracy >= 90%", { metric: "accuracy", op: ">=", value: 0.9 }],
    ["log loss below 0.3", { metric: "log_loss", op: "<", value: 0.3 }],
    ["AUC should be at least 0.8", { metric: "roc_auc", op: ">=", value: 0.8 }],
  ])("reads %s", (text, expected) => {
    expect(parseCriterion(text)).toEqual(expected);
  });

  it("checks the metric against the task", () => {
    expect(parseCriterion("ROC AUC >= 0.85", "binary").metric).toBe("roc_auc");
    const e = errorOf(() => parseCriterion("ROC AUC >= 0.85", "regression"));
    expect(e.name).toBe("ValidationError");
    expect(e.message).toBe("The metric ROC AUC is not valid for regression; use one of RMSE, MAE, R².");
    expect(errorOf(() => parseCriterion("rmse < 3", "binary")).message).toContain(
      "not valid for binary classification",
    );
  });

  it("names what is wrong", () => {
    const unknown = errorOf(() => parseCriterion("foo >= 1"));
    expect(unknown.name).toBe("ValidationError");
    expect(unknown.message).toMatch(/^Unknown metric: "foo"/);
    expect(errorOf(() => parseCriterion("accuracy 0.9")).message).toContain("No comparison");
    expect(errorOf(() => parseCriterion("accuracy >= lots")).message).toContain("No number");
    expect(errorOf(() => parseCriterion("")).message).toContain("empty");
    expect(errorOf(() => parseCriterion("accuracy = 0.9")).message).toContain('not "="');
    expect(errorOf(() => parseCriterion("accuracy >= 85")).message).toBe(
      "Accuracy runs from 0 to 1, so 85 cannot be a target for it.",
    );
    expect(errorOf(() => parseCriterion("RMSE > 100")).message).toContain("Lower RMSE is better");
    expect(errorOf(() => parseCriterion("accuracy < 0.9")).message).toContain("Higher Accuracy is better");
  });
});

describe("checkCriterion", () => {
  it("compares a score", () => {
    const c = parseCriterion("ROC AUC >= 0.85");
    expect(checkCriterion(c, 0.85)).toBe(true);
    expect(checkCriterion(c, 0.84)).toBe(false);
    expect(checkCriterion(parseCriterion("RMSE < 10000"), 9999)).toBe(true);
    expect(checkCriterion(parseCriterion("RMSE < 10000"), 10000)).toBe(false);
    expect(checkCriterion(c, Number.NaN)).toBe(false);
    expect(checkCriterion(c, null)).toBe(false);
    expect(formatCriterion(c)).toBe("ROC AUC ≥ 0.85");
  });
});
