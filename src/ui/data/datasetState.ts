/**
 * The Data phase's decisions as pure functions of its state: each takes the state (and what
 * happened) and returns the next one. No Solid, no storage, no worker here: `datasetStore.ts`
 * holds the state, calls the data worker and storage, and applies these.
 */
import type { IngestResult, IngestSource } from "../../../workers/dataApi.ts";
import type { Progress } from "../../core/progress.ts";
import type { DatasetMeta } from "../../persist/types.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";

/** Rows asked for per page of the preview table. */
export const PREVIEW_PAGE = 50;

/** A load in flight; `done` / `total` are bytes (`total` 0 when unknown). */
export interface IngestProgress {
  projectId: string;
  name: string;
  /** The worker's note on the current step ("Saving on this device"), if any. */
  message: string | null;
  done: number;
  total: number;
  rows: number;
}

/** Rows of the preview table, formatted by the worker (null = missing). */
export type PreviewRows = (string | null)[][];

export interface DatasetState {
  /** The project whose datasets are shown. */
  projectId: string | null;
  /** Newest first. */
  datasets: DatasetMeta[];
  selectedId: string | null;
  /** First rows of the selected dataset, formatted by the worker (null = missing). */
  preview: { datasetId: string; rows: PreviewRows } | null;
  previewLoading: boolean;
  listLoading: boolean;
  ingest: IngestProgress | null;
  /** Index of the column being re-typed. */
  pendingKind: number | null;
  /** A short note on the last action ("Loading cancelled."). */
  status: string | null;
  error: string | null;
}

/**
 * The state with the numbers of the newest list read and preview read: a result whose number is
 * not the newest arrived after something replaced it and is dropped. Views see only DatasetState.
 */
export interface DatasetModel extends DatasetState {
  listCall: number;
  previewCall: number;
}

export function makeDatasetState(): DatasetModel {
  return {
    projectId: null,
    datasets: [],
    selectedId: null,
    preview: null,
    previewLoading: false,
    listLoading: false,
    ingest: null,
    pendingKind: null,
    status: null,
    error: null,
    listCall: 0,
    previewCall: 0,
  };
}

export function selectedDataset(state: DatasetState): DatasetMeta | undefined {
  return state.datasets.find((d) => d.id === state.selectedId);
}

const newestFirst = (a: DatasetMeta, b: DatasetMeta) => b.createdAt - a.createdAt;

/** The list with `d` added or replaced (same id), newest first. */
export function putDataset(list: readonly DatasetMeta[], d: DatasetMeta): DatasetMeta[] {
  const i = list.findIndex((x) => x.id === d.id);
  const next = i >= 0 ? list.map((x, j) => (j === i ? d : x)) : [...list, d];
  return next.sort(newestFirst);
}

/** Any failure, in plain words. */
export function failed<S extends DatasetState>(state: S, err: unknown): S {
  return { ...state, error: errorMessage(err) };
}

/** A worker call's failure; a stopped call says nothing (a cancel reports itself). */
export function callFailed<S extends DatasetState>(state: S, err: unknown): S {
  return isAbortError(err) ? state : failed(state, err);
}

// Listing a project's datasets.

/** Showing another project starts from an empty list; the same project keeps what it shows. */
export function listStarted(state: DatasetModel, projectId: string): DatasetModel {
  const base: DatasetModel =
    state.projectId === projectId
      ? state
      : {
          ...state,
          projectId,
          datasets: [],
          selectedId: null,
          preview: null,
          status: null,
          error: null,
          previewCall: state.previewCall + 1,
        };
  return { ...base, listCall: base.listCall + 1, listLoading: true };
}

/**
 * Takes in the stored list, keeping a load that finished while listing (it is not in `listed`
 * yet) and the selection when it is still there, else selecting the newest.
 */
export function listRead(
  state: DatasetModel,
  call: number,
  projectId: string,
  listed: readonly DatasetMeta[],
): DatasetModel {
  if (call !== state.listCall || state.projectId !== projectId) return state;
  const ids = new Set(listed.map((d) => d.id));
  const datasets = [...listed, ...state.datasets.filter((d) => !ids.has(d.id))].sort(newestFirst);
  const keep = datasets.some((d) => d.id === state.selectedId);
  return { ...state, datasets, selectedId: keep ? state.selectedId : (datasets[0]?.id ?? null) };
}

export function listFailed(state: DatasetModel, call: number, err: unknown): DatasetModel {
  return call === state.listCall ? failed(state, err) : state;
}

export function listEnded(state: DatasetModel, call: number): DatasetModel {
  return call === state.listCall ? { ...state, listLoading: false } : state;
}

// The preview table.

/** The dataset whose first rows must be read: the selected one when they are not shown. */
export function previewToLoad(state: DatasetState): string | null {
  return state.selectedId && state.preview?.datasetId !== state.selectedId ? state.selectedId : null;
}

/** A read of preview rows begins; its number is the new `previewCall`. */
export function previewStarted(state: DatasetModel): DatasetModel {
  return { ...state, previewCall: state.previewCall + 1, previewLoading: true };
}

/** The first rows of a dataset arrived. */
export function previewLoaded(
  state: DatasetModel,
  call: number,
  datasetId: string,
  rows: PreviewRows,
): DatasetModel {
  return call === state.previewCall ? { ...state, preview: { datasetId, rows } } : state;
}

/** "Show more": the read of the next page, or null when nothing is shown or a read is under way. */
export function moreStarted(
  state: DatasetModel,
): { state: DatasetModel; datasetId: string; start: number } | null {
  if (!state.preview || state.previewLoading) return null;
  return {
    state: previewStarted(state),
    datasetId: state.preview.datasetId,
    start: state.preview.rows.length,
  };
}

/** More rows arrived for the dataset shown. */
export function previewAppended(state: DatasetModel, call: number, rows: PreviewRows): DatasetModel {
  if (call !== state.previewCall || !state.preview) return state;
  return { ...state, preview: { ...state.preview, rows: [...state.preview.rows, ...rows] } };
}

export function previewFailed(state: DatasetModel, call: number, err: unknown): DatasetModel {
  return call === state.previewCall ? callFailed(state, err) : state;
}

export function previewEnded(state: DatasetModel, call: number): DatasetModel {
  return call === state.previewCall ? { ...state, previewLoading: false } : state;
}

/** Selecting another dataset drops the rows shown; the same one changes nothing. */
export function selected(state: DatasetModel, datasetId: string): DatasetModel {
  if (datasetId === state.selectedId) return state;
  return { ...state, selectedId: datasetId, preview: null, status: null };
}

// Loading a CSV.

/** Bytes to read, for the progress bar: 0 when unknown (a sample is fetched). */
export function ingestSize(source: IngestSource): number {
  if (source.type === "file") return source.file.size;
  return source.type === "text" ? new Blob([source.text]).size : 0;
}

export function ingestStarted(state: DatasetModel, projectId: string, source: IngestSource): DatasetModel {
  return {
    ...state,
    ingest: { projectId, name: source.name, message: null, done: 0, total: ingestSize(source), rows: 0 },
    status: null,
    error: null,
  };
}

/** A progress report; the total stays what it was when the worker does not know it. */
export function ingestProgressed(state: DatasetModel, p: Progress): DatasetModel {
  const prev = state.ingest;
  if (!prev) return state;
  const ingest = {
    ...prev,
    message: p.message ?? null,
    done: p.done,
    total: p.total || prev.total,
    rows: p.metrics?.rows ?? prev.rows,
  };
  return { ...state, ingest };
}

/**
 * A load finished. `current`: no newer load replaced it, so its progress goes away. A table loaded
 * into the project shown is selected with the rows the worker sent, replacing a preview read.
 */
export function ingestLoaded(
  state: DatasetModel,
  projectId: string,
  result: IngestResult,
  current: boolean,
): DatasetModel {
  const s = current ? { ...state, ingest: null } : state;
  if (s.projectId !== projectId) return s;
  const id = result.dataset.id;
  return {
    ...s,
    datasets: putDataset(s.datasets, result.dataset),
    selectedId: id,
    preview: { datasetId: id, rows: result.preview.rows },
    previewLoading: false,
    previewCall: s.previewCall + 1,
    status: `Loaded ${result.dataset.name}.`,
  };
}

/**
 * The newest load failed or was cancelled. Cancelling kills the worker, and with it any preview
 * or re-typing it was serving. An error about another project than the one shown is not shown.
 */
export function ingestFailed(state: DatasetModel, projectId: string, err: unknown): DatasetModel {
  const s = { ...state, ingest: null, previewLoading: false, pendingKind: null };
  if (isAbortError(err)) return { ...s, status: "Loading cancelled." };
  return s.projectId === projectId ? failed(s, err) : s;
}

/** Whether a CSV is being loaded into the project: other phases wait, as they share the data worker. */
export function isLoadingInto(state: DatasetState, projectId: string): boolean {
  return state.ingest?.projectId === projectId;
}

// Renaming, deleting, re-typing.

export function datasetPut(state: DatasetModel, d: DatasetMeta): DatasetModel {
  return { ...state, datasets: putDataset(state.datasets, d) };
}

/** A dataset deleted; when it was the one selected, the newest left is selected (see previewToLoad). */
export function datasetRemoved(state: DatasetModel, datasetId: string): DatasetModel {
  const datasets = state.datasets.filter((d) => d.id !== datasetId);
  const s = { ...state, datasets, status: "Dataset deleted." };
  if (state.selectedId !== datasetId) return s;
  return {
    ...s,
    selectedId: datasets[0]?.id ?? null,
    preview: null,
    previewLoading: false,
    previewCall: s.previewCall + 1,
  };
}

export function kindStarted(state: DatasetModel, columnIndex: number): DatasetModel {
  return { ...state, pendingKind: columnIndex, error: null };
}

/**
 * A column re-typed. Cells are formatted by kind, so the rows shown are replaced: by the rows the
 * worker sent when they are as many as were shown, else `reread` says how many to read again.
 */
export function kindApplied(
  state: DatasetModel,
  datasetId: string,
  result: IngestResult,
): { state: DatasetModel; reread: number | null } {
  const s = datasetPut(state, result.dataset);
  if (s.selectedId !== datasetId) return { state: s, reread: null };
  const shown = s.preview?.datasetId === datasetId ? s.preview.rows.length : 0;
  if (result.preview.rows.length < shown) return { state: s, reread: shown };
  return {
    state: { ...s, preview: { datasetId, rows: result.preview.rows }, previewCall: s.previewCall + 1 },
    reread: null,
  };
}

/** Rows read again after a re-typing, shown if the dataset is still selected. */
export function kindReread(state: DatasetModel, datasetId: string, rows: PreviewRows): DatasetModel {
  return state.selectedId === datasetId ? { ...state, preview: { datasetId, rows } } : state;
}

export function kindEnded(state: DatasetModel): DatasetModel {
  return { ...state, pendingKind: null };
}
