/**
 * The recipe steps the ONNX export translates, beyond the default recipe's, each in a pipeline
 * scored by ONNX Runtime against `predict` on new rows with missing values, unseen levels and
 * numbers outside the training range: imputation with flags, clipping and outlier flags, log,
 * square root, Yeo-Johnson, min-max and robust scaling, one-hot with pooled, "other" and missing
 * columns, ordinal with a user order, frequency and target encoding, boolean text, class weights.
 */
import { describe, expect, it } from "vitest";
import { predictRows } from "../../../../src/core/automl/artifact/predictRows.ts";
import { runLadder } from "../../../../src/core/automl/ladder/runLadder.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import {
  dataFingerprint,
  makeModelCard,
  makeModelFile,
  readModelFile,
} from "../../../../src/core/deploy/modelFile.ts";
import { exportOnnx } from "../../../../src/core/deploy/onnx/exportOnnx.ts";
import type { Recipe } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { configOf } from "../prep/helpers.ts";
import { onnxSession, runOnnx } from "./onnxRuntime.ts";

const COLORS = ["red", "green", "blue", "cyan", "pink", "gold"];
const SIZES = ["S", "M", "L"];
const CITIES = ["Oslo", "Rome", "Lima", "Pune", "Kobe", "Nice", "Bern", "Graz"];
const SHOPS = Array.from({ length: 10 }, (_, i) => `shop${i}`);

/** Seeded rows; `fresh` adds unseen levels, more missing values and numbers out of range. */
function table(rows: number, seed: number, fresh: boolean): string {
  const rng = makeRng(seed);
  const pick = (a: string[]) => a[rng.int(a.length)];
  const lines = ["a,b,c,d,e,color,size,city,shop,member,y,v"];
  for (let i = 0; i < rows; i++) {
    const a = rng.next() < 0.1 ? "" : ((rng.next() - 0.5) * 20 * (rng.next() < 0.05 ? 10 : 1)).toFixed(2);
    const b = Math.exp(rng.next() * 5).toFixed(3);
    const c = ((rng.next() - 0.3) * 8 * (fresh && i % 9 === 0 ? 3 : 1)).toFixed(2);
    const d = (rng.next() * 100).toFixed(1);
    const e = (rng.next() * 50 - 10).toFixed(1);
    const color = rng.next() < 0.08 ? "" : fresh && i % 7 === 0 ? "mauve" : pick(COLORS);
    const size = fresh && i % 11 === 0 ? "XL" : pick(SIZES);
    const city = fresh && i % 5 === 0 ? "Ulm" : rng.next() < 0.05 ? "NA" : pick(CITIES);
    const shop = fresh && i % 6 === 0 ? "shop99" : pick(SHOPS);
    const member = rng.next() < 0.5 ? "yes" : "no";
    const score =
      Number(d) / 50 +
      (size === "L" ? 1 : 0) +
      (member === "yes" ? 0.5 : 0) +
      Number(shop.slice(4)) / 10 -
      Number(c) / 8;
    const y = score + (rng.next() - 0.5) > 2 ? "high" : "low";
    lines.push([a, b, c, d, e, color, size, city, shop, member, y, (score * 10).toFixed(3)].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** A step config by id, type, columns and params. */
const step = (id: string, type: string, columns: string[] | "auto", params: Record<string, unknown> = {}) =>
  configOf(type, columns, params, id);

function recipe(target: string, drop: string, features: boolean): Recipe {
  // Feature creation first, on the raw numbers (missing ones included), then the cleaning.
  const created = features
    ? [
        step("groups", "group_aggregates", ["d", "b"], {
          keys: ["color"],
          stats: ["count", "mean", "sum", "min", "max"],
          unseen: "global",
        }),
        step("math", "math", ["c", "b"], {
          ops: ["log1p", "sqrt", "square", "reciprocal"],
          keep_source: true,
        }),
        step("pairs", "pairs", ["a", "c", "e"], { ops: ["ratio", "difference", "product"] }),
      ]
    : [];
  return {
    version: 1,
    target,
    steps: [
      ...created,
      step("drop", "drop_columns", [drop]),
      step("fill", "impute", "auto", {
        strategy: "mean",
        add_indicator: true,
        indicator_threshold: 0,
        scope: "numeric",
      }),
      step("fill_cat", "impute", ["city"], { strategy: "most_frequent" }),
      step("clip", "outliers", ["a"], { method: "iqr", factor: 1.5, action: "clip" }),
      step("flag", "outliers", ["e"], { method: "zscore", threshold: 1.5, action: "flag" }),
      step("log", "log", ["b"]),
      step("sqrt", "sqrt", ["c"]),
      step("yj", "yeo_johnson", ["e"]),
      step("mm", "minmax", ["d"]),
      step("rb", "robust", ["a"]),
      step("hot", "one_hot", ["color"], { max_levels: 3, unseen: "other", missing: "indicator" }),
      step("ord", "ordinal", ["size"], { order: { size: ["S", "M", "L"] }, unknown: "minus_one" }),
      step("fill_size", "impute", ["size"], { strategy: "median" }),
      step("freq", "frequency", ["city"]),
      step("te", "target_encoding", ["shop"]),
      step("dedupe", "dedupe", "auto"),
      // Binning last: it may replace its source column.
      ...(features
        ? [
            step("bins", "binning", ["b"], {
              strategy: "quantile",
              bins: 4,
              encode: "onehot",
              keep_source: true,
            }),
            step("bins2", "binning", ["e"], {
              strategy: "equal_width",
              bins: 5,
              encode: "ordinal",
              keep_source: false,
            }),
          ]
        : []),
    ],
  };
}

async function check(model: string, target: string, drop: string, features = false) {
  const { frame } = await readCsvText(table(400, 7, false));
  const run = await runLadder(frame, {
    target,
    recipe: recipe(target, drop, features),
    models: [model],
    folds: 2,
    ensemble: false,
    seed: 0,
  } as Parameters<typeof runLadder>[1]);
  if (!run.pipeline) throw new Error(String(JSON.stringify(run).match(/"(error|message|reason)":"[^"]*"/g)));
  const pipeline = run.pipeline;
  const card = makeModelCard({
    pipeline,
    frame,
    protocol: "2-fold CV",
    dataFingerprint: await dataFingerprint(frame),
    appVersion: "test",
  });
  const read = await readModelFile(JSON.parse(JSON.stringify(await makeModelFile(pipeline, card))));
  const types = read.pipeline.recipe.steps.map((s) => s.type);
  if (features)
    expect(types).toEqual(expect.arrayContaining(["group_aggregates", "math", "pairs", "binning"]));
  expect(types).toEqual(
    expect.arrayContaining(["outliers", "yeo_johnson", "one_hot", "ordinal", "frequency", "target_encoding"]),
  );
  const session = await onnxSession(exportOnnx(read.file, read.pipeline, { appVersion: "test" }));
  const { frame: fresh } = await readCsvText(table(300, 99, true));
  const onnx = await runOnnx(session, fresh, read.pipeline.artifact.inputs);
  const app = predictRows(read.pipeline, fresh);
  let worst = 0;
  let labels = 0;
  for (let r = 0; r < fresh.rows; r++) {
    if (app.proba) {
      const classes = [...app.proba.keys()];
      classes.forEach((c, j) => {
        worst = Math.max(
          worst,
          Math.abs(app.proba!.get(c)![r] - onnx.probabilities![r * classes.length + j]),
        );
      });
      if (onnx.label![r] !== app.predictions[r]) labels++;
    } else {
      const v = app.predictions[r] as number;
      worst = Math.max(worst, Math.abs(v - onnx.variable![r]) / Math.max(1, Math.abs(v)));
    }
  }
  return { worst, labels };
}

describe("ONNX export of the recipe steps", () => {
  for (const [model, target, drop] of [
    ["logistic", "y", "v"],
    ["gbdt", "y", "v"],
    ["linear", "v", "y"],
    ["random_forest", "v", "y"],
  ] as const) {
    it(`${model} on ${target} through every translated step agrees with predict`, async () => {
      const { worst, labels } = await check(model, target, drop);
      expect(worst).toBeLessThan(1e-4);
      expect(labels).toBe(0);
    }, 60_000);
  }

  for (const model of ["logistic", "gbdt"]) {
    it(`${model} through group aggregates, math, pairs and binning agrees with predict`, async () => {
      const { worst, labels } = await check(model, "y", "v", true);
      expect(worst).toBeLessThan(1e-4);
      expect(labels).toBe(0);
    }, 60_000);
  }
});
