// CBPE against the real metric of a trained model on labelled rows it never saw (issue 13).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../../../src/core/automl/artifact/loadPipeline.ts";
import { predictFrame } from "../../../../src/core/automl/artifact/predictFrame.ts";
import { runLadder } from "../../../../src/core/automl/ladder/runLadder.ts";
import { SCORERS } from "../../../../src/core/eval/metrics.ts";
import { estimateMetric } from "../../../../src/core/monitor/cbpe.ts";
import { monitorBatch } from "../../../../src/core/monitor/monitorBatch.ts";
import { makeReferenceSketches } from "../../../../src/core/monitor/referenceSketches.ts";
import { holdOutHalf } from "../../../../src/core/monitor/retrainRows.ts";
import { takeFrameRows } from "../../../../src/core/prep/columns.ts";
import { encodeTarget } from "../../../../src/core/prep/targetValues.ts";
import { readFrame } from "../deploy/modelFiles.ts";

const CREDIT = join(import.meta.dirname, "..", "..", "..", "..", "public", "samples", "credit_data.csv");

describe("CBPE on an unseen labelled batch", { timeout: 120_000 }, () => {
  it("estimates a logistic model's accuracy and ROC AUC within 4 standard errors of the real ones", async () => {
    const data = await readFrame(CREDIT);
    const { train, held } = holdOutHalf(data.rows, 1);
    const trainRows = takeFrameRows(data, train);
    const batch = takeFrameRows(data, held);
    const run = await runLadder(trainRows, {
      target: "Status",
      models: ["logistic"],
      folds: 2,
      ensemble: false,
      seed: 0,
    } as Parameters<typeof runLadder>[1]);
    const pipeline = loadPipeline(run.pipeline!);
    const reference = makeReferenceSketches(pipeline, trainRows);
    const report = monitorBatch({
      pipeline,
      reference,
      frame: batch,
      referenceScore: run.best?.cv_mean ?? null,
    });
    const n = report.performance!.labelled_rows;
    expect(n).toBe(batch.rows);
    // The model's own metric, as the report gives it: estimate against the real value.
    const metric = report.performance!.metric;
    expect(report.estimated_performance!.metric).toBe(metric);
    const real = report.performance!.value;
    const est = report.estimated_performance!.value;
    // AUC's standard error (Hanley & McNeil's bound for p ~ 0.5 is sqrt(1/(3n)) ~ 0.012 here).
    expect(Math.abs(est - real)).toBeLessThan(4 * Math.sqrt(1 / (3 * n)));
    // Accuracy, from the same predictions: binomial standard error.
    const { predictions, proba } = predictFrame(pipeline, batch);
    const target = batch.columns.find((c) => c.name === "Status")!;
    const { values } = encodeTarget(target, "binary", pipeline.artifact.classes ?? undefined);
    const acc = SCORERS.accuracy({ yTrue: values, yPred: predictions });
    const accEst = estimateMetric("accuracy", predictions, proba!, 2);
    expect(Math.abs(accEst - acc)).toBeLessThan(4 * Math.sqrt((acc * (1 - acc)) / n));
    console.info(
      `credit_data, ${n} unseen rows: ${metric} real ${real.toFixed(4)} estimated ${est.toFixed(4)}; accuracy real ${acc.toFixed(4)} estimated ${accEst.toFixed(4)}`,
    );
  });
});
