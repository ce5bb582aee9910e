import { describe, expect, it } from "vitest";
import type { Frame } from "../../../../src/core/data/frame.ts";
import {
  canonicalJson,
  makeModelFile,
  readModelFile,
  sha256Hex,
} from "../../../../src/core/deploy/modelFile.ts";
import { monitorBatch } from "../../../../src/core/monitor/monitorBatch.ts";
import { makeReferenceSketches } from "../../../../src/core/monitor/referenceSketches.ts";
import { copyOf, type Json, penguins, trainedFile } from "../deploy/modelFiles.ts";

/** The checksum recomputed over card, pipeline and reference, as an attacker can. */
async function resealed(file: Json): Promise<Json> {
  file.sha256 = await sha256Hex(
    canonicalJson({ card: file.card, pipeline: file.pipeline, reference: file.reference }),
  );
  return file;
}

/** `frame` with every numeric column scaled by `factor`. */
function scaled(frame: Frame, factor: number): Frame {
  return {
    rows: frame.rows,
    columns: frame.columns.map((c) =>
      c.kind === "numeric" && c.data.type === "float"
        ? { ...c, data: { type: "float", values: c.data.values.map((v) => v * factor) } }
        : c,
    ),
  };
}

describe("reference sketches in the model file", { timeout: 60_000 }, () => {
  it("travel with the file, checksummed and read field by field", async () => {
    const data = await penguins();
    const plain = await trainedFile("logistic", "species");
    const reference = makeReferenceSketches(plain.pipeline, data);
    expect(reference.rows).toBe(data.rows);
    expect(reference.columns.map((c) => c.name)).toEqual(plain.pipeline.inputs.map((i) => i.name));
    const file = await makeModelFile(plain.pipeline, plain.card, reference);
    const read = await readModelFile(copyOf(file));
    expect(read.file.reference).toEqual(JSON.parse(JSON.stringify(reference)));
    // A file without sketches reads as before.
    expect((await readModelFile(copyOf(plain))).file.reference).toBeUndefined();

    const changed = copyOf(file);
    changed.reference.columns[0].sketch.count += 1;
    await expect(readModelFile(changed)).rejects.toThrow("checksum mismatch");
    await expect(readModelFile(await resealed(changed))).rejects.toThrow(/^reference: columns\[0\]\.sketch/);
    const stray = copyOf(file);
    stray.reference.extra = 1;
    await expect(readModelFile(await resealed(stray))).rejects.toThrow(
      'reference: reference: unexpected field "extra"',
    );
  });

  it("monitor the training rows as unchanged and scaled rows as drifted (small reference: p-value tests)", async () => {
    const data = await penguins();
    const file = await trainedFile("logistic", "species");
    const read = await readModelFile(copyOf(file));
    const reference = makeReferenceSketches(read.pipeline, data);
    const same = monitorBatch({
      pipeline: read.pipeline,
      reference,
      frame: data,
      referenceScore: file.card.scores.cv_mean,
    });
    expect(same.dataset_drift).toBe(false);
    for (const c of same.columns) {
      expect(["ks", "chi2", "z"]).toContain(c.test);
      expect(c.p_value).toBe(1);
      expect(c.psi).toBeCloseTo(0, 12);
    }
    expect(same.prediction).toMatchObject({ test: "chi2", p_value: 1, drift: false });
    expect(same.performance?.reference).toBe(file.card.scores.cv_mean);
    // A batch sketched as a reference is: monitored against itself, nothing drifts.
    const sketched = monitorBatch({
      pipeline: read.pipeline,
      reference,
      frame: data,
      referenceScore: null,
      sketchBatch: true,
    });
    expect(sketched.batch_sketches).toEqual(reference);
    const shifted = monitorBatch({
      pipeline: read.pipeline,
      reference,
      frame: scaled(data, 1.3),
      referenceScore: null,
    });
    const numeric = shifted.columns.filter((c) => c.kind === "numeric");
    expect(numeric.length).toBeGreaterThan(0);
    for (const c of numeric) expect(c).toMatchObject({ test: "ks", drift: true });
  });
});
