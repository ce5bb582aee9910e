import { listDatasets } from "../../persist/datasets.ts";
import { getProject } from "../../persist/projects.ts";
import type { DatasetMeta, ProjectFraming } from "../../persist/types.ts";
import { getDb } from "../shared/appDb.ts";

/** A project's tables and the framing it saved, read fresh from storage. */
export interface FramingContext {
  /** Newest first. */
  datasets: DatasetMeta[];
  /** The framed dataset when it still exists, else the newest; null without data. */
  dataset: DatasetMeta | null;
  framing: ProjectFraming | null;
}

export async function readFramingContext(projectId: string): Promise<FramingContext> {
  const db = await getDb();
  const [project, listed] = await Promise.all([getProject(db, projectId), listDatasets(db, projectId)]);
  const datasets = [...listed].reverse();
  const framing = project.framing ?? null;
  const dataset = datasets.find((d) => d.id === framing?.datasetId) ?? datasets[0] ?? null;
  return { datasets, dataset, framing };
}

/** The saved target when it belongs to this dataset and the column is still there. */
export function savedTarget(ctx: FramingContext): string | null {
  const t = ctx.framing?.target ?? null;
  if (!t || !ctx.dataset || ctx.framing?.datasetId !== ctx.dataset.id) return null;
  return ctx.dataset.columns.some((c) => c.name === t) ? t : null;
}
