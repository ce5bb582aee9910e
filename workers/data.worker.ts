/// <reference lib="webworker" />
import * as Comlink from "comlink";
import { convertColumn } from "../src/core/data/convertColumn.ts";
import type { Frame } from "../src/core/data/frame.ts";
import { previewRows } from "../src/core/data/preview.ts";
import { readCsv } from "../src/core/data/readCsv.ts";
import { detectTask } from "../src/core/framing/detectTask.ts";
import { previewRecipe } from "../src/core/pipeline/previewRecipe.ts";
import { proposeRecipe } from "../src/core/pipeline/proposeRecipe.ts";
import { validateRecipe } from "../src/core/pipeline/validateRecipe.ts";
import { makeSplit, splitPicture } from "../src/core/prep/splits.ts";
import { profileFrame } from "../src/core/profile/profileFrame.ts";
import { makePlotSample, PLOT_SAMPLE_SEED } from "../src/core/profile/sample.ts";
import { loadColumn, loadFrame, replaceColumn, saveDataset } from "../src/persist/datasets.ts";
import { openAppDb } from "../src/persist/db.ts";
import type { DataWorkerApi } from "./dataApi.ts";
import { recipePreviewView } from "./recipeViews.ts";
import { openSource } from "./sources.ts";

const PREVIEW_ROWS = 50;
// The recipe preview fits on a seeded sample, so editing stays quick on a million rows.
const RECIPE_PREVIEW_ROWS = 5000;

// The last frame read or loaded, so paging through a preview does not reload every column.
let cached: { id: string; frame: Frame } | undefined;

async function frameOf(datasetId: string): Promise<Frame> {
  if (cached?.id !== datasetId)
    cached = { id: datasetId, frame: await loadFrame(await openAppDb(), datasetId) };
  return cached.frame;
}

const api: DataWorkerApi = {
  async ingest(projectId, source, opts, onProgress) {
    const db = await openAppDb();
    const { stream, totalBytes } = await openSource(source);
    const { frame, report } = await readCsv(stream, { ...opts, totalBytes, onProgress });
    onProgress({ phase: "store", done: report.bytes, total: report.bytes, message: "Saving on this device" });
    const dataset = await saveDataset(db, {
      projectId,
      name: source.name,
      source: source.type === "text" ? "paste" : source.type,
      frame,
      report,
    });
    // Not cached: the data client loads files in a worker of their own that serves no reads (the
    // query worker loads the stored table), and a kept copy stayed through every later run.
    return { dataset, preview: { start: 0, rows: previewRows(frame, 0, PREVIEW_ROWS) } };
  },

  forget() {
    cached = undefined;
  },

  async preview(datasetId, start, count) {
    return { start, rows: previewRows(await frameOf(datasetId), start, count) };
  },

  async setColumnKind(datasetId, columnIndex, kind) {
    const db = await openAppDb();
    const column = convertColumn(await loadColumn(db, datasetId, columnIndex), kind);
    const dataset = await replaceColumn(db, datasetId, columnIndex, column);
    const frame = await frameOf(datasetId);
    frame.columns[columnIndex] = column;
    return { dataset, preview: { start: 0, rows: previewRows(frame, 0, PREVIEW_ROWS) } };
  },

  async profile(datasetId, target, onProgress) {
    return profileFrame(await frameOf(datasetId), { target, onProgress });
  },

  async plotSample(datasetId, size) {
    return makePlotSample(await frameOf(datasetId), size, PLOT_SAMPLE_SEED);
  },

  async proposeRecipe(datasetId, target) {
    const frame = await frameOf(datasetId);
    const task = target === null ? null : detectTask(frame, target).task;
    return proposeRecipe(frame, { target, task });
  },

  async previewRecipe(datasetId, recipe, target, seed) {
    const frame = await frameOf(datasetId);
    const preview = previewRecipe(validateRecipe(recipe), frame, {
      target: target ?? undefined,
      seed,
      sampleSize: RECIPE_PREVIEW_ROWS,
    });
    return recipePreviewView(preview, frame.rows);
  },

  async splitPicture(datasetId, split, cells) {
    const frame = await frameOf(datasetId);
    const { folds, order } = makeSplit(frame, split);
    return {
      picture: splitPicture(folds, frame.rows, cells, order),
      sizes: folds.map((f) => ({ train: f.train.length, test: f.test.length })),
    };
  },
};

Comlink.expose(api);
