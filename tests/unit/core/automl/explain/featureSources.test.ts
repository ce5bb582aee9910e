import { describe, expect, it } from "vitest";
import { featureSources, toColumns } from "../../../../../src/core/automl/explain/featureSources.ts";
import { fixture, pipelineOf } from "./pipelineOf.ts";

describe("featureSources", () => {
  it("finds each one-hot, flag and scaled feature's raw column by probing the recipe", async () => {
    const frame = await fixture("credit_data.csv");
    const pipeline = await pipelineOf(frame, "Status", "binary", ["logistic"]);
    const sample = Array.from({ length: 32 }, (_, i) => i * 100);
    const s = featureSources(pipeline.recipe, frame, sample);
    expect(s.columns).toEqual(pipeline.artifact.inputs.map((i) => i.name));
    const named = pipeline.recipe.features.map((f, i) => [f, s.of[i].map((c) => s.columns[c])]);
    const of = Object.fromEntries(named);
    expect(of["Home=rent"]).toEqual(["Home"]);
    expect(of["Marital=widow"]).toEqual(["Marital"]);
    expect(of.Income_missing).toEqual(["Income"]);
    expect(of.Seniority).toEqual(["Seniority"]);
    // Every feature has exactly one source here (no engineered features in the default recipe).
    expect(s.of.every((cols) => cols.length === 1)).toBe(true);
  });

  it("sums features into columns, splitting a feature made of several columns equally", () => {
    const sources = { columns: ["a", "b", "c"], of: [[0], [0], [1, 2], [2]] };
    const got = toColumns(sources, Float64Array.of(9, 1, 2, 3, 0.5, 4), 1);
    // Features start at offset 1: a = 1 + 2, b = 3 / 2, c = 3 / 2 + 0.5.
    expect(Array.from(got)).toEqual([3, 1.5, 2]);
  });
});
