import { afterEach, describe, expect, it, vi } from "vitest";
import type { ModelFile } from "../../../src/core/deploy/modelFile.ts";
import { createProject, deleteProject } from "../../../src/persist/projects.ts";
import {
  challengeWithVersion,
  deleteVersion,
  getVersionFile,
  listVersions,
  modelFileBytes,
  type NewVersion,
  promoteVersion,
  registerVersion,
  rollBackChampion,
  setVersionNote,
} from "../../../src/persist/registry.ts";
import { emptyRegistry, HISTORY_LIMIT, promoteInRegistry } from "../../../src/persist/registryAliases.ts";
import { DB_VERSION } from "../../../src/persist/schema.ts";
import type { RegistryRecord } from "../../../src/persist/types.ts";
import { freshDb, rejection } from "./fixtures.ts";

/**
 * A stand-in model file: the registry stores files as they are and reads only the card and the
 * hash, so a small object of the right shape is enough here (modelFile.ts has its own tests).
 */
function file(tag: string, weights = 4): ModelFile {
  return {
    format: "automl-playground-model",
    format_version: 1,
    card: { task: "binary", target: "churn", metric: "roc_auc", classes: ["no", "yes"], inputs: [] },
    pipeline: { tag, weights: Array.from({ length: weights }, (_, i) => i / 7) },
    sha256: `hash-${tag}`,
  } as unknown as ModelFile;
}

function input(projectId: string, tag: string, note = ""): NewVersion {
  return {
    projectId,
    label: `Model ${tag}`,
    source: { kind: "import", fileName: `${tag}.json` },
    file: file(tag),
    dataFingerprint: `data-${tag}`,
    metrics: { metric: "roc_auc", cv_mean: 0.9, cv_std: 0.01, cv: { roc_auc: 0.9 }, test: {} },
    note,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function projectWith(n: number) {
  const db = await freshDb();
  const project = await createProject(db, "P");
  const versions = [];
  for (let i = 1; i <= n; i++) versions.push(await registerVersion(db, input(project.id, `m${i}`)));
  return { db, projectId: project.id, versions };
}

describe("model registry", () => {
  it("has its three stores since schema version 4", async () => {
    const db = await freshDb();
    expect(DB_VERSION).toBeGreaterThanOrEqual(4);
    expect([...db.objectStoreNames]).toEqual(
      expect.arrayContaining(["versions", "versionFiles", "registry"]),
    );
  });

  it("numbers versions per project, keeps the file apart and its size, and makes the first champion", async () => {
    const { db, projectId, versions } = await projectWith(2);
    const other = await createProject(db, "Q");
    const q1 = await registerVersion(db, input(other.id, "q1", "  first try  "));
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(q1.number).toBe(1);
    expect(q1.note).toBe("first try");
    expect(versions[0].sizeBytes).toBe(modelFileBytes(file("m1")));
    expect(versions[0].sizeBytes).toBe(JSON.stringify(file("m1")).length);
    expect(versions[0].sha256).toBe("hash-m1");
    expect(versions[0].card.target).toBe("churn");
    expect(await getVersionFile(db, versions[1].id)).toEqual(file("m2"));
    const view = await listVersions(db, projectId);
    expect(view.versions.map((v) => v.id)).toEqual(versions.map((v) => v.id));
    expect(view.registry.champion).toBe(versions[0].id);
    expect(view.registry.challenger).toBe(versions[1].id);
    expect(view.registry.history.map((e) => e.action)).toEqual(["import", "import"]);
  });

  it("promotes, rolls back to the earlier champion, and rolls back no further than the first", async () => {
    const { db, projectId, versions } = await projectWith(3);
    const [v1, v2, v3] = versions.map((v) => v.id);
    let reg = await promoteVersion(db, projectId, v2);
    expect([reg.champion, reg.challenger]).toEqual([v2, v3]);
    reg = await promoteVersion(db, projectId, v3);
    expect([reg.champion, reg.challenger, reg.previousChampions]).toEqual([v3, null, [v1, v2]]);
    reg = await rollBackChampion(db, projectId);
    expect([reg.champion, reg.challenger]).toEqual([v2, v3]);
    reg = await rollBackChampion(db, projectId);
    expect([reg.champion, reg.challenger]).toEqual([v1, v2]);
    const err = await rejection(rollBackChampion(db, projectId));
    expect(err.name).toBe("ValidationError");
    expect(err.message).toBe("There is no earlier champion to roll back to.");
    // The old champions stayed versions all along.
    expect((await listVersions(db, projectId)).versions).toHaveLength(3);
    expect((await listVersions(db, projectId)).registry.history.map((e) => e.action)).toEqual([
      "import",
      "import",
      "import",
      "promote",
      "promote",
      "rollback",
      "rollback",
    ]);
  });

  it("sets a challenger but never the champion as its own", async () => {
    const { db, projectId, versions } = await projectWith(3);
    const reg = await challengeWithVersion(db, projectId, versions[1].id);
    expect(reg.challenger).toBe(versions[1].id);
    const err = await rejection(challengeWithVersion(db, projectId, versions[0].id));
    expect(err.message).toBe("v1 is the champion; it cannot be its own challenger.");
  });

  it("refuses to delete the champion, saying what to do, and deletes others with their file", async () => {
    const { db, projectId, versions } = await projectWith(3);
    const err = await rejection(deleteVersion(db, projectId, versions[0].id));
    expect(err.name).toBe("ValidationError");
    expect(err.message).toBe(
      "v1 is the champion and cannot be deleted. Promote another version or roll back first.",
    );
    expect(await db.count("versions")).toBe(3);

    const reg = await deleteVersion(db, projectId, versions[2].id);
    expect(reg.challenger).toBeNull();
    expect(await db.count("versionFiles")).toBe(2);
    expect((await rejection(getVersionFile(db, versions[2].id))).name).toBe("NotFoundError");
    // Numbers are never reused.
    const v4 = await registerVersion(db, input(projectId, "m4"));
    expect(v4.number).toBe(4);
  });

  it("drops a deleted old champion from the roll-back list", async () => {
    const { db, projectId, versions } = await projectWith(3);
    const [v1, v2, v3] = versions.map((v) => v.id);
    await promoteVersion(db, projectId, v2);
    await promoteVersion(db, projectId, v3);
    await deleteVersion(db, projectId, v2);
    const reg = await rollBackChampion(db, projectId);
    expect(reg.champion).toBe(v1);
  });

  it("edits a note, trimmed", async () => {
    const { db, versions } = await projectWith(1);
    const v = await setVersionNote(db, versions[0].id, "  good on March data \n");
    expect(v.note).toBe("good on March data");
    expect((await listVersions(db, v.projectId)).versions[0].note).toBe("good on March data");
  });

  it("refuses a version of another project and a missing project", async () => {
    const { db, versions } = await projectWith(1);
    const other = await createProject(db, "Q");
    expect((await rejection(promoteVersion(db, other.id, versions[0].id))).name).toBe("NotFoundError");
    expect((await rejection(registerVersion(db, input("no-such-project", "x")))).name).toBe("NotFoundError");
    expect(await db.count("versions")).toBe(1);
  });

  it("deleting the project deletes its versions, files and aliases", async () => {
    const { db, projectId } = await projectWith(2);
    await deleteProject(db, projectId);
    expect(await db.count("versions")).toBe(0);
    expect(await db.count("versionFiles")).toBe(0);
    expect(await db.count("registry")).toBe(0);
  });

  it("keeps nothing of a version whose file does not fit, and says how big it was", async () => {
    const { db, projectId, versions } = await projectWith(1);
    const originalPut = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, "add").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === "versionFiles")
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return originalPut.apply(this, args);
    });
    const err = await rejection(registerVersion(db, input(projectId, "m2")));
    vi.restoreAllMocks();
    expect(err.name).toBe("StorageFullError");
    expect(err.message).toMatch(
      /^Not enough storage space to keep this model version \(it needs about \d+ B\)\./,
    );
    const view = await listVersions(db, projectId);
    expect(view.versions.map((v) => v.id)).toEqual([versions[0].id]);
    expect(view.registry.challenger).toBeNull();
    expect(view.registry.nextNumber).toBe(2);
    expect(await db.count("versionFiles")).toBe(1);
  });
});

describe("alias rules", () => {
  it("promoting the champion changes nothing; the history is capped", () => {
    let reg: RegistryRecord = { ...emptyRegistry("p"), champion: "a" };
    expect(promoteInRegistry(reg, "a", 1)).toBe(reg);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) reg = promoteInRegistry(reg, i % 2 ? "a" : "b", i);
    expect(reg.history).toHaveLength(HISTORY_LIMIT);
    expect(reg.history.at(-1)?.at).toBe(HISTORY_LIMIT + 9);
  });
});
