import { beforeAll, describe, expect, it } from "vitest";
import { predictRows } from "../../../../../src/core/automl/artifact/predictRows.ts";
import { explainRows } from "../../../../../src/core/automl/explain/explainRows.ts";
import { explainValues } from "../../../../../src/core/automl/explain/explainValues.ts";
import { frameWithRow, rowValues } from "../../../../../src/core/automl/explain/rowValues.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { fixture, pipelineOf } from "./pipelineOf.ts";

const sum = (xs: number[], from: number) => xs.reduce((s, v) => s + v, from);

describe("rowValues and frameWithRow", () => {
  let penguins: Frame;
  beforeAll(async () => {
    penguins = await fixture("penguins.csv");
  });

  it("reads a row as numbers and level names, and writes it back in front of background rows", () => {
    const v = rowValues(penguins, 3, ["island", "bill_length_mm", "sex"]);
    // Row 3 of penguins.csv is Adelie, Torgersen, NA... (a row with missing measurements).
    expect(v).toEqual({ island: "Torgersen", bill_length_mm: null, sex: null });
    const edited = {
      ...rowValues(penguins, 0, ["island", "bill_length_mm"]),
      island: "Atlantis",
      bill_length_mm: 50,
    };
    const f = frameWithRow(penguins, edited, [5, 6]);
    expect(f.rows).toBe(3);
    expect(rowValues(f, 0, ["island", "bill_length_mm"])).toEqual({ island: "Atlantis", bill_length_mm: 50 });
    expect(rowValues(f, 1, ["island", "bill_length_mm"])).toEqual(
      rowValues(penguins, 5, ["island", "bill_length_mm"]),
    );
    // A column the values do not name is missing in the first row.
    expect(rowValues(f, 0, ["year"])).toEqual({ year: null });
    expect(() => frameWithRow(penguins, { year: "soon" }, [])).toThrow(/"year" needs a number/);
  });
});

describe("explainValues", () => {
  it("a data row's values give its prediction and local accuracy; editing one column moves only its own contribution (ridge)", async () => {
    const diabetes = await fixture("diabetes.csv");
    const pipeline = await pipelineOf(diabetes, "target", "regression", ["linear"]);
    const inputs = pipeline.artifact.inputs.map((i) => i.name);
    const background = [10, 20, 30, 40, 50];
    const values = rowValues(diabetes, 7, inputs);
    const a = explainValues(pipeline, diabetes, values, background, { seed: 1 });
    expect(a.prediction).toBeCloseTo((predictRows(pipeline, diabetes).predictions as number[])[7], 9);
    expect(a.explanation.value).toBeCloseTo(a.prediction as number, 9);
    expect(Math.abs(sum(a.explanation.contributions, a.explanation.base) - a.explanation.value)).toBeLessThan(
      1e-9,
    );
    expect(a.explanation.method).toBe("linear");
    const b = explainValues(pipeline, diabetes, { ...values, bmi: (values.bmi as number) + 5 }, background, {
      seed: 1,
    });
    const bmi = inputs.indexOf("bmi");
    expect(b.prediction).not.toBeCloseTo(a.prediction as number, 3);
    a.explanation.columns.forEach((_, c) => {
      if (c === bmi)
        expect(b.explanation.contributions[c]).not.toBeCloseTo(a.explanation.contributions[c], 3);
      else expect(b.explanation.contributions[c]).toBeCloseTo(a.explanation.contributions[c], 9);
    });
    expect(b.explanation.base).toBeCloseTo(a.explanation.base, 12);
  });

  it("an ensemble (sampled): same seed, same numbers, whatever else is explained; probabilities per class", async () => {
    const penguins = await fixture("penguins.csv");
    const pipeline = await pipelineOf(penguins, "sex", "binary", ["logistic", "gbdt"], { max_iter: 20 });
    const inputs = pipeline.artifact.inputs.map((i) => i.name);
    const background = [0, 40, 80, 120, 160, 200];
    const values = rowValues(penguins, 17, inputs);
    const a = explainValues(pipeline, penguins, values, background, { seed: 5 });
    const b = explainValues(pipeline, penguins, values, background, { seed: 5 });
    expect(b).toEqual(a);
    expect(a.explanation.method).toBe("sampling");
    expect(a.explanation.output).toBe("probability");
    expect(a.proba!.map((p) => p.label)).toEqual(pipeline.artifact.classes);
    expect(a.explanation.value).toBeCloseTo(a.proba![1].p, 12);
    expect(Math.abs(sum(a.explanation.contributions, a.explanation.base) - a.explanation.value)).toBeLessThan(
      1e-9,
    );
    // explainRows on the frame itself, with row 17 among others, gives row 17 the same numbers
    // when the background is the same rows (a row's walks are seeded from the seed and the row).
    const shifted = frameWithRow(penguins, values, background);
    const e = explainRows(pipeline, shifted, [0, 2, 4], { background: [1, 2, 3, 4, 5, 6], seed: 5 });
    expect(Array.from(e.rows[0].contributions)).toEqual(a.explanation.contributions);
  });

  it("explains the class asked for: the other class's log-odds negated, its probability as 1 - p", async () => {
    const penguins = await fixture("penguins.csv");
    const background = [0, 40, 80, 120, 160, 200];
    for (const ids of [["gbdt"], ["logistic"], ["random_forest"], ["logistic", "gbdt"]] as const) {
      const pipeline = await pipelineOf(penguins, "sex", "binary", [...ids], {
        max_iter: 20,
        n_estimators: 10,
      });
      const inputs = pipeline.artifact.inputs.map((i) => i.name);
      const values = rowValues(penguins, 17, inputs);
      const first = pipeline.artifact.classes![0];
      const own = explainValues(pipeline, penguins, values, background, { seed: 2 });
      const other = explainValues(pipeline, penguins, values, background, { seed: 2, positive: first });
      expect(other.explanation.class).toBe(first);
      const p = other.proba!.find((q) => q.label === first)!.p;
      const shown =
        other.explanation.output === "log_odds"
          ? 1 / (1 + Math.exp(-other.explanation.value))
          : other.explanation.value;
      expect(shown).toBeCloseTo(p, 9);
      expect(
        Math.abs(sum(other.explanation.contributions, other.explanation.base) - other.explanation.value),
      ).toBeLessThan(1e-9);
      other.explanation.contributions.forEach((c, i) => {
        expect(c).toBeCloseTo(-own.explanation.contributions[i], 12);
      });
    }
  });
});
