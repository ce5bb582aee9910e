import { describe, expect, it } from "vitest";
import { detectTask } from "../../../../src/core/framing/detectTask.ts";
import type { Alert } from "../../../../src/core/profile/alertTypes.ts";
import { assessFeasibility } from "../../../../src/core/profile/feasibility.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import { frameOf } from "./frameOf.ts";

const repeat = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([k, c]) => Array(c).fill(k));

describe("assessFeasibility", () => {
  it("counts rows, features, rows per feature and rows per class", () => {
    const y = repeat({ setosa: 12, versicolor: 60, virginica: 60 });
    const frame = frameOf({
      a: y.map((_, i) => i % 7),
      b: y.map((_, i) => (i % 5 === 0 ? null : i)),
      id: { kind: "id", values: y.map((_, i) => `r${i}`) },
      y,
    });
    const f = assessFeasibility(frame, detectTask(frame, "y"));
    expect(f).toMatchObject({
      rows: 132,
      labelledRows: 132,
      features: 2,
      rowsPerFeature: 66,
      minClass: "setosa",
      minClassCount: 12,
    });
    expect(f.rowsPerClass).toEqual([
      { label: "setosa", rows: 12 },
      { label: "versicolor", rows: 60 },
      { label: "virginica", rows: 60 },
    ]);
    expect(f.missingShare).toBeCloseTo(27 / 264, 12);
    expect(f.warnings).toEqual([
      "Only 12 rows of the smallest class (setosa): cross-validation estimates will be noisy.",
    ]);
  });

  it("warns about few rows, too many features, missing cells, missing targets and leakage", () => {
    const cols: Record<string, (number | null)[]> = {};
    for (let j = 0; j < 8; j++)
      cols[`f${j}`] = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? null : i * j));
    const frame = frameOf({ ...cols, y: Array.from({ length: 40 }, (_, i) => (i === 0 ? null : i * 1.5)) });
    const leak: Alert = {
      column: "f1",
      type: "leakage",
      severity: "high",
      message: "f1 tracks y.",
      evidence: {},
    };
    const w = assessFeasibility(frame, detectTask(frame, "y"), [leak]).warnings;
    expect(w).toEqual([
      "Only 39 labelled rows: scores will vary a lot between folds and models can learn little.",
      "Fewer than 10 rows per feature (39 rows, 8 features): models may overfit; consider fewer features or more rows.",
      "35% of the feature cells are missing: imputation will carry much of the weight.",
      "1 row has no target value and will be left out of training.",
      "Target looks leaked by f1: f1 tracks y.",
    ]);
  });

  it("warns when a class cannot fill five folds", () => {
    const frame = frameOf({
      x: Array.from({ length: 103 }, (_, i) => i % 9),
      y: repeat({ a: 50, b: 50, c: 3 }),
    });
    expect(assessFeasibility(frame, detectTask(frame, "y")).warnings).toEqual([
      "Only 3 rows of the smallest class (c): too few to put one in each of 5 cross-validation folds.",
    ]);
  });

  it("is part of the profile, with leakage alerts carried into warnings", () => {
    const y = repeat({ no: 70, yes: 50 });
    const frame = frameOf({
      x: y.map((_, i) => (i * 37) % 11),
      leak: y.map((v) => (v === "yes" ? 1 : 0)),
      y,
    });
    const p = profileFrame(frame, { target: "y" });
    expect(p.framing!.feasibility.warnings).toEqual([
      expect.stringMatching(/^Target looks leaked by leak: "leak" alone predicts "y" for 100% of the rows/),
    ]);
  });
});
