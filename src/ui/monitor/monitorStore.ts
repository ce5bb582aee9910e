import { createStore, reconcile } from "solid-js/store";
import type { DriftOverride } from "../../core/monitor/columnDrift.ts";
import type { ReferenceSketches } from "../../core/monitor/sketch.ts";
import type { Progress } from "../../core/progress.ts";
import type { AppDb } from "../../persist/db.ts";
import { listBatches, type MonitorBatchRecord } from "../../persist/monitorBatches.ts";
import { addDecision, listDecisions, type MonitorDecision } from "../../persist/monitorDecisions.ts";
import { getProject } from "../../persist/projects.ts";
import { getVersionFile, listVersions, promoteVersion, rollBackChampion } from "../../persist/registry.ts";
import { versionName } from "../../persist/registryAliases.ts";
import type { ModelVersion, RegistryRecord } from "../../persist/types.ts";
import type { MonitorClient } from "../bridges/monitorClient.ts";
import { errorMessage } from "../shared/errorMessage.ts";

/** What the Monitor phase is doing now, with its progress; null when idle. */
export interface MonitorBusy {
  kind: "monitor" | "retest" | "retrain" | "compare" | "alias";
  message: string;
  done: number;
  total: number;
}

export interface MonitorState {
  projectId: string | null;
  loading: boolean;
  versions: ModelVersion[];
  registry: RegistryRecord | null;
  /** The version whose batches are shown (default: the champion). */
  versionId: string | null;
  batches: MonitorBatchRecord[];
  /** The open version's reference sketches (its training data), to draw batches over. */
  reference: ReferenceSketches | null;
  /** The batch whose report is open (default: the newest). */
  batchId: string | null;
  /** The column whose distributions are drawn. */
  drill: string | null;
  decisions: MonitorDecision[];
  /** The success criterion as set in Frame (read from the project when the phase opens). */
  criterion: string | null;
  keepRows: boolean;
  retrainRows: "all" | "window";
  window: number;
  busy: MonitorBusy | null;
  error: string | null;
}

export interface MonitorActions {
  open(projectId: string): Promise<void>;
  selectVersion(versionId: string): Promise<void>;
  selectBatch(batchId: string): void;
  drill(column: string | null): void;
  setKeepRows(keep: boolean): void;
  setRetrainRows(rows: "all" | "window", window?: number): void;
  /** Monitors a dropped CSV against the open version and stores the batch. */
  dropBatch(file: File): Promise<void>;
  /** Tests the open batch again with a column's test and / or threshold changed (null: back to the default). */
  setOverride(column: string, override: DriftOverride | null): Promise<void>;
  retrain(): Promise<void>;
  compare(): Promise<void>;
  promote(): Promise<void>;
  keep(): Promise<void>;
  rollBack(): Promise<void>;
  /** Stops the monitoring, retraining or comparison under way. */
  cancel(): void;
  dismissError(): void;
}

export type MonitorStore = [MonitorState, MonitorActions];

export function makeMonitorState(): MonitorState {
  return {
    projectId: null,
    loading: false,
    versions: [],
    registry: null,
    versionId: null,
    batches: [],
    reference: null,
    batchId: null,
    drill: null,
    decisions: [],
    criterion: null,
    keepRows: false,
    retrainRows: "all",
    window: 1,
    busy: null,
    error: null,
  };
}

/** The comparison of the current champion and challenger, if one was made. */
export function currentComparison(s: MonitorState): MonitorDecision | null {
  const reg = s.registry;
  if (!reg?.champion || !reg.challenger) return null;
  return (
    s.decisions
      .filter(
        (d) => d.action === "compare" && d.championId === reg.champion && d.challengerId === reg.challenger,
      )
      .at(-1) ?? null
  );
}

const isAbort = (err: unknown) => (err as { name?: string } | null)?.name === "AbortError";

/**
 * The Monitor phase's one store. Batches are monitored, re-tested, retrained on and compared in
 * the monitor worker; registry reads, alias changes and decisions go straight to storage.
 */
export function createMonitorStore(deps: { client: MonitorClient; db: () => Promise<AppDb> }): MonitorStore {
  const [state, setState] = createStore<MonitorState>(makeMonitorState());
  let controller: AbortController | null = null;
  let referenceOf: string | null = null;

  const nameOf = (id: string | null) => {
    const v = state.versions.find((x) => x.id === id);
    return v ? versionName(v.number) : "none";
  };

  const reloadBatches = async (prefer?: string) => {
    const versionId = state.versionId;
    if (!versionId) return setState({ batches: [], batchId: null, reference: null });
    const db = await deps.db();
    // A version's file never changes: its reference is read once per version opened.
    const readRef = referenceOf !== versionId;
    const [batches, file] = await Promise.all([
      listBatches(db, versionId),
      readRef ? getVersionFile(db, versionId) : null,
    ]);
    if (state.versionId !== versionId) return;
    if (file) {
      referenceOf = versionId;
      setState({ reference: file.reference ?? null });
    }
    const keep = prefer ?? (batches.some((b) => b.id === state.batchId) ? state.batchId : batches.at(-1)?.id);
    setState("batches", reconcile(batches, { key: "id" }));
    setState({ batchId: keep ?? null });
  };

  const reload = async () => {
    const projectId = state.projectId;
    if (!projectId) return;
    const db = await deps.db();
    const [view, decisions, project] = await Promise.all([
      listVersions(db, projectId),
      listDecisions(db, projectId),
      getProject(db, projectId),
    ]);
    if (state.projectId !== projectId) return;
    const versionId =
      state.versionId && view.versions.some((v) => v.id === state.versionId)
        ? state.versionId
        : (view.registry.champion ?? view.versions.at(-1)?.id ?? null);
    // The Frame phase writes the framing straight to storage, so it is read from there.
    const criterion = project.framing?.criterion ?? null;
    setState({ versions: view.versions, registry: view.registry, decisions, versionId, criterion });
    await reloadBatches();
  };

  /** Runs a worker task with progress and a stop; its error (not a stop) becomes the page's error. */
  const task = async (
    kind: MonitorBusy["kind"],
    message: string,
    body: (signal: AbortSignal, onProgress: (p: Progress) => void) => Promise<unknown>,
  ) => {
    if (state.busy) return;
    controller = new AbortController();
    setState({ busy: { kind, message, done: 0, total: 0 }, error: null });
    const onProgress = (p: Progress) =>
      setState("busy", (b) =>
        b ? { ...b, done: p.done, total: p.total, message: p.message ?? b.message } : b,
      );
    try {
      await body(controller.signal, onProgress);
    } catch (err) {
      if (!isAbort(err)) setState({ error: errorMessage(err) });
    } finally {
      controller = null;
      setState({ busy: null });
      await reload().catch((err) => setState({ error: errorMessage(err) }));
    }
  };

  const actions: MonitorActions = {
    async open(projectId) {
      setState({ ...makeMonitorState(), projectId, loading: true });
      try {
        await reload();
      } catch (err) {
        setState({ error: errorMessage(err) });
      } finally {
        setState({ loading: false });
      }
    },
    async selectVersion(versionId) {
      setState({ versionId, batchId: null, drill: null });
      await reloadBatches().catch((err) => setState({ error: errorMessage(err) }));
    },
    selectBatch: (batchId) => setState({ batchId, drill: null }),
    drill: (column) => setState({ drill: column }),
    setKeepRows: (keepRows) => setState({ keepRows }),
    setRetrainRows: (retrainRows, window) =>
      setState({ retrainRows, ...(window !== undefined ? { window } : {}) }),

    dropBatch: (file) =>
      task("monitor", `Reading ${file.name}`, async (signal, onProgress) => {
        const versionId = state.versionId;
        if (!versionId) throw new Error("Choose a model version first.");
        // The newest batch's choices carry over: a person who changed a test keeps it.
        const overrides = state.batches.at(-1)?.overrides ?? {};
        const batch = await deps.client.monitor(
          { versionId, file, name: file.name, overrides: { ...overrides }, keepRows: state.keepRows },
          { signal, onProgress },
        );
        setState({ batchId: batch.id });
      }),

    setOverride: (column, override) =>
      task("retest", `Testing ${column} again`, async (signal) => {
        const batch = state.batches.find((b) => b.id === state.batchId);
        if (!batch) return;
        const overrides = { ...batch.overrides };
        if (override) overrides[column] = override;
        else delete overrides[column];
        await deps.client.retest(batch.id, overrides, { signal });
      }),

    retrain: () =>
      task("retrain", "Gathering the training rows", async (signal, onProgress) => {
        const versionId = state.versionId;
        if (!versionId || !state.projectId) return;
        await deps.client.retrain(
          { projectId: state.projectId, versionId, rows: state.retrainRows, window: state.window },
          { signal, onProgress },
        );
      }),

    compare: () =>
      task("compare", "Comparing champion and challenger", async (signal, onProgress) => {
        const reg = state.registry;
        if (!reg?.champion || !reg.challenger || !state.projectId) return;
        await deps.client.compare(
          { projectId: state.projectId, championId: reg.champion, challengerId: reg.challenger },
          { signal, onProgress },
        );
      }),

    promote: () =>
      task("alias", "Promoting the challenger", async () => {
        const reg = state.registry;
        if (!reg?.challenger || !state.projectId) return;
        const evidence = currentComparison(state);
        const old = reg.champion;
        const db = await deps.db();
        await promoteVersion(db, state.projectId, reg.challenger);
        await addDecision(db, {
          projectId: state.projectId,
          action: "promote",
          championId: reg.challenger,
          challengerId: null,
          summary: `Promoted ${nameOf(reg.challenger)} to champion; ${nameOf(old)} is kept and can be rolled back to.${evidence ? ` Evidence: ${evidence.summary}` : " No comparison was made first."}`,
          evidence: { kind: "alias", compareId: evidence?.id ?? null },
        });
        // Monitoring goes on with the new champion.
        setState({ versionId: reg.challenger });
      }),

    keep: () =>
      task("alias", "Keeping the champion", async () => {
        const reg = state.registry;
        if (!reg?.champion || !state.projectId) return;
        const evidence = currentComparison(state);
        await addDecision(await deps.db(), {
          projectId: state.projectId,
          action: "keep",
          championId: reg.champion,
          challengerId: reg.challenger,
          summary: `Kept ${nameOf(reg.champion)} as champion over ${nameOf(reg.challenger)}.${evidence ? ` Evidence: ${evidence.summary}` : ""}`,
          evidence: { kind: "alias", compareId: evidence?.id ?? null },
        });
      }),

    rollBack: () =>
      task("alias", "Rolling back", async () => {
        const reg = state.registry;
        if (!reg?.champion || !state.projectId) return;
        const db = await deps.db();
        const next = await rollBackChampion(db, state.projectId);
        await addDecision(db, {
          projectId: state.projectId,
          action: "rollback",
          championId: next.champion,
          challengerId: next.challenger,
          summary: `Rolled back: ${nameOf(next.champion)} is the champion again; ${nameOf(reg.champion)} becomes the challenger.`,
          evidence: { kind: "alias", compareId: null },
        });
        setState({ versionId: next.champion });
      }),

    cancel: () => controller?.abort(),
    dismissError: () => setState({ error: null }),
  };
  return [state, actions];
}
