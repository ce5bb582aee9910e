import { describe, expect, it } from "vitest";
import { type FoldJob, type FoldResult, foldJobs } from "../../../../../src/core/automl/ladder/foldJob.ts";
import { planLadder } from "../../../../../src/core/automl/ladder/ladderPlan.ts";
import { type FoldStage, runFoldJob } from "../../../../../src/core/automl/ladder/runFoldJob.ts";
import type { ModelId } from "../../../../../src/core/models/registry.ts";
import { makeRng } from "../../../../../src/core/random.ts";
import { frameOf } from "../../prep/helpers.ts";
import { regressionFrame } from "./helpers.ts";

/** Binary data with missing numbers (imputed, with indicators), two categories (one-hot) and unlabelled rows. */
function mixedFrame(n: number) {
  const rng = makeRng(11);
  const a = Array.from({ length: n }, () => rng.next() * 4 - 2);
  const shade = Array.from({ length: n }, () => ["red", "green", "blue", "grey"][rng.int(4)]);
  return frameOf({
    a: a.map((v) => (rng.next() < 0.1 ? null : v)),
    b: Array.from({ length: n }, () => rng.next()),
    shade: shade.map((s) => (rng.next() < 0.05 ? null : s)),
    size: Array.from({ length: n }, () => ["s", "m", "l"][rng.int(3)]),
    label: a.map((v, i) =>
      i % 97 === 5 ? null : v + (shade[i] === "red" ? 1 : 0) + rng.next() - 0.5 > 0 ? "yes" : "no",
    ),
  });
}

const timeless = ({ seconds: _, ...rest }: FoldResult) => rest;

/** Blocks of 37 rows from the first byte on: every fold of every model goes the blocked way. */
const BLOCKED = { blockedBytes: 0, blockRows: 37 };

describe("runFoldJob by row blocks", () => {
  it("gives the same result as the whole-matrix path, to the last bit (classification)", async () => {
    const frame = mixedFrame(400);
    const plan = planLadder(frame, { target: "label", folds: 3, seed: 4 });
    const models: ModelId[] = ["gbdt", "random_forest", "knn", "logistic", "naive_bayes", "decision_tree"];
    for (const model of models) {
      for (const job of foldJobs(plan, model, model === "gbdt" ? { max_iter: 15 } : {}, { final: true })) {
        const plain = await runFoldJob(frame, job);
        const blocked = await runFoldJob(frame, job, BLOCKED);
        expect(timeless(blocked), `${model} fold ${job.fold}`).toEqual(timeless(plain));
        expect(plain.predictions.length).toBe(job.validation.length);
      }
    }
  });

  it("gives the same result for regression and for training rows without a target", async () => {
    const frame = regressionFrame(300);
    const plan = planLadder(frame, { target: "y", folds: 3, seed: 1 });
    const [job] = foldJobs(plan, "gbdt", { max_iter: 10 });
    const plain = await runFoldJob(frame, job);
    expect(timeless(await runFoldJob(frame, job, BLOCKED))).toEqual(timeless(plain));

    const mixed = mixedFrame(300);
    const labelled = planLadder(mixed, { target: "label", folds: 3, seed: 2 });
    const [first] = foldJobs(labelled, "decision_tree");
    // A job that also lists unlabelled rows: fitRecipe drops them, and so must the blocks.
    const train = Int32Array.from({ length: 200 }, (_, i) => i);
    const withGaps: FoldJob = { ...first, train, validation: Int32Array.from([250, 251, 260]) };
    const out = await runFoldJob(mixed, withGaps, BLOCKED);
    expect(timeless(out)).toEqual(timeless(await runFoldJob(mixed, withGaps)));
    expect(out.predictions).toHaveLength(3);
  });
});

describe("runFoldJob stages", () => {
  it("reports its stages in order, skipping those a job does not run, and the same result", async () => {
    const frame = mixedFrame(200);
    const plan = planLadder(frame, { target: "label", folds: 3, seed: 3, testSize: 0.2 });
    const jobs = foldJobs(plan, "logistic");
    const fold = jobs[0];
    const refit = jobs[jobs.length - 1];
    const stagesOf = async (job: FoldJob) => {
      const stages: FoldStage[] = [];
      const out = await runFoldJob(frame, job, { onStage: (s) => stages.push(s) });
      expect(timeless(out)).toEqual(timeless(await runFoldJob(frame, job)));
      return stages;
    };
    expect(await stagesOf(fold)).toEqual(["recipe", "fit", "train_score", "validation", "artifact", "done"]);
    expect(refit.trainScore).toBe(false);
    expect(await stagesOf(refit)).toEqual(["recipe", "fit", "validation", "artifact", "done"]);
  });
});
