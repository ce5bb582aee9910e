import { describe, expect, it } from "vitest";
import type { Estimator, Matrix, Target, Task } from "../../../../src/core/models/estimator.ts";
import { MODELS, type ModelSpec, modelFromJSON } from "../../../../src/core/models/registry.ts";
import { synthetic } from "./datasets.ts";

// One shared contract test over every registered model and every task it declares (DESIGN.md,
// "Contracts"). A new model gets these checks by being added to MODELS.

const cases = MODELS.flatMap((spec) => spec.tasks.map((task) => ({ id: spec.id, task, spec })));

function errorName(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return (err as Error).name;
  }
  return undefined;
}

async function rejection(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return (err as Error).name;
  }
  return undefined;
}

/** Same rows, other targets: labels shifted by one class (the majority changes), regression negated. */
function otherTarget(y: Target): Target {
  if (!y.classes) return { values: y.values.map((v) => 50 - 3 * v) };
  const k = y.classes.length;
  return { values: y.values.map((v) => (v + 1) % k), classes: y.classes };
}

function isClassification(task: Task): boolean {
  return task !== "regression";
}

/** predictProba when the task has probabilities (a model for both tasks may refuse it for regression). */
function probaOf(model: Estimator, task: Task, X: Matrix): Float64Array | undefined {
  return isClassification(task) && model.predictProba ? model.predictProba(X) : undefined;
}

async function fitted(spec: ModelSpec, task: Task, X: Matrix, y: Target): Promise<Estimator> {
  return spec.create(undefined, task).fit(X, y, { seed: 3 });
}

describe.each(cases)("$id ($task)", ({ spec, task }) => {
  const { X, y } = synthetic(task, 60, 11);
  const { X: Xtest } = synthetic(task, 25, 12);

  it("fit returns this, and predictions have one valid value per row", async () => {
    const model = spec.create(undefined, task);
    expect(await model.fit(X, y, { seed: 3 })).toBe(model);
    const pred = model.predict(Xtest);
    expect(pred).toBeInstanceOf(Float64Array);
    expect(pred).toHaveLength(Xtest.rows);
    for (const v of pred) {
      expect(Number.isFinite(v)).toBe(true);
      if (isClassification(task)) expect(y.classes!.map((_, c) => c)).toContain(v);
    }
  });

  it.runIf(isClassification(task))(
    "predictProba gives rows x classes probabilities summing to 1",
    async () => {
      const model = await fitted(spec, task, X, y);
      const k = y.classes!.length;
      const proba = model.predictProba!(Xtest);
      expect(proba).toHaveLength(Xtest.rows * k);
      for (let r = 0; r < Xtest.rows; r++) {
        let sum = 0;
        for (let c = 0; c < k; c++) {
          expect(proba[r * k + c]).toBeGreaterThanOrEqual(0);
          sum += proba[r * k + c];
        }
        expect(sum).toBeCloseTo(1, 9);
      }
    },
  );

  it("throws NotFittedError before fit", () => {
    const model = spec.create(undefined, task);
    expect(errorName(() => model.predict(Xtest))).toBe("NotFittedError");
    if (isClassification(task)) expect(errorName(() => model.predictProba!(Xtest))).toBe("NotFittedError");
  });

  it("replaces its state on refit instead of accumulating", async () => {
    const yB = otherTarget(y);
    const refit = await fitted(spec, task, X, y);
    const before = refit.predict(Xtest);
    await refit.fit(X, yB, { seed: 3 });
    const fresh = await fitted(spec, task, X, yB);
    expect(refit.predict(Xtest)).toEqual(fresh.predict(Xtest));
    expect(refit.predict(Xtest)).not.toEqual(before);
    expect(probaOf(refit, task, Xtest)).toEqual(probaOf(fresh, task, Xtest));
  });

  it("round-trips through JSON and predicts exactly the same", async () => {
    const model = await fitted(spec, task, X, y);
    const artifact = JSON.parse(JSON.stringify(model.toJSON()));
    expect(artifact.type).toBe(spec.artifactType ?? spec.id);
    expect(artifact.version).toBeTypeOf("number");
    for (const restored of [spec.fromJSON(artifact), modelFromJSON(artifact)]) {
      expect(restored.predict(Xtest)).toEqual(model.predict(Xtest));
      expect(probaOf(restored, task, Xtest)).toEqual(probaOf(model, task, Xtest));
    }
  });

  it("rejects an artifact with a wrong type tag or version", async () => {
    const artifact = JSON.parse(JSON.stringify((await fitted(spec, task, X, y)).toJSON()));
    expect(errorName(() => spec.fromJSON({ ...artifact, type: "not_a_model" }))).toBe("ValidationError");
    expect(errorName(() => spec.fromJSON({ ...artifact, version: artifact.version + 100 }))).toBe(
      "ValidationError",
    );
  });

  it("rejects mismatched shapes with ValidationError", async () => {
    const short: Target = { ...y, values: y.values.subarray(0, X.rows - 1) };
    expect(await rejection(spec.create(undefined, task).fit(X, short))).toBe("ValidationError");
    const ragged: Matrix = { ...X, data: X.data.subarray(0, X.data.length - 1) };
    expect(await rejection(spec.create(undefined, task).fit(ragged, y))).toBe("ValidationError");
  });

  it.runIf(spec.usesTfjs === true)("leaks no tensors", async () => {
    const tf = await import("@tensorflow/tfjs");
    const start = tf.memory().numTensors;
    const model = await fitted(spec, task, X, y);
    const afterFit = tf.memory().numTensors;
    model.predict(Xtest);
    probaOf(model, task, Xtest);
    spec.fromJSON(JSON.parse(JSON.stringify(model.toJSON()))).predict(Xtest);
    // Predicting and restoring must not leave tensors behind; the fitted model may hold its own.
    const disposable = model as Estimator & { dispose?: () => void };
    if (disposable.dispose) {
      disposable.dispose();
      expect(tf.memory().numTensors).toBe(start);
    } else {
      expect(tf.memory().numTensors).toBe(afterFit);
    }
  });
});
