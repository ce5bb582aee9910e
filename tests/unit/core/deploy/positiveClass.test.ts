import { beforeAll, describe, expect, it } from "vitest";
import type { PipelineArtifact } from "../../../../src/core/automl/artifact/pipelineArtifact.ts";
import { predictRows } from "../../../../src/core/automl/artifact/predictRows.ts";
import { predictionColumns } from "../../../../src/core/automl/artifact/scoreTable.ts";
import { explainRows } from "../../../../src/core/automl/explain/explainRows.ts";
import { type LadderResult, runLadder } from "../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../src/core/data/frame.ts";
import {
  type ModelFile,
  makeModelFile,
  positiveClassOf,
  readModelFile,
} from "../../../../src/core/deploy/modelFile.ts";
import { modelFileOfRun } from "../../../../src/core/deploy/modelFileOfRun.ts";
import { signalFrame } from "../automl/ladder/helpers.ts";

// "no" sorts first but is the run's positive class: the run's order is ["yes", "no"], every
// file's is the models' own ["no", "yes"], and the card carries which one is positive.
let frame: Frame;
let single: LadderResult;
let ensemble: PipelineArtifact | null = null;

const fileOf = (run: LadderResult, pipeline: PipelineArtifact) =>
  modelFileOfRun({ frame, plan: run.plan, pipeline, appVersion: "test" });
const reread = async (file: ModelFile) => readModelFile(JSON.parse(JSON.stringify(file)));

beforeAll(async () => {
  frame = signalFrame(200);
  const opts = { target: "label", folds: 3, seed: 4, positiveClass: "no" };
  single = await runLadder(frame, { ...opts, models: ["logistic"], ensemble: false });
  await runLadder(frame, {
    ...opts,
    models: ["logistic", "decision_tree"],
    onResult: (entry, _p, pipeline) => {
      if (entry.model === "ensemble") ensemble = pipeline ?? null;
    },
  });
});

describe("the run's positive class, from the evaluation to the model file's readers", () => {
  it("is the evaluation's class 1", () => {
    expect(single.plan.classes).toEqual(["yes", "no"]);
  });

  it("travels in the card; single and ensemble files list their probability columns in one order", async () => {
    expect(ensemble).not.toBeNull();
    for (const pipeline of [single.pipeline!, ensemble!]) {
      const read = await reread(await fileOf(single, pipeline));
      expect(read.file.card.positive_class).toBe("no");
      expect(read.positive).toBe("no");
      expect(read.notes).toEqual([]);
      expect(read.file.pipeline.classes).toEqual(["no", "yes"]);
      expect(predictionColumns(read.pipeline)).toEqual(["prediction", "proba_no", "proba_yes"]);
      const out = predictRows(read.pipeline, frame);
      expect([...out.proba!.keys()]).toEqual(["no", "yes"]);
      // Every row's label is its more probable class.
      const no = out.proba!.get("no")!;
      out.predictions.forEach((p, i) => {
        if (no[i] !== 0.5) expect(p).toBe(no[i] > 0.5 ? "no" : "yes");
      });
    }
  });

  it("is the class explained, whatever the model's own order", async () => {
    for (const pipeline of [single.pipeline!, ensemble!]) {
      const read = await reread(await fileOf(single, pipeline));
      const e = explainRows(read.pipeline, frame, [0, 1, 2], { positive: read.positive ?? undefined });
      const no = predictRows(read.pipeline, frame).proba!.get("no")!;
      for (const r of e.rows) {
        expect(r.class).toBe("no");
        const p = e.output === "log_odds" ? 1 / (1 + Math.exp(-r.output)) : r.output;
        expect(p).toBeCloseTo(no[r.row], 9);
      }
    }
  });

  it("an older file without it still reads, taking its second class and saying so", async () => {
    const made = await fileOf(single, single.pipeline!);
    const { positive_class: _, ...card } = made.card;
    const old = await makeModelFile(made.pipeline, card as ModelFile["card"], made.reference);
    const read = await reread(old);
    expect(read.positive).toBe("yes");
    expect(positiveClassOf(read.file)).toBe("yes");
    expect(read.rewritten).toBe(false);
    expect(read.notes).toEqual([
      'The file names no positive class: "yes", the model\'s second class, is taken as positive.',
    ]);
  });

  it("refuses a card whose positive class the model does not have", async () => {
    const made = await fileOf(single, single.pipeline!);
    const bad = await makeModelFile(made.pipeline, { ...made.card, positive_class: "maybe" }, made.reference);
    await expect(reread(bad)).rejects.toThrow(
      /model card: the positive class "maybe" is not one of the model's classes \("no", "yes"\)/,
    );
  });
});
