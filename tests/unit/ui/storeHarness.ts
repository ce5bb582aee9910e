/**
 * What the UI store tests run on: the app's own storage code over fake-indexeddb, and the data
 * worker's calls made in-process over the same core and persist functions (workers/data.worker.ts
 * without Comlink), recording each call; a test may hold an ingest or stop a call under it.
 */

import { expect } from "vitest";
import { convertColumn } from "../../../src/core/data/convertColumn.ts";
import { previewRows } from "../../../src/core/data/preview.ts";
import { readCsvText } from "../../../src/core/data/readCsv.ts";
import type { Recipe } from "../../../src/core/prep/step.ts";
import { profileFrame } from "../../../src/core/profile/profileFrame.ts";
import { loadColumn, loadFrame, replaceColumn, saveDataset } from "../../../src/persist/datasets.ts";
import { setProjectFraming } from "../../../src/persist/projects.ts";
import type { DataClient } from "../../../src/ui/bridges/dataClient.ts";
import { getDb } from "../../../src/ui/shared/appDb.ts";
import type { RecipePreviewView } from "../../../workers/dataApi.ts";
import { saveSampleDataset } from "../persist/fixtures.ts";

/** A project with one stored table (age, city, churn: four rows) framed on `target`. */
export async function openFramedProject(
  target: string | null,
): Promise<{ projectId: string; datasetId: string }> {
  const db = await getDb();
  const { project, dataset } = await saveSampleDataset(db, "Store test", "churn.csv");
  await setProjectFraming(db, project.id, { datasetId: dataset.id, target, metric: null, criterion: null });
  return { projectId: project.id, datasetId: dataset.id };
}

/** Lets the store's promise callbacks and fake-indexeddb's requests run: one macrotask turn. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits, a turn at a time, until `done` holds (the store's writes land on later turns), and asserts it does. */
export async function until(done: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 10_000 && !(await done()); i++) await settle();
  expect(await done()).toBe(true);
}

export const abortError = () => Object.assign(new Error("The call was stopped."), { name: "AbortError" });

/** Rejects with an AbortError when `signal` is aborted. */
const whenAborted = (signal: AbortSignal | undefined) =>
  new Promise<never>((_, reject) => signal?.addEventListener("abort", () => reject(abortError())));

export interface DataClientOptions {
  /** The first proposal fails as if another view's cancel stopped the shared worker. */
  stopFirstProposal?: boolean;
  /** An ingest waits for this before reading (so a test can watch or cancel it). */
  holdIngest?: Promise<void>;
}

/** The data worker's calls in-process; previews of a recipe are numbered views (not computed). */
export function testDataClient(opts: DataClientOptions = {}) {
  const proposal: Recipe = {
    version: 1,
    target: null,
    steps: [
      { id: "impute", type: "impute", enabled: true, columns: "auto", params: {} },
      { id: "scale", type: "standard", enabled: true, columns: "auto", params: {} },
    ],
  };
  const proposed: { datasetId: string; target: string | null }[] = [];
  const previews: { datasetId: string; recipe: Recipe; target: string | null; seed: number }[] = [];
  const views: RecipePreviewView[] = [];
  const pages: { datasetId: string; start: number; count: number }[] = [];
  let waiter: (() => void) | undefined;
  const unused = () => Promise.reject(new Error("not used by this test"));
  const client: DataClient = {
    async ingest(projectId, source, csvOpts, call) {
      if (source.type !== "text") throw new Error("only text sources in this test");
      if (opts.holdIngest) await Promise.race([opts.holdIngest, whenAborted(call?.signal)]);
      const { frame, report } = await readCsvText(source.text, {
        ...csvOpts,
        signal: call?.signal,
        onProgress: call?.onProgress,
      });
      const db = await getDb();
      const dataset = await saveDataset(db, { projectId, name: source.name, source: "paste", frame, report });
      return { dataset, preview: { start: 0, rows: previewRows(frame, 0, 50) } };
    },
    async preview(datasetId, start, count) {
      pages.push({ datasetId, start, count });
      return { start, rows: previewRows(await loadFrame(await getDb(), datasetId), start, count) };
    },
    async setColumnKind(datasetId, columnIndex, kind) {
      const db = await getDb();
      const column = convertColumn(await loadColumn(db, datasetId, columnIndex), kind);
      const dataset = await replaceColumn(db, datasetId, columnIndex, column);
      const frame = await loadFrame(db, datasetId);
      return { dataset, preview: { start: 0, rows: previewRows(frame, 0, 50) } };
    },
    async profile(datasetId, target, call) {
      const frame = await loadFrame(await getDb(), datasetId);
      call?.signal?.throwIfAborted();
      return profileFrame(frame, { target, onProgress: call?.onProgress, signal: call?.signal });
    },
    plotSample: unused,
    splitPicture: unused,
    forgetTables() {},
    async proposeRecipe(datasetId, target) {
      proposed.push({ datasetId, target });
      if (opts.stopFirstProposal && proposed.length === 1) throw abortError();
      return structuredClone({ ...proposal, target });
    },
    async previewRecipe(datasetId, recipe, target, seed) {
      previews.push({ datasetId, recipe, target, seed });
      const view = { sampleSize: previews.length } as RecipePreviewView;
      views.push(view);
      waiter?.();
      return view;
    },
    dispose() {},
  };
  /** Resolves at the next recipe preview call (ask before causing it). */
  const nextPreview = () =>
    new Promise<void>((resolve) => {
      waiter = resolve;
    });
  return { client, proposal, proposed, previews, views, pages, nextPreview };
}
