import { createStore, produce } from "solid-js/store";
import type { IngestOptions, IngestSource } from "../../../workers/dataApi.ts";
import type { ColumnKind } from "../../core/data/frame.ts";
import type { Progress } from "../../core/progress.ts";
import { deleteDataset, listDatasets, renameDataset } from "../../persist/datasets.ts";
import type { DatasetMeta } from "../../persist/types.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { getDb } from "../shared/appDb.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";

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

export interface DatasetState {
  /** The project whose datasets are shown. */
  projectId: string | null;
  /** Newest first. */
  datasets: DatasetMeta[];
  selectedId: string | null;
  /** First rows of the selected dataset, formatted by the worker (null = missing). */
  preview: { datasetId: string; rows: (string | null)[][] } | null;
  previewLoading: boolean;
  listLoading: boolean;
  ingest: IngestProgress | null;
  /** Index of the column being re-typed. */
  pendingKind: number | null;
  /** A short note on the last action ("Loading cancelled."). */
  status: string | null;
  error: string | null;
}

export interface DatasetActions {
  /** Shows a project's datasets (the newest selected); keeps a load in flight. */
  open(projectId: string): Promise<void>;
  /** Loads a CSV into a project; a second load replaces one in flight. */
  ingest(projectId: string, source: IngestSource, opts?: IngestOptions): Promise<void>;
  cancelIngest(): void;
  select(datasetId: string): Promise<void>;
  rename(datasetId: string, name: string): Promise<void>;
  remove(datasetId: string): Promise<void>;
  /** Re-types a column of the selected dataset; false when that failed (the error is set). */
  setKind(columnIndex: number, kind: ColumnKind): Promise<boolean>;
  showMore(): Promise<void>;
  dismissError(): void;
}

export type DatasetStore = [DatasetState, DatasetActions];

export interface DatasetStoreDeps {
  client: DataClient;
  /** Called after anything that changed what a project stores (for storage and list refreshes). */
  onChanged?: (projectId: string) => void;
}

const newestFirst = (a: DatasetMeta, b: DatasetMeta) => b.createdAt - a.createdAt;

export function selectedDataset(state: DatasetState): DatasetMeta | undefined {
  return state.datasets.find((d) => d.id === state.selectedId);
}

export function createDatasetStore(deps: DatasetStoreDeps): DatasetStore {
  const [state, setState] = createStore<DatasetState>({
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
  });
  let loading: AbortController | undefined;
  let listCall = 0;
  let previewCall = 0;

  const fail = (err: unknown) => setState("error", errorMessage(err));
  const changed = (projectId: string) => deps.onChanged?.(projectId);

  const putDataset = (d: DatasetMeta) =>
    setState(
      "datasets",
      produce((list) => {
        const i = list.findIndex((x) => x.id === d.id);
        if (i >= 0) list[i] = d;
        else list.push(d);
        list.sort(newestFirst);
      }),
    );

  async function loadPreview(datasetId: string) {
    const call = ++previewCall;
    setState("previewLoading", true);
    try {
      const page = await deps.client.preview(datasetId, 0, PREVIEW_PAGE);
      if (call === previewCall) setState("preview", { datasetId, rows: page.rows });
    } catch (err) {
      if (call === previewCall && !isAbortError(err)) fail(err);
    } finally {
      if (call === previewCall) setState("previewLoading", false);
    }
  }

  const actions: DatasetActions = {
    async open(projectId) {
      if (state.projectId !== projectId) {
        previewCall++;
        setState({ projectId, datasets: [], selectedId: null, preview: null, status: null, error: null });
      }
      const call = ++listCall;
      setState("listLoading", true);
      try {
        const db = await getDb();
        const listed = await listDatasets(db, projectId);
        if (call !== listCall || state.projectId !== projectId) return;
        // A load that finished while listing is not in `listed` yet: keep it.
        const ids = new Set(listed.map((d) => d.id));
        const merged = [...listed, ...state.datasets.filter((d) => !ids.has(d.id))].sort(newestFirst);
        const keep = merged.some((d) => d.id === state.selectedId);
        const selectedId = keep ? state.selectedId : (merged[0]?.id ?? null);
        setState({ datasets: merged, selectedId });
        if (selectedId && state.preview?.datasetId !== selectedId) await loadPreview(selectedId);
      } catch (err) {
        if (call === listCall) fail(err);
      } finally {
        if (call === listCall) setState("listLoading", false);
      }
    },

    async ingest(projectId, source, opts = {}) {
      loading?.abort();
      const ctl = new AbortController();
      loading = ctl;
      const total =
        source.type === "file" ? source.file.size : source.type === "text" ? new Blob([source.text]).size : 0;
      setState({
        ingest: { projectId, name: source.name, message: null, done: 0, total, rows: 0 },
        status: null,
        error: null,
      });
      const onProgress = (p: Progress) => {
        if (loading !== ctl) return;
        setState("ingest", (prev) =>
          prev
            ? {
                ...prev,
                message: p.message ?? null,
                done: p.done,
                total: p.total || prev.total,
                rows: p.metrics?.rows ?? prev.rows,
              }
            : prev,
        );
      };
      try {
        const result = await deps.client.ingest(projectId, source, opts, { signal: ctl.signal, onProgress });
        if (loading === ctl) {
          loading = undefined;
          setState("ingest", null);
        }
        if (state.projectId === projectId) {
          previewCall++;
          putDataset(result.dataset);
          setState({
            selectedId: result.dataset.id,
            preview: { datasetId: result.dataset.id, rows: result.preview.rows },
            previewLoading: false,
            status: `Loaded ${result.dataset.name}.`,
          });
        }
        changed(projectId);
      } catch (err) {
        // Replaced by a newer load: that one owns the state now.
        if (loading !== ctl) return;
        loading = undefined;
        // Cancelling kills the worker, and with it any preview it was serving.
        setState({ ingest: null, previewLoading: false, pendingKind: null });
        if (isAbortError(err)) setState("status", "Loading cancelled.");
        else if (state.projectId === projectId) fail(err);
      }
    },

    cancelIngest() {
      loading?.abort();
    },

    async select(datasetId) {
      if (datasetId === state.selectedId) return;
      setState({ selectedId: datasetId, preview: null, status: null });
      await loadPreview(datasetId);
    },

    async rename(datasetId, name) {
      try {
        const db = await getDb();
        putDataset(await renameDataset(db, datasetId, name));
        if (state.projectId) changed(state.projectId);
      } catch (err) {
        fail(err);
      }
    },

    async remove(datasetId) {
      try {
        const db = await getDb();
        await deleteDataset(db, datasetId);
        const rest = state.datasets.filter((d) => d.id !== datasetId);
        const wasSelected = state.selectedId === datasetId;
        setState({ datasets: rest, status: "Dataset deleted." });
        if (wasSelected) {
          previewCall++;
          setState({ selectedId: rest[0]?.id ?? null, preview: null, previewLoading: false });
          if (rest[0]) void loadPreview(rest[0].id);
        }
        if (state.projectId) changed(state.projectId);
      } catch (err) {
        fail(err);
      }
    },

    async setKind(columnIndex, kind) {
      const datasetId = state.selectedId;
      if (!datasetId) return false;
      setState({ pendingKind: columnIndex, error: null });
      try {
        const result = await deps.client.setColumnKind(datasetId, columnIndex, kind);
        putDataset(result.dataset);
        if (state.selectedId === datasetId) {
          // Cells are formatted by kind, so the rows shown are re-read; keep as many as were shown.
          const shown = state.preview?.datasetId === datasetId ? state.preview.rows.length : 0;
          if (result.preview.rows.length >= shown) {
            previewCall++;
            setState("preview", { datasetId, rows: result.preview.rows });
          } else {
            const page = await deps.client.preview(datasetId, 0, shown);
            if (state.selectedId === datasetId) setState("preview", { datasetId, rows: page.rows });
          }
        }
        changed(result.dataset.projectId);
        return true;
      } catch (err) {
        if (!isAbortError(err)) fail(err);
        return false;
      } finally {
        setState("pendingKind", null);
      }
    },

    async showMore() {
      const preview = state.preview;
      if (!preview || state.previewLoading) return;
      const call = ++previewCall;
      setState("previewLoading", true);
      try {
        const page = await deps.client.preview(preview.datasetId, preview.rows.length, PREVIEW_PAGE);
        if (call === previewCall) setState("preview", "rows", (rows) => [...rows, ...page.rows]);
      } catch (err) {
        if (call === previewCall && !isAbortError(err)) fail(err);
      } finally {
        if (call === previewCall) setState("previewLoading", false);
      }
    },

    dismissError() {
      setState("error", null);
    },
  };
  return [state, actions];
}
