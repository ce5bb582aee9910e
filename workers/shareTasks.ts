/**
 * What the share worker does, as functions of a database (so tests can run them on their own):
 * pack a project's experiment, open a shared one. Everything here grows with the table.
 */
import { convertColumn } from "../src/core/data/convertColumn.ts";
import { readCsv } from "../src/core/data/readCsv.ts";
import { sha256Hex } from "../src/core/deploy/canonicalJson.ts";
import { dataFingerprint } from "../src/core/deploy/dataFingerprint.ts";
import { makeThrottledProgress, type Progress } from "../src/core/progress.ts";
import { fromBase64url } from "../src/core/share/base64url.ts";
import type { SharedExperiment } from "../src/core/share/experiment.ts";
import { readExperimentFile, readLinkPayload } from "../src/core/share/experimentCodec.ts";
import { frameToCsv } from "../src/core/share/frameToCsv.ts";
import { type PackedBytes, packBytes } from "../src/core/share/packBytes.ts";
import type { KnownShareIds } from "../src/core/share/readExperiment.ts";
import { ShareError } from "../src/core/share/shareError.ts";
import { loadFrame, replaceColumn, saveDataset } from "../src/persist/datasets.ts";
import type { AppDb } from "../src/persist/db.ts";
import { createProject, deleteProject, listProjects, setProjectShared } from "../src/persist/projects.ts";
import type { OpenedExperiment, PackRequest, ShareSource } from "./shareApi.ts";

const step = (phase: string, message: string): Progress => ({ phase, done: 0, total: 1, message });

/** The experiment of a link or file, and its packed bytes (what the repeat check hashes). */
async function readSource(
  source: ShareSource,
  known: KnownShareIds,
): Promise<{ experiment: SharedExperiment; packed: Uint8Array }> {
  if (source.type === "link") {
    const { payload } = source;
    const experiment = await readLinkPayload(payload, known);
    return { experiment, packed: fromBase64url(payload.slice(payload.lastIndexOf(".") + 1)) };
  }
  const bytes = new Uint8Array(await source.file.arrayBuffer());
  const experiment = await readExperimentFile(bytes, known);
  // The bytes after the header line: the same as a link's, so a file and a link of one experiment match.
  return { experiment, packed: bytes.subarray(bytes.indexOf(10) + 1) };
}

/** The stored table as exact CSV with its SHA-256, packed with the shell into link and file. */
export async function packProject(
  db: AppDb,
  { shell, datasetId, datasetName, maxPayloadChars }: PackRequest,
  progress?: (p: Progress) => void,
): Promise<PackedBytes> {
  const onProgress = makeThrottledProgress(progress);
  onProgress(step("load", "Loading the table"));
  const frame = await loadFrame(db, datasetId);
  const csv = frameToCsv(frame, onProgress);
  onProgress(step("hash", "Computing the table's SHA-256"));
  const sha256 = await dataFingerprint(frame);
  const experiment: SharedExperiment = {
    ...shell,
    data: {
      name: datasetName,
      csv,
      rows: frame.rows,
      columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
      sha256,
    },
  };
  return packBytes(experiment, maxPayloadChars, onProgress);
}

/**
 * Reads and checks a shared experiment, rebuilds it as a new project (or finds the one an earlier
 * open made) and says where it landed. The table is read in memory first and the project written
 * at the end, so a cancel (a terminated worker) mostly has nothing to clean up; `onProject` names
 * the project as soon as it exists, for the short rest. A failure leaves no half-built project.
 */
export async function openShared(
  db: AppDb,
  source: ShareSource,
  known: KnownShareIds,
  progress?: (p: Progress) => void,
  onProject?: (projectId: string) => void,
): Promise<OpenedExperiment> {
  const onProgress = makeThrottledProgress(progress);
  onProgress(step("unpack", "Unpacking the experiment"));
  const { experiment, packed } = await readSource(source, known);
  const packedSha256 = await sha256Hex(packed);
  const base = { phase: experiment.phase, name: experiment.name };
  const earlier = (await listProjects(db)).find((p) => p.shared?.packedSha256 === packedSha256);
  if (earlier)
    return {
      ...base,
      projectId: earlier.id,
      dataMatches: earlier.shared?.dataMatches === true,
      reused: true,
    };

  const { data } = experiment;
  const text = new Blob([data.csv], { type: "text/plain" });
  const { frame, report } = await readCsv(text.stream(), { totalBytes: text.size, onProgress });
  const names = frame.columns.map((c) => c.name);
  if (names.length !== data.columns.length || names.some((n, i) => n !== data.columns[i].name))
    throw new ShareError("invalid", "data.columns: the column names do not match the table's header.");

  onProgress(step("store", "Saving on this device"));
  const project = await createProject(db, experiment.name);
  onProject?.(project.id);
  try {
    let dataset = await saveDataset(db, {
      projectId: project.id,
      name: data.name,
      source: "paste",
      frame,
      report,
    });
    // Kinds set back one column at a time, as the Data phase does (the reader's guess is kept as inferred).
    for (let i = 0; i < data.columns.length; i++) {
      if (frame.columns[i].kind !== data.columns[i].kind)
        dataset = await replaceColumn(
          db,
          dataset.id,
          i,
          convertColumn(frame.columns[i], data.columns[i].kind),
        );
    }
    onProgress(step("check", "Checking the table's SHA-256"));
    const dataMatches = (await dataFingerprint(await loadFrame(db, dataset.id))) === data.sha256;
    await setProjectShared(db, project.id, {
      framing: experiment.framing ? { ...experiment.framing, datasetId: dataset.id } : null,
      recipe: experiment.recipe,
      split: experiment.split,
      shared: {
        dataSha256: data.sha256,
        dataMatches,
        run: experiment.run,
        teacher: experiment.teacher,
        packedSha256,
        openedAt: Date.now(),
      },
    });
    return { ...base, projectId: project.id, dataMatches, reused: false };
  } catch (err) {
    await deleteProject(db, project.id).catch(() => {});
    throw err;
  }
}
