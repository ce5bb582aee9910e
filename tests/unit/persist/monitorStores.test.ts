import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import type { Frame } from "../../../src/core/data/frame.ts";
import type { MonitorReport } from "../../../src/core/monitor/monitorBatch.ts";
import { openAppDb } from "../../../src/persist/db.ts";
import {
  addBatch,
  deleteBatch,
  getBatch,
  getBatchRows,
  listBatches,
  updateBatch,
} from "../../../src/persist/monitorBatches.ts";
import { addDecision, listDecisions } from "../../../src/persist/monitorDecisions.ts";
import { createProject, deleteProject } from "../../../src/persist/projects.ts";
import { DB_VERSION } from "../../../src/persist/schema.ts";
import { freshDb, rejection, sampleFrame } from "./fixtures.ts";

function report(driftShare: number): MonitorReport {
  return {
    rows: 4,
    reference_rows: 10,
    dataset_drift: driftShare >= 0.5,
    drift_share: driftShare,
    columns: [],
    prediction: { test: "chi2", statistic: 0, p_value: 1, drift: false, psi: 0, threshold: 0.05 },
    performance: null,
    estimated_performance: { metric: "accuracy", value: 0.8, method: "CBPE" },
  };
}

const batch = (versionId: string, name: string, share = 0) => ({
  projectId: "p1",
  versionId,
  name,
  report: report(share),
  overrides: {},
});

describe("monitor stores", () => {
  it("numbers batches per version, keeps rows apart and only when asked, and deletes both", async () => {
    const db = await freshDb();
    const rows: Frame = sampleFrame();
    const a = await addBatch(db, batch("v1", "jan.csv"));
    const b = await addBatch(db, batch("v1", "feb.csv", 0.6), rows);
    const c = await addBatch(db, batch("v2", "mar.csv"));
    expect([a.number, b.number, c.number]).toEqual([1, 2, 1]);
    expect([a.keptRows, b.keptRows]).toEqual([0, 4]);
    expect((await listBatches(db, "v1")).map((x) => x.name)).toEqual(["jan.csv", "feb.csv"]);
    expect(await getBatchRows(db, a.id)).toBeNull();
    const back = await getBatchRows(db, b.id);
    expect(back?.rows).toBe(4);
    expect(back?.columns[1].data).toEqual(rows.columns[1].data);

    const next = await updateBatch(db, b.id, {
      report: report(0.2),
      overrides: { age: { test: "psi", threshold: 0.2 } },
    });
    expect(next.overrides).toEqual({ age: { test: "psi", threshold: 0.2 } });
    expect((await getBatch(db, b.id)).report.drift_share).toBe(0.2);

    await deleteBatch(db, b.id);
    expect(await getBatchRows(db, b.id)).toBeNull();
    expect((await rejection(getBatch(db, b.id))).name).toBe("NotFoundError");
    // Numbers follow the highest batch kept.
    expect((await addBatch(db, batch("v1", "apr.csv"))).number).toBe(2);
  });

  it("records decisions with their evidence, oldest first per project", async () => {
    const db = await freshDb();
    const one = await addDecision(db, {
      projectId: "p1",
      action: "keep",
      championId: "v1",
      challengerId: "v2",
      summary: "Kept v1.",
      evidence: { kind: "alias", compareId: null },
    });
    await addDecision(db, {
      projectId: "p2",
      action: "rollback",
      championId: "v1",
      challengerId: null,
      summary: "Rolled back.",
      evidence: { kind: "alias", compareId: null },
    });
    expect((await listDecisions(db, "p1")).map((d) => d.id)).toEqual([one.id]);
    await expect(addDecision(db, { ...one, summary: " " })).rejects.toThrow("A decision needs a summary.");
  });

  it("go with a deleted project, and only that project's", async () => {
    const db = await freshDb();
    const gone = await createProject(db, "Gone");
    const kept = await createProject(db, "Kept");
    const of = (projectId: string) => ({ ...batch("v1", "x.csv"), projectId });
    await addBatch(db, of(gone.id), sampleFrame());
    const stays = await addBatch(db, of(kept.id), sampleFrame());
    for (const projectId of [gone.id, kept.id])
      await addDecision(db, {
        projectId,
        action: "keep",
        championId: "v1",
        challengerId: null,
        summary: "Kept.",
        evidence: { kind: "alias", compareId: null },
      });
    await deleteProject(db, gone.id);
    expect((await listBatches(db, "v1")).map((b) => b.id)).toEqual([stays.id]);
    expect(await db.count("monitorRows")).toBe(1);
    expect(await listDecisions(db, gone.id)).toEqual([]);
    expect(await listDecisions(db, kept.id)).toHaveLength(1);
  });

  it("upgrades a version 4 database: its registry stays, the monitor stores are added", async () => {
    const name = `monitor-upgrade-${crypto.randomUUID()}`;
    const v4 = await openDB(name, 4, {
      upgrade(db) {
        db.createObjectStore("projects", { keyPath: "id" });
        db.createObjectStore("datasets", { keyPath: "id" }).createIndex("projectId", "projectId");
        db.createObjectStore("columns", { keyPath: ["datasetId", "index"] }).createIndex(
          "datasetId",
          "datasetId",
        );
        db.createObjectStore("runs", { keyPath: "id" }).createIndex("projectId", "projectId");
        const models = db.createObjectStore("models", { keyPath: "id" });
        models.createIndex("runId", "runId");
        models.createIndex("projectId", "projectId");
        db.createObjectStore("versions", { keyPath: "id" }).createIndex("projectId", "projectId");
        db.createObjectStore("versionFiles", { keyPath: "versionId" }).createIndex("projectId", "projectId");
        db.createObjectStore("registry", { keyPath: "projectId" });
      },
    });
    await v4.put("registry", { projectId: "p1", champion: "x" });
    v4.close();
    const db = await openAppDb(name);
    expect(DB_VERSION).toBe(5);
    expect(db.version).toBe(5);
    expect(((await db.get("registry", "p1")) as { champion: string }).champion).toBe("x");
    const tx = db.transaction(["monitorBatches", "monitorRows", "monitorDecisions"]);
    expect([...tx.objectStore("monitorBatches").indexNames].sort()).toEqual(["projectId", "versionId"]);
    expect(tx.objectStore("monitorRows").keyPath).toBe("batchId");
    expect([...tx.objectStore("monitorDecisions").indexNames]).toEqual(["projectId"]);
    expect((await addBatch(db, batch("v1", "x.csv"))).number).toBe(1);
  });
});
