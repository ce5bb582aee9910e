import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import { evaluateModel } from "../../../../../src/core/automl/evaluation/evaluateModel.ts";
import { modelInsights } from "../../../../../src/core/automl/evaluation/modelInsights.ts";
import { planLadder } from "../../../../../src/core/automl/ladder/ladderPlan.ts";
import { runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { detectTask } from "../../../../../src/core/framing/detectTask.ts";
import { fixtureFrame } from "./helpers.ts";

// credit_data: Status is "good" for 3,200 rows and "bad" for 1,254; "bad" is the case to detect.
describe("the positive class of a binary target", () => {
  it("is proposed as the conventional / rarer label and put last in the run's classes", async () => {
    const credit = await fixtureFrame("credit_data.csv");
    const d = detectTask(credit, "Status");
    expect(d.classes).toEqual(["bad", "good"]);
    expect(d.positiveClass).toBe("bad");
    expect(d.positiveWhy).toBe("named");
    const proposed = planLadder(credit, { target: "Status", folds: 3, seed: 0 });
    expect(proposed.classes).toEqual(["good", "bad"]);
    const chosen = planLadder(credit, { target: "Status", folds: 3, seed: 0, positiveClass: "good" });
    expect(chosen.classes).toEqual(["bad", "good"]);
    // The choice renames class 1; it never moves rows between the test part and the folds.
    expect(Array.from(chosen.test)).toEqual(Array.from(proposed.test));
    expect(chosen.folds.map((f) => Array.from(f.test))).toEqual(
      proposed.folds.map((f) => Array.from(f.test)),
    );
    expect(() => planLadder(credit, { target: "Status", positiveClass: "Good" })).toThrowError(
      /positive class "Good" is not one of the target's classes \(bad, good\)/,
    );
  });

  it("decides what the PR curve, its area and the threshold are about", async () => {
    const credit = await fixtureFrame("credit_data.csv");
    const run = (positiveClass?: string) =>
      runLadder(credit, { target: "Status", models: ["logistic"], folds: 3, seed: 0, positiveClass });
    const bad = await run();
    const good = await run("good");
    const scores = (r: typeof bad) => r.entries[0].metrics as Record<string, number>;
    // Symmetric scores agree; the precision-recall area is of another class (and a rarer class's is lower).
    expect(scores(good).accuracy).toBeCloseTo(scores(bad).accuracy, 12);
    expect(scores(good).roc_auc).toBeCloseTo(scores(bad).roc_auc, 12);
    expect(scores(bad).pr_auc).toBeLessThan(scores(good).pr_auc - 0.1);
    const badPred = bad.predictions.logistic!;
    expect(badPred.classes).toEqual(["good", "bad"]);
    const evaluation = evaluateModel(badPred);
    expect(evaluation.oof.task === "binary" && evaluation.oof.positiveClass).toBe("bad");
    expect(evaluation.oof.task === "binary" && evaluation.oof.curves[0].class).toBe("bad");
    // A tree's node shares stay in the model's own class order, and say so.
    const tree = await runLadder(credit, { target: "Status", models: ["decision_tree"], folds: 3, seed: 0 });
    const insights = modelInsights(loadPipeline(tree.pipeline!), { maxDepth: 1 });
    expect(insights.treeClasses).toEqual(["bad", "good"]);
    const root = insights.tree!.value;
    // The training part is 72% "good": the share at index 1 of the tree's own order.
    expect(root[1]).toBeCloseTo(0.718, 2);
    // Class 1 of the out-of-fold truth is "bad": 1,254 of the 4,454 rows minus the 20% test part.
    const ones = badPred.oof.yTrue.reduce((s, v) => s + (v === 1 ? 1 : 0), 0);
    expect(ones / badPred.oof.yTrue.length).toBeCloseTo(1254 / 4454, 2);
  });
});
