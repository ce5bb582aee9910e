import { describe, expect, it } from "vitest";
import type { SinglePipelineArtifact } from "../../../../../src/core/automl/artifact/pipelineArtifact.ts";
import { runLadder } from "../../../../../src/core/automl/ladder/runLadder.ts";
import { fixtureFrame, untimed } from "./helpers.ts";

describe("the neural-net rung", () => {
  it('records what trained the MLP ("js": the typed-array trainer on a CPU backend) and is reproducible', async () => {
    const iris = await fixtureFrame("iris.csv");
    const opts = {
      target: "target",
      models: ["mlp"],
      folds: 2,
      params: { mlp: { hidden_layer_sizes: [4], max_epochs: 3, early_stopping: false } },
    };
    const first = await runLadder(iris, opts);
    const entry = first.entries[0];
    expect(entry.error).toBeUndefined();
    expect(entry.backend).toBe("js");
    expect(Number.isFinite(entry.cv_mean)).toBe(true);
    expect(entry.params).toMatchObject({ max_epochs: 3, hidden_layer_sizes: [4] });
    expect((first.pipeline as SinglePipelineArtifact | null)?.model.type).toBe("mlp");
    const second = await runLadder(iris, opts);
    expect(untimed(second.entries[0])).toEqual(untimed(entry));
  });
});
