import { describe, expect, it } from "vitest";
import type { Column } from "../../../src/core/data/frame.ts";
import {
  deleteDataset,
  getDataset,
  listDatasets,
  loadColumn,
  loadFrame,
  renameDataset,
  replaceColumn,
  saveDataset,
} from "../../../src/persist/datasets.ts";
import { createProject, deleteProject, getProject } from "../../../src/persist/projects.ts";
import { freshDb, rejection, report, sampleFrame, saveSampleDataset } from "./fixtures.ts";

async function setup() {
  const db = await freshDb();
  // The name's spaces are trimmed on save.
  const { project, dataset: meta } = await saveSampleDataset(db, "P", " churn.csv ");
  return { db, project, meta };
}

describe("saveDataset", () => {
  it("records metadata for every column", async () => {
    const { db, project, meta } = await setup();
    expect(meta).toMatchObject({ projectId: project.id, name: "churn.csv", source: "file", rows: 4, report });
    expect(meta.columns).toEqual([
      {
        name: "age",
        kind: "numeric",
        inferredKind: "numeric",
        role: "feature",
        storage: "float",
        missing: 1,
        unique: 3,
      },
      {
        name: "city",
        kind: "categorical",
        inferredKind: "categorical",
        role: "feature",
        storage: "dict",
        missing: 1,
        unique: 2,
      },
      {
        name: "churn",
        kind: "boolean",
        inferredKind: "boolean",
        role: "target",
        storage: "float",
        missing: 0,
        unique: 2,
        labels: ["no", "yes"],
      },
    ]);
    // 32 + 32 bytes of float64, 16 of int32 codes, "Oslo" and "Lima" at 2 bytes a char + 8 each.
    expect(meta.storedBytes).toBe(32 + 16 + (8 + 8) * 2 + 32);
    expect(await getDataset(db, meta.id)).toEqual(meta);
    expect(await db.count("columns")).toBe(3);
  });

  it("round-trips numeric (NaN), dict (-1) and boolean labels as real typed arrays", async () => {
    const { db, meta } = await setup();
    const frame = await loadFrame(db, meta.id);
    expect(frame.rows).toBe(4);
    const [age, city, churn] = frame.columns;
    expect(age.data.type).toBe("float");
    if (age.data.type !== "float" || city.data.type !== "dict" || churn.data.type !== "float")
      throw new Error("layout");
    expect(age.data.values).toBeInstanceOf(Float64Array);
    expect(Array.from(age.data.values)).toEqual([31, Number.NaN, 45.5, 0]);
    expect(city.data.codes).toBeInstanceOf(Int32Array);
    expect(Array.from(city.data.codes)).toEqual([0, 1, -1, 0]);
    expect(city.data.levels).toEqual(["Oslo", "Lima"]);
    expect(churn).toEqual({ ...sampleFrame().columns[2] });
    expect(frame.columns).toEqual(sampleFrame().columns);
  });

  it("keeps the unit a numeric column was read with ($, %)", async () => {
    const db = await freshDb();
    const project = await createProject(db, "P");
    const frame = sampleFrame();
    frame.columns[0].unit = "$";
    const meta = await saveDataset(db, {
      projectId: project.id,
      name: "u.csv",
      source: "file",
      frame,
      report,
    });
    expect(meta.columns[0].unit).toBe("$");
    expect(meta.columns[1].unit).toBeUndefined();
    const loaded = await loadFrame(db, meta.id);
    expect(loaded.columns[0].unit).toBe("$");
    expect("unit" in loaded.columns[1]).toBe(false);
  });

  it("stores only a view's own bytes, not its whole underlying buffer", async () => {
    const db = await freshDb();
    const project = await createProject(db, "P");
    const big = new Float64Array(1000).map((_, i) => i);
    const frame = {
      rows: 3,
      columns: [
        {
          name: "x",
          kind: "numeric" as const,
          role: "feature" as const,
          data: { type: "float" as const, values: big.subarray(10, 13) },
          missing: 0,
          unique: 3,
        },
      ],
    };
    const meta = await saveDataset(db, { projectId: project.id, name: "v", source: "paste", frame, report });
    expect(meta.storedBytes).toBe(24);
    const col = await loadColumn(db, meta.id, 0);
    if (col.data.type !== "float") throw new Error("layout");
    expect(Array.from(col.data.values)).toEqual([10, 11, 12]);
    expect(col.data.values.buffer.byteLength).toBe(24);
  });

  it("marks the project updated", async () => {
    const { db, project } = await setup();
    expect((await getProject(db, project.id)).updatedAt).toBeGreaterThan(project.updatedAt);
  });

  it("rejects a missing project, an empty name and a column of the wrong length, writing nothing", async () => {
    const { db, project } = await setup();
    const bad = sampleFrame();
    bad.rows = 5;
    const errors = await Promise.all([
      rejection(
        saveDataset(db, { projectId: "nope", name: "x", source: "file", frame: sampleFrame(), report }),
      ),
      rejection(
        saveDataset(db, { projectId: project.id, name: " ", source: "file", frame: sampleFrame(), report }),
      ),
      rejection(saveDataset(db, { projectId: project.id, name: "x", source: "file", frame: bad, report })),
    ]);
    expect(errors.map((e) => e.name)).toEqual(["NotFoundError", "ValidationError", "ValidationError"]);
    expect(await db.count("datasets")).toBe(1);
    expect(await db.count("columns")).toBe(3);
  });
});

describe("reading datasets", () => {
  it("lists a project's datasets oldest first, and only that project's", async () => {
    const { db, project, meta } = await setup();
    const second = await saveDataset(db, {
      projectId: project.id,
      name: "b",
      source: "sample",
      frame: sampleFrame(),
      report,
    });
    const other = await createProject(db, "Other");
    await saveDataset(db, { projectId: other.id, name: "c", source: "file", frame: sampleFrame(), report });
    expect((await listDatasets(db, project.id)).map((d) => d.id)).toEqual([meta.id, second.id]);
    expect((await listDatasets(db, other.id)).map((d) => d.name)).toEqual(["c"]);
  });

  it("loads a subset of columns in the order asked", async () => {
    const { db, meta } = await setup();
    const frame = await loadFrame(db, meta.id, [2, 0]);
    expect(frame.columns.map((c) => c.name)).toEqual(["churn", "age"]);
    expect((await loadColumn(db, meta.id, 1)).name).toBe("city");
  });

  it("throws NotFoundError for a missing dataset or column", async () => {
    const { db, meta } = await setup();
    const errors = await Promise.all([
      rejection(getDataset(db, "nope")),
      rejection(loadFrame(db, "nope")),
      rejection(loadColumn(db, meta.id, 3)),
      rejection(loadFrame(db, meta.id, [0, -1])),
    ]);
    expect(errors.map((e) => e.name)).toEqual([
      "NotFoundError",
      "NotFoundError",
      "NotFoundError",
      "NotFoundError",
    ]);
  });
});

describe("changing datasets", () => {
  it("replaceColumn swaps data and metadata, keeps inferredKind and updates storedBytes", async () => {
    const { db, meta } = await setup();
    const asText: Column = {
      name: "age",
      kind: "categorical",
      role: "feature",
      data: { type: "dict", codes: new Int32Array([0, -1, 1, 2]), levels: ["31", "45.5", "0"] },
      missing: 1,
      unique: 3,
    };
    const next = await replaceColumn(db, meta.id, 0, asText);
    expect(next.columns[0]).toEqual({
      name: "age",
      kind: "categorical",
      inferredKind: "numeric",
      role: "feature",
      storage: "dict",
      missing: 1,
      unique: 3,
    });
    expect(next.columns.slice(1)).toEqual(meta.columns.slice(1));
    // 16 bytes of codes; "31", "45.5", "0" are 7 chars at 2 bytes plus 8 each.
    expect(next.storedBytes).toBe(meta.storedBytes - 32 + 16 + 7 * 2 + 3 * 8);
    expect(await getDataset(db, meta.id)).toEqual(next);
    const loaded = await loadColumn(db, meta.id, 0);
    expect(loaded).toEqual(asText);

    // Changing it back still remembers what the reader inferred.
    const back = await replaceColumn(db, meta.id, 0, sampleFrame().columns[0]);
    expect(back.columns[0]).toEqual(meta.columns[0]);
    expect(back.storedBytes).toBe(meta.storedBytes);
  });

  it("replaceColumn rejects a wrong index or length and changes nothing", async () => {
    const { db, meta } = await setup();
    const short: Column = {
      ...sampleFrame().columns[0],
      data: { type: "float", values: new Float64Array(2) },
    };
    expect((await rejection(replaceColumn(db, meta.id, 5, sampleFrame().columns[0]))).name).toBe(
      "NotFoundError",
    );
    expect((await rejection(replaceColumn(db, meta.id, 0, short))).name).toBe("ValidationError");
    expect(await loadFrame(db, meta.id)).toEqual(sampleFrame());
  });

  it("renames a dataset", async () => {
    const { db, meta } = await setup();
    expect((await renameDataset(db, meta.id, " clean.csv ")).name).toBe("clean.csv");
    expect((await getDataset(db, meta.id)).name).toBe("clean.csv");
    expect((await rejection(renameDataset(db, meta.id, ""))).name).toBe("ValidationError");
    expect((await rejection(renameDataset(db, "nope", "x"))).name).toBe("NotFoundError");
  });

  it("deleteDataset removes the metadata and its column records only", async () => {
    const { db, project, meta } = await setup();
    const keep = await saveDataset(db, {
      projectId: project.id,
      name: "keep",
      source: "file",
      frame: sampleFrame(),
      report,
    });
    await deleteDataset(db, meta.id);
    expect((await listDatasets(db, project.id)).map((d) => d.id)).toEqual([keep.id]);
    expect(await db.count("columns")).toBe(3);
    expect((await db.getAll("columns")).every((r) => r.datasetId === keep.id)).toBe(true);
    expect((await rejection(deleteDataset(db, meta.id))).name).toBe("NotFoundError");
  });

  it("deleteProject cascades to datasets and column records, leaving other projects alone", async () => {
    const { db, project } = await setup();
    await saveDataset(db, {
      projectId: project.id,
      name: "two",
      source: "file",
      frame: sampleFrame(),
      report,
    });
    const other = await createProject(db, "Other");
    const kept = await saveDataset(db, {
      projectId: other.id,
      name: "o",
      source: "file",
      frame: sampleFrame(),
      report,
    });
    expect(await db.count("columns")).toBe(9);
    await deleteProject(db, project.id);
    expect(await listDatasets(db, project.id)).toEqual([]);
    expect((await db.getAll("datasets")).map((d) => d.id)).toEqual([kept.id]);
    const records = await db.getAll("columns");
    expect(records.map((r) => [r.datasetId, r.index])).toEqual([
      [kept.id, 0],
      [kept.id, 1],
      [kept.id, 2],
    ]);
  });
});
