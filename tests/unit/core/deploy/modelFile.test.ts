import { beforeAll, describe, expect, it } from "vitest";
import { predictRows } from "../../../../src/core/automl/artifact/predictRows.ts";
import { runLadder } from "../../../../src/core/automl/ladder/runLadder.ts";
import type { Frame } from "../../../../src/core/data/frame.ts";
import {
  canonicalJson,
  dataFingerprint,
  MODEL_FILE_FORMAT,
  MODEL_FILE_VERSION,
  type ModelFile,
  parseModelJson,
  readModelFile,
  sha256Hex,
} from "../../../../src/core/deploy/modelFile.ts";
import { modelFileOfRun } from "../../../../src/core/deploy/modelFileOfRun.ts";
import { predictionsCsv } from "../../../../src/core/deploy/predictionsCsv.ts";
import { penguins, trainedFile } from "./modelFiles.ts";

let frame: Frame;
let file: ModelFile;

beforeAll(async () => {
  frame = await penguins();
  file = await trainedFile("gbdt", "species");
});

describe("canonical JSON and SHA-256", () => {
  it("hashes the FIPS 180-2 test vectors", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("writes the same text whatever the key order, arrays kept in order", () => {
    expect(canonicalJson({ b: [3, { y: 1, x: 2 }], a: "é", c: null, d: undefined })).toBe(
      '{"a":"é","b":[3,{"x":2,"y":1}],"c":null}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe("data fingerprint", () => {
  it("is the same for the same rows, and changes with a value, a name or the row order", async () => {
    const fp = await dataFingerprint(frame);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(await dataFingerprint(structuredClone(frame))).toBe(fp);
    const changed = structuredClone(frame);
    const col = changed.columns.find((c) => c.data.type === "float")!;
    (col.data as { values: Float64Array }).values[5] += 1;
    expect(await dataFingerprint(changed)).not.toBe(fp);
    const renamed = structuredClone(frame);
    renamed.columns[0].name = "other";
    expect(await dataFingerprint(renamed)).not.toBe(fp);
  });

  it("depends on the values, not on the order of a column's levels", async () => {
    const col = (codes: number[], levels: string[]): Frame => ({
      rows: codes.length,
      columns: [
        {
          name: "c",
          kind: "categorical",
          role: "feature",
          missing: 0,
          unique: 2,
          data: { type: "dict", codes: Int32Array.from(codes), levels },
        },
      ],
    });
    const a = await dataFingerprint(col([0, 1, 0, -1], ["x", "y"]));
    expect(await dataFingerprint(col([1, 0, 1, -1], ["y", "x"]))).toBe(a);
    expect(await dataFingerprint(col([1, 0, 1, 1], ["y", "x"]))).not.toBe(a);
  });
});

describe("model file", () => {
  it("holds the card of the training rows: kinds, ranges, levels, missing shares", async () => {
    const { card } = file;
    expect(file.format).toBe(MODEL_FILE_FORMAT);
    expect(file.format_version).toBe(MODEL_FILE_VERSION);
    expect(card).toMatchObject({
      task: "multiclass",
      target: "species",
      metric: "accuracy",
      training_rows: 344,
    });
    expect(card.classes).toEqual(["Adelie", "Chinstrap", "Gentoo"]);
    expect(card.scores.protocol).toMatch(/2-fold CV/);
    expect(card.scores.cv_mean).toBeGreaterThan(0.9);
    expect(card.data_fingerprint).toBe(await dataFingerprint(frame));
    const island = card.inputs.find((i) => i.name === "island")!;
    expect(island).toMatchObject({ kind: "categorical", most_frequent: "Biscoe", missing_share: 0 });
    expect([...island.levels!].sort()).toEqual(["Biscoe", "Dream", "Torgersen"]);
    const bill = card.inputs.find((i) => i.name === "bill_length_mm")!;
    expect(bill).toMatchObject({ kind: "numeric", min: 32.1, max: 59.6 });
    expect(bill.missing_share).toBeCloseTo(2 / 344, 10);
    expect(card.inputs.map((i) => i.name)).toEqual(file.pipeline.inputs.map((i) => i.name));
  });

  it("survives a trip through JSON text and predicts as the pipeline it holds", async () => {
    const text = JSON.stringify(file);
    const read = await readModelFile(parseModelJson(text));
    expect(read.notes).toEqual([]);
    expect(read.file).toEqual(file);
    expect(predictionsCsv(predictRows(read.pipeline, frame))).toBe(
      predictionsCsv(predictRows(file.pipeline, frame)),
    );
  });

  it("reads a bare pipeline file as train --out wrote it, with a minimal card and a note", async () => {
    const read = await readModelFile(JSON.parse(JSON.stringify(file.pipeline)));
    expect(read.notes).toEqual([
      "This is a bare pipeline file without a model card: the card shows only what the pipeline says.",
    ]);
    expect(read.file.card).toMatchObject({ training_rows: 0, data_fingerprint: null, target: "species" });
    expect(read.file.card.scores.protocol).toMatch(/^unknown/);
    expect(read.file.card.scores.cv_mean).toBe(file.card.scores.cv_mean);
  });
});

describe("modelFileOfRun", () => {
  it("makes the card from the run's training rows and says how the scores were measured", async () => {
    const run = await runLadder(frame, {
      target: "sex",
      models: ["logistic"],
      folds: 3,
      ensemble: false,
      seed: 4,
    });
    const made = await modelFileOfRun({
      frame,
      plan: run.plan,
      pipeline: run.pipeline!,
      entry: run.best!,
      appVersion: "9.9.9",
    });
    const { card } = made;
    const used = run.plan.train.length + run.plan.test.length;
    expect(used).toBe(333); // 11 rows have no sex
    expect(card.training_rows).toBe(run.plan.train.length);
    expect(card.scores.protocol).toBe(
      `3-fold stratified CV on 80% of 333 rows (${run.plan.train.length}), seed 4; test on 20% (${run.plan.test.length} rows)`,
    );
    expect(card.positive_class).toBe(run.plan.classes![1]);
    expect(card.scores.cv_mean).toBe(run.best!.cv_mean);
    expect(card.app_version).toBe("9.9.9");
    expect((await readModelFile(JSON.parse(JSON.stringify(made)))).file.sha256).toBe(made.sha256);
  });
});
