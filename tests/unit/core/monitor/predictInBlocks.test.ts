import { describe, expect, it } from "vitest";
import { loadPipeline } from "../../../../src/core/automl/artifact/loadPipeline.ts";
import { predictFrame } from "../../../../src/core/automl/artifact/predictFrame.ts";
import { predictInBlocks } from "../../../../src/core/monitor/referenceSketches.ts";
import { penguins, trainedFile } from "../deploy/modelFiles.ts";

describe("predictInBlocks", { timeout: 60_000 }, () => {
  it("gives predictFrame's predictions for every block size, a partial last block included", async () => {
    const data = await penguins();
    for (const model of ["logistic", "gbdt"]) {
      const pipeline = loadPipeline((await trainedFile(model, "species")).pipeline);
      const whole = predictFrame(pipeline, data).predictions;
      expect(new Set(whole).size).toBeGreaterThan(1);
      for (const block of [1, 7, 100, data.rows - 1, data.rows, 10 * data.rows])
        expect(predictInBlocks(pipeline, data, block), `${model}, blocks of ${block}`).toEqual(whole);
    }
  });
});
