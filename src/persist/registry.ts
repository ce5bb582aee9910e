/**
 * The model registry: versions of a project's models, each with its model file, and the champion /
 * challenger aliases. Every change is one transaction over the stores it touches, so a version
 * never exists without its file or its number, and a quota error leaves nothing behind.
 */
import type { ModelFile } from "../core/deploy/modelFile.ts";
import { NotFoundError } from "../core/errors.ts";
import { now } from "./clock.ts";
import type { AppDb } from "./db.ts";
import {
  addToRegistry,
  challengeInRegistry,
  emptyRegistry,
  promoteInRegistry,
  removeFromRegistry,
  rollBackRegistry,
  versionName,
} from "./registryAliases.ts";
import { formatBytes } from "./storage.ts";
import type { ModelVersion, RegistryRecord, VersionMetrics, VersionSource } from "./types.ts";
import { commit } from "./write.ts";

/** What registering (or importing) a version takes; number, size and date are the registry's. */
export interface NewVersion {
  projectId: string;
  label: string;
  source: VersionSource;
  file: ModelFile;
  dataFingerprint: string;
  metrics: VersionMetrics;
  note: string;
}

/** A project's versions (by number) and its aliases. */
export interface RegistryView {
  versions: ModelVersion[];
  registry: RegistryRecord;
}

/** Longest note kept; a note is a line or two, not a document. */
export const NOTE_LIMIT = 2000;

const cleanNote = (note: string) => note.trim().slice(0, NOTE_LIMIT);

const missingProject = () =>
  new NotFoundError("This project no longer exists; it may have been deleted in another tab.");
const missingVersion = () =>
  new NotFoundError("This model version no longer exists; it may have been deleted in another tab.");

/** Bytes of the file as an export writes it. */
export function modelFileBytes(file: ModelFile): number {
  return new TextEncoder().encode(JSON.stringify(file)).length;
}

/** The step types of a file's fitted recipe, in order; an ensemble's members' in turn, each once. */
export function recipeStepsOf(file: ModelFile): string[] {
  const p = file.pipeline;
  const recipes = "members" in p ? p.members.map((m) => m.recipe) : [p.recipe];
  const types = recipes.flatMap((r) => (Array.isArray(r?.steps) ? r.steps.map((s) => String(s.type)) : []));
  return [...new Set(types)];
}

/**
 * Stores a new version and its file, numbered after the project's last (numbers are never reused),
 * and updates the aliases: the first version is champion, a later one the challenger. All or
 * nothing; StorageFullError when it does not fit, NotFoundError when the project is gone.
 */
export async function registerVersion(db: AppDb, input: NewVersion): Promise<ModelVersion> {
  const sizeBytes = modelFileBytes(input.file);
  const tx = db.transaction(["projects", "registry", "versions", "versionFiles"], "readwrite");
  return commit(
    tx,
    async (write) => {
      if (!(await tx.objectStore("projects").getKey(input.projectId))) throw missingProject();
      const reg = (await tx.objectStore("registry").get(input.projectId)) ?? emptyRegistry(input.projectId);
      const at = now();
      const version: ModelVersion = {
        id: crypto.randomUUID(),
        projectId: input.projectId,
        number: reg.nextNumber,
        label: input.label,
        source: structuredClone(input.source),
        card: structuredClone(input.file.card),
        dataFingerprint: input.dataFingerprint,
        sha256: input.file.sha256,
        metrics: structuredClone(input.metrics),
        recipeSteps: recipeStepsOf(input.file),
        sizeBytes,
        note: cleanNote(input.note),
        createdAt: at,
      };
      const action = input.source.kind === "import" ? "import" : "register";
      write(tx.objectStore("versions").add(version));
      write(
        tx
          .objectStore("versionFiles")
          .add({ versionId: version.id, projectId: input.projectId, file: input.file }),
      );
      write(tx.objectStore("registry").put(addToRegistry(reg, version.id, action, at)));
      return version;
    },
    async () =>
      `Not enough storage space to keep this model version (it needs about ${formatBytes(sizeBytes)}). ` +
      "Delete an old version, a run or a dataset and try again.",
  );
}

/** A project's versions, oldest first, with its aliases (empty before the first registration). */
export async function listVersions(db: AppDb, projectId: string): Promise<RegistryView> {
  const tx = db.transaction(["versions", "registry"], "readonly");
  const [versions, registry] = await Promise.all([
    tx.objectStore("versions").index("projectId").getAll(projectId),
    tx.objectStore("registry").get(projectId),
  ]);
  return {
    versions: versions.sort((a, b) => a.number - b.number),
    registry: registry ?? emptyRegistry(projectId),
  };
}

/** One version; NotFoundError when it is gone. */
export async function getVersion(db: AppDb, versionId: string): Promise<ModelVersion> {
  const version = await db.get("versions", versionId);
  if (!version) throw missingVersion();
  return version;
}

/** A version's model file, as an export writes it; NotFoundError when it is gone. */
export async function getVersionFile(db: AppDb, versionId: string): Promise<ModelFile> {
  const record = await db.get("versionFiles", versionId);
  if (!record) throw missingVersion();
  return record.file;
}

/** Read-modify-write of a project's aliases, checking that the version belongs to it. */
async function changeAliases(
  db: AppDb,
  projectId: string,
  versionId: string | null,
  change: (reg: RegistryRecord, name: string, at: number) => RegistryRecord,
): Promise<RegistryRecord> {
  const tx = db.transaction(["registry", "versions"], "readwrite");
  return commit(tx, async (write) => {
    let name = "";
    if (versionId !== null) {
      const version = await tx.objectStore("versions").get(versionId);
      if (!version || version.projectId !== projectId) throw missingVersion();
      name = versionName(version.number);
    }
    const reg = (await tx.objectStore("registry").get(projectId)) ?? emptyRegistry(projectId);
    const next = change(reg, name, now());
    if (next !== reg) write(tx.objectStore("registry").put(next));
    return next;
  });
}

/** Makes a version the champion; the old champion stays a version and can be rolled back to. */
export function promoteVersion(db: AppDb, projectId: string, versionId: string): Promise<RegistryRecord> {
  return changeAliases(db, projectId, versionId, (reg, _name, at) => promoteInRegistry(reg, versionId, at));
}

/** Makes a version the challenger (ValidationError for the champion). */
export function challengeWithVersion(
  db: AppDb,
  projectId: string,
  versionId: string,
): Promise<RegistryRecord> {
  return changeAliases(db, projectId, versionId, (reg, name, at) =>
    challengeInRegistry(reg, versionId, name, at),
  );
}

/** Puts the previous champion back (ValidationError when there was none). */
export function rollBackChampion(db: AppDb, projectId: string): Promise<RegistryRecord> {
  return changeAliases(db, projectId, null, (reg, _name, at) => rollBackRegistry(reg, at));
}

/** Changes a version's note (trimmed, at most NOTE_LIMIT characters). */
export async function setVersionNote(db: AppDb, versionId: string, note: string): Promise<ModelVersion> {
  const tx = db.transaction("versions", "readwrite");
  return commit(tx, async (write) => {
    const version = await tx.store.get(versionId);
    if (!version) throw missingVersion();
    const next = { ...version, note: cleanNote(note) };
    write(tx.store.put(next));
    return next;
  });
}

/**
 * Deletes a version and its file and takes it out of the aliases, all or nothing. The champion is
 * refused with a ValidationError saying what to do instead.
 */
export async function deleteVersion(
  db: AppDb,
  projectId: string,
  versionId: string,
): Promise<RegistryRecord> {
  const tx = db.transaction(["registry", "versions", "versionFiles"], "readwrite");
  return commit(tx, async (write) => {
    const version = await tx.objectStore("versions").get(versionId);
    if (!version || version.projectId !== projectId) throw missingVersion();
    const reg = (await tx.objectStore("registry").get(projectId)) ?? emptyRegistry(projectId);
    const next = removeFromRegistry(reg, versionId, versionName(version.number), now());
    write(tx.objectStore("versions").delete(versionId));
    write(tx.objectStore("versionFiles").delete(versionId));
    write(tx.objectStore("registry").put(next));
    return next;
  });
}
