import { describe, expect, it } from "vitest";
import { thresholdSweep } from "../../../../src/core/automl/evaluation/thresholdSweep.ts";
import type { LeaderboardEntry } from "../../../../src/core/automl/ladder/leaderboard.ts";
import type { RunRecord } from "../../../../src/persist/types.ts";
import { metricRows } from "../../../../src/ui/evaluate/metricRows.ts";
import { atThreshold, sweepIndex } from "../../../../src/ui/evaluate/thresholdView.ts";
import {
  bestEntry,
  criterionStatus,
  ensembleMembers,
  leaderboardRows,
  overfitGap,
  pendingRows,
  runSummary,
  scoreText,
  secondsText,
} from "../../../../src/ui/train/leaderboardRows.ts";

function entry(
  model: string,
  cv: number,
  train: number,
  extra: Partial<LeaderboardEntry> = {},
): LeaderboardEntry {
  return {
    model: model as LeaderboardEntry["model"],
    label: model.toUpperCase(),
    metric: "accuracy",
    cv_mean: cv,
    cv_std: 0.02,
    fold_scores: [],
    train_mean: train,
    metrics: {},
    test_metrics: { accuracy: cv - 0.01 },
    fit_seconds: 12.6,
    backend: null,
    params: {},
    criterion_met: cv >= 0.9,
    ...extra,
  };
}

function run(entries: LeaderboardEntry[], extra: Partial<RunRecord> = {}): RunRecord {
  return {
    id: "r1",
    projectId: "p1",
    datasetId: "d1",
    settings: {
      target: "species",
      task: "multiclass",
      metric: "accuracy",
      models: ["baseline", "knn", "decision_tree", "mlp"],
      split: { type: "holdout", stratify: null, testFraction: 0.2, folds: 3, seed: 0 },
      criterion: "accuracy >= 0.9",
      ensemble: true,
    },
    status: "running",
    entries,
    best: null,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

describe("threshold view", () => {
  // Positives score 0.6, 0.8, 0.9; negatives 0.1, 0.4, 0.7.
  const sweep = thresholdSweep([1, 1, 1, 0, 0, 0], [0.6, 0.8, 0.9, 0.1, 0.4, 0.7], 100);

  it("reads the confusion counts and rates at the nearest threshold step", () => {
    expect(sweepIndex(sweep, 0.5)).toBe(50);
    expect(sweepIndex(sweep, 0.504)).toBe(50);
    expect(sweepIndex(sweep, 2)).toBe(100);
    expect(atThreshold(sweep, 0.5)).toEqual({
      threshold: 0.5,
      counts: [2, 1, 0, 3],
      precision: 0.75,
      recall: 1,
      f1: 6 / 7,
      accuracy: 5 / 6,
    });
    expect(atThreshold(sweep, 0.85)?.counts).toEqual([3, 0, 2, 1]);
  });
});

describe("metricRows", () => {
  it("lists the classification metrics with the ranking one marked, test values when there is a test part", () => {
    const rows = metricRows("binary", { accuracy: 0.9, roc_auc: 0.95123 }, { accuracy: 0.85 }, "roc_auc");
    expect(rows.map((r) => r.id)).toEqual([
      "accuracy",
      "balanced_accuracy",
      "precision_macro",
      "recall_macro",
      "f1_macro",
      "f1_weighted",
      "roc_auc",
      "pr_auc",
      "log_loss",
    ]);
    expect(rows[0]).toMatchObject({ label: "Accuracy", oof: "0.9000", test: "0.8500", ranking: false });
    expect(rows[6]).toMatchObject({ oof: "0.9512", test: "–", ranking: true });
    expect(rows[8].direction).toBe("lower is better");
    expect(metricRows("regression", { r2: 0.5 }, null, "rmse").map((r) => r.id)).toEqual([
      "mae",
      "mse",
      "rmse",
      "r2",
      "mape",
    ]);
  });
});

describe("leaderboard rows", () => {
  it("flags a large train-over-CV gap in the metric's better direction", () => {
    expect(overfitGap("accuracy", 0.9, 1)).toEqual({ gap: expect.closeTo(0.1, 12), large: true });
    expect(overfitGap("accuracy", 0.9, 0.93).large).toBe(false);
    expect(overfitGap("rmse", 10, 8).large).toBe(true);
    expect(overfitGap("rmse", 10, 9.5).large).toBe(false);
    expect(overfitGap("log_loss", 0.3, 0.31).gap).toBeCloseTo(-0.01, 12);
    expect(overfitGap("accuracy", Number.NaN, 1).large).toBe(false);
    // A test score at or above the training score contradicts the gap: no flag.
    expect(overfitGap("accuracy", 0.9, 0.97, 0.98).large).toBe(false);
    expect(overfitGap("accuracy", 0.9, 0.97, 0.91).large).toBe(true);
    expect(overfitGap("rmse", 10, 8, 7.5).large).toBe(false);
  });

  it("ranks finished models best first, failed ones last without a rank", () => {
    const rows = leaderboardRows([
      entry("baseline", 0.33, 0.34),
      entry("logistic", Number.NaN, Number.NaN, { error: "did not converge" }),
      entry("decision_tree", 0.92, 1),
      entry("mlp", 0.95, 0.96, { backend: "wasm", fit_seconds: 3.14 }),
    ]);
    expect(rows.map((r) => [r.rank, r.model])).toEqual([
      [1, "mlp"],
      [2, "decision_tree"],
      [3, "baseline"],
      [null, "logistic"],
    ]);
    expect(rows[0]).toMatchObject({
      cv: "0.9500 ± 0.02",
      train: "0.9600",
      test: "0.9400",
      backend: "wasm",
      seconds: "3.1 s",
    });
    expect(rows[1].overfits).toBe(true);
    expect(rows[3]).toMatchObject({ cv: "–", error: "did not converge" });
    expect(secondsText(12.6)).toBe("13 s");
  });

  it("counts the models of a run apart from its ensemble", () => {
    const r = run([
      entry("baseline", 0.33, 0.34),
      entry("knn", 0.95, 0.96),
      entry("ensemble", 0.96, Number.NaN),
    ]);
    expect(runSummary(r)).toBe("2 of 4 models trained and the ensemble · best ENSEMBLE 0.9600");
    expect(runSummary(run([entry("knn", 0.95, 0.96)]))).toBe("1 of 4 models trained · best KNN 0.9500");
  });

  it("counts failed models as failed, by name, not as trained", () => {
    const r = run([
      entry("baseline", 0.33, 0.34),
      entry("knn", Number.NaN, Number.NaN, { error: "invalid feature value at row 3: Infinity" }),
      entry("mlp", Number.NaN, Number.NaN, { error: "loss is NaN" }),
      entry("ensemble", Number.NaN, Number.NaN, { error: "no model to blend" }),
    ]);
    expect(runSummary(r)).toBe(
      "1 of 4 models trained, 2 failed (KNN, MLP), the ensemble failed · best BASELINE 0.3300",
    );
    const rows = leaderboardRows(r.entries);
    expect(rows.filter((x) => x.error).map((x) => [x.model, x.rank, x.cv])).toEqual([
      ["knn", null, "–"],
      ["mlp", null, "–"],
      ["ensemble", null, "–"],
    ]);
  });

  it("shows scores with four significant digits, a perfect one as 1.000", () => {
    expect(scoreText(1)).toBe("1.000");
    expect(scoreText(0)).toBe("0.000");
    expect(scoreText(0.953333)).toBe("0.9533");
    expect(scoreText(27250.4)).toBe("27,250.4");
    expect(scoreText(Number.NaN)).toBe("–");
  });

  it("shows an ensemble's members heaviest first, and none for a single model", () => {
    const ens = entry("ensemble", 0.97, Number.NaN, {
      ensemble: { members: ["logistic", "knn", "gbdt"], weights: [0.24, 0.36, 0.4], candidates: 5 },
    });
    expect(ensembleMembers(ens)).toEqual([
      { model: "gbdt", weight: 0.4 },
      { model: "knn", weight: 0.36 },
      { model: "logistic", weight: 0.24 },
    ]);
    expect(leaderboardRows([ens, entry("knn", 0.95, 0.96)])[0].members?.[0].model).toBe("gbdt");
    expect(ensembleMembers(entry("knn", 0.95, 0.96))).toBeNull();
  });

  it("lists the models still to come, and judges the criterion on the best model", () => {
    const r = run([entry("baseline", 0.33, 0.34), entry("knn", 0.95, 0.96)]);
    expect(pendingRows(r, new Map([["mlp", "Neural net"]]), true)).toEqual([
      { model: "decision_tree", label: "decision_tree", status: "training" },
      { model: "mlp", label: "Neural net", status: "waiting" },
      { model: "ensemble", label: "Weighted ensemble", status: "waiting" },
    ]);
    expect(pendingRows(r, new Map(), false).map((p) => p.status)).toEqual([
      "not trained",
      "not trained",
      "not trained",
    ]);
    // No ensemble rung when it is switched off, or for folds in time order.
    const off = { ...r, settings: { ...r.settings, ensemble: false } };
    expect(pendingRows(off, new Map(), true).map((p) => p.model)).toEqual(["decision_tree", "mlp"]);
    const timed = {
      ...r,
      settings: {
        ...r.settings,
        split: { type: "temporal" as const, column: "day", testFraction: 0.2, folds: 3, seed: 0 },
      },
    };
    expect(pendingRows(timed, new Map(), true).map((p) => p.model)).toEqual(["decision_tree", "mlp"]);
    expect(bestEntry(r)?.model).toBe("knn");
    expect(criterionStatus(r)).toEqual({
      text: "Accuracy ≥ 0.9: met by the best model, KNN (cross-validated Accuracy 0.9500).",
      met: true,
    });
    expect(criterionStatus(run([]))?.met).toBeNull();
    expect(criterionStatus(run([entry("knn", 0.8, 0.9, { criterion_met: false })]))?.met).toBe(false);
    expect(criterionStatus({ ...r, settings: { ...r.settings, criterion: null } })).toBeNull();
  });
});
