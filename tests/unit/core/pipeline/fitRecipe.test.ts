import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { applyRecipe, applyTarget } from "../../../../src/core/pipeline/applyRecipe.ts";
import { fitRecipe } from "../../../../src/core/pipeline/fitRecipe.ts";
import { previewRecipe } from "../../../../src/core/pipeline/previewRecipe.ts";
import { proposeRecipe } from "../../../../src/core/pipeline/proposeRecipe.ts";
import { recipeForModel } from "../../../../src/core/pipeline/recipeForModel.ts";
import { fittedRecipeFromJSON, fittedRecipeToJSON } from "../../../../src/core/pipeline/recipeJson.ts";
import { toMatrix } from "../../../../src/core/pipeline/toMatrix.ts";
import { takeFrameRows } from "../../../../src/core/prep/columns.ts";
import { makeSplit } from "../../../../src/core/prep/splits.ts";
import type { Recipe } from "../../../../src/core/prep/step.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { frameOf } from "../prep/helpers.ts";
import { mixedFrame } from "./mixedFrame.ts";

const frame = mixedFrame();
// The proposal plus class weights (proposed only for multiclass), so weights travel through too.
const proposed = proposeRecipe(frame, { target: "churn", task: "binary" });
const recipe = {
  ...proposed,
  steps: [
    ...proposed.steps,
    { id: "class_weights", type: "class_weights", enabled: true, columns: "auto" as const, params: {} },
  ],
};
const [fold] = makeSplit(frame, { type: "holdout", testFraction: 0.25, seed: 3, stratify: "churn" }).folds;
const train = takeFrameRows(frame, fold.train);
const test = takeFrameRows(frame, fold.test);

const column = (f: Frame, name: string) => f.columns.find((c) => c.name === name)!;
const values = (f: Frame, name: string) =>
  Array.from((column(f, name).data as { values: Float64Array }).values);

describe("fitRecipe and applyRecipe", () => {
  const fit = fitRecipe(recipe, train, { seed: 7 });

  it("fits on training rows into model-ready features, target and weights", () => {
    const { fitted } = fit;
    expect(fitted.task).toBe("binary");
    expect(fitted.classes).toEqual(["no", "yes"]);
    expect(fitted.inputs.map((i) => i.name)).not.toContain("churn");
    expect(fitted.features).toContain("color=red");
    expect(fitted.features).toContain("age_missing");
    expect(fitted.features).toContain("city_te");
    expect(fitted.features).not.toContain("row_id");
    expect(fitted.features).not.toContain("class_weight");
    const X = toMatrix(fit.frame, { names: fitted.features });
    expect(X.rows).toBe(train.rows);
    expect(Array.from(X.data).every(Number.isFinite)).toBe(true);
    expect(fit.y!.values).toHaveLength(train.rows);
    expect(fit.weights).toHaveLength(train.rows);
    expect(fit.trace.map((t) => t.id)).toEqual(recipe.steps.map((s) => s.id));
    expect(fit.trace[0].removed).toEqual(["row_id", "const", "notes"]);
  });

  it("applies the fitted states unchanged to new rows", () => {
    const out = applyRecipe(fit.fitted, test);
    const X = toMatrix(out, { names: fit.fitted.features });
    expect(X.rows).toBe(test.rows);
    expect(X.cols).toBe(fit.fitted.features.length);
    expect(Array.from(X.data).every(Number.isFinite)).toBe(true);
    // Training statistics only: the scaled "income" uses the training rows' mean and deviation.
    const income = values(train, "income")
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    const median =
      (income[Math.floor((income.length - 1) / 2)] + income[Math.ceil((income.length - 1) / 2)]) / 2;
    const raw = values(train, "income").map((v) => (Number.isNaN(v) ? median : v));
    const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
    const sd = Math.sqrt(raw.reduce((s, v) => s + (v - mean) ** 2, 0) / raw.length);
    const rawTest = values(test, "income");
    for (const [i, v] of values(out, "income").entries()) {
      expect(v).toBeCloseTo(((Number.isNaN(rawTest[i]) ? median : rawTest[i]) - mean) / sd, 9);
    }
    expect(applyTarget(fit.fitted, test).values).toHaveLength(test.rows);
  });

  it("learns every state from the training part of the fold only", () => {
    // Make the held-out rows extreme (huge incomes, all "yes"), then fit on the training part.
    const isTest = new Uint8Array(frame.rows);
    for (const i of fold.test) isTest[i] = 1;
    const wild: Frame = {
      rows: frame.rows,
      columns: frame.columns.map((c) => {
        if (c.name === "income")
          return {
            ...c,
            data: {
              type: "float",
              values: (c.data as { values: Float64Array }).values.map((v, i) => (isTest[i] ? 1e12 : v)),
            },
          };
        if (c.name === "churn" && c.data.type === "dict") {
          const yes = c.data.levels.indexOf("yes");
          return { ...c, data: { ...c.data, codes: c.data.codes.map((k, i) => (isTest[i] ? yes : k)) } };
        }
        return c;
      }),
    };
    const res = fitRecipe(recipe, takeFrameRows(wild, fold.train), { seed: 7 });
    expect(res.fitted.steps).toEqual(fit.fitted.steps);
    const state = (id: string) => res.fitted.steps.find((s) => s.id === id)!.state as never;
    const trainIncome = values(train, "income").filter((v) => !Number.isNaN(v));
    expect(
      (state("impute_numeric") as { columns: { name: string; fill: number }[] }).columns.find(
        (c) => c.name === "income",
      )!.fill,
    ).toBeLessThan(Math.max(...trainIncome));
    const yesShare = Array.from(fold.train).filter((i) => i % 8 === 0).length / fold.train.length;
    expect((state("target_encoding") as { columns: { prior: number[] }[] }).columns[0].prior[0]).toBeCloseTo(
      yesShare,
      12,
    );
    // Applied to the wild rows, the training statistics are used unchanged.
    expect(
      values(applyRecipe(res.fitted, takeFrameRows(wild, fold.test)), "income").every((v) => v > 1e6),
    ).toBe(true);
  });

  it("handles unseen categories and missing values in new rows", () => {
    const fresh = frameOf({
      age: [null, 30],
      income: [null, 2000],
      color: ["purple", null],
      city: ["atlantis", null],
      member: [null, true],
      signup: { kind: "datetime", values: [null, Date.UTC(2031, 0, 1)] },
      notes: { kind: "text", values: [null, "new"] },
      row_id: [1, 2],
      const: ["y", "x"],
    });
    const X = toMatrix(applyRecipe(fit.fitted, fresh), { names: fit.fitted.features });
    const row0 = Object.fromEntries(X.names.map((n, j) => [n, X.data[j]]));
    expect(row0.age_missing).toBe(1);
    // An unseen color gives all zeros; the missing one took the most frequent level.
    expect(["color=blue", "color=green", "color=red"].map((n) => row0[n])).toEqual([0, 0, 0]);
    expect(Array.from(X.data).every(Number.isFinite)).toBe(true);
  });

  it("names missing input columns, ignores extra ones and any column order", () => {
    const { age: _a, city: _c, ...rest } = Object.fromEntries(test.columns.map((c) => [c.name, c]));
    expect(() => applyRecipe(fit.fitted, { rows: test.rows, columns: Object.values(rest) })).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: expect.stringContaining('missing columns "age", "city"'),
      }),
    );
    const shuffled: Frame = { rows: test.rows, columns: [...test.columns].reverse() };
    shuffled.columns.push({ ...test.columns[2], name: "extra" });
    const a = toMatrix(applyRecipe(fit.fitted, test), { names: fit.fitted.features });
    const b = toMatrix(applyRecipe(fit.fitted, shuffled), { names: fit.fitted.features });
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it("round-trips through JSON to the same output", () => {
    const json = JSON.parse(JSON.stringify(fittedRecipeToJSON(fit.fitted)));
    expect(json).toMatchObject({ type: "recipe", version: 1 });
    const back = fittedRecipeFromJSON(json);
    const a = toMatrix(applyRecipe(fit.fitted, test), { names: fit.fitted.features });
    const b = toMatrix(applyRecipe(back, test), { names: back.features });
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
    expect(() => fittedRecipeFromJSON({ ...json, type: "model" })).toThrow("not a recipe artifact: model");
    expect(() => fittedRecipeFromJSON({ ...json, version: 2 })).toThrow(
      "unsupported recipe artifact version 2 (expected 1)",
    );
  });

  it("keeps non-finite numbers in states through JSON", () => {
    const r: Recipe = {
      version: 1,
      target: null,
      steps: [{ id: "o", type: "outliers", enabled: true, columns: ["empty"], params: {} }],
    };
    const f = frameOf({ empty: { kind: "numeric", values: [null, null, null] }, x: [1, 2, 3] });
    const fitted = fitRecipe(r, f).fitted;
    const back = fittedRecipeFromJSON(JSON.parse(JSON.stringify(fittedRecipeToJSON(fitted))));
    expect(back.steps[0].state).toEqual(fitted.steps[0].state);
    expect((back.steps[0].state as { columns: { lo: number }[] }).columns[0].lo).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });

  it("is deterministic per seed, reports progress and stops on abort", () => {
    const seen: Progress[] = [];
    const a = fitRecipe(recipe, train, { seed: 11, onProgress: (p) => seen.push(p) });
    const b = fitRecipe(recipe, train, { seed: 11 });
    expect(values(a.frame, "city_te")).toEqual(values(b.frame, "city_te"));
    expect(seen.at(-1)).toMatchObject({
      phase: "recipe",
      done: recipe.steps.length,
      total: recipe.steps.length,
    });
    const ac = new AbortController();
    ac.abort();
    expect(() => fitRecipe(recipe, train, { signal: ac.signal })).toThrow(
      expect.objectContaining({ name: "AbortError" }),
    );
  });

  it("skips disabled steps and the scaling step for models that do not need it", () => {
    const forTrees = recipeForModel(recipe, { needsScaling: false });
    expect(forTrees.steps.find((s) => s.id === "scale")!.enabled).toBe(false);
    const f = fitRecipe(forTrees, train, { seed: 7 });
    expect(f.fitted.steps.map((s) => s.id)).not.toContain("scale");
    // Income is imputed but left on its own scale.
    const imputeOnly = { ...recipe, steps: recipe.steps.filter((s) => s.id === "impute_numeric") };
    expect(values(f.frame, "income")).toEqual(values(fitRecipe(imputeOnly, train).frame, "income"));
  });

  it("drops rows without a target before fitting", () => {
    const f = frameOf({ x: [1, 2, 3, 4], y: [1.5, null, 2.5, 3.5] });
    const res = fitRecipe({ version: 1, target: "y", steps: [] }, f, { task: "regression" });
    expect(res.droppedMissingTarget).toBe(1);
    expect(Array.from(res.y!.values)).toEqual([1.5, 2.5, 3.5]);
  });

  it("fits on `rows` of a frame exactly as on a copy of those rows", () => {
    // Some training rows lose their target, so the rows kept and the count dropped are checked too.
    const lossy: Frame = {
      ...frame,
      columns: frame.columns.map((c) =>
        c.name === "churn" && c.data.type === "dict"
          ? { ...c, data: { ...c.data, codes: c.data.codes.map((v, i) => (i % 7 === 3 ? -1 : v)) } }
          : c,
      ),
    };
    const copy = fitRecipe(recipe, takeFrameRows(lossy, fold.train), { seed: 7 });
    const onRows = fitRecipe(recipe, lossy, { seed: 7, rows: fold.train });
    expect(onRows.droppedMissingTarget).toBe(copy.droppedMissingTarget);
    expect(onRows.droppedMissingTarget).toBeGreaterThan(0);
    expect(fittedRecipeToJSON(onRows.fitted)).toEqual(fittedRecipeToJSON(copy.fitted));
    expect(onRows.frame).toEqual(copy.frame);
    expect(onRows.y).toEqual(copy.y);
    expect(onRows.weights).toEqual(copy.weights);
  });
});

describe("toMatrix", () => {
  it("refuses categorical columns and passes missing values as NaN", () => {
    const f = frameOf({ x: [1, null], color: ["a", "b"] });
    expect(() => toMatrix(f)).toThrow(
      expect.objectContaining({
        name: "ValidationError",
        message: 'column "color" is categorical: add an encoding step',
      }),
    );
    const X = toMatrix(f, { names: ["x"], dtype: "float32" });
    expect(X.data).toBeInstanceOf(Float32Array);
    expect(Array.from(X.data)).toEqual([1, Number.NaN]);
  });

  it("lays rows out row-major in the given column order", () => {
    const X = toMatrix(frameOf({ a: [1, 2], b: [3, 4] }), { names: ["b", "a"] });
    expect(Array.from(X.data)).toEqual([3, 1, 4, 2]);
    expect(X.names).toEqual(["b", "a"]);
  });
});

describe("previewRecipe", () => {
  it("fits on a seeded sample and traces what each step did", () => {
    const preview = previewRecipe(recipe, frame, { sampleSize: 50, seed: 2 });
    expect(preview.before.rows).toBe(50);
    expect(preview.after.rows).toBe(50);
    const oneHot = preview.trace.find((t) => t.id === "one_hot")!;
    expect(oneHot.removed).toEqual(["color"]);
    expect(oneHot.added).toEqual(expect.arrayContaining(["color=red", "color=green", "color=blue"]));
    expect(previewRecipe(recipe, frame, { sampleSize: 50, seed: 2 }).before).toEqual(preview.before);
  });
});
