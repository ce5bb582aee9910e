import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { fitRecipe } from "../../../../src/core/pipeline/fitRecipe.ts";
import { fitRecipeByColumn } from "../../../../src/core/pipeline/fitRecipeByColumn.ts";
import type { RecipeFit } from "../../../../src/core/pipeline/fittedRecipe.ts";
import type { Recipe, StepConfig } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { configOf, frameOf } from "../prep/helpers.ts";

/** Numbers with few and many missing values, booleans, categories with missing and rare levels. */
function table(n: number, seed: number, extra: Record<string, unknown[]> = {}): Frame {
  const rng = makeRng(seed);
  const pick = <T>(xs: T[]) => xs[rng.int(xs.length)];
  return frameOf({
    a: Array.from({ length: n }, () => (rng.next() < 0.02 ? null : rng.next() * 10)),
    b: Array.from({ length: n }, () => (rng.next() < 0.2 ? null : rng.int(7))),
    c: Array.from({ length: n }, () => rng.next() * 3 - 1),
    flag: Array.from({ length: n }, () => (rng.next() < 0.1 ? null : rng.next() < 0.4)),
    color: Array.from({ length: n }, () => (rng.next() < 0.08 ? null : pick(["red", "green", "blue"]))),
    shop: Array.from({ length: n }, () => pick(["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"])),
    ...extra,
    y: Array.from({ length: n }, () => (rng.next() < 0.05 ? null : rng.next() < 0.3 ? "yes" : "no")),
  });
}

/** A step config by id, type, columns and params. */
const step = (id: string, type: string, columns: string[] | "auto", params: Record<string, unknown> = {}) =>
  configOf(type, columns, params, id);

const recipeOf = (...steps: StepConfig[]): Recipe => ({ version: 1, target: "y", steps });

/** A fold's rows: every third row left out, unsorted on purpose. */
function rowsOf(n: number): Int32Array {
  const rows: number[] = [];
  for (let i = n - 1; i >= 0; i--) if (i % 3 !== 1) rows.push(i);
  return Int32Array.from(rows);
}

/** What the two paths must give alike (the trace without its times). */
const summary = (fit: RecipeFit) => ({
  fitted: fit.fitted,
  y: Array.from(fit.y!.values),
  classes: fit.y!.classes,
  target: fit.targetColumn?.data,
  frame: fit.frame.columns.map((c) => [c.name, c.kind, c.role, c.data.type]),
  rows: fit.frame.rows,
  weights: fit.weights,
  trace: fit.trace.map(({ ms: _, ...t }) => t),
  dropped: fit.droppedMissingTarget,
});

function both(recipe: Recipe, frame: Frame, rows: Int32Array) {
  const opts = { rows, target: "y", seed: 5, finalFrame: false } as const;
  return [
    summary(fitRecipe(recipe, frame, { ...opts, byColumn: true })),
    summary(fitRecipe(recipe, frame, { ...opts, byColumn: false })),
  ];
}

const IMPUTE = { strategy: "median", add_indicator: true, indicator_threshold: 0.05, scope: "numeric" };

describe("fitRecipeByColumn", () => {
  const frame = table(600, 1);
  const rows = rowsOf(600);

  it("fits the default kind of recipe exactly as on the gathered frame", () => {
    const recipe = recipeOf(
      step("impute_numeric", "impute", "auto", IMPUTE),
      step("impute_categorical", "impute", "auto", { strategy: "most_frequent", scope: "categorical" }),
      step("one_hot", "one_hot", ["color", "shop"], { max_levels: 100 }),
    );
    const [byColumn, whole] = both(recipe, frame, rows);
    expect(byColumn).toEqual(whole);
    // The case is not empty: fills, indicators, one-hot names, dropped unlabelled rows.
    expect(whole.fitted.features).toContain("b_missing");
    expect(whole.fitted.features).toContain("shop=s9");
    expect(whole.dropped).toBeGreaterThan(0);
  });

  it("keeps a listed step's order, pooled levels and missing columns", () => {
    const recipe = recipeOf(
      step("fill", "impute", ["flag", "b", "a"], {
        strategy: "mean",
        add_indicator: true,
        indicator_threshold: 0,
      }),
      step("hot", "one_hot", ["shop", "color"], { max_levels: 3, unseen: "other", missing: "indicator" }),
    );
    const [byColumn, whole] = both(recipe, frame, rows);
    expect(byColumn).toEqual(whole);
    const fill = whole.fitted.steps[0].state as { columns: { name: string }[] };
    expect(fill.columns.map((c) => c.name)).toEqual(["flag", "b", "a"]);
    expect(whole.fitted.features).toContain("shop=(other)");
    expect(whole.fitted.features).toContain("color=(missing)");
  });

  it("is used for column-wise steps only, and not where a name would meet another", () => {
    const features = frame.columns.filter((c) => c.name !== "y");
    const ctx = {
      target: undefined,
      task: null,
      rng: () => makeRng(1),
      allNames: frame.columns.map((c) => c.name),
    };
    const impute = step("i", "impute", "auto", IMPUTE);
    expect(fitRecipeByColumn([impute], features, rows, ctx)).not.toBeNull();
    const knn = step("k", "impute", "auto", { strategy: "knn", scope: "numeric" });
    expect(fitRecipeByColumn([knn], features, rows, ctx)).toBeNull();
    expect(fitRecipeByColumn([step("s", "standard", "auto", {})], features, rows, ctx)).toBeNull();
    expect(fitRecipeByColumn([step("h", "one_hot", ["color", "nope"], {})], features, rows, ctx)).toBeNull();
    expect(fitRecipeByColumn([], features, rows, ctx)).toBeNull();

    // "b_missing" exists already: on the whole frame the indicator becomes "b_missing_2".
    const clash = table(300, 2, { b_missing: Array.from({ length: 300 }, (_, i) => i % 5) });
    const clashFeatures = clash.columns.filter((c) => c.name !== "y");
    const clashCtx = { ...ctx, allNames: clash.columns.map((c) => c.name) };
    expect(fitRecipeByColumn([impute], clashFeatures, rowsOf(300), clashCtx)).toBeNull();
    const [byColumn, whole] = both(recipeOf(impute), clash, rowsOf(300));
    expect(byColumn).toEqual(whole);
    expect(whole.fitted.features).toContain("b_missing_2");
  });
});
