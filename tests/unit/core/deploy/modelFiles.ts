/**
 * Real model files for the deploy tests: each model family trained by the ladder on the penguins
 * sample (categorical columns, missing values), with a card made from the same rows. Small
 * params keep the files and the tests quick; the seed fixes every number.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import {
  makeEnsembleArtifact,
  type SinglePipelineArtifact,
} from "../../../../src/core/automl/artifact/pipelineArtifact.ts";
import { runLadder } from "../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { readCsv } from "../../../../src/core/data/readCsv.ts";
import {
  canonicalJson,
  dataFingerprint,
  type ModelFile,
  makeModelCard,
  makeModelFile,
  sha256Hex,
} from "../../../../src/core/deploy/modelFile.ts";
import type { ModelParams } from "../../../../src/core/models/registry.ts";

export const PENGUINS = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "..",
  "public",
  "samples",
  "penguins.csv",
);

/** Params that keep each family small. */
export const SMALL: Record<string, ModelParams> = {
  random_forest: { n_estimators: 3, max_depth: 4 },
  extra_trees: { n_estimators: 3, max_depth: 4 },
  gbdt: { max_iter: 5, max_leaf_nodes: 6 },
  decision_tree: { max_depth: 4 },
  mlp: { hidden_layer_sizes: [4], max_epochs: 3 },
} as Record<string, ModelParams>;

const frames = new Map<string, Promise<Frame>>();

/** A CSV file as the app reads it (read once per path). */
export function readFrame(path: string): Promise<Frame> {
  let frame = frames.get(path);
  if (!frame) {
    frame = readCsv(createReadStream(path)).then((r) => r.frame);
    frames.set(path, frame);
  }
  return frame;
}

/** The penguins sample as the app reads it. */
export const penguins = (): Promise<Frame> => readFrame(PENGUINS);

/** A model file of one family trained by the ladder for `target` on a CSV (penguins by default). */
export async function trainedFile(modelId: string, target: string, csv = PENGUINS): Promise<ModelFile> {
  const data = await readFrame(csv);
  const run = await runLadder(data, {
    target,
    models: [modelId],
    folds: 2,
    ensemble: false,
    seed: 0,
    params: SMALL[modelId] ? { [modelId]: SMALL[modelId] } : undefined,
  } as Parameters<typeof runLadder>[1]);
  if (!run.pipeline) throw new Error(`${modelId} on ${target} gave no pipeline`);
  const card = makeModelCard({
    pipeline: run.pipeline,
    frame: data,
    entry: run.best ?? undefined,
    protocol: "2-fold CV on 80% of the rows, seed 0; test on 20%",
    dataFingerprint: await dataFingerprint(data),
    appVersion: "test",
    // As the app's files: the run's positive class (binary plans put it last).
    positiveClass: run.plan.task === "binary" ? run.plan.classes!.at(-1) : null,
  });
  return makeModelFile(run.pipeline, card);
}

/** An ensemble file blending two single-model files of the same target. */
export async function ensembleFile(
  a: ModelFile,
  b: ModelFile,
  weights: [number, number] = [0.6, 0.4],
): Promise<ModelFile> {
  const members = [a, b].map((f, i) => {
    const p = f.pipeline as SinglePipelineArtifact;
    return { modelId: p.model_id, label: p.label, weight: weights[i], recipe: p.recipe, model: p.model };
  });
  const pipeline = makeEnsembleArtifact({
    members,
    classes: a.pipeline.classes,
    metric: a.pipeline.metric,
    seed: 0,
    created: a.pipeline.created,
  });
  const card = { ...a.card, model: { id: "ensemble", label: pipeline.label, params: { members: [] } } };
  return makeModelFile(pipeline, card);
}

/** A model file as loose JSON: tampering reaches into any part of it. */
// biome-ignore lint/suspicious/noExplicitAny: the tests change fields of every type, anywhere in the file.
export type Json = Record<string, any>;

/** A deep copy of a model file as plain JSON. */
export const copyOf = (file: ModelFile): Json => JSON.parse(JSON.stringify(file));

/** The file's checksum recomputed after a change, as an attacker can do (it is not a signature). */
export async function resealed(file: Json): Promise<Json> {
  file.sha256 = await sha256Hex(canonicalJson({ card: file.card, pipeline: file.pipeline }));
  return file;
}
