import { describe, expect, it } from "vitest";
import { convertColumn } from "../../../src/core/data/convertColumn.ts";
import { dataFingerprint } from "../../../src/core/deploy/dataFingerprint.ts";
import type { Progress } from "../../../src/core/progress.ts";
import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_VERSION,
  type SharedExperiment,
} from "../../../src/core/share/experiment.ts";
import { getDataset, loadFrame, saveDataset } from "../../../src/persist/datasets.ts";
import { createProject, getProject, listProjects } from "../../../src/persist/projects.ts";
import type { PackRequest } from "../../../workers/shareApi.ts";
import { openShared, packProject } from "../../../workers/shareTasks.ts";
import { freshDb, report, sampleFrame } from "../persist/fixtures.ts";

const KNOWN = { phases: ["data", "frame", "explore", "prepare", "features", "train", "deploy", "monitor"] };

const shell: Omit<SharedExperiment, "data"> = {
  format: EXPERIMENT_FORMAT,
  version: EXPERIMENT_VERSION,
  name: "Churn lesson",
  phase: "frame",
  framing: { target: "churn", metric: null, criterion: null, positiveClass: null },
  recipe: null,
  split: null,
  run: { models: ["baseline", "logistic"], mlpEpochs: null, ensemble: false },
  teacher: { locked: ["framing"], hidden: ["features"], hideAdvanced: true, notes: { frame: "Why?" } },
};

/** A teacher's database with the sample table, "age" re-typed as categorical (a kind the reader would not infer). */
async function teacher() {
  const db = await freshDb();
  const frame = sampleFrame();
  frame.columns[0] = convertColumn(frame.columns[0], "categorical");
  const project = await createProject(db, "Churn");
  const dataset = await saveDataset(db, {
    projectId: project.id,
    name: "churn.csv",
    source: "file",
    frame,
    report,
  });
  const request: PackRequest = {
    shell,
    datasetId: dataset.id,
    datasetName: dataset.name,
    maxPayloadChars: 1e6,
  };
  return { db, frame, dataset, request };
}

describe("share worker tasks", () => {
  it("packs a stored table and opens it into a new project with the same data, kinds and teacher settings", async () => {
    const t = await teacher();
    const reports: Progress[] = [];
    const packed = await packProject(t.db, t.request, (p) => reports.push(p));
    expect(packed.payload).toMatch(/^1\.\d+\./);
    expect(reports.some((p) => p.phase === "csv" && p.done === 4 && p.total === 4)).toBe(true);

    const student = await freshDb();
    const opened = await openShared(
      student,
      { type: "file", file: new Blob([packed.file as BlobPart]) },
      KNOWN,
    );
    expect(opened).toMatchObject({ phase: "frame", name: "Churn lesson", dataMatches: true, reused: false });
    const project = await getProject(student, opened.projectId);
    expect(project.shared?.teacher).toEqual(shell.teacher);
    expect(project.shared?.run).toEqual(shell.run);
    expect(project.framing?.target).toBe("churn");
    const dataset = await getDataset(student, project.framing?.datasetId ?? "");
    expect(dataset.columns.map((c) => c.kind)).toEqual(["categorical", "categorical", "boolean"]);
    // Set back from the reader's guess, which stays recorded as the inferred kind.
    expect(dataset.columns[0].inferredKind).toBe("numeric");
    expect(await dataFingerprint(await loadFrame(student, dataset.id))).toBe(await dataFingerprint(t.frame));

    // The link of the same experiment lands on the same project.
    const again = await openShared(student, { type: "link", payload: packed.payload ?? "" }, KNOWN);
    expect(again).toMatchObject({ projectId: opened.projectId, reused: true });
    expect(await listProjects(student)).toHaveLength(1);
  });

  it("leaves the payload out when it is longer than asked, and says how long it would be", async () => {
    const t = await teacher();
    const full = await packProject(t.db, t.request);
    const short = await packProject(t.db, { ...t.request, maxPayloadChars: full.payloadChars - 1 });
    expect(short.payload).toBeNull();
    expect(short.payloadChars).toBe(full.payloadChars);
    expect(short.file).toEqual(full.file);
  });

  it("refuses a damaged file and leaves no project behind", async () => {
    const t = await teacher();
    const { file } = await packProject(t.db, t.request);
    const damaged = file.slice();
    damaged[damaged.length - 10] ^= 0xff;
    const student = await freshDb();
    let created: string | null = null;
    await expect(
      openShared(student, { type: "file", file: new Blob([damaged]) }, KNOWN, undefined, (id) => {
        created = id;
      }),
    ).rejects.toThrow(/damaged/);
    expect(created).toBeNull();
    expect(await listProjects(student)).toEqual([]);
  });
});
