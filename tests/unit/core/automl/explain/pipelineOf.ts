import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type LoadedPipeline, loadPipeline } from "../../../../../src/core/automl/artifact/loadPipeline.ts";
import {
  makeEnsembleArtifact,
  makePipelineArtifact,
} from "../../../../../src/core/automl/artifact/pipelineArtifact.ts";
import type { Frame } from "../../../../../src/core/data/frame.ts";
import { readCsvText } from "../../../../../src/core/data/readCsv.ts";
import type { Task } from "../../../../../src/core/models/estimator.ts";
import { getModel, type ModelId } from "../../../../../src/core/models/registry.ts";
import { fitRecipe } from "../../../../../src/core/pipeline/fitRecipe.ts";
import { proposeRecipe } from "../../../../../src/core/pipeline/proposeRecipe.ts";
import { recipeForModel } from "../../../../../src/core/pipeline/recipeForModel.ts";
import { fittedRecipeToJSON } from "../../../../../src/core/pipeline/recipeJson.ts";
import type { Recipe } from "../../../../../src/core/prep/step.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "..", "fixtures");

/** A fixture CSV as a frame. */
export async function fixture(name: string): Promise<Frame> {
  return (await readCsvText(readFileSync(join(FIXTURES, name), "utf8"))).frame;
}

/** One model's fitted recipe and model as the run would save them. */
async function parts(
  frame: Frame,
  target: string,
  task: Task,
  id: ModelId,
  params: Record<string, unknown>,
  edit: (r: Recipe) => Recipe,
) {
  const spec = getModel(id);
  const recipe = recipeForModel(edit(proposeRecipe(frame, { target, task })), spec);
  const fit = fitRecipe(recipe, frame, { target, task, seed: 7 });
  const X = { data: new Float64Array(0), rows: fit.frame.rows, cols: 0, names: [] as string[] };
  const { toMatrix } = await import("../../../../../src/core/pipeline/toMatrix.ts");
  Object.assign(X, toMatrix(fit.frame, { names: fit.fitted.features }));
  // Shared test params (fewer trees or epochs) go to the families that have them.
  const own = Object.fromEntries(Object.entries(params).filter(([k]) => k in spec.defaults));
  const model = spec.create(own, task);
  await model.fit(X, fit.y!, { seed: 7, sampleWeight: fit.weights ?? undefined });
  return { modelId: id, label: spec.label, recipe: fittedRecipeToJSON(fit.fitted), model: model.toJSON() };
}

/**
 * A pipeline of one model (or an ensemble of several) fitted on a whole fixture, saved as a file
 * and read back as `predict` would.
 */
export async function pipelineOf(
  frame: Frame,
  target: string,
  task: Task,
  ids: ModelId[],
  params: Record<string, unknown> = {},
  edit: (r: Recipe) => Recipe = (r) => r,
): Promise<LoadedPipeline> {
  const all = await Promise.all(ids.map((id) => parts(frame, target, task, id, params, edit)));
  const common = { metric: task === "regression" ? ("rmse" as const) : ("log_loss" as const), seed: 7 };
  const artifact =
    all.length === 1
      ? makePipelineArtifact({ ...all[0], ...common })
      : makeEnsembleArtifact({
          ...common,
          members: all.map((p, i) => ({ ...p, weight: i + 1 })),
          classes: all[0].recipe.classes,
        });
  return loadPipeline(JSON.parse(JSON.stringify(artifact)));
}
