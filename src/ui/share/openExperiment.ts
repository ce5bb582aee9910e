import { sha256Hex } from "../../core/deploy/canonicalJson.ts";
import { dataFingerprint } from "../../core/deploy/dataFingerprint.ts";
import type { Progress } from "../../core/progress.ts";
import type { SharedExperiment } from "../../core/share/experiment.ts";
import { ShareError } from "../../core/share/shareError.ts";
import { loadFrame } from "../../persist/datasets.ts";
import { createProject, deleteProject, listProjects, setProjectShared } from "../../persist/projects.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { PHASES, type PhaseId } from "../project/phases.ts";
import { getDb } from "../shared/appDb.ts";

/** The phase ids a shared experiment may name. */
export const SHARE_IDS = { phases: PHASES.map((p) => p.id) };

/** Where an opened experiment landed. */
export interface OpenedExperiment {
  projectId: string;
  phase: PhaseId;
  /** The rebuilt table's SHA-256 equals the experiment's; false is shown as a warning. */
  dataMatches: boolean;
  /** An earlier copy of the same experiment was found and reused. */
  reused: boolean;
}

/**
 * Rebuilds a shared experiment as a new project: the CSV read by the data worker (as any loaded
 * table), column kinds set back where the reader infers another, the rebuilt table's SHA-256
 * checked, then the framing, recipe, split, run choices and teacher settings written. The same
 * experiment opened again lands on its earlier project. A failure leaves no half-built project.
 */
export async function openExperiment(
  experiment: SharedExperiment,
  packed: Uint8Array,
  deps: { client: DataClient; signal?: AbortSignal; onProgress?: (p: Progress) => void },
): Promise<OpenedExperiment> {
  const db = await getDb();
  const packedSha256 = await sha256Hex(packed);
  const earlier = (await listProjects(db)).find((p) => p.shared?.packedSha256 === packedSha256);
  const phase = experiment.phase as PhaseId;
  if (earlier)
    return { projectId: earlier.id, phase, dataMatches: earlier.shared?.dataMatches === true, reused: true };

  const project = await createProject(db, experiment.name);
  try {
    const { data } = experiment;
    const call = { signal: deps.signal, onProgress: deps.onProgress };
    let { dataset } = await deps.client.ingest(
      project.id,
      { type: "text", text: data.csv, name: data.name },
      {},
      call,
    );
    const names = dataset.columns.map((c) => c.name);
    if (names.length !== data.columns.length || names.some((n, i) => n !== data.columns[i].name))
      throw new ShareError("invalid", "data.columns: the column names do not match the table's header.");
    for (let i = 0; i < data.columns.length; i++) {
      if (dataset.columns[i].kind !== data.columns[i].kind)
        dataset = (await deps.client.setColumnKind(dataset.id, i, data.columns[i].kind, call)).dataset;
    }
    const dataMatches = (await dataFingerprint(await loadFrame(db, dataset.id))) === data.sha256;
    await setProjectShared(db, project.id, {
      framing: experiment.framing ? { ...experiment.framing, datasetId: dataset.id } : null,
      recipe: experiment.recipe,
      split: experiment.split,
      shared: {
        dataSha256: data.sha256,
        dataMatches,
        run: experiment.run,
        teacher: experiment.teacher,
        packedSha256,
        openedAt: Date.now(),
      },
    });
    return { projectId: project.id, phase, dataMatches, reused: false };
  } catch (err) {
    await deleteProject(db, project.id).catch(() => {});
    throw err;
  }
}
