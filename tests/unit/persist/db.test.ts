import { forceCloseDatabase } from "fake-indexeddb";
import { openDB, unwrap } from "idb";
import { describe, expect, it } from "vitest";
import { openAppDb } from "../../../src/persist/db.ts";
import { createProject, listProjects } from "../../../src/persist/projects.ts";
import { DB_NAME, DB_VERSION } from "../../../src/persist/schema.ts";
import { freshDb, rejection } from "./fixtures.ts";

function uniqueName(): string {
  return `db-test-${crypto.randomUUID()}`;
}

describe("openAppDb", () => {
  it("upgrades an empty database to every store and index of the current version", async () => {
    const db = await freshDb();
    // 3 typed the runs' settings and ensemble entries (no new store); 4 added the model registry; 5 monitoring.
    expect(DB_VERSION).toBe(5);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      "columns",
      "datasets",
      "models",
      "monitorBatches",
      "monitorDecisions",
      "monitorRows",
      "projects",
      "registry",
      "runs",
      "versionFiles",
      "versions",
    ]);
    const tx = db.transaction(["projects", "datasets", "columns"]);
    expect(tx.objectStore("projects").keyPath).toBe("id");
    expect(tx.objectStore("datasets").keyPath).toBe("id");
    expect([...tx.objectStore("datasets").indexNames]).toEqual(["projectId"]);
    expect(tx.objectStore("columns").keyPath).toEqual(["datasetId", "index"]);
    expect([...tx.objectStore("columns").indexNames]).toEqual(["datasetId"]);
    expect(tx.objectStore("columns").index("datasetId").keyPath).toBe("datasetId");
    const runTx = db.transaction(["runs", "models"]);
    expect([...runTx.objectStore("runs").indexNames]).toEqual(["projectId"]);
    expect([...runTx.objectStore("models").indexNames].sort()).toEqual(["projectId", "runId"]);
  });

  it("returns the same memoised handle for the same name, another for another name", async () => {
    const name = uniqueName();
    const first = openAppDb(name);
    expect(openAppDb(name)).toBe(first);
    expect(await openAppDb(name)).toBe(await first);
    expect(await openAppDb(uniqueName())).not.toBe(await first);
    expect(DB_NAME).toBe("automl-playground");
  });

  it("keeps data across a reopen of the same database", async () => {
    const name = uniqueName();
    const db = await openAppDb(name);
    await createProject(db, "Kept");
    db.close();
    const again = await openDB(name, DB_VERSION);
    expect((await again.getAll("projects")).map((p) => p.name)).toEqual(["Kept"]);
    again.close();
  });

  it("closes and forgets its handle when another connection needs a newer version", async () => {
    const name = uniqueName();
    const old = await openAppDb(name);
    // A newer tab opens version + 1; unless the old connection closes, that open waits forever.
    const newer = await openDB(name, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    expect((await rejection(old.get("projects", "x"))).name).toBe("InvalidStateError");
    // The old handle is forgotten: this tab opens afresh and learns it is out of date...
    const stale = openAppDb(name);
    expect((await rejection(stale)).name).toBe("VersionError");
    // ...and a failed open is not memoised either.
    expect(openAppDb(name)).not.toBe(stale);
  });

  it("forgets a connection the browser terminated", async () => {
    const name = uniqueName();
    const first = await openAppDb(name);
    await createProject(first, "Survives");
    // What a browser does when storage is cleared under an open connection: it fires "close".
    forceCloseDatabase(unwrap(first) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    const second = await openAppDb(name);
    expect(second).not.toBe(first);
    expect((await listProjects(second)).map((p) => p.name)).toEqual(["Survives"]);
  });
});
