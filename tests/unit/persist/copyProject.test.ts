import { describe, expect, it } from "vitest";
import { listDatasets, loadFrame } from "../../../src/persist/datasets.ts";
import { copyProject, getProject, setProjectShared } from "../../../src/persist/projects.ts";
import { freshDb, rejection, saveSampleDataset } from "./fixtures.ts";

const teacher = {
  locked: ["framing" as const],
  hidden: ["features"],
  hideAdvanced: true,
  notes: { frame: "Why?" },
};

describe("shared projects", () => {
  it("stores a shared experiment's framing, split and origin on the project", async () => {
    const db = await freshDb();
    const { project, dataset } = await saveSampleDataset(db, "Lesson", "table.csv");
    const framing = {
      datasetId: dataset.id,
      target: "age",
      metric: "rmse",
      criterion: null,
      positiveClass: null,
    };
    const shared = {
      dataSha256: "a".repeat(64),
      dataMatches: true,
      run: null,
      teacher,
      packedSha256: "b".repeat(64),
      openedAt: 1,
    };
    await setProjectShared(db, project.id, {
      framing,
      recipe: null,
      split: { type: "kfold", folds: 3, seed: 7 },
      shared,
    });
    const stored = await getProject(db, project.id);
    expect(stored).toMatchObject({ framing, split: { type: "kfold", folds: 3, seed: 7 }, shared });
    expect(stored.recipe).toBeUndefined();
  });

  it("copies a project with its tables under new ids, without the teacher's settings", async () => {
    const db = await freshDb();
    const { project, dataset } = await saveSampleDataset(db, "Lesson", "table.csv");
    const shared = {
      dataSha256: "a".repeat(64),
      dataMatches: true,
      run: null,
      teacher,
      packedSha256: "b".repeat(64),
      openedAt: 1,
    };
    const framing = {
      datasetId: dataset.id,
      target: "age",
      metric: null,
      criterion: null,
      positiveClass: null,
    };
    await setProjectShared(db, project.id, { framing, recipe: null, split: null, shared });

    const copy = await copyProject(db, project.id, "Mine");
    expect(copy.id).not.toBe(project.id);
    expect(copy.name).toBe("Mine");
    expect(copy.shared).toMatchObject({ teacher: null, dataSha256: "a".repeat(64) });
    const [copied] = await listDatasets(db, copy.id);
    expect(copied.id).not.toBe(dataset.id);
    expect(copy.framing?.datasetId).toBe(copied.id);
    expect(await loadFrame(db, copied.id)).toEqual(await loadFrame(db, dataset.id));
    // The original keeps its teacher and its table.
    expect((await getProject(db, project.id)).shared?.teacher).toEqual(teacher);
    expect((await listDatasets(db, project.id)).map((d) => d.id)).toEqual([dataset.id]);
    expect((await rejection(copyProject(db, "nope", "x"))).name).toBe("NotFoundError");
  });
});
