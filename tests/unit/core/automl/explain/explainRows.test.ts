import { beforeAll, describe, expect, it } from "vitest";
import type { LoadedPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import { predictRows } from "../../../../../src/core/automl/artifact/predictRows.ts";
import { type Explanation, explainRows } from "../../../../../src/core/automl/explain/explainRows.ts";
import { featureSources } from "../../../../../src/core/automl/explain/featureSources.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import type { Task } from "../../../../../src/core/models/estimator.ts";
import type { ModelId } from "../../../../../src/core/models/registry.ts";
import type { Recipe } from "../../../../../src/core/prep/step.ts";
import { fixture, pipelineOf } from "./pipelineOf.ts";

const ROWS = [0, 3, 17, 150, 300];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** base + contributions = output, and output is what predict says (after the sigmoid for log-odds). */
function expectLocalAccuracy(e: Explanation, pipeline: LoadedPipeline, frame: Frame, tol: number) {
  const pred = predictRows(pipeline, frame);
  for (const r of e.rows) {
    const sum = r.contributions.reduce((s, v) => s + v, r.base);
    expect(Math.abs(sum - r.output)).toBeLessThan(tol);
    if (pipeline.artifact.task === "regression") {
      expect(r.output).toBeCloseTo((pred.predictions as number[])[r.row], 9);
    } else {
      const p = pred.proba!.get(r.class!)![r.row];
      expect(
        e.output === "log_odds" && pipeline.artifact.task === "binary"
          ? sigmoid(r.output)
          : e.output === "log_odds"
            ? p
            : r.output,
      ).toBeCloseTo(p, 9);
    }
  }
}

const FAMILIES: [ModelId, Explanation["method"]][] = [
  ["baseline", "sampling"],
  ["logistic", "linear"],
  ["naive_bayes", "sampling"],
  ["knn", "sampling"],
  ["decision_tree", "tree"],
  ["random_forest", "tree"],
  ["extra_trees", "tree"],
  ["gbdt", "tree"],
  ["mlp", "sampling"],
];

describe("explainRows: local accuracy on every family", () => {
  let penguins: Frame;
  let diabetes: Frame;
  beforeAll(async () => {
    penguins = await fixture("penguins.csv");
    diabetes = await fixture("diabetes.csv");
  });

  const small = { n_estimators: 20, max_iter: 30, max_epochs: 20 };
  const paramsOf = (_id: ModelId) => small;

  for (const [id, method] of FAMILIES) {
    it(`${id}: binary (penguins sex), base + contributions = output, per raw column`, async () => {
      const pipeline = await pipelineOf(penguins, "sex", "binary", [id], paramsOf(id));
      const e = explainRows(pipeline, penguins, ROWS, { seed: 1, pairsPerBackground: 1 });
      expect(e.method).toBe(method);
      expect(e.columns).toEqual(pipeline.artifact.inputs.map((i) => i.name));
      expect(e.columns).toContain("island");
      expect(e.rows.every((r) => r.class === pipeline.recipe.classes![1])).toBe(true);
      expectLocalAccuracy(e, pipeline, penguins, 1e-9);
    });
  }

  for (const id of ["linear", "lasso", "gbdt", "random_forest", "knn"] as ModelId[]) {
    it(`${id}: regression (diabetes), in the target's units`, async () => {
      const pipeline = await pipelineOf(diabetes, "target", "regression", [id], paramsOf(id));
      const e = explainRows(pipeline, diabetes, ROWS, { seed: 1, pairsPerBackground: 1 });
      expect(e.output).toBe("value");
      expectLocalAccuracy(e, pipeline, diabetes, 1e-9);
    });
  }

  for (const id of ["gbdt", "logistic", "random_forest", "naive_bayes"] as ModelId[]) {
    it(`${id}: multiclass (penguins species), each row's predicted class`, async () => {
      const pipeline = await pipelineOf(penguins, "species", "multiclass" as Task, [id], paramsOf(id));
      const e = explainRows(pipeline, penguins, ROWS, { seed: 1, pairsPerBackground: 1 });
      const pred = predictRows(pipeline, penguins);
      for (const r of e.rows) expect(r.class).toBe((pred.predictions as string[])[r.row]);
      expect(new Set(e.rows.map((r) => r.class)).size).toBeGreaterThan(1);
      expectLocalAccuracy(e, pipeline, penguins, 1e-9);
    });
  }

  it("an ensemble is explained by sampling, in probability, with local accuracy", async () => {
    const pipeline = await pipelineOf(penguins, "sex", "binary", ["logistic", "gbdt"], { max_iter: 20 });
    const e = explainRows(pipeline, penguins, ROWS, { seed: 1, pairsPerBackground: 1 });
    expect(e.method).toBe("sampling");
    expect(e.output).toBe("probability");
    expectLocalAccuracy(e, pipeline, penguins, 1e-9);
  });

  it("splits an engineered feature of two columns equally between them, exactly", async () => {
    // A product bmi * bp made before the rest of the recipe: its contribution is shared.
    const withPair = (r: Recipe): Recipe => ({
      ...r,
      steps: [
        {
          id: "pairs_1",
          type: "pairs",
          enabled: true,
          columns: ["bmi", "bp"],
          params: { ops: ["product"], left: ["bmi"], right: ["bp"] },
        },
        ...r.steps,
      ],
    });
    for (const id of ["gbdt", "linear"] as ModelId[]) {
      const pipeline = await pipelineOf(diabetes, "target", "regression", [id], { max_iter: 30 }, withPair);
      const product = pipeline.recipe.features.findIndex((f) => f.includes("bmi") && f.includes("bp"));
      expect(product).toBeGreaterThanOrEqual(0);
      const sources = featureSources(pipeline.recipe, diabetes, [0, 10, 20, 30, 40, 50, 60, 70]);
      expect(sources.of[product].map((c) => sources.columns[c]).sort()).toEqual(["bmi", "bp"]);
      expect(sources.columns).toEqual(pipeline.artifact.inputs.map((i) => i.name));
      const e = explainRows(pipeline, diabetes, ROWS, { seed: 1 });
      expectLocalAccuracy(e, pipeline, diabetes, 1e-9);
    }
  });

  it("refuses a row out of range with one sentence", async () => {
    const pipeline = await pipelineOf(penguins, "sex", "binary", ["logistic"]);
    expect(() => explainRows(pipeline, penguins, [penguins.rows])).toThrow(
      /row 344 is out of range: the data has 344 rows/,
    );
  });
});
