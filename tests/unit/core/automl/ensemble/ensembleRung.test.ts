import { beforeAll, describe, expect, it } from "vitest";
import { loadPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import type {
  EnsemblePipelineArtifact,
  PipelineArtifact,
} from "../../../../../src/core/automl/artifact/pipelineArtifact.ts";
import { predictFrame } from "../../../../../src/core/automl/artifact/predictFrame.ts";
import { predictRows } from "../../../../../src/core/automl/artifact/predictRows.ts";
import { ensembleEntry } from "../../../../../src/core/automl/ensemble/ensembleEntry.ts";
import { blend, greedySelection } from "../../../../../src/core/automl/ensemble/greedySelection.ts";
import { permutationImportance } from "../../../../../src/core/automl/evaluation/permutationImportance.ts";
import { scoreMetric } from "../../../../../src/core/automl/evaluation/scoreMetrics.ts";
import { blendWeights } from "../../../../../src/core/automl/ladder/leaderboard.ts";
import { type LadderResult, memberIds, runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { takeFrameRows } from "../../../../../src/core/prep/columns.ts";
import { fixtureFrame, regressionFrame, signalFrame } from "../ladder/helpers.ts";

const MODELS = ["baseline", "logistic", "naive_bayes", "decision_tree"];
let signal: Frame;
let run: LadderResult;
let file: PipelineArtifact | null = null;

beforeAll(async () => {
  signal = signalFrame(400);
  run = await runLadder(signal, {
    target: "label",
    models: MODELS,
    folds: 4,
    seed: 0,
    onResult: (entry, _p, pipeline) => {
      if (entry.model === "ensemble") file = pipeline ?? null;
    },
  });
});

describe("the ensemble rung", () => {
  it("comes after the models, with weights that sum to 1 and honest per-fold scores", () => {
    const entry = run.entries.at(-1)!;
    expect(run.entries.map((e) => e.model)).toEqual([...MODELS, "ensemble"]);
    const weights = blendWeights(entry) as Record<string, number>;
    expect(entry.params).toEqual({});
    expect(entry.ensemble?.members).toEqual(Object.keys(weights));
    // Every model but the constant baseline is a candidate.
    expect(entry.ensemble?.candidates).toBe(MODELS.length - 1);
    expect(entry.ensemble?.members).not.toContain("baseline");
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(Object.values(weights).every((w) => w > 0)).toBe(true);
    expect(entry.fold_scores).toHaveLength(4);
    expect(Number.isNaN(entry.train_mean)).toBe(true);
    expect(entry.test_metrics.log_loss).toBeGreaterThan(0);
    // The ensemble's out-of-fold rows are the models'.
    expect(Array.from(run.predictions.ensemble!.oof.rows)).toEqual(
      Array.from(run.predictions.logistic!.oof.rows),
    );
  });

  it("predicts from its file exactly what the ladder scored on the test part", () => {
    // With a test part every member was refitted, so the ladder hands over the ensemble's file.
    const artifact = JSON.parse(JSON.stringify(file)) as EnsemblePipelineArtifact;
    expect(artifact.model_id).toBe("ensemble");
    expect(artifact.members.map((m) => m.model_id)).toEqual(memberIds(run.entries.at(-1)!));
    const loaded = loadPipeline(artifact);
    const test = run.predictions.ensemble!.test!;
    const out = predictFrame(loaded, takeFrameRows(signal, test.rows));
    expect(Array.from(out.predictions)).toEqual(Array.from(test.predicted));
    for (let i = 0; i < out.proba!.length; i++) expect(out.proba![i]).toBeCloseTo(test.proba![i], 12);
    const rows = predictRows(artifact, takeFrameRows(signal, test.rows));
    expect(rows.predictions.slice(0, 3)).toEqual(
      Array.from(test.predicted.slice(0, 3), (c) => ["no", "yes"][c]),
    );
    expect([...rows.proba!.keys()]).toEqual(["no", "yes"]);
  });

  it("scores permutation importance of the blend as a whole", async () => {
    const pi = await permutationImportance(signal, run.plan, "ensemble", {
      pipeline: loadPipeline(file),
      weights: blendWeights(run.entries.at(-1)!),
      repeats: 2,
    });
    expect(pi.part).toBe("test");
    expect(pi.columns[0].column).toBe("signal");
    expect(pi.columns[0].mean).toBeGreaterThan(0.1);
  });

  it("chooses each fold's weights without that fold's rows", () => {
    const members = run.entries
      .filter((e) => e.model !== "ensemble")
      .map((e) => ({ entry: e, predictions: run.predictions[e.model]! }));
    // Spoil naive Bayes on fold 0's rows only: a perfect answer there, its own elsewhere. Weights
    // chosen without fold 0 see only its ordinary self, so fold 0 is blended with the weights the
    // unspoiled members get from the other folds' rows.
    const spoiled = structuredClone(members[2]);
    const fold0 = new Set(run.plan.folds[0].test);
    const oof = spoiled.predictions.oof;
    for (let i = 0; i < oof.rows.length; i++) {
      if (!fold0.has(oof.rows[i])) continue;
      oof.proba![i * 2] = oof.yTrue[i] === 1 ? 0 : 1;
      oof.proba![i * 2 + 1] = oof.yTrue[i] === 1 ? 1 : 0;
    }
    const control = ensembleEntry(run.plan, members.slice(0, 3))!;
    const out = ensembleEntry(run.plan, [members[0], members[1], spoiled])!;
    // Choosing on every row (the final weights) does see the perfect fold, and takes the bait ...
    expect(out.weights.naive_bayes).toBeGreaterThan(control.weights.naive_bayes ?? 0);
    // ... yet fold 0's score comes from weights chosen without it: greedy selection on the other
    // folds' rows of the unspoiled members, applied to fold 0's rows of the spoiled ones.
    const used = [members[1], members[2]].map((m) => m.predictions.oof);
    const rows = used[0].rows;
    const inFold0 = Array.from(rows.keys()).filter((i) => fold0.has(rows[i]));
    const others = Int32Array.from(Array.from(rows.keys()).filter((i) => !fold0.has(rows[i])));
    const y = used[0].yTrue;
    const w = greedySelection(
      used,
      Float64Array.from(others, (i) => y[i]),
      others,
      run.plan.metric,
      2,
    );
    const at = Int32Array.from(inFold0);
    const fold0Blend = blend([used[0], spoiled.predictions.oof], w.weights, at, 2);
    const expected = scoreMetric(run.plan.metric, {
      yTrue: Float64Array.from(at, (i) => y[i]),
      yPred: fold0Blend.predicted,
      proba: fold0Blend.proba,
      nClasses: 2,
    });
    expect(out.entry.fold_scores[0]).toBe(expected);
    expect(out.entry.fold_scores[0]).toBeLessThan(0.99);
  });

  it("is left out for one model, time-ordered plans, or when asked", async () => {
    const one = await runLadder(signal, { target: "label", models: ["logistic"], folds: 3 });
    expect(one.entries.map((e) => e.model)).toEqual(["logistic"]);
    const off = await runLadder(signal, { target: "label", models: MODELS, folds: 3, ensemble: false });
    expect(off.entries.map((e) => e.model)).toEqual(MODELS);
    const timed = await runLadder(regressionFrame(), {
      target: "y",
      models: ["baseline", "linear"],
      folds: 3,
      split: { type: "temporal", column: "day" },
    });
    expect(timed.entries.map((e) => e.model)).toEqual(["baseline", "linear"]);
  });

  it("blends regression values and refits its members when there is no test part", async () => {
    const iris = await fixtureFrame("iris.csv");
    const res = await runLadder(iris, {
      target: "petal width (cm)",
      models: ["baseline", "linear", "decision_tree"],
      folds: 3,
      testSize: 0,
      metric: "rmse",
    });
    const ens = res.entries.at(-1)!;
    expect(ens.model).toBe("ensemble");
    const p = res.predictions.ensemble!;
    const ids = ["baseline", "linear", "decision_tree"] as const;
    const w = blendWeights(ens);
    // Its out-of-fold values lie within the members' range, row by row.
    for (let i = 0; i < p.oof.rows.length; i += 17) {
      const vals = ids.map((id) => res.predictions[id]!.oof.predicted[i]);
      expect(p.oof.predicted[i]).toBeGreaterThanOrEqual(Math.min(...vals) - 1e-9);
      expect(p.oof.predicted[i]).toBeLessThanOrEqual(Math.max(...vals) + 1e-9);
    }
    if (res.best?.model === "ensemble") {
      const loaded = loadPipeline(res.pipeline);
      expect(loaded.members.map((m) => m.modelId)).toEqual(Object.keys(w));
    }
    const direct = blend(
      ids.map((id) => res.predictions[id]!.oof),
      ids.map((id) => w[id] ?? 0),
      Int32Array.of(0),
      0,
    );
    expect(Number.isFinite(direct.predicted[0])).toBe(true);
  });
});
