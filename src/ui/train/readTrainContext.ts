import { listDatasets } from "../../persist/datasets.ts";
import { getProject } from "../../persist/projects.ts";
import { listRuns } from "../../persist/runs.ts";
import type { DatasetMeta, ProjectRecord, RunRecord } from "../../persist/types.ts";
import { getDb } from "../shared/appDb.ts";

/** What the Train phase reads on opening: the project (framing, recipe), its table and its runs. */
export interface TrainContext {
  project: ProjectRecord;
  /** The framed table when it still exists, else the newest; null without data. */
  dataset: DatasetMeta | null;
  /** Newest first. */
  runs: RunRecord[];
}

export async function readTrainContext(projectId: string): Promise<TrainContext> {
  const db = await getDb();
  const [project, datasets, runs] = await Promise.all([
    getProject(db, projectId),
    listDatasets(db, projectId),
    listRuns(db, projectId),
  ]);
  const framed = datasets.find((d) => d.id === project.framing?.datasetId);
  return { project, dataset: framed ?? datasets.at(-1) ?? null, runs };
}
