import { describe, expect, it } from "vitest";
import { SCORERS } from "../../../../src/core/eval/metrics.ts";
import {
  defaultMetric,
  getMetric,
  isBetter,
  METRICS,
  type MetricId,
} from "../../../../src/core/framing/metrics.ts";

const f = (...v: number[]) => Float64Array.from(v);

describe("METRICS", () => {
  it("lists every metric id once, with its own id", () => {
    const ids: MetricId[] = [
      "accuracy",
      "balanced_accuracy",
      "f1_macro",
      "f1_weighted",
      "precision_macro",
      "recall_macro",
      "roc_auc",
      "pr_auc",
      "log_loss",
      "rmse",
      "mae",
      "mse",
      "r2",
      "mape",
    ];
    expect(Object.keys(METRICS).sort()).toEqual([...ids].sort());
    expect(Object.keys(SCORERS).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(METRICS[id].id).toBe(id);
  });

  it("knows which direction is better", () => {
    expect(METRICS.log_loss.direction).toBe("lower");
    expect(METRICS.r2.direction).toBe("higher");
    expect(isBetter("rmse", 1, 2)).toBe(true);
    expect(isBetter("accuracy", 1, 2)).toBe(false);
  });

  it("scores through the table", () => {
    const yTrue = f(0, 0, 1, 1);
    const proba = f(0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8);
    const yPred = f(0, 0, 0, 1);
    expect(SCORERS.accuracy({ yTrue, yPred })).toBe(0.75);
    expect(SCORERS.roc_auc({ yTrue, yPred, proba })).toBeCloseTo(0.75, 12);
    expect(SCORERS.rmse({ yTrue: f(0, 0), yPred: f(3, 4) })).toBeCloseTo(Math.sqrt(12.5), 12);
  });

  it("refuses a probability metric without probabilities, and unknown ids", () => {
    expect(() => SCORERS.log_loss({ yTrue: f(0), yPred: f(0) })).toThrow(
      /log_loss needs class probabilities/,
    );
    expect(() => getMetric("auc")).toThrow(/unknown metric: auc/);
  });

  it("picks a default per task", () => {
    expect(defaultMetric("binary")).toBe("roc_auc");
    expect(defaultMetric("multiclass")).toBe("accuracy");
    expect(defaultMetric("regression")).toBe("r2");
    for (const m of Object.values(METRICS)) expect(m.tasks.length).toBeGreaterThan(0);
  });
});
