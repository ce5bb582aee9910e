import { createStore, unwrap } from "solid-js/store";
import type { IngestOptions, IngestSource } from "../../../workers/dataApi.ts";
import type { ColumnKind } from "../../core/data/frame.ts";
import type { Progress } from "../../core/progress.ts";
import { deleteDataset, listDatasets, renameDataset } from "../../persist/datasets.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { getDb } from "../shared/appDb.ts";
import { setChanged } from "../shared/setChanged.ts";
import * as ds from "./datasetState.ts";
import { type DatasetModel, type DatasetState, makeDatasetState } from "./datasetState.ts";
import { frameSample } from "./frameSample.ts";

export {
  type DatasetState,
  type IngestProgress,
  PREVIEW_PAGE,
  selectedDataset,
} from "./datasetState.ts";

export interface DatasetActions {
  /** Shows a project's datasets (the newest selected); keeps a load in flight. */
  open(projectId: string): Promise<void>;
  /**
   * Loads a CSV into a project; a second load replaces one in flight. `frameOn` (a sample's known
   * target) frames a project that has no framing yet on that column once the table is stored.
   */
  ingest(projectId: string, source: IngestSource, opts?: IngestOptions, frameOn?: string): Promise<void>;
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

/**
 * The Data phase's datasets of one project. Every decision is a pure function in datasetState.ts;
 * this holds the state, calls the data worker and storage, and applies those functions.
 */
export function createDatasetStore(deps: DatasetStoreDeps): DatasetStore {
  const [state, setState] = createStore<DatasetModel>(makeDatasetState());
  let loading: AbortController | undefined;

  const current = (): DatasetModel => ({ ...unwrap(state) });
  const set = (next: DatasetModel) => setChanged(setState, unwrap(state), next);
  const update = (change: (s: DatasetModel) => DatasetModel) => set(change(current()));
  const changed = (projectId: string) => deps.onChanged?.(projectId);

  async function loadPreview(datasetId: string) {
    update(ds.previewStarted);
    const call = state.previewCall;
    try {
      const page = await deps.client.preview(datasetId, 0, ds.PREVIEW_PAGE);
      update((s) => ds.previewLoaded(s, call, datasetId, page.rows));
    } catch (err) {
      update((s) => ds.previewFailed(s, call, err));
    } finally {
      update((s) => ds.previewEnded(s, call));
    }
  }

  /** Reads the preview the selection lacks, if any. */
  const loadMissingPreview = async () => {
    const id = ds.previewToLoad(current());
    if (id) await loadPreview(id);
  };

  /** A sample's framing is a convenience: if it fails, Frame still offers the target. */
  async function frameQuietly(projectId: string, datasetId: string, target: string, signal: AbortSignal) {
    try {
      await frameSample(deps.client, projectId, datasetId, target, signal);
    } catch {
      // Nothing to report: the table loaded, and the project is simply not framed yet.
    }
  }

  const actions: DatasetActions = {
    async open(projectId) {
      update((s) => ds.listStarted(s, projectId));
      const call = state.listCall;
      try {
        const db = await getDb();
        const listed = await listDatasets(db, projectId);
        const before = current();
        const next = ds.listRead(before, call, projectId, listed);
        if (next === before) return;
        set(next);
        await loadMissingPreview();
      } catch (err) {
        update((s) => ds.listFailed(s, call, err));
      } finally {
        update((s) => ds.listEnded(s, call));
      }
    },

    async ingest(projectId, source, opts = {}, frameOn) {
      loading?.abort();
      const ctl = new AbortController();
      loading = ctl;
      update((s) => ds.ingestStarted(s, projectId, source));
      const onProgress = (p: Progress) => loading === ctl && update((s) => ds.ingestProgressed(s, p));
      try {
        const result = await deps.client.ingest(projectId, source, opts, { signal: ctl.signal, onProgress });
        // Framed before the load counts as done, so Frame and Train open onto the framing.
        if (frameOn && loading === ctl) await frameQuietly(projectId, result.dataset.id, frameOn, ctl.signal);
        const isCurrent = loading === ctl;
        if (isCurrent) loading = undefined;
        update((s) => ds.ingestLoaded(s, projectId, result, isCurrent));
        changed(projectId);
      } catch (err) {
        // Replaced by a newer load: that one owns the state now.
        if (loading !== ctl) return;
        loading = undefined;
        update((s) => ds.ingestFailed(s, projectId, err));
      }
    },

    cancelIngest() {
      loading?.abort();
    },

    async select(datasetId) {
      const before = current();
      const next = ds.selected(before, datasetId);
      if (next === before) return;
      set(next);
      await loadPreview(datasetId);
    },

    async rename(datasetId, name) {
      try {
        const db = await getDb();
        const renamed = await renameDataset(db, datasetId, name);
        update((s) => ds.datasetPut(s, renamed));
        if (state.projectId) changed(state.projectId);
      } catch (err) {
        update((s) => ds.failed(s, err));
      }
    },

    async remove(datasetId) {
      try {
        const db = await getDb();
        await deleteDataset(db, datasetId);
        update((s) => ds.datasetRemoved(s, datasetId));
        void loadMissingPreview();
        if (state.projectId) changed(state.projectId);
      } catch (err) {
        update((s) => ds.failed(s, err));
      }
    },

    async setKind(columnIndex, kind) {
      const datasetId = state.selectedId;
      if (!datasetId) return false;
      update((s) => ds.kindStarted(s, columnIndex));
      try {
        const result = await deps.client.setColumnKind(datasetId, columnIndex, kind);
        const applied = ds.kindApplied(current(), datasetId, result);
        set(applied.state);
        if (applied.reread !== null) {
          const page = await deps.client.preview(datasetId, 0, applied.reread);
          update((s) => ds.kindReread(s, datasetId, page.rows));
        }
        changed(result.dataset.projectId);
        return true;
      } catch (err) {
        update((s) => ds.callFailed(s, err));
        return false;
      } finally {
        update(ds.kindEnded);
      }
    },

    async showMore() {
      const more = ds.moreStarted(current());
      if (!more) return;
      set(more.state);
      const call = more.state.previewCall;
      try {
        const page = await deps.client.preview(more.datasetId, more.start, ds.PREVIEW_PAGE);
        update((s) => ds.previewAppended(s, call, page.rows));
      } catch (err) {
        update((s) => ds.previewFailed(s, call, err));
      } finally {
        update((s) => ds.previewEnded(s, call));
      }
    },

    dismissError() {
      update((s) => ({ ...s, error: null }));
    },
  };
  return [state, actions];
}
