import { createStore } from "solid-js/store";
import type { AppDb } from "../../persist/db.ts";
import {
  challengeWithVersion,
  deleteVersion,
  getVersionFile,
  listVersions,
  promoteVersion,
  rollBackChampion,
  setVersionNote,
} from "../../persist/registry.ts";
import type { PredictClient } from "../bridges/predictClient.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { type DeployState, importRefusal, makeDeployState, versionName, withView } from "./deployState.ts";
import { downloadBlob } from "./downloadBlob.ts";

export { type DeployState, makeDeployState } from "./deployState.ts";

export interface DeployActions {
  /** Reads the project's versions and aliases. */
  open(projectId: string): Promise<void>;
  select(versionId: string): void;
  promote(versionId: string): Promise<void>;
  challenge(versionId: string): Promise<void>;
  rollBack(): Promise<void>;
  remove(versionId: string): Promise<void>;
  setNote(versionId: string, note: string): Promise<void>;
  /** Checks and stores a model file; a refusal lands in `importError` and nothing is stored. */
  importFile(file: File): Promise<void>;
  /** Downloads a version's model file as `fileName`. */
  exportFile(versionId: string, fileName: string): Promise<void>;
  /** Downloads a version as a single-file HTML predictor (model, code and styles inline). */
  exportHtml(versionId: string, fileName: string): Promise<void>;
  /**
   * Downloads a version as one ONNX file, built in the predictor worker; a pipeline with no
   * faithful ONNX form shows the worker's sentence as the page's error and downloads nothing.
   */
  exportOnnx(versionId: string, fileName: string): Promise<void>;
  dismissError(): void;
}

export type DeployStore = [DeployState, DeployActions];

/**
 * The Deploy phase's one store: registry reads and alias changes go straight to storage (no model
 * code), imports go through the predictor worker, which checks the file. Each change re-reads the
 * registry, so a change made in another tab shows too.
 */
export function createDeployStore(deps: { client: PredictClient; db: () => Promise<AppDb> }): DeployStore {
  const [state, setState] = createStore<DeployState>(makeDeployState());

  const reload = async (prefer?: string) => {
    const projectId = state.projectId;
    if (!projectId) return;
    const view = await listVersions(await deps.db(), projectId);
    if (state.projectId === projectId) setState((s) => withView(s, view, prefer));
  };

  /** Runs a change with `busy` set; its error becomes the page's one error line. */
  const act = async (busy: string, body: (db: AppDb, projectId: string) => Promise<unknown>) => {
    const projectId = state.projectId;
    if (!projectId || state.busy) return;
    setState({ busy, error: null });
    try {
      await body(await deps.db(), projectId);
    } catch (err) {
      setState({ error: errorMessage(err) });
    } finally {
      setState({ busy: null });
      await reload().catch((err) => setState({ error: errorMessage(err) }));
    }
  };

  const nameOf = (id: string) => {
    const v = state.versions.find((x) => x.id === id);
    return v ? versionName(v) : "this version";
  };

  const actions: DeployActions = {
    async open(projectId) {
      setState({ ...makeDeployState(), projectId, loading: true });
      try {
        await reload();
      } catch (err) {
        setState({ loading: false, error: errorMessage(err) });
      }
    },
    select: (versionId) => setState({ selected: versionId }),
    promote: (id) => act(`Promoting ${nameOf(id)}`, (db, p) => promoteVersion(db, p, id)),
    challenge: (id) => act(`Making ${nameOf(id)} the challenger`, (db, p) => challengeWithVersion(db, p, id)),
    rollBack: () => act("Rolling back", (db, p) => rollBackChampion(db, p)),
    remove: (id) => act(`Deleting ${nameOf(id)}`, (db, p) => deleteVersion(db, p, id)),
    setNote: (id, note) => act("Saving the note", (db) => setVersionNote(db, id, note)),

    async importFile(file) {
      const projectId = state.projectId;
      if (!projectId || state.busy) return;
      setState({ busy: `Checking ${file.name}`, importError: null, importNotes: [], error: null });
      try {
        const { version, notes } = await deps.client.importFile(projectId, file, file.name);
        setState({ importNotes: notes });
        await reload(version.id);
      } catch (err) {
        setState({ importError: importRefusal(file.name, err) });
      } finally {
        setState({ busy: null });
      }
    },

    async exportFile(versionId, fileName) {
      try {
        const file = await getVersionFile(await deps.db(), versionId);
        downloadBlob(new Blob([JSON.stringify(file)], { type: "application/json" }), fileName);
      } catch (err) {
        setState({ error: errorMessage(err) });
      }
    },

    async exportHtml(versionId, fileName) {
      try {
        // Loaded on demand: the predictor script is ~460 kB the page does not otherwise need.
        const [file, { buildHtmlPredictor }, { default: predictorJs }] = await Promise.all([
          deps.db().then((db) => getVersionFile(db, versionId)),
          import("../../core/deploy/htmlPredictor.ts"),
          import("../../../generated/predictor/predictor.js?raw"),
        ]);
        downloadBlob(new Blob([buildHtmlPredictor(file, predictorJs)], { type: "text/html" }), fileName);
      } catch (err) {
        setState({ error: errorMessage(err) });
      }
    },

    async exportOnnx(versionId, fileName) {
      if (state.busy) return;
      setState({ busy: "Exporting to ONNX", error: null });
      try {
        const out = await deps.client.exportOnnx(versionId);
        if (out.file) downloadBlob(out.file, fileName);
        else setState({ error: `This version cannot be exported to ONNX. ${out.refused}` });
      } catch (err) {
        setState({ error: errorMessage(err) });
      } finally {
        setState({ busy: null });
      }
    },

    dismissError: () => setState({ error: null, importError: null, importNotes: [] }),
  };
  return [state, actions];
}
