/**
 * Every exported family scored by ONNX Runtime itself (onnxruntime-web's WASM build in Node, full
 * graph optimisation) against the app's own `predict`, on the penguins sample with missing values
 * and categories the models never saw: probabilities within 1e-4, labels equal but where the app's
 * two best classes tie in float32, values within 1e-4 relative. Steps and models without a
 * faithful ONNX form are refused with a sentence naming them.
 */
import { readFileSync } from "node:fs";
import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { predictRows } from "../../../../src/core/automl/artifact/predictRows.ts";
import type { Frame } from "../../../../src/core/data/frame.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { type ModelFile, readModelFile } from "../../../../src/core/deploy/modelFile.ts";
import { exportOnnx } from "../../../../src/core/deploy/onnx/exportOnnx.ts";
import { GraphBuilder } from "../../../../src/core/deploy/onnx/graphBuilder.ts";
import { decimalOfFloat32 } from "../../../../src/core/deploy/onnx/onnxColumns.ts";
import { encodeModel } from "../../../../src/core/deploy/onnx/onnxModel.ts";
import { OnnxRefusedError } from "../../../../src/core/deploy/onnx/onnxRefused.ts";
import { ProtoWriter } from "../../../../src/core/deploy/onnx/protoWriter.ts";
import { ensembleFile, PENGUINS, trainedFile } from "./modelFiles.ts";
import { onnxSession, runOnnx } from "./onnxRuntime.ts";

/**
 * The penguins rows as new data: every 7th row's island unseen in training ("Atlantis"), every
 * 5th row's sex a new level, every 11th row's bill length and every 13th row's sex missing
 * (written as "NA" and "" as CSV files have them).
 */
async function newRows(): Promise<Frame> {
  const lines = readFileSync(PENGUINS, "utf8").trim().split("\n");
  const out = lines.map((line, i) => {
    if (i === 0) return line;
    const cells = line.split(",");
    if (i % 7 === 0) cells[1] = '"Atlantis"';
    if (i % 5 === 0) cells[6] = '"unknown"';
    if (i % 13 === 0) cells[6] = "";
    if (i % 11 === 0) cells[2] = "NA";
    return cells.join(",");
  });
  return (await readCsvText(`${out.join("\n")}\n`)).frame;
}

const read = async (file: ModelFile) => readModelFile(JSON.parse(JSON.stringify(file)));

/** Exports, scores with ONNX Runtime and with the app, and compares the two. */
async function compare(file: ModelFile, frame: Frame) {
  const { file: checked, pipeline } = await read(file);
  const bytes = exportOnnx(checked, pipeline, { appVersion: "test" });
  const session = await onnxSession(bytes);
  const onnx = await runOnnx(session, frame, pipeline.artifact.inputs);
  const app = predictRows(pipeline, frame);
  let worst = 0;
  let labels = 0;
  let ties = 0;
  if (app.proba) {
    const classes = [...app.proba.keys()];
    const k = classes.length;
    expect(onnx.probabilities).toHaveLength(frame.rows * k);
    for (let r = 0; r < frame.rows; r++) {
      const p = classes.map((c) => app.proba!.get(c)![r]);
      for (let j = 0; j < k; j++) worst = Math.max(worst, Math.abs(p[j] - onnx.probabilities![r * k + j]));
      if (onnx.label![r] === app.predictions[r]) continue;
      // Allowed only where the two classes tie once rounded to float32.
      const a = classes.indexOf(String(app.predictions[r]));
      const b = classes.indexOf(onnx.label![r]);
      if (Math.fround(p[a]) === Math.fround(p[b])) ties++;
      else labels++;
    }
  } else {
    for (let r = 0; r < frame.rows; r++) {
      const v = app.predictions[r] as number;
      worst = Math.max(worst, Math.abs(v - onnx.variable![r]) / Math.max(1, Math.abs(v)));
    }
  }
  return { worst, labels, ties, bytes };
}

const CASES: [string, string][] = [
  ["logistic", "species"],
  ["logistic", "sex"],
  ["naive_bayes", "species"],
  ["decision_tree", "species"],
  ["random_forest", "species"],
  ["extra_trees", "sex"],
  ["gbdt", "species"],
  ["gbdt", "sex"],
  ["mlp", "species"],
  ["mlp", "sex"],
  ["baseline", "species"],
  ["linear", "body_mass_g"],
  ["lasso", "body_mass_g"],
  ["random_forest", "body_mass_g"],
  ["extra_trees", "body_mass_g"],
  ["gbdt", "body_mass_g"],
  ["mlp", "body_mass_g"],
];

describe("ONNX export scored by ONNX Runtime", () => {
  for (const [model, target] of CASES) {
    it(`${model} predicting ${target} agrees with predict`, async () => {
      const { worst, labels } = await compare(await trainedFile(model, target), await newRows());
      expect(worst).toBeLessThan(1e-4);
      expect(labels).toBe(0);
    }, 60_000);
  }

  it("an ensemble blends its members' probabilities by weight, as predict does", async () => {
    const file = await ensembleFile(
      await trainedFile("gbdt", "species"),
      await trainedFile("logistic", "species"),
    );
    const { worst, labels } = await compare(file, await newRows());
    expect(worst).toBeLessThan(1e-4);
    expect(labels).toBe(0);
  }, 60_000);

  it("a regression ensemble sums its members' values by weight", async () => {
    const file = await ensembleFile(
      await trainedFile("random_forest", "body_mass_g"),
      await trainedFile("linear", "body_mass_g"),
    );
    const { worst } = await compare(file, await newRows());
    expect(worst).toBeLessThan(1e-4);
  }, 60_000);

  it("writes the class order, the inputs and the model card into metadata_props", async () => {
    const { bytes } = await compare(await trainedFile("logistic", "species"), await newRows());
    const text = new TextDecoder("latin1").decode(bytes);
    expect(text).toContain('classes\u0012\u001f["Adelie","Chinstrap","Gentoo"]');
    expect(text).toContain("model_card");
    expect(text).toContain('"name":"island","kind":"categorical"');
  });
});

describe("ONNX export refuses what it cannot translate faithfully", () => {
  it("refuses kNN with a sentence saying why", async () => {
    const { file, pipeline } = await read(await trainedFile("knn", "species"));
    expect(() => exportOnnx(file, pipeline, { appVersion: "test" })).toThrow(OnnxRefusedError);
    expect(() => exportOnnx(file, pipeline, { appVersion: "test" })).toThrow(/k-nearest-neighbours/);
  });

  it("refuses a recipe step without an ONNX form, naming the step", async () => {
    const { file, pipeline } = await read(await trainedFile("logistic", "species"));
    const recipe = pipeline.members[0].recipe;
    recipe.recipe.steps.push({
      id: "words",
      type: "text_features",
      enabled: true,
      columns: "auto",
      params: {},
    });
    recipe.steps.push({ id: "words", type: "text_features", state: {} });
    expect(() => exportOnnx(file, pipeline, { appVersion: "test" })).toThrow(
      /The recipe step "Text features" cannot be exported to ONNX: its tokenizer/,
    );
  });
});

describe("float32 inputs read as the decimals a CSV holds", () => {
  it("gives the float64 of the 6- or 7-digit decimal behind each float32, else the float32", async () => {
    const g = new GraphBuilder(["x", "y"]);
    g.output("y", decimalOfFloat32(g, g.input("x", "float")));
    const bytes = encodeModel({
      producerName: "test",
      producerVersion: "0",
      docString: "",
      graphName: "decimals",
      inputs: g.inputs,
      outputs: [{ name: "y", type: "double", dims: ["N", 1] }],
      nodes: g.nodes,
      initializers: g.initializers,
      metadata: [],
    });
    const values = [
      17.8,
      45.2,
      0.1,
      -3.25,
      1234.567,
      9999999,
      2500000,
      1e-7,
      0,
      37.123456,
      123456.78,
      Number.NaN,
    ];
    const session = await onnxSession(bytes);
    const out = await session.run({
      x: new ort.Tensor("float32", Float32Array.from(values), [values.length, 1]),
    });
    const got = Array.from(out.y.data as Float64Array);
    // Up to 7 significant digits: the exact double parseFloat gives; more: the float32 itself.
    expect(got.slice(0, 9)).toEqual(values.slice(0, 9));
    expect(got[9]).toBe(Math.fround(37.123456));
    expect(got[10]).toBe(Math.fround(123456.78));
    expect(got[11]).toBeNaN();
  });
});

describe("protobuf writer", () => {
  it("writes varints as protobuf does, negative int64 as ten bytes", () => {
    const w = new ProtoWriter();
    w.rawVarint(300);
    w.rawVarint(-1);
    w.rawVarint(2 ** 40);
    expect(Array.from(w.finish())).toEqual([
      0xac, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x80, 0x80, 0x80, 0x80, 0x80,
      0x20,
    ]);
  });

  it("writes strings and nested messages length-delimited", () => {
    const w = new ProtoWriter();
    w.message(1, (m) => m.string(2, "hé"));
    expect(Array.from(w.finish())).toEqual([0x0a, 0x05, 0x12, 0x03, 0x68, 0xc3, 0xa9]);
  });
});
