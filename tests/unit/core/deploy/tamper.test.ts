import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MODEL_FILE_VERSION,
  type ModelFile,
  parseModelJson,
  readModelFile,
} from "../../../../src/core/deploy/modelFile.ts";
import { MODELS } from "../../../../src/core/models/registry.ts";
import { copyOf, ensembleFile, type Json, resealed, trainedFile } from "./modelFiles.ts";

// Tampered model files: every case must be refused with a ValidationError whose one sentence
// names the part, never a TypeError, "call fit before predict", "version 1 (expected 1)" or a
// stack overflow. The checksum is recomputed after each change (an attacker can: it is no
// signature), so the content checks are what refuses.

const INF = "__1e999__";

/** The file as text with the INF marker written as 1e999 (JSON.stringify cannot write it). */
const withInfinity = (file: Json) => JSON.stringify(file).replaceAll(`"${INF}"`, "1e999");

/** The refusal of reading `text`, or undefined when it was accepted. */
async function refusal(text: string): Promise<Error | undefined> {
  try {
    await readModelFile(parseModelJson(text));
  } catch (err) {
    return err as Error;
  }
  return undefined;
}

/** Every refusal seen, written to $TAMPER_REPORT when set (the list in the closing note). */
const said: string[] = [];
afterAll(() => {
  if (process.env.TAMPER_REPORT) writeFileSync(process.env.TAMPER_REPORT, `${said.join("\n")}\n`);
});

/** Asserts the refusal's name and sentence, and that it reads as a sentence about the file. */
async function expectRefused(what: string, text: string, message: RegExp): Promise<string> {
  const err = await refusal(text);
  expect(err, `${what}: accepted`).toBeDefined();
  expect(err!.name, `${what}: ${err!.message}`).toBe("ValidationError");
  expect(err!.message, what).toMatch(message);
  expect(err!.message, what).not.toMatch(/call fit|\(expected \d+\)|call stack|undefined|\[object/);
  expect(err!.message, what).not.toContain("\n");
  said.push(`${what}: ${err!.message}`);
  return err!.message;
}

/** A change to a copy of `file`, resealed (INF markers become 1e999 in the text). */
async function tampered(file: ModelFile, change: (f: Json) => void, reseal = true): Promise<string> {
  const copy = copyOf(file);
  change(copy);
  return withInfinity(reseal ? await resealed(copy) : copy);
}

/**
 * Where each family keeps the numbers its predictions are made of (trees: leaf values; a null
 * threshold is a real encoding, Infinity: "every non-missing value goes left").
 */
const WEIGHTS: Record<string, (string | number)[]> = {
  baseline: ["priors"],
  linear: ["coef"],
  lasso: ["coef"],
  logistic: ["theta"],
  naive_bayes: ["features", 0, "mean"],
  knn: ["x"],
  decision_tree: ["tree", "value"],
  random_forest: ["trees", 0, "value"],
  extra_trees: ["trees", 0, "value"],
  gbdt: ["trees", 0, "value"],
  mlp: ["layers", 0, "weights"],
};

/** The path of the first tree's `left` child array, for tree families. */
function leftPath(state: Json): (string | number)[] | null {
  if (state.tree) return ["tree", "left"];
  if (Array.isArray(state.trees) && state.trees[0]?.left) return ["trees", 0, "left"];
  return null;
}

const at = (root: Json, path: (string | number)[]) => path.reduce((n: Json, k) => n[k], root);
const parent = (root: Json, path: (string | number)[]) => at(root, path.slice(0, -1));

const families = MODELS.map((m) => ({
  id: m.id,
  tag: m.artifactType ?? m.id,
  target: m.tasks.includes("binary") ? "sex" : "body_mass_g",
}));

const files = new Map<string, ModelFile>();

beforeAll(async () => {
  for (const f of families) files.set(f.id, await trainedFile(f.id, f.target));
}, 120_000);

describe.each(families)("a $id model file", ({ id, tag, target }) => {
  const file = () => files.get(id)!;
  const state = () => (file().pipeline as Json).model.state as Json;

  it("is read back as it was written", async () => {
    const read = await readModelFile(parseModelJson(JSON.stringify(file())));
    expect(read.file.sha256).toBe(file().sha256);
    expect(read.notes).toEqual([]);
    expect(read.file.card.target).toBe(target);
  });

  it("refuses damaged weights: cut short, missing, null, a string, 1e999", async () => {
    const path = WEIGHTS[id];
    expect(Array.isArray(at(state(), path)), `${id} keeps its weights at ${path.join(".")}`).toBe(true);
    const key = String(path.at(-1));
    const inModel = (f: Json) => f.pipeline.model.state;
    const cases: [string, (f: Json) => void, RegExp][] = [
      ["cut short", (f) => at(inModel(f), path).pop(), new RegExp(`^${tag}: .*${key}`)],
      ["missing", (f) => delete parent(inModel(f), path)[key], new RegExp(`^${tag}: .*missing "${key}"`)],
      ["null for 0", (f) => (at(inModel(f), path)[0] = null), new RegExp(`^${tag}: .*${key}`)],
      [
        "a string",
        (f) => (at(inModel(f), path)[0] = "0.5"),
        new RegExp(`^${tag}: .*${key}.*expected a number`),
      ],
      [
        "1e999",
        (f) => (at(inModel(f), path)[0] = INF),
        new RegExp(
          `number out of range \\(at pipeline\\.model\\.state\\.${path.join("\\.").replaceAll("\\.0", "\\[0\\]")}\\[0\\]\\)`,
        ),
      ],
    ];
    for (const [what, change, message] of cases)
      await expectRefused(`${id}: weights ${what}`, await tampered(file(), change), message);
  });

  it("refuses a state of the wrong type, a polluting key and a changed class count", async () => {
    await expectRefused(
      `${id}: state "x"`,
      await tampered(file(), (f) => (f.pipeline.model.state = "x")),
      new RegExp(`^${tag}: state`),
    );
    const polluted = (await tampered(file(), (f) => (f.pipeline.model.state.polluted = 1))).replace(
      '"polluted":1',
      '"__proto__":{"x":1}',
    );
    await expectRefused(
      `${id}: __proto__`,
      polluted,
      /forbidden key "__proto__" \(at pipeline\.model\.state\.__proto__\)/,
    );
    const count = ["n_classes", "nClasses"].find((k) => k in state());
    if (count && state()[count] > 0) {
      // The model's reader finds the class count at odds with its own arrays (theta, prior,
      // valueDim) or its task; where it cannot (knn), the probe sees the wrong probability width.
      await expectRefused(
        `${id}: ${count} + 1`,
        await tampered(file(), (f) => (f.pipeline.model.state[count] += 1)),
        new RegExp(
          `^(${tag}: .*(expected \\d+|does not fit)|model \\(${id}\\): it gives 3 class probabilities per row, but the file lists 2 classes)`,
        ),
      );
    }
  });

  it("refuses out-of-range tree node indices and string thresholds", async () => {
    const path = leftPath(state());
    if (!path) return;
    const threshold = [...path.slice(0, -1), "threshold"];
    await expectRefused(
      `${id}: threshold "0.5"`,
      await tampered(file(), (f) => (at(f.pipeline.model.state, threshold)[0] = "0.5")),
      new RegExp(`^${tag}: .*threshold.*"0\\.5"`),
    );
    const msg = await expectRefused(
      `${id}: left child 9999`,
      await tampered(file(), (f) => {
        const left = at(f.pipeline.model.state, path) as number[];
        left[left.findIndex((x) => x > 0)] = 9999;
      }),
      new RegExp(`^${tag}: .*left`),
    );
    expect(msg).toMatch(/9999/);
  });
});

describe("a classifier's file", () => {
  const gbdt = () => files.get("gbdt")!;

  it("refuses a 3-class header on a 2-class model, in the pipeline or the card", async () => {
    await expectRefused(
      "3 classes in header and card",
      await tampered(gbdt(), (f) => {
        f.pipeline.classes.push("other");
        f.card.classes.push("other");
      }),
      /^pipeline\.classes: a binary classifier needs 2 classes, the file lists 3$/,
    );
    await expectRefused(
      "3 classes as multiclass",
      await tampered(gbdt(), (f) => {
        for (const o of [f.pipeline, f.card]) {
          o.classes.push("other");
          o.task = "multiclass";
          o.metric = "accuracy";
        }
      }),
      /recipe was fitted for binary, the file says multiclass/,
    );
    await expectRefused(
      "3 classes in the card only",
      await tampered(gbdt(), (f) => f.card.classes.push("other")),
      /^model card: the card lists the classes 3 \("female", "male", "other"\), the pipeline 2/,
    );
  });

  it("refuses a classifier switched to regression, duplicate classes, an unknown or wrong metric", async () => {
    await expectRefused(
      "task regression",
      await tampered(gbdt(), (f) => {
        f.pipeline.task = f.card.task = "regression";
        f.pipeline.metric = f.card.metric = "rmse";
      }),
      /^pipeline: a regression pipeline lists classes$/,
    );
    await expectRefused(
      "task regression, classes dropped",
      await tampered(gbdt(), (f) => {
        f.pipeline.task = f.card.task = "regression";
        f.pipeline.metric = f.card.metric = "rmse";
        f.pipeline.classes = f.card.classes = null;
      }),
      /^pipeline: its recipe was fitted for binary, the file says regression$/,
    );
    await expectRefused(
      "duplicate classes",
      await tampered(gbdt(), (f) => (f.pipeline.classes = f.card.classes = ["male", "male"])),
      /^pipeline\.classes: the class "male" is listed twice$/,
    );
    await expectRefused(
      "metric rmse on a classifier",
      await tampered(gbdt(), (f) => (f.pipeline.metric = f.card.metric = "rmse")),
      /^pipeline: the metric RMSE does not apply to binary$/,
    );
    await expectRefused(
      "unknown metric",
      await tampered(gbdt(), (f) => (f.card.metric = "nope")),
      /^model card: metric: unknown metric "nope"$/,
    );
  });

  it("refuses a model that is not the one named, a changed input kind and unknown recipe steps", async () => {
    await expectRefused(
      "model_id knn",
      await tampered(gbdt(), (f) => (f.pipeline.model_id = f.card.model.id = "knn")),
      /^pipeline: the model is a gbdt, the file says knn$/,
    );
    await expectRefused(
      "input kind",
      await tampered(gbdt(), (f) => (f.card.inputs[0].kind = "text")),
      /^model card: the card's input columns differ from the pipeline's$/,
    );
    await expectRefused(
      "recipe step type",
      await tampered(gbdt(), (f) => (f.pipeline.recipe.steps[0].type = "nope")),
      /nope/,
    );
  });

  it("refuses missing keys and wrong types in the card and the pipeline", async () => {
    const cases: [string, (f: Json) => void, RegExp][] = [
      ["card.metric deleted", (f) => delete f.card.metric, /^model card: the card: missing "metric"$/],
      [
        "card.inputs a string",
        (f) => (f.card.inputs = "x"),
        /^model card: inputs: expected a list, got "x"$/,
      ],
      [
        "card.scores.test a string",
        (f) => (f.card.scores.test = "0.9"),
        /^model card: scores\.test: expected a finite number, got "0\.9"$/,
      ],
      [
        "card.training_rows -1",
        (f) => (f.card.training_rows = -1),
        /^model card: training_rows: expected a whole number, got -1$/,
      ],
      [
        "card.inputs[0].missing_share 2",
        (f) => (f.card.inputs[0].missing_share = 2),
        /inputs\[0\]\.missing_share: 2 is not a share/,
      ],
      ["pipeline.recipe deleted", (f) => delete f.pipeline.recipe, /^pipeline: missing "recipe"$/],
      [
        "pipeline.inputs a string",
        (f) => (f.pipeline.inputs = "x"),
        /^pipeline\.inputs: expected a list, got "x"$/,
      ],
      [
        "pipeline.inputs[1].kind",
        (f) => (f.pipeline.inputs[1].kind = 7),
        /^pipeline\.inputs\[1\]\.kind: expected one of numeric, .*, got 7$/,
      ],
      ["pipeline.model deleted", (f) => delete f.pipeline.model, /^pipeline: missing "model"$/],
      [
        "pipeline.model.type 3",
        (f) => (f.pipeline.model.type = 3),
        /^pipeline\.model\.type: expected text, got 3$/,
      ],
      ["pipeline.target 3", (f) => (f.pipeline.target = f.card.target = 3), /target: expected text, got 3$/],
      [
        "pipeline.version 2",
        (f) => (f.pipeline.version = 2),
        /^pipeline: version 2 is not one this app reads \(it reads version 1\)$/,
      ],
      [
        'pipeline.version "1"',
        (f) => (f.pipeline.version = "1"),
        /^pipeline: a version of "1" is not one this app reads \(it reads version 1\)$/,
      ],
    ];
    for (const [what, change, message] of cases)
      await expectRefused(what, await tampered(gbdt(), change), message);
  });
});

describe("a recipe in a model file", () => {
  const logistic = () => files.get("logistic")!;
  const step = (f: Json, type: string) => f.pipeline.recipe.steps.find((s: Json) => s.type === type);

  it("refuses damaged step states, naming the step, or by what they make the model predict", async () => {
    const cases: [string, (f: Json) => void, RegExp][] = [
      [
        "scaler a = null",
        (f) => (step(f, "standard").state.columns[0].a = null),
        /^standard \(step "\w+"\): state\.columns\[0\]\.a: expected a number, got null$/,
      ],
      [
        "one-hot levels a string",
        (f) => (step(f, "one_hot").state.columns[0].levels = "x"),
        /^one_hot \(step "\w+"\): state\.columns\[0\]\.levels/,
      ],
      [
        "impute state deleted",
        (f) => delete step(f, "impute").state,
        /^pipeline\.recipe\.steps\[0\]: missing "state"$/,
      ],
      [
        'numeric fill "x"',
        (f) => (step(f, "impute").state.columns[0].fill = "x"),
        /^model \(logistic\): it gives a probability of NaN for a row of missing values: a value in its recipe or model state is not a number$/,
      ],
      ["unknown step", (f) => (step(f, "standard").type = "nope"), /unknown step nope/],
    ];
    for (const [what, change, message] of cases)
      await expectRefused(what, await tampered(logistic(), change), message);
  });
});

describe("an ensemble file", () => {
  let ensemble: ModelFile;
  beforeAll(async () => {
    ensemble = await ensembleFile(files.get("gbdt")!, files.get("logistic")!);
  });

  it("is read back and predicts", async () => {
    const read = await readModelFile(parseModelJson(JSON.stringify(ensemble)));
    expect(read.pipeline.members.map((m) => m.weight)).toEqual([0.6, 0.4]);
  });

  it("refuses weights of Infinity, negative, zero, a string, and ones that sum to Infinity", async () => {
    const weight = (value: unknown) => (f: Json) => (f.pipeline.members[0].weight = value);
    await expectRefused(
      "Infinity",
      await tampered(ensemble, weight(INF)),
      /number out of range \(at pipeline\.members\[0\]\.weight\)/,
    );
    for (const bad of [-1, 0, "0.5", null])
      await expectRefused(
        `weight ${bad}`,
        await tampered(ensemble, weight(bad)),
        /^pipeline\.members\[0\]\.weight: expected a number above 0, got /,
      );
    await expectRefused(
      "sum Infinity",
      await tampered(ensemble, (f) => {
        for (const m of f.pipeline.members) m.weight = 1.5e308;
      }),
      /^pipeline: the ensemble weights sum to Infinity$/,
    );
  });

  it("refuses a damaged member and a member trained on other classes", async () => {
    await expectRefused(
      "member model cut",
      await tampered(ensemble, (f) => f.pipeline.members[1].model.state.theta.pop()),
      /^logistic: .*theta/,
    );
    await expectRefused(
      "member classes",
      await tampered(ensemble, (f) => (f.pipeline.members[1].recipe.classes = ["male", "x"])),
      /^pipeline\.members\[1\] \(logistic\): its recipe knows classes the file does not list: "x"$/,
    );
  });
});

describe("the file envelope", () => {
  const gbdt = () => files.get("gbdt")!;

  it("refuses a change made after export (checksum)", async () => {
    await expectRefused(
      "changed, not resealed",
      await tampered(gbdt(), (f) => (f.card.scores.cv_mean = 0.99), false),
      /^the file was changed after export \(checksum mismatch\)$/,
    );
    await expectRefused(
      "no checksum",
      await tampered(gbdt(), (f) => delete f.sha256, false),
      /has no "sha256"/,
    );
  });

  it("names the version: newer refused, older migrated, nonsense refused", async () => {
    await expectRefused(
      "format 2",
      await tampered(gbdt(), (f) => (f.format_version = 2)),
      /^this model file was made by a newer version of the app \(format 2; this app reads 1\)$/,
    );
    for (const bad of [0, "1", 1.5, null])
      await expectRefused(
        `format ${bad}`,
        await tampered(gbdt(), (f) => (f.format_version = bad)),
        /format version is not valid/,
      );
    await expectRefused(
      "another format",
      await tampered(gbdt(), (f) => (f.format = "onnx")),
      /^this is not an AutoML Playground model file \(its format is "onnx"\)$/,
    );
    // A version-1 file read by an app whose format is 2: migrated, with a note.
    const v1 = copyOf(gbdt());
    const migrations = [(f: Json) => ({ ...f, format_version: 2 })];
    const read = await readModelFile(v1, { migrations });
    expect(read.notes).toEqual(["Read a model file of format 1, migrated to format 2."]);
    expect(MODEL_FILE_VERSION).toBe(1);
  });

  it("refuses __proto__ and constructor keys, deep nesting and text that is not JSON", async () => {
    const text = JSON.stringify(gbdt());
    await expectRefused(
      "__proto__ in the card",
      text.replace('"card":{', '"card":{"__proto__":{"polluted":true},'),
      /forbidden key "__proto__" \(at card\.__proto__\)/,
    );
    await expectRefused(
      "constructor at the top",
      text.replace("{", '{"constructor":{"prototype":1},'),
      /forbidden key "constructor"/,
    );
    const deep = `${'{"a":'.repeat(200_000)}1${"}".repeat(200_000)}`;
    await expectRefused(
      "200,000 levels",
      text.replace('"card":{', `"card":{"deep":${deep},`),
      /^the model file is nested more than 64 levels deep \(at card\.deep\.a\.a\.a\.a\.\.\. \(64 levels\)\)$/,
    );
    await expectRefused("not JSON", text.slice(0, 1000), /^the file is not JSON$/);
    await expectRefused("an array", "[1,2]", /^a model file is a JSON object, this is an array$/);
  });
});
