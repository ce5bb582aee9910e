import { type LoadedPipeline, loadPipeline } from "../src/core/automl/artifact/loadPipeline.ts";
import { sampleRows } from "../src/core/automl/explain/explainRows.ts";
import { rowValues } from "../src/core/automl/explain/rowValues.ts";
import { planLadder } from "../src/core/automl/ladder/ladderPlan.ts";
import { ladderOptions } from "../src/core/automl/run/runParts.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { ValidationError } from "../src/core/errors.ts";
import { getDataset, loadFrame } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import { getModel } from "../src/persist/models.ts";
import { getRun, modelRecordId } from "../src/persist/runs.ts";
import type { EditorColumn, ExplainSetup, ExplainSource, PickedRow } from "./computeApi.ts";

/** Training rows that stand for the data in linear and sampled explanations. */
const BACKGROUND_ROWS = 32;

/** A run's model loaded for explaining: the pipeline, its table and the rows it offers. */
export interface Explainer {
  pipeline: LoadedPipeline;
  frame: Frame;
  seed: number;
  setup: ExplainSetup;
  /** Frame rows of the offered part. */
  offered: Int32Array;
  /** Frame rows the models learnt from. */
  train: Int32Array;
  background: number[];
  /** Binary: the run's positive class (explained whatever the model's own class order). */
  positive: string | undefined;
}

/**
 * A neural net predicts with tfjs, loaded only when a pipeline holds one; the CPU backend, as the
 * predictor worker does, so an explanation reads the same digits on every device.
 */
async function readyTfjs(pipeline: LoadedPipeline): Promise<void> {
  if (!pipeline.members.some((m) => m.modelId === "mlp")) return;
  const tf = await import("@tensorflow/tfjs");
  if (tf.getBackend() !== "cpu") await tf.setBackend("cpu");
  await tf.ready();
}

function editorColumn(frame: Frame, name: string): EditorColumn {
  const col = frame.columns.find((c) => c.name === name);
  if (!col) throw new ValidationError(`The table lacks the column "${name}", which the model needs.`);
  const out: EditorColumn = { name, kind: col.kind };
  if (col.data.type === "dict" && col.kind === "categorical") out.levels = [...col.data.levels];
  if (col.labels) out.labels = col.labels;
  return out;
}

async function open(source: ExplainSource): Promise<Explainer> {
  const db = await openAppDb();
  const run = await getRun(db, source.runId);
  const record = await getModel(db, modelRecordId(source.runId, source.model));
  if (!record.artifact)
    throw new ValidationError(
      `${record.label} kept no fitted pipeline in this run, so it cannot be explained.`,
    );
  const pipeline = loadPipeline(record.artifact);
  await readyTfjs(pipeline);
  const frame = await tableOf(run.datasetId);
  const plan = planLadder(frame, ladderOptions(run.settings));
  const part = plan.test.length > 0 ? "test" : "train";
  const offered = part === "test" ? plan.test : plan.train;
  const seed = run.settings.split.seed;
  const picked = sampleRows(plan.train.length, BACKGROUND_ROWS, seed);
  const { artifact } = pipeline;
  return {
    pipeline,
    frame,
    seed,
    offered,
    train: plan.train,
    background: picked.map((i) => plan.train[i]),
    positive: artifact.task === "binary" && plan.classes ? plan.classes[plan.classes.length - 1] : undefined,
    setup: {
      task: artifact.task,
      // The run's order (binary: the positive class last), the same for every model of the run.
      classes: plan.classes ?? artifact.classes ?? null,
      target: artifact.target,
      columns: artifact.inputs.map((i) => editorColumn(frame, i.name)),
      part,
      rows: offered.length,
    },
  };
}

let table: { key: string; frame: Promise<Frame> } | undefined;
/** The stored table, read once per dataset version (its size and columns). */
async function tableOf(datasetId: string): Promise<Frame> {
  const meta = await getDataset(await openAppDb(), datasetId);
  const key = `${datasetId}|${meta.storedBytes}|${meta.columns.map((c) => `${c.name}:${c.kind}`).join(",")}`;
  if (table?.key !== key) table = { key, frame: loadFrame(await openAppDb(), datasetId) };
  return table.frame;
}

// Runs' stored models never change, so a loaded one stays good; the few used last are kept
// (each holds its table, which may be large).
const loaded = new Map<string, Promise<Explainer>>();
const KEPT = 4;

/** The explainer of a run's model, loaded on first use. */
export function explainerOf(source: ExplainSource): Promise<Explainer> {
  const key = `${source.runId}|${source.model}`;
  let hit = loaded.get(key);
  if (hit) loaded.delete(key);
  else {
    hit = open(source);
    hit.catch(() => loaded.delete(key));
  }
  // Map order is insertion order: re-inserting makes this the most recently used.
  loaded.set(key, hit);
  for (const old of loaded.keys()) if (loaded.size > KEPT) loaded.delete(old);
  return hit;
}

/** Row `position` of the explainer's offered part, as values of the model's inputs. */
export function pickedRow(ex: Explainer, position: number): PickedRow {
  if (!(Number.isInteger(position) && position >= 0 && position < ex.offered.length))
    throw new ValidationError(`Pick a row from 1 to ${ex.offered.length}.`);
  const row = ex.offered[position];
  const target = ex.setup.target;
  const actual = rowValues(ex.frame, row, [target])[target];
  return {
    position,
    row,
    values: rowValues(
      ex.frame,
      row,
      ex.setup.columns.map((c) => c.name),
    ),
    actual,
  };
}
