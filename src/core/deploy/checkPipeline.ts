/**
 * What a model file must hold together, beyond each part being well-formed on its own: the
 * pipeline's header agrees with every member's recipe (task, target, classes, inputs), the card
 * agrees with the pipeline, ensemble weights are real, and every member, run on two probe rows,
 * answers in the shape the header promises (a model whose state says 3 classes under a 2-class
 * header is refused here, not found out as shifted probability columns).
 */
import type { LoadedPipeline } from "../automl/artifact/loadPipeline.ts";
import type { PipelineArtifact } from "../automl/artifact/pipelineArtifact.ts";
import { matrixOf } from "../automl/ladder/predictIn.ts";
import type { Column, Frame } from "../data/frame.ts";
import { ValidationError } from "../errors.ts";
import { getMetric } from "../framing/metrics.ts";
import { MODELS } from "../models/registry.ts";
import type { ModelCard, ModelCardInput } from "./modelCard.ts";

function fail(part: string, problem: string): never {
  throw new ValidationError(`${part}: ${problem}`);
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));

const quoted = (list: readonly string[]) => list.map((x) => JSON.stringify(x)).join(", ");

/** The first label listed twice, if any. */
function duplicate(list: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const x of list) {
    if (seen.has(x)) return x;
    seen.add(x);
  }
  return undefined;
}

/** The header's own rules: classes against task, metric against task, unique names. */
function checkHeader(a: PipelineArtifact): void {
  const metric = getMetric(String(a.metric));
  if (!metric.tasks.includes(a.task))
    fail("pipeline", `the metric ${metric.label} does not apply to ${a.task}`);
  if (a.task === "regression") {
    if (a.classes !== null && a.classes !== undefined)
      fail("pipeline", "a regression pipeline lists classes");
  } else {
    if (!Array.isArray(a.classes) || a.classes.some((c) => typeof c !== "string"))
      fail("pipeline.classes", "expected a list of class labels");
    const twice = duplicate(a.classes);
    if (twice !== undefined) fail("pipeline.classes", `the class ${JSON.stringify(twice)} is listed twice`);
    if (a.task === "binary" && a.classes.length !== 2)
      fail("pipeline.classes", `a binary classifier needs 2 classes, the file lists ${a.classes.length}`);
  }
  const twice = duplicate(a.inputs.map((i) => i?.name));
  if (twice !== undefined) fail("pipeline.inputs", `the column ${JSON.stringify(twice)} is listed twice`);
}

/** Each member's recipe against the header; ensemble weights finite and positive. */
function checkMembers(loaded: LoadedPipeline): void {
  const a = loaded.artifact;
  const single = loaded.model !== null;
  const header = new Map(a.inputs.map((i) => [i.name, i.kind]));
  const rawWeights = "members" in a ? a.members.map((m) => m.weight) : [1];
  let total = 0;
  for (const w of rawWeights) total += w;
  loaded.members.forEach((m, i) => {
    const part = single ? "pipeline" : `pipeline.members[${i}] (${m.modelId})`;
    const r = m.recipe;
    const w = rawWeights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w <= 0)
      fail(part, `its weight must be a finite number above 0, got ${String(w)}`);
    const spec = MODELS.find((s) => s.id === m.modelId);
    if (!spec || (spec.artifactType ?? spec.id) !== m.model.type)
      fail(part, `the model is a ${m.model.type}, the file says ${m.modelId}`);
    if (r.task !== a.task)
      fail(part, `its recipe was fitted for ${r.task ?? "no task"}, the file says ${a.task}`);
    if (r.target !== a.target)
      fail(
        part,
        `its recipe was fitted for the target ${JSON.stringify(r.target)}, the file says ${JSON.stringify(a.target)}`,
      );
    if (a.task === "regression") {
      if (r.classes !== null) fail(part, "its recipe lists classes for a regression");
    } else {
      if (!Array.isArray(r.classes)) fail(part, "its recipe lists no classes");
      const twice = duplicate(r.classes);
      if (twice !== undefined) fail(part, `its recipe lists the class ${JSON.stringify(twice)} twice`);
      const unknown = r.classes.filter((c) => !a.classes!.includes(c));
      if (unknown.length > 0)
        fail(part, `its recipe knows classes the file does not list: ${quoted(unknown)}`);
      if (single && !sameList(r.classes, a.classes))
        fail(
          part,
          `the file lists the classes ${quoted(a.classes!)}, the model was trained on ${quoted(r.classes)}`,
        );
    }
    for (const input of r.inputs) {
      const kind = header.get(input.name);
      if (kind === undefined)
        fail(part, `its recipe reads the column ${JSON.stringify(input.name)}, which the file does not list`);
      if (kind !== input.kind)
        fail(part, `its recipe reads ${JSON.stringify(input.name)} as ${input.kind}, the file says ${kind}`);
    }
    if (single && r.inputs.length !== a.inputs.length)
      fail(part, `the file lists ${a.inputs.length} input columns, the recipe reads ${r.inputs.length}`);
  });
  if (!Number.isFinite(total) || total <= 0) fail("pipeline", `the ensemble weights sum to ${total}`);
}

/** A column of two probe rows: a typical value from the card, then a missing one. */
function probeColumn(input: ModelCardInput): Column {
  if (input.kind === "numeric" || input.kind === "datetime" || input.kind === "boolean") {
    const typical = input.median ?? input.min ?? 0;
    const v = input.kind === "boolean" ? (typical >= 0.5 ? 1 : 0) : typical;
    return {
      name: input.name,
      kind: input.kind,
      role: "feature",
      data: { type: "float", values: Float64Array.of(v, Number.NaN) },
      missing: 1,
      unique: 1,
    };
  }
  const level = input.most_frequent ?? input.levels?.[0] ?? "a value never seen in training";
  return {
    name: input.name,
    kind: input.kind,
    role: "feature",
    data: { type: "dict", codes: Int32Array.of(0, -1), levels: [level] },
    missing: 1,
    unique: 1,
  };
}

/** The probe rows, as messages name them. */
const ROW_NAMES = ["a typical row", "a row of missing values"];
const NOT_A_NUMBER = "a value in its recipe or model state is not a number";

/**
 * Runs every member on two probe rows and checks the answer's shape: one prediction per row,
 * finite values, class indices within the model's classes, a probability row per row of exactly
 * the classes the recipe lists, each in 0..1 summing to 1.
 */
function probeMembers(loaded: LoadedPipeline, inputs: readonly ModelCardInput[]): void {
  const frame: Frame = { rows: 2, columns: inputs.map(probeColumn) };
  const single = loaded.model !== null;
  loaded.members.forEach((m, i) => {
    const part = single ? `model (${m.modelId})` : `pipeline.members[${i}] (${m.modelId})`;
    let predictions: Float64Array;
    let proba: Float64Array | null = null;
    try {
      const X = matrixOf(m.recipe, frame);
      predictions = m.model.predict(X);
      if (m.recipe.classes && m.model.predictProba) proba = m.model.predictProba(X);
    } catch (err) {
      const e = err as Error | null;
      if (e?.name === "NotFittedError") fail(part, "the file holds no fitted state for it");
      if (e?.name === "ValidationError") fail(part, `it cannot predict: ${e.message}`);
      // A TypeError or RangeError here is state that passed every reader yet does not fit together.
      if (e instanceof TypeError || e instanceof RangeError)
        fail(part, "its recipe or model state is damaged: predicting the probe rows fails");
      throw err;
    }
    if (predictions.length !== frame.rows)
      fail(part, `it gave ${predictions.length} predictions for ${frame.rows} rows`);
    const k = m.recipe.classes?.length ?? 0;
    predictions.forEach((p, r) => {
      if (!Number.isFinite(p)) fail(part, `it predicts ${p} for ${ROW_NAMES[r]}: ${NOT_A_NUMBER}`);
      if (k > 0 && (!Number.isInteger(p) || p < 0 || p >= k))
        fail(part, `it predicts class number ${p}, but the file lists ${k} classes`);
    });
    if (k > 0 && !proba && !single) fail(part, "an ensemble member must give class probabilities");
    if (proba) {
      if (proba.length !== frame.rows * k) {
        const width = proba.length / frame.rows;
        fail(part, `it gives ${width} class probabilities per row, but the file lists ${k} classes`);
      }
      for (let r = 0; r < frame.rows; r++) {
        let sum = 0;
        for (let c = 0; c < k; c++) {
          const p = proba[r * k + c];
          if (!(p >= 0 && p <= 1))
            fail(part, `it gives a probability of ${p} for ${ROW_NAMES[r]}: ${NOT_A_NUMBER}`);
          sum += p;
        }
        if (Math.abs(sum - 1) > 1e-4) fail(part, `its class probabilities sum to ${sum}, not 1`);
      }
    }
  });
}

/** The card against the pipeline it describes. */
function checkCard(card: ModelCard, a: PipelineArtifact): void {
  if (card.task !== a.task) fail("model card", `the card says ${card.task}, the pipeline is ${a.task}`);
  if (card.target !== a.target)
    fail(
      "model card",
      `the card's target is ${JSON.stringify(card.target)}, the pipeline's ${JSON.stringify(a.target)}`,
    );
  if (card.metric !== a.metric)
    fail("model card", `the card's metric is ${card.metric}, the pipeline's ${a.metric}`);
  if (!sameList(card.classes, a.classes ?? null)) {
    const show = (c: string[] | null) => (c ? `${c.length} (${quoted(c)})` : "none");
    fail(
      "model card",
      `the card lists the classes ${show(card.classes)}, the pipeline ${show(a.classes ?? null)}`,
    );
  }
  const positive = card.positive_class;
  if (positive !== null && positive !== undefined) {
    if (a.task !== "binary")
      fail(
        "model card",
        `the card names a positive class (${JSON.stringify(positive)}) for a ${a.task} model`,
      );
    if (!a.classes?.includes(positive))
      fail(
        "model card",
        `the positive class ${JSON.stringify(positive)} is not one of the model's classes (${quoted(a.classes ?? [])})`,
      );
  }
  if (card.model.id !== a.model_id)
    fail("model card", `the card describes ${card.model.id}, the pipeline holds ${a.model_id}`);
  const names = (list: readonly { name: string; kind: string }[]) =>
    list.map((i) => `${i.name}:${i.kind}`).join("\n");
  if (names(card.inputs) !== names(a.inputs))
    fail("model card", "the card's input columns differ from the pipeline's");
}

/**
 * Every consistency check of a loaded model file; the first problem found is a ValidationError
 * naming the part. `card` defaults to the pipeline's own header (a bare pipeline file).
 */
export function checkPipeline(loaded: LoadedPipeline, card: ModelCard): void {
  checkHeader(loaded.artifact);
  checkMembers(loaded);
  checkCard(card, loaded.artifact);
  probeMembers(loaded, card.inputs);
}
