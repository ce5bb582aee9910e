import { describe, expect, it } from "vitest";
import { checkCriterionText, criterionMetricNote } from "../../../src/ui/frame/criterionCheck.ts";
import { progressText } from "../../../src/ui/frame/progressText.ts";
import { taskTitle } from "../../../src/ui/frame/taskTitle.ts";

describe("checkCriterionText", () => {
  it("accepts a valid criterion and normalises it", () => {
    const c = checkCriterionText("accuracy >= 0.9", "multiclass");
    expect(c).toEqual({
      status: "ok",
      criterion: { metric: "accuracy", op: ">=", value: 0.9 },
      text: "Accuracy ≥ 0.9",
    });
  });

  it("explains what is wrong in plain words", () => {
    const c = checkCriterionText("RMSE > 5", "regression");
    expect(c.status).toBe("error");
    expect(c.status === "error" && c.message).toMatch(/Lower RMSE is better/);
    const wrongTask = checkCriterionText("RMSE < 5", "binary");
    expect(wrongTask.status === "error" && wrongTask.message).toMatch(/not valid for binary classification/);
  });

  it("treats blank as no criterion", () => {
    expect(checkCriterionText("   ", "binary")).toEqual({ status: "empty" });
  });

  it("notes a criterion on another metric than the chosen one", () => {
    const c = checkCriterionText("accuracy >= 0.9", "binary");
    expect(criterionMetricNote(c, "roc_auc", "ROC AUC")).toContain("ROC AUC");
    expect(criterionMetricNote(c, "accuracy", "Accuracy")).toBeNull();
  });
});

describe("labels", () => {
  it("names tasks in large words", () => {
    expect(taskTitle("multiclass")).toBe("Multiclass classification");
    expect(taskTitle("binary")).toBe("Binary classification");
    expect(taskTitle("regression")).toBe("Regression");
    expect(taskTitle(null)).toBe("Exploration only");
  });

  it("reads profile progress", () => {
    expect(progressText({ phase: "profile", done: 2, total: 9, message: "bill" })).toBe(
      "Profiling column 3 of 8: bill",
    );
    expect(progressText({ phase: "profile", done: 8, total: 9 })).toBe(
      "Counting duplicates and correlations",
    );
  });
});
