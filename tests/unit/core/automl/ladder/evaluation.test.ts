import { beforeAll, describe, expect, it } from "vitest";
import { loadPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import { evaluateModel } from "../../../../../src/core/automl/evaluation/evaluateModel.ts";
import { learningCurve } from "../../../../../src/core/automl/evaluation/learningCurve.ts";
import { modelInsights } from "../../../../../src/core/automl/evaluation/modelInsights.ts";
import { permutationImportance } from "../../../../../src/core/automl/evaluation/permutationImportance.ts";
import {
  confusionAtThreshold,
  thresholdSweep,
} from "../../../../../src/core/automl/evaluation/thresholdSweep.ts";
import { type LadderResult, runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { fixtureFrame, regressionFrame, signalFrame } from "./helpers.ts";

let iris: Frame;
let irisRun: LadderResult;
let signal: Frame;
let signalRun: LadderResult;

beforeAll(async () => {
  iris = await fixtureFrame("iris.csv");
  irisRun = await runLadder(iris, { target: "target", models: ["logistic", "decision_tree"], folds: 3 });
  signal = signalFrame();
  signalRun = await runLadder(signal, { target: "label", models: ["logistic"], folds: 3, testSize: 0.3 });
});

describe("confusionAtThreshold and thresholdSweep", () => {
  const positive = [1, 0, 1, 1, 0, 0];
  const scores = [0.9, 0.6, 0.4, 0.7, 0.2, 0.5];

  it("counts [tn, fp, fn, tp] at a threshold, as worked out by hand", () => {
    // >= 0.5 predicts positive: rows 0, 1, 3, 5. tp = rows 0, 3; fp = rows 1, 5; fn = row 2; tn = row 4.
    expect(Array.from(confusionAtThreshold(positive, scores, 0.5).counts)).toEqual([1, 2, 1, 2]);
    expect(Array.from(confusionAtThreshold(positive, scores, 0.95).counts)).toEqual([3, 0, 3, 0]);
    expect(Array.from(confusionAtThreshold(positive, scores, 0).counts)).toEqual([0, 3, 0, 3]);
  });

  it("sweeps thresholds 0..1 with the same counts and rates", () => {
    const sweep = thresholdSweep(positive, scores, 10);
    expect(sweep.thresholds).toHaveLength(11);
    expect(sweep.thresholds[5]).toBe(0.5);
    expect([sweep.tn[5], sweep.fp[5], sweep.fn[5], sweep.tp[5]]).toEqual([1, 2, 1, 2]);
    expect(sweep.precision[5]).toBeCloseTo(0.5, 12);
    expect(sweep.recall[5]).toBeCloseTo(2 / 3, 12);
    expect(sweep.f1[5]).toBeCloseTo(4 / 7, 12);
    expect(sweep.accuracy[5]).toBeCloseTo(0.5, 12);
    expect(sweep.tp[0] + sweep.fn[0]).toBe(3);
    expect(Number.isNaN(sweep.precision[10])).toBe(true);
  });
});

describe("evaluateModel", () => {
  it("gives a multiclass model's metrics, confusion matrix and one-vs-rest curves", () => {
    const ev = evaluateModel(irisRun.predictions.logistic!);
    expect(ev.oof.task).toBe("multiclass");
    if (ev.oof.task === "regression") throw new Error("unreachable");
    expect(ev.oof.rows).toBe(120);
    expect(ev.oof.confusion.counts.reduce((a, b) => a + b, 0)).toBe(120);
    expect(ev.oof.metrics.accuracy).toBeCloseTo(irisRun.entries[0].metrics.accuracy!, 12);
    expect(ev.oof.curves.map((c) => c.class)).toEqual(["setosa", "versicolor", "virginica"]);
    expect(ev.oof.curves[0].auc).toBeGreaterThan(0.99);
    expect(ev.oof.thresholdSweep).toBeNull();
    expect(ev.test?.rows).toBe(30);
  });

  it("gives a binary model a positive class, one set of curves and a threshold sweep", () => {
    const ev = evaluateModel(signalRun.predictions.logistic!);
    if (ev.oof.task === "regression") throw new Error("unreachable");
    expect(ev.oof.positiveClass).toBe("yes");
    expect(ev.oof.curves).toHaveLength(1);
    expect(ev.oof.curves[0].auc).toBeCloseTo(ev.oof.metrics.roc_auc!, 12);
    const sweep = ev.oof.thresholdSweep!;
    expect(sweep.thresholds).toHaveLength(101);
    const at = sweep.tn[50] + sweep.fp[50] + sweep.fn[50] + sweep.tp[50];
    expect(at).toBe(ev.oof.rows);
    expect(ev.oof.curves[0].calibration.count.reduce((a, b) => a + b, 0)).toBe(ev.oof.rows);
  });

  it("gives a regression model sampled points, residuals and their histogram", async () => {
    const run = await runLadder(regressionFrame(), {
      target: "y",
      models: ["linear"],
      folds: 3,
      testSize: 0,
    });
    const ev = evaluateModel(run.predictions.linear!, { maxScatterPoints: 50 });
    if (ev.oof.task !== "regression") throw new Error("unreachable");
    expect(ev.test).toBeNull();
    expect(ev.oof.plots.actual).toHaveLength(50);
    expect(ev.oof.plots.residuals.residual[0]).toBeCloseTo(
      ev.oof.plots.actual[0] - ev.oof.plots.predicted[0],
      12,
    );
    expect(ev.oof.plots.residualHistogram.counts.reduce((a, b) => a + b, 0)).toBe(200);
    expect(ev.oof.metrics.r2).toBeGreaterThan(0.95);
  });
});

describe("learningCurve", () => {
  it("scores 5 training sizes over 3 folds, the validation score rising with size", async () => {
    const curve = await learningCurve(iris, irisRun.plan, "logistic");
    expect(curve.fractions).toHaveLength(5);
    expect(curve.sizes[0]).toBeLessThan(curve.sizes[4]);
    expect(curve.sizes[4]).toBe(80);
    expect(curve.validationMean.every(Number.isFinite)).toBe(true);
    expect(curve.trainMean.every(Number.isFinite)).toBe(true);
    expect(curve.validationMean[4]).toBeGreaterThan(0.9);
    expect(curve.validationMean[4]).toBeGreaterThanOrEqual(curve.validationMean[0]);
    const again = await learningCurve(iris, irisRun.plan, "logistic");
    expect(again).toEqual(curve);
  });
});

describe("permutationImportance", () => {
  it("finds the one informative column on the test part", async () => {
    const imp = await permutationImportance(signal, signalRun.plan, "logistic", { repeats: 3 });
    expect(imp.part).toBe("test");
    expect(imp.metric).toBe("roc_auc");
    expect(imp.columns.map((c) => c.column).sort()).toEqual(["colour", "noise_a", "reading", "signal"]);
    expect(imp.columns[0].column).toBe("signal");
    expect(imp.columns[0].mean).toBeGreaterThan(0.2);
    for (const c of imp.columns.slice(1)) expect(Math.abs(c.mean)).toBeLessThan(0.05);
  });

  it("works out of fold without a test part", async () => {
    const run = await runLadder(signal, { target: "label", models: ["naive_bayes"], folds: 3, testSize: 0 });
    const imp = await permutationImportance(signal, run.plan, "naive_bayes", { repeats: 2 });
    expect(imp.part).toBe("oof");
    expect(imp.columns[0].column).toBe("signal");
  });
});

describe("modelInsights", () => {
  it("gives a decision tree's importances and structure, and nothing for logistic regression", async () => {
    const run = await runLadder(signal, { target: "label", models: ["decision_tree"], folds: 3 });
    const insights = modelInsights(loadPipeline(run.pipeline), { maxDepth: 2 });
    const total = insights.featureImportances!.reduce((s, f) => s + f.importance, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(insights.featureImportances![0].feature).toBe("signal");
    expect(insights.tree?.feature).toBe("signal");
    expect(insights.tree?.children).toHaveLength(2);
    const none = modelInsights(loadPipeline(signalRun.pipeline));
    expect(none).toEqual({ featureImportances: null, tree: null });
  });
});
