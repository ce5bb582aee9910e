import { NotFoundError, ValidationError } from "../core/errors.ts";
import type { SplitConfig } from "../core/prep/splits.ts";
import type { Recipe } from "../core/prep/step.ts";
import type { SharedOrigin } from "../core/share/experiment.ts";
import { now } from "./clock.ts";
import type { AppDb } from "./db.ts";
import { columnRange } from "./schema.ts";
import type { ProjectFraming, ProjectRecord } from "./types.ts";
import { commit } from "./write.ts";

function projectName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new ValidationError("A project needs a name.");
  return trimmed;
}

function missing(): NotFoundError {
  return new NotFoundError("This project no longer exists; it may have been deleted in another tab.");
}

/** Every project, most recently updated first. */
export async function listProjects(db: AppDb): Promise<ProjectRecord[]> {
  const all = await db.getAll("projects");
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** One project; NotFoundError when it does not exist. */
export async function getProject(db: AppDb, id: string): Promise<ProjectRecord> {
  const project = await db.get("projects", id);
  if (!project) throw missing();
  return project;
}

/** Creates a project with a trimmed, non-empty name (else ValidationError). */
export async function createProject(db: AppDb, name: string): Promise<ProjectRecord> {
  const at = now();
  const project: ProjectRecord = {
    id: crypto.randomUUID(),
    name: projectName(name),
    createdAt: at,
    updatedAt: at,
  };
  const tx = db.transaction("projects", "readwrite");
  await commit(tx, (write) => write(tx.store.add(project)));
  return project;
}

/** Read-modify-write of one project in one transaction. */
async function updateProject(
  db: AppDb,
  id: string,
  change: (p: ProjectRecord) => ProjectRecord,
): Promise<ProjectRecord> {
  const tx = db.transaction("projects", "readwrite");
  return commit(tx, async (write) => {
    const project = await tx.store.get(id);
    if (!project) throw missing();
    const next = change(project);
    write(tx.store.put(next));
    return next;
  });
}

/** Renames a project (trimmed, non-empty) and marks it updated. */
export async function renameProject(db: AppDb, id: string, name: string): Promise<ProjectRecord> {
  const trimmed = projectName(name);
  return updateProject(db, id, (p) => ({ ...p, name: trimmed, updatedAt: now() }));
}

/** Stores the project's framing (target, metric, success criterion). */
export async function setProjectFraming(
  db: AppDb,
  id: string,
  framing: ProjectFraming,
): Promise<ProjectRecord> {
  return updateProject(db, id, (p) => ({ ...p, framing: { ...framing }, updatedAt: now() }));
}

/** Stores the project's recipe and split, replacing the earlier ones. */
export async function setProjectRecipe(
  db: AppDb,
  id: string,
  recipe: Recipe,
  split?: SplitConfig,
): Promise<ProjectRecord> {
  return updateProject(db, id, (p) => ({
    ...p,
    recipe: structuredClone(recipe),
    split: split ? { ...split } : p.split,
    updatedAt: now(),
  }));
}

/** What a shared experiment sets on the project it rebuilt (the framing already on its table). */
export interface SharedSettings {
  framing: ProjectFraming | null;
  recipe: Recipe | null;
  split: SplitConfig | null;
  shared: SharedOrigin;
}

/** Sets a shared experiment's framing, recipe, split and origin on a project in one write. */
export async function setProjectShared(
  db: AppDb,
  id: string,
  settings: SharedSettings,
): Promise<ProjectRecord> {
  return updateProject(db, id, (p) => {
    const next: ProjectRecord = { ...p, shared: structuredClone(settings.shared), updatedAt: now() };
    if (settings.framing) next.framing = { ...settings.framing };
    if (settings.recipe) next.recipe = structuredClone(settings.recipe);
    if (settings.split) next.split = { ...settings.split };
    return next;
  });
}

/**
 * A student's own copy of a project: a new project with the same framing, recipe, split and
 * tables (fresh ids, the framing pointing at the copied table), without the teacher's locks,
 * hidden phases and notes, and without runs, models or versions. All or nothing.
 */
export async function copyProject(db: AppDb, id: string, name: string): Promise<ProjectRecord> {
  const tx = db.transaction(["projects", "datasets", "columns"], "readwrite");
  return commit(tx, async (write) => {
    const source = await tx.objectStore("projects").get(id);
    if (!source) throw missing();
    const at = now();
    const copy: ProjectRecord = {
      ...structuredClone(source),
      id: crypto.randomUUID(),
      name: projectName(name),
      createdAt: at,
      updatedAt: at,
    };
    if (copy.shared) copy.shared = { ...copy.shared, teacher: null };
    const datasets = await tx.objectStore("datasets").index("projectId").getAll(id);
    for (const dataset of datasets) {
      const datasetId = crypto.randomUUID();
      if (copy.framing?.datasetId === dataset.id) copy.framing = { ...copy.framing, datasetId };
      write(tx.objectStore("datasets").add({ ...dataset, id: datasetId, projectId: copy.id, createdAt: at }));
      const columns = await tx.objectStore("columns").getAll(columnRange(dataset.id));
      for (const column of columns) write(tx.objectStore("columns").add({ ...column, datasetId }));
    }
    write(tx.objectStore("projects").add(copy));
    return copy;
  });
}

/** Marks a project as just used, so it lists first. */
export async function touchProject(db: AppDb, id: string): Promise<void> {
  await updateProject(db, id, (p) => ({ ...p, updatedAt: now() }));
}

/** Deletes a project, its datasets and their column records, its runs, models, registered versions and monitoring records, all or nothing. */
export async function deleteProject(db: AppDb, id: string): Promise<void> {
  const tx = db.transaction(
    [
      "projects",
      "datasets",
      "columns",
      "runs",
      "models",
      "versions",
      "versionFiles",
      "registry",
      "monitorBatches",
      "monitorRows",
      "monitorDecisions",
    ],
    "readwrite",
  );
  await commit(tx, async (write) => {
    const projects = tx.objectStore("projects");
    if (!(await projects.get(id))) throw missing();
    const datasetIds = await tx.objectStore("datasets").index("projectId").getAllKeys(id);
    const columns = tx.objectStore("columns");
    for (const datasetId of datasetIds) {
      write(columns.delete(columnRange(datasetId)));
      write(tx.objectStore("datasets").delete(datasetId));
    }
    const owned = [
      "runs",
      "models",
      "versions",
      "versionFiles",
      "monitorBatches",
      "monitorRows",
      "monitorDecisions",
    ] as const;
    for (const store of owned) {
      const keys = await tx.objectStore(store).index("projectId").getAllKeys(id);
      for (const key of keys) write(tx.objectStore(store).delete(key));
    }
    write(tx.objectStore("registry").delete(id));
    write(projects.delete(id));
  });
}
