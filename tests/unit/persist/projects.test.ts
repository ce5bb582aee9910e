import { describe, expect, it } from "vitest";
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  renameProject,
  setProjectFraming,
  touchProject,
} from "../../../src/persist/projects.ts";
import { freshDb, rejection } from "./fixtures.ts";

describe("projects", () => {
  it("creates a project with a trimmed name, a uuid and equal timestamps", async () => {
    const db = await freshDb();
    const p = await createProject(db, "  Churn study ");
    expect(p.name).toBe("Churn study");
    expect(p.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(p.updatedAt).toBe(p.createdAt);
    expect(await getProject(db, p.id)).toEqual(p);
  });

  it("rejects an empty name with ValidationError", async () => {
    const db = await freshDb();
    expect((await rejection(createProject(db, "   "))).name).toBe("ValidationError");
    expect(await listProjects(db)).toEqual([]);
  });

  it("lists the most recently updated first", async () => {
    const db = await freshDb();
    const a = await createProject(db, "A");
    const b = await createProject(db, "B");
    const c = await createProject(db, "C");
    expect((await listProjects(db)).map((p) => p.name)).toEqual(["C", "B", "A"]);
    await touchProject(db, a.id);
    expect((await listProjects(db)).map((p) => p.name)).toEqual(["A", "C", "B"]);
    await renameProject(db, b.id, "B2");
    expect((await listProjects(db)).map((p) => p.name)).toEqual(["B2", "A", "C"]);
    expect((await getProject(db, c.id)).updatedAt).toBe(c.updatedAt);
  });

  it("renames, keeping id and createdAt", async () => {
    const db = await freshDb();
    const p = await createProject(db, "Old");
    const renamed = await renameProject(db, p.id, " New ");
    expect(renamed).toMatchObject({ id: p.id, name: "New", createdAt: p.createdAt });
    expect(renamed.updatedAt).toBeGreaterThan(p.updatedAt);
    expect(await getProject(db, p.id)).toEqual(renamed);
    expect((await rejection(renameProject(db, p.id, ""))).name).toBe("ValidationError");
  });

  it("throws NotFoundError for a missing project on get, rename, touch and delete", async () => {
    const db = await freshDb();
    for (const call of [
      getProject(db, "nope"),
      renameProject(db, "nope", "x"),
      touchProject(db, "nope"),
      deleteProject(db, "nope"),
    ]) {
      expect((await rejection(call)).name).toBe("NotFoundError");
    }
    expect(await db.count("projects")).toBe(0);
  });

  it("deletes a project", async () => {
    const db = await freshDb();
    const keep = await createProject(db, "Keep");
    const gone = await createProject(db, "Gone");
    await deleteProject(db, gone.id);
    expect((await listProjects(db)).map((p) => p.id)).toEqual([keep.id]);
    expect((await rejection(getProject(db, gone.id))).name).toBe("NotFoundError");
  });
});

describe("setProjectFraming", () => {
  it("stores the target, metric and criterion, and keeps them across a reopen", async () => {
    const db = await freshDb();
    const project = await createProject(db, "Framed");
    const framing = { datasetId: "d1", target: "species", metric: "accuracy", criterion: "accuracy >= 0.9" };
    const saved = await setProjectFraming(db, project.id, framing);
    expect(saved.framing).toEqual(framing);
    expect((await getProject(db, project.id)).framing).toEqual(framing);
    await expect(setProjectFraming(db, "missing", framing)).rejects.toMatchObject({ name: "NotFoundError" });
  });
});
