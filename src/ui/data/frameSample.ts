import { getProject, setProjectFraming } from "../../persist/projects.ts";
import type { ProjectFraming } from "../../persist/types.ts";
import type { DataClient } from "../bridges/dataClient.ts";
import { getDb } from "../shared/appDb.ts";

/**
 * Frames a project on a sample's known target, as if the person had picked it in Frame: the
 * target, the proposed metric and (binary) the proposed positive class, no criterion. A project
 * that is framed already keeps its framing. Returns the framing written, or null.
 */
export async function frameSample(
  client: Pick<DataClient, "profile">,
  projectId: string,
  datasetId: string,
  target: string,
  signal?: AbortSignal,
): Promise<ProjectFraming | null> {
  const db = await getDb();
  if ((await getProject(db, projectId)).framing?.target) return null;
  const profile = await client.profile(datasetId, target, { signal });
  const f = profile.framing;
  if (!f) return null;
  // Checked again: the person may have framed the project while the profile ran.
  if ((await getProject(db, projectId)).framing?.target) return null;
  const framing: ProjectFraming = {
    datasetId,
    target: f.target,
    metric: f.metric,
    criterion: null,
    positiveClass: f.task === "binary" ? (f.detection.positiveClass ?? null) : null,
  };
  await setProjectFraming(db, projectId, framing);
  return framing;
}
