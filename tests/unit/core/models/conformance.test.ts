import { describe, expect, it } from "vitest";
import { CAPABILITY_METHODS, type Capability } from "../../../../src/core/models/capabilities.ts";
import { MODEL_CATALOGUE } from "../../../../src/core/models/catalogue.ts";
import type { Estimator, Matrix, Target, Task } from "../../../../src/core/models/estimator.ts";
import {
  capability,
  fitNow,
  MODELS,
  type ModelSpec,
  modelFromJSON,
} from "../../../../src/core/models/registry.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { synthetic } from "./datasets.ts";

// One shared contract test over every registered model and every task it declares (DESIGN.md,
// "Contracts"). A new model gets these checks by being added to MODELS. Damaged artifacts are
// checked in stateDamage.test.ts, over the same models.

const cases = MODELS.flatMap((spec) => spec.tasks.map((task) => ({ id: spec.id, task, spec })));

/** The error a call ends with, thrown at once or as a rejected promise. */
async function failure(fn: () => unknown): Promise<Error | undefined> {
  try {
    await fn();
  } catch (err) {
    return err as Error;
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

async function fitted(spec: ModelSpec, task: Task, X: Matrix, y: Target, seed = 3): Promise<Estimator> {
  return spec.create(undefined, task).fit(X, y, { seed });
}

describe("the model catalogue", () => {
  it("lists every registered model, in registry order, as plain data (and a label function)", () => {
    expect(MODEL_CATALOGUE.map((m) => m.id)).toEqual(MODELS.map((m) => m.id));
    for (const { labelFor, ...data } of MODEL_CATALOGUE) {
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
      if (labelFor) expect(labelFor).toBeTypeOf("function");
    }
  });
});

describe.each(cases)("$id ($task)", ({ spec, task }) => {
  const { X, y } = synthetic(task, 60, 11);
  const { X: Xtest } = synthetic(task, 25, 12);

  it("fit returns this (at once unless the family declares asyncFit), and one valid prediction per row", async () => {
    const model = spec.create(undefined, task);
    const result = model.fit(X, y, { seed: 3 });
    if (spec.asyncFit) expect(result).toBeInstanceOf(Promise);
    else expect(result).toBe(model);
    expect(await result).toBe(model);
    const now = spec.create(undefined, task);
    if (spec.asyncFit) expect((await failure(() => fitNow(now, X, y)))?.name).toBe("ValidationError");
    else expect(fitNow(now, X, y, { seed: 3 }).predict(Xtest)).toEqual(model.predict(Xtest));
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

  it("throws NotFittedError from predict, predictProba and toJSON before fit", async () => {
    const model = spec.create(undefined, task);
    expect((await failure(() => model.predict(Xtest)))?.name).toBe("NotFittedError");
    if (isClassification(task))
      expect((await failure(() => model.predictProba!(Xtest)))?.name).toBe("NotFittedError");
    expect((await failure(() => model.toJSON()))?.name).toBe("NotFittedError");
    expect((await failure(() => model.fittedShape()))?.name).toBe("NotFittedError");
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

  it("gives identical predictions for the same seed", async () => {
    const [a, b] = [await fitted(spec, task, X, y, 5), await fitted(spec, task, X, y, 5)];
    expect(a.predict(Xtest)).toEqual(b.predict(Xtest));
    expect(probaOf(a, task, Xtest)).toEqual(probaOf(b, task, Xtest));
    expect(a.toJSON()).toEqual(b.toJSON());
  });

  it("round-trips through JSON, predicting exactly the same and saving the same artifact", async () => {
    const model = await fitted(spec, task, X, y);
    const text = JSON.stringify(model.toJSON());
    const artifact = JSON.parse(text);
    expect(artifact.type).toBe(spec.artifactType ?? spec.id);
    expect(Number.isInteger(artifact.version)).toBe(true);
    for (const restored of [spec.fromJSON(artifact), modelFromJSON(JSON.parse(text))]) {
      expect(restored.type).toBe(model.type);
      expect(restored.params).toEqual(model.params);
      expect(restored.predict(Xtest)).toEqual(model.predict(Xtest));
      expect(probaOf(restored, task, Xtest)).toEqual(probaOf(model, task, Xtest));
      expect(JSON.stringify(restored.toJSON())).toBe(text);
      expect(restored.fittedShape()).toEqual({ features: X.cols, classes: y.classes?.length ?? 0 });
    }
  });

  it("refuses a wrong type tag, and a newer version with a sentence naming both versions", async () => {
    const artifact = JSON.parse(JSON.stringify((await fitted(spec, task, X, y)).toJSON()));
    const tag = await failure(() => spec.fromJSON({ ...artifact, type: "not_a_model" }));
    expect(tag).toMatchObject({
      name: "ValidationError",
      message: `not a ${artifact.type} artifact: its type is "not_a_model"`,
    });
    const newer = await failure(() => spec.fromJSON({ ...artifact, version: artifact.version + 1 }));
    expect(newer).toMatchObject({
      name: "ValidationError",
      message: `${artifact.type}: made by a newer version of the app (state version ${artifact.version + 1}, this app reads up to ${artifact.version})`,
    });
    for (const version of [0, -1, 1.5, "1", null]) {
      const err = await failure(() => spec.fromJSON({ ...artifact, version }));
      expect(err?.name).toBe("ValidationError");
      expect(err?.message).toMatch(
        new RegExp(
          `^${artifact.type}: version: expected a state version from 1 to ${artifact.version}, got `,
        ),
      );
    }
  });

  it("refuses mismatched shapes with ValidationError", async () => {
    const short: Target = { ...y, values: y.values.subarray(0, X.rows - 1) };
    expect((await failure(() => spec.create(undefined, task).fit(X, short)))?.name).toBe("ValidationError");
    const ragged: Matrix = { ...X, data: X.data.subarray(0, X.data.length - 1) };
    expect((await failure(() => spec.create(undefined, task).fit(ragged, y)))?.name).toBe("ValidationError");
  });

  it("stops with AbortError for a signal aborted before fit", async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await failure(() => spec.create(undefined, task).fit(X, y, { signal: controller.signal }));
    expect(err?.name).toBe("AbortError");
  });

  it("stops with AbortError when aborted at its first progress report short of the end", async () => {
    // Event-based: the abort happens inside the model's own report, so no timing is involved.
    // Models that report only when done (or never) have no boundary to stop at and pass trivially.
    const controller = new AbortController();
    let first: Progress | undefined;
    const onProgress = (p: Progress) => {
      first ??= p;
      controller.abort();
    };
    const err = await failure(() =>
      spec.create(undefined, task).fit(X, y, { seed: 3, signal: controller.signal, onProgress }),
    );
    if (first && first.done < first.total) expect(err?.name).toBe("AbortError");
    else expect(err).toBeUndefined();
  });

  it("implements exactly the capabilities its meta declares", async () => {
    const model = await fitted(spec, task, X, y);
    const declared = spec.capabilities ?? {};
    for (const [name, method] of Object.entries(CAPABILITY_METHODS) as [Capability, string][]) {
      const has = typeof (model as unknown as Record<string, unknown>)[method] === "function";
      expect(has, `${spec.id}.${method}`).toBe(declared[name] !== undefined);
      expect(capability(model, name) === model).toBe(declared[name] !== undefined);
    }
    const imp = capability(model, "featureImportances")?.featureImportances();
    if (imp) {
      expect(imp.kind).toBe(declared.featureImportances);
      expect(imp.values).toHaveLength(X.cols);
      for (const v of imp.values) expect(v).toBeGreaterThanOrEqual(0);
      if (imp.names) expect(imp.names).toEqual(X.names);
    }
    const staged = capability(model, "staged");
    if (staged) {
      const stages = [...staged.stagedDecisionFunction(Xtest)];
      expect(stages.length).toBeGreaterThan(0);
      const gbdt = model as Estimator & { decisionFunction(X: Matrix): Float64Array };
      expect(stages.at(-1)).toEqual(gbdt.decisionFunction(Xtest));
    }
    const view = capability(model, "treeEnsemble")?.treeEnsemble();
    if (view) expect(view.trees.length).toBeGreaterThan(0);
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
