import { NotFoundError } from "../core/errors.ts";
import type { AppDb } from "./db.ts";
import type { ModelRecord } from "./types.ts";

/** The finished models of a run (`{runId}`) or of a whole project (`{projectId}`), oldest first. */
export async function listModels(
  db: AppDb,
  by: { runId: string } | { projectId: string },
): Promise<ModelRecord[]> {
  const all =
    "runId" in by
      ? await db.getAllFromIndex("models", "runId", by.runId)
      : await db.getAllFromIndex("models", "projectId", by.projectId);
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

/** One model record; NotFoundError when it does not exist. */
export async function getModel(db: AppDb, id: string): Promise<ModelRecord> {
  const model = await db.get("models", id);
  if (!model) throw new NotFoundError("This model no longer exists; its run may have been deleted.");
  return model;
}
