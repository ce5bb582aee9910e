import { describe, expect, it } from "vitest";
import { chooseMetric } from "../../../../src/core/framing/chooseMetric.ts";
import { detectTask } from "../../../../src/core/framing/detectTask.ts";
import { classBalance } from "../../../../src/core/framing/imbalance.ts";
import { METRICS, metricsForTask } from "../../../../src/core/framing/metrics.ts";
import { isSkewed } from "../../../../src/core/framing/skewness.ts";
import { columnStats } from "../../../../src/core/profile/columnStats.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "../profile/frameOf.ts";

const labels = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([k, c]) => Array(c).fill(k));

describe("chooseMetric", () => {
  it("proposes ROC AUC for binary targets and explains imbalance", () => {
    const balanced = chooseMetric(detectTask(frameOf({ y: labels({ no: 50, yes: 50 }) }), "y"));
    expect(balanced.metric).toBe("roc_auc");
    expect(balanced.reasons).toHaveLength(1);
    const skewed = chooseMetric(detectTask(frameOf({ y: labels({ no: 90, yes: 10 }) }), "y"));
    expect(skewed.metric).toBe("roc_auc");
    expect(skewed.reasons[1]).toContain("imbalanced (yes is 10% of the rows, 9.0 to 1)");
    expect(skewed.metrics[0].id).toBe("roc_auc");
    expect(skewed.metrics.map((m) => m.id).sort()).toEqual([
      "accuracy",
      "balanced_accuracy",
      "f1_macro",
      "log_loss",
      "roc_auc",
    ]);
  });

  it("proposes accuracy for balanced multiclass and balanced accuracy under imbalance", () => {
    expect(chooseMetric(detectTask(frameOf({ y: labels({ a: 40, b: 35, c: 30 }) }), "y")).metric).toBe(
      "accuracy",
    );
    // 4 to 1 is still balanced enough; 5 to 1 is not.
    expect(chooseMetric(detectTask(frameOf({ y: labels({ a: 40, b: 35, c: 10 }) }), "y")).metric).toBe(
      "accuracy",
    );
    const c = chooseMetric(detectTask(frameOf({ y: labels({ a: 50, b: 35, c: 10 }) }), "y"));
    expect(c.metric).toBe("balanced_accuracy");
    expect(c.reasons[0]).toContain("c has 10 rows against 50 for a, 5.0 to 1");
  });

  it("proposes RMSE for a symmetric regression target and MAE for a heavily skewed one", () => {
    const rng = makeRng(3);
    const even = frameOf({ y: Array.from({ length: 300 }, () => rng.next()) });
    expect(chooseMetric(detectTask(even, "y"), columnStats(even.columns[0]).numeric).metric).toBe("rmse");
    const heavy = frameOf({ y: Array.from({ length: 300 }, () => Math.exp(4 * rng.next()) ** 2) });
    const c = chooseMetric(detectTask(heavy, "y"), columnStats(heavy.columns[0]).numeric);
    expect(c.metric).toBe("mae");
    expect(c.reasons[0]).toMatch(/is skewed \(skewness \d/);
    expect(c.metrics.map((m) => m.id)).toEqual(["mae", "rmse", "r2"]);
  });

  it("calls a target skewed exactly when Explore's alert does (one threshold)", () => {
    const rng = makeRng(8);
    // Skewness between 1 and 2: once "not heavily skewed" here while the alert said "skewed".
    // A gamma(2) draw (the sum of two exponentials) has skewness 2 / sqrt(2), about 1.41.
    const gamma2 = () => -Math.log(1 - rng.next()) - Math.log(1 - rng.next());
    const mild = frameOf({ y: Array.from({ length: 400 }, gamma2) });
    const plain = frameOf({ y: Array.from({ length: 400 }, () => rng.next()) });
    for (const [frame, skewed] of [
      [mild, true],
      [plain, false],
    ] as const) {
      const stats = columnStats(frame.columns[0]).numeric!;
      if (skewed) {
        expect(stats.skewness!).toBeGreaterThan(1);
        expect(stats.skewness!).toBeLessThan(2);
      }
      const c = chooseMetric(detectTask(frame, "y"), stats);
      const alerted = profileFrame(frame).alerts.some((a) => a.type === "skewed" && a.column === "y");
      expect(alerted).toBe(skewed);
      expect(c.metric).toBe(skewed ? "mae" : "rmse");
      expect(c.reasons[0]).toContain(
        skewed ? "The target is skewed (skewness" : "The target is not skewed (skewness",
      );
      expect(isSkewed(stats.skewness)).toBe(skewed);
    }
  });

  it("describes every metric with a label and a direction", () => {
    expect(METRICS.roc_auc).toMatchObject({ label: "ROC AUC", direction: "higher" });
    expect(METRICS.rmse.direction).toBe("lower");
    expect(METRICS.log_loss.direction).toBe("lower");
    expect(metricsForTask("regression").map((m) => m.id)).toEqual(["rmse", "mae", "r2"]);
  });

  it("measures balance as largest over smallest class", () => {
    expect(classBalance(["a", "b", "c"], [10, 10, 10])).toMatchObject({ ratio: 1, imbalanced: false });
    expect(classBalance(["a", "b"], [81, 19])).toMatchObject({
      minority: "b",
      ratio: 81 / 19,
      imbalanced: true,
    });
    expect(classBalance(["a"], [5])).toBeNull();
  });
});
