import { beforeAll, describe, expect, it } from "vitest";
import { loadPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import type { SinglePipelineArtifact } from "../../../../../src/core/automl/artifact/pipelineArtifact.ts";
import { predictRows } from "../../../../../src/core/automl/artifact/predictRows.ts";
import { runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { takeFrameRows } from "../../../../../src/core/prep/columns.ts";
import { frameOf } from "../../prep/helpers.ts";
import { signalFrame } from "./helpers.ts";

let frame: Frame;
let artifact: SinglePipelineArtifact;

beforeAll(async () => {
  frame = signalFrame();
  const run = await runLadder(frame, {
    target: "label",
    models: ["baseline", "logistic"],
    folds: 3,
    ensemble: false,
  });
  artifact = run.pipeline as SinglePipelineArtifact;
});

/** Cells of column `name` for rows 0..n-1 as plain values (null for missing). */
function cells(f: Frame, name: string, n: number): (string | number | null)[] {
  const col = f.columns.find((c) => c.name === name)!;
  return Array.from({ length: n }, (_, i) =>
    col.data.type === "float"
      ? Number.isNaN(col.data.values[i])
        ? null
        : col.data.values[i]
      : col.data.codes[i] < 0
        ? null
        : col.data.levels[col.data.codes[i]],
  );
}

describe("pipeline artifact", () => {
  it("describes the best pipeline and survives a trip through JSON", () => {
    expect(artifact).toMatchObject({
      type: "automl-pipeline",
      version: 1,
      target: "label",
      task: "binary",
      metric: "roc_auc",
      classes: ["no", "yes"],
      model_id: "logistic",
      seed: 0,
    });
    expect(artifact.inputs.map((i) => i.name)).toEqual(["signal", "noise_a", "reading", "colour"]);
    expect(artifact.leaderboard.map((r) => r.model)).toEqual(["logistic", "baseline"]);
    expect(artifact.recipe.type).toBe("recipe");
    expect(artifact.model.type).toBe("logistic");
    const copy = JSON.parse(JSON.stringify(artifact));
    const direct = predictRows(artifact, frame);
    const loaded = predictRows(loadPipeline(copy), frame);
    expect(loaded).toEqual(direct);
    expect(direct.predictions).toHaveLength(frame.rows);
    const agree = (direct.predictions as string[]).filter(
      (p, i) => p === cells(frame, "label", frame.rows)[i],
    ).length;
    expect(agree / frame.rows).toBeGreaterThan(0.85);
  });

  it("predicts rows with shuffled columns, an extra column, an unseen category and missing values", () => {
    const n = 6;
    const base = takeFrameRows(
      frame,
      Array.from({ length: n }, (_, i) => i),
    );
    const expected = predictRows(artifact, base);
    const colour = cells(base, "colour", n);
    colour[1] = "purple";
    const reading = cells(base, "reading", n);
    reading[2] = null;
    const signal = cells(base, "signal", n);
    signal[3] = null;
    const shuffled = frameOf({
      extra: ["a", "b", "c", "d", "e", "f"],
      colour,
      reading,
      noise_a: cells(base, "noise_a", n),
      signal,
    });
    const out = predictRows(artifact, shuffled);
    expect(out.predictions).toHaveLength(n);
    for (const i of [0, 4, 5]) expect(out.predictions[i]).toBe(expected.predictions[i]);
    for (const i of [0, 4, 5])
      expect(out.proba!.get("yes")![i]).toBeCloseTo(expected.proba!.get("yes")![i], 12);
    for (let i = 0; i < n; i++) {
      expect(["no", "yes"]).toContain(out.predictions[i]);
      expect(out.proba!.get("no")![i] + out.proba!.get("yes")![i]).toBeCloseTo(1, 9);
      expect(Number.isFinite(out.proba!.get("yes")![i])).toBe(true);
    }
  });

  it("names the input columns the data lacks", () => {
    const partial = frameOf({ signal: [1, 2], colour: ["red", "blue"] });
    expect(() => predictRows(artifact, partial)).toThrow(/lacks the columns "noise_a", "reading"/);
    try {
      predictRows(artifact, partial);
    } catch (err) {
      expect((err as Error).name).toBe("ValidationError");
    }
  });

  it("rejects a file that is not a pipeline, or of another version", () => {
    expect(() => loadPipeline({ type: "recipe", version: 1 })).toThrow(
      /not an automl-pipeline artifact: recipe/,
    );
    expect(() => loadPipeline({ ...artifact, version: 2 })).toThrow(
      /unsupported automl-pipeline artifact version 2/,
    );
    expect(() => loadPipeline("model")).toThrow(/not an automl-pipeline artifact/);
    expect(() => loadPipeline({ ...artifact, model: { type: "nope", version: 1 } })).toThrow(
      /unknown model artifact/,
    );
  });
});
