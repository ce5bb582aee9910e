import { describe, expect, it } from "vitest";
import { detectTask } from "../../../../src/core/framing/detectTask.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf } from "../profile/frameOf.ts";

const rng = makeRng(1);
const n = (k: number, f: (i: number) => number | string | boolean | null) =>
  Array.from({ length: k }, (_, i) => f(i));

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

describe("detectTask", () => {
  it("calls a continuous numeric target regression", () => {
    const d = detectTask(frameOf({ price: n(100, () => 1000 * rng.next()) }), "price");
    expect(d.task).toBe("regression");
    expect(d.reasons[0]).toMatch(/^"price" is numeric with 100 distinct values .*so this is regression\.$/);
    expect(d.classes).toBeUndefined();
  });

  it("calls a text target with three values multiclass and lists the classes", () => {
    const d = detectTask(
      frameOf({ species: n(90, (i) => ["setosa", "versicolor", "virginica"][i % 3]) }),
      "species",
    );
    expect(d.task).toBe("multiclass");
    expect(d.classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(d.classCounts).toEqual([30, 30, 30]);
    expect(d.reasons[0]).toBe(
      '"species" has 3 distinct text values (setosa, versicolor, virginica), so this is multiclass classification.',
    );
  });

  it("calls booleans, 0/1 integers and yes/no strings binary", () => {
    const b = detectTask(
      frameOf({ ok: { kind: "boolean", values: n(10, (i) => i % 2), labels: ["no", "yes"] } }),
      "ok",
    );
    expect(b).toMatchObject({
      task: "binary",
      classes: ["no", "yes"],
      classCounts: [5, 5],
      positiveClass: "yes",
    });
    const ints = detectTask(frameOf({ y: n(10, (i) => (i < 7 ? 0 : 1)) }), "y");
    expect(ints).toMatchObject({
      task: "binary",
      classes: ["0", "1"],
      classCounts: [7, 3],
      positiveClass: "1",
    });
    const words = detectTask(frameOf({ churn: n(10, (i) => (i < 8 ? "no" : "yes")) }), "churn");
    expect(words).toMatchObject({ task: "binary", classes: ["no", "yes"], positiveClass: "yes" });
    // Without a yes-like spelling the rarer class is positive.
    expect(detectTask(frameOf({ s: n(10, (i) => (i < 8 ? "B" : "M")) }), "s").positiveClass).toBe("M");
  });

  it("calls integer-coded labels 1..5 multiclass", () => {
    const d = detectTask(frameOf({ grade: n(60, (i) => 1 + (i % 5)) }), "grade");
    expect(d.task).toBe("multiclass");
    expect(d.classes).toEqual(["1", "2", "3", "4", "5"]);
    expect(d.reasons[0]).toContain("whole numbers with only 5 distinct values");
  });

  it("calls consecutive small integers with many rows each multiclass, but sparse ones regression", () => {
    expect(detectTask(frameOf({ y: n(2000, (i) => i % 15) }), "y").task).toBe("multiclass");
    expect(detectTask(frameOf({ y: n(100, (i) => i % 15) }), "y").task).toBe("regression");
  });

  it("calls integer counts with many values regression", () => {
    const d = detectTask(frameOf({ visits: n(500, () => Math.floor(200 * rng.next() ** 2)) }), "visits");
    expect(d.task).toBe("regression");
    expect(d.reasons[0]).toContain("too many to be class labels");
  });

  it("counts and explains rows without a target value", () => {
    const d = detectTask(frameOf({ y: ["a", "b", null, "c", "a", null] }), "y");
    expect(d).toMatchObject({ task: "multiclass", labelled: 4, missing: 2 });
    expect(d.reasons[1]).toBe('2 rows have no value in "y" and will be left out of training.');
  });

  it("throws ValidationError for one class, no values, an unknown column, dates and identifiers", () => {
    const one = errorOf(() => detectTask(frameOf({ y: ["yes", "yes", null] }), "y"));
    expect(one.name).toBe("ValidationError");
    expect(one.message).toBe(
      'The target column "y" has only one value (yes), so there is nothing to predict.',
    );
    const none = errorOf(() => detectTask(frameOf({ y: { kind: "numeric", values: [null, null] } }), "y"));
    expect(none.name).toBe("ValidationError");
    expect(none.message).toContain("has no values");
    const unknown = errorOf(() => detectTask(frameOf({ a: [1], b: [2] }), "c"));
    expect(unknown.name).toBe("ValidationError");
    expect(unknown.message).toBe('There is no column named "c"; the columns are "a", "b".');
    const date = errorOf(() => detectTask(frameOf({ d: { kind: "datetime", values: [0, 1, 2] } }), "d"));
    expect(date.name).toBe("ValidationError");
    expect(date.message).toContain("dates");
    const id = errorOf(() =>
      detectTask(frameOf({ ref: { kind: "id", values: n(20, (i) => `r${i}`) } }), "ref"),
    );
    expect(id.name).toBe("ValidationError");
    expect(id.message).toContain("identifier");
    const text = errorOf(() =>
      detectTask(frameOf({ note: { kind: "text", values: n(20, (i) => `note ${i}`) } }), "note"),
    );
    expect(text.message).toContain("free text");
    const many = errorOf(() => detectTask(frameOf({ c: n(300, (i) => `c${i % 60}`) }), "c"));
    expect(many.message).toContain("60 distinct values");
  });

  it("treats a text column with few repeated values as classes", () => {
    const d = detectTask(
      frameOf({ t: { kind: "text", values: n(30, (i) => ["low risk", "high risk", "medium risk"][i % 3]) } }),
      "t",
    );
    expect(d.task).toBe("multiclass");
  });
});
