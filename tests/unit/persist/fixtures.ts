import "fake-indexeddb/auto";
import type { CsvReport } from "../../../src/core/data/csvTypes.ts";
import type { Frame } from "../../../src/core/data/frame.ts";
import { saveDataset } from "../../../src/persist/datasets.ts";
import { type AppDb, openAppDb } from "../../../src/persist/db.ts";
import { createProject } from "../../../src/persist/projects.ts";
import type { DatasetMeta, ProjectRecord } from "../../../src/persist/types.ts";

let counter = 0;

/** A fresh database per test, so tests never see each other's records. */
export function freshDb(): Promise<AppDb> {
  counter += 1;
  return openAppDb(`persist-test-${counter}-${crypto.randomUUID()}`);
}

export const report: CsvReport = {
  rows: 4,
  bytes: 120,
  delimiter: ",",
  decimal: ".",
  encoding: "utf-8",
  problems: [{ type: "ragged_row", row: 3, column: null, message: "Row 3 has 2 fields; expected 3." }],
  problemCounts: { ragged_row: 1 },
  droppedRows: 0,
};

/** Four rows: a numeric column with a missing value, a categorical with a missing code, a labelled boolean. */
export function sampleFrame(): Frame {
  return {
    rows: 4,
    columns: [
      {
        name: "age",
        kind: "numeric",
        role: "feature",
        data: { type: "float", values: new Float64Array([31, Number.NaN, 45.5, 0]) },
        missing: 1,
        unique: 3,
      },
      {
        name: "city",
        kind: "categorical",
        role: "feature",
        data: { type: "dict", codes: new Int32Array([0, 1, -1, 0]), levels: ["Oslo", "Lima"] },
        missing: 1,
        unique: 2,
      },
      {
        name: "churn",
        kind: "boolean",
        role: "target",
        data: { type: "float", values: new Float64Array([1, 0, 0, 1]) },
        missing: 0,
        unique: 2,
        labels: ["no", "yes"],
      },
    ],
  };
}

/** A new project holding `sampleFrame()` as a file dataset named `datasetName`. */
export async function saveSampleDataset(
  db: AppDb,
  projectName: string,
  datasetName: string,
): Promise<{ project: ProjectRecord; dataset: DatasetMeta }> {
  const project = await createProject(db, projectName);
  const dataset = await saveDataset(db, {
    projectId: project.id,
    name: datasetName,
    source: "file",
    frame: sampleFrame(),
    report,
  });
  return { project, dataset };
}

/** The rejection of `promise`, failing the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a rejection");
}
