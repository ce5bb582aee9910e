/**
 * A fitted recipe as ONNX nodes: each enabled step's learned state, applied as `transform`
 * applies it to new rows, from the raw input columns to the model's [N, F] double matrix. Steps
 * that only act on training rows (resampling, class weights, dropping duplicates or rows) leave
 * new rows unchanged, here as in the app. A step without a faithful form refuses by name.
 */
import type { FittedRecipe } from "../../pipeline/fittedRecipe.ts";
import { getStepInfo } from "../../pipeline/stepCatalogue.ts";
import type { StepConfig } from "../../prep/step.ts";
import { featureSteps } from "./featuresToOnnx.ts";
import type { GraphBuilder } from "./graphBuilder.ts";
import {
  floatCol,
  floatOf,
  get,
  isEmptyText,
  log1p,
  lookupColumns,
  type OnnxColumn,
  type OnnxInputs,
  type Translate,
} from "./onnxColumns.ts";
import { refuse } from "./onnxRefused.ts";

/** Steps whose `transform` returns new rows unchanged. */
const TRAINING_ONLY = new Set([
  "class_weights",
  "dedupe",
  "drop_rows_missing",
  "random_oversample",
  "random_undersample",
  "smote",
]);

/** Why a step has no ONNX form, by type. */
const NO_FORM: Record<string, string> = {
  text_normalise: "ONNX's string operators do not trim, fold accents and match patterns as the app does",
  date_parts: "ONNX has no operator that parses dates from text",
  text_features: "its tokenizer and TF-IDF vocabulary have no faithful ONNX form",
};

type Frame = OnnxColumn[];

const label = (type: string) => {
  try {
    return getStepInfo(type).label;
  } catch {
    return type;
  }
};

function textOf(frame: Frame, name: string, step: string): OnnxColumn & { type: "dict" } {
  const col = get(frame, name, step);
  if (col.type !== "dict")
    refuse(
      `The step "${step}" reads "${name}" as categories, but it holds ${col.type === "date" ? "dates" : "numbers"}.`,
    );
  return col as OnnxColumn & { type: "dict" };
}

/** Each named column replaced, at its own place, by the listed ones. */
function replace(frame: Frame, with_: Map<string, OnnxColumn[]>): Frame {
  return frame.flatMap((c) => with_.get(c.name) ?? [c]);
}

/** Codes of `levels` as codesOnto builds them: by text, a later duplicate winning. */
const codeMap = (levels: readonly string[]) => new Map(levels.map((l, i) => [l, i] as [string, number]));

const STEPS: Record<string, Translate> = {
  drop_columns: (_g, frame, state: { drop: string[] }) => {
    const drop = new Set(state.drop);
    return frame.filter((c) => !drop.has(c.name));
  },
  select: (_g, frame, state: { dropped: string[] }) => {
    const drop = new Set(state.dropped);
    return frame.filter((c) => !drop.has(c.name));
  },
  fix_type: (_g, frame, state: { columns: string[]; kind: string }, step) => {
    for (const name of state.columns) {
      const col = get(frame, name, step);
      if (col.kind !== state.kind)
        refuse(
          `The step "${step}" turns "${name}" from ${col.kind} into ${state.kind}, which has no faithful ONNX form.`,
        );
    }
    return frame;
  },
  impute: (
    g,
    frame,
    state: {
      columns: { name: string; fill: number | string | null; indicator: string | null }[];
      knn?: unknown;
    },
    step,
  ) => {
    if (state.knn)
      refuse(
        `The step "${step}" fills values from the nearest training rows, which is not exported to ONNX.`,
      );
    const out = new Map<string, OnnxColumn[]>();
    for (const { name, fill, indicator } of state.columns) {
      const col = get(frame, name, step);
      let missing: string;
      let filled: OnnxColumn;
      if (col.type === "float") {
        missing = g.isNaN(col.value);
        filled = { ...col, value: g.where(missing, g.scalar(Number(fill)), col.value) };
      } else if (col.type === "dict") {
        missing = isEmptyText(g, col.value);
        filled = { ...col, value: g.where(missing, g.constant("string", [], [String(fill)]), col.value) };
      } else
        return refuse(
          `The step "${step}" fills the date column "${name}", and ONNX cannot parse dates from text.`,
        );
      out.set(name, indicator ? [filled, floatCol(indicator, g.flag(missing), "boolean")] : [filled]);
    }
    return replace(frame, out);
  },
  outliers: (
    g,
    frame,
    state: {
      action: "clip" | "flag" | "drop";
      columns: { name: string; lo: number; hi: number; flag: string | null }[];
    },
    step,
  ) => {
    if (state.action === "drop") return frame;
    const out = new Map<string, OnnxColumn[]>();
    for (const b of state.columns) {
      const col = floatOf(frame, b.name, step);
      const lo = g.scalar(b.lo);
      const hi = g.scalar(b.hi);
      if (state.action === "clip") {
        // min(max(x, lo), hi) with NaN kept: comparisons with NaN are false.
        const up = g.where(g.op("Less", [col.value, lo]), lo, col.value);
        out.set(b.name, [{ ...col, value: g.where(g.op("Greater", [up, hi]), hi, up) }]);
      } else {
        const outside = g.op("Or", [g.op("Less", [col.value, lo]), g.op("Greater", [col.value, hi])]);
        out.set(b.name, [col, floatCol(b.flag!, g.flag(outside), "boolean")]);
      }
    }
    return replace(frame, out);
  },
  one_hot: (
    g,
    frame,
    state: {
      unseen: "zeros" | "other";
      columns: {
        name: string;
        levels: string[];
        names: string[];
        pooled: string[];
        other: string | null;
        missing: string | null;
      }[];
    },
    step,
  ) => {
    const out = new Map<string, OnnxColumn[]>();
    for (const e of state.columns) {
      const col = textOf(frame, e.name, step);
      const names = [...e.names, ...(e.other ? [e.other] : []), ...(e.missing ? [e.missing] : [])];
      const width = names.length;
      const unit = (j: number | null) => Array.from({ length: width }, (_, i) => (i === j ? 1 : 0));
      const L = e.levels.length;
      const otherAt = e.other ? L : null;
      const missingAt = e.missing ? L + (e.other ? 1 : 0) : null;
      // Rows: one per kept level, then pooled levels, missing, unseen.
      const table = [
        ...e.levels.map((_, j) => unit(j)),
        unit(otherAt),
        unit(missingAt),
        unit(state.unseen === "other" ? otherAt : null),
      ];
      const keys = codeMap(e.levels);
      for (const p of e.pooled) if (!keys.has(p)) keys.set(p, L);
      if (width === 0) {
        out.set(e.name, []);
        continue;
      }
      const values = lookupColumns(g, col.value, keys, L + 1, L + 2, table);
      out.set(
        e.name,
        names.map((n, j) => floatCol(n, values[j], "boolean")),
      );
    }
    return replace(frame, out);
  },
  ordinal: (
    g,
    frame,
    state: { unknown: "nan" | "minus_one"; columns: { name: string; levels: string[] }[] },
    step,
  ) => {
    const out = new Map<string, OnnxColumn[]>();
    for (const { name, levels } of state.columns) {
      const col = textOf(frame, name, step);
      const L = levels.length;
      const table = [...levels.map((_, j) => [j]), [Number.NaN], [state.unknown === "nan" ? Number.NaN : -1]];
      const [value] = lookupColumns(g, col.value, codeMap(levels), L, L + 1, table);
      out.set(name, [floatCol(name, value)]);
    }
    return replace(frame, out);
  },
  frequency: (
    g,
    frame,
    state: { columns: { name: string; levels: string[]; share: number[]; missing: number }[] },
    step,
  ) => {
    const out = new Map<string, OnnxColumn[]>();
    for (const e of state.columns) {
      const col = textOf(frame, e.name, step);
      const L = e.levels.length;
      const table = [...e.share.map((s) => [s]), [e.missing], [0]];
      const [value] = lookupColumns(g, col.value, codeMap(e.levels), L, L + 1, table);
      out.set(e.name, [floatCol(e.name, value)]);
    }
    return replace(frame, out);
  },
  target_encoding: (
    g,
    frame,
    state: {
      columns: { name: string; outputs: string[]; levels: string[]; means: number[][]; prior: number[] }[];
    },
    step,
  ) => {
    const out = new Map<string, OnnxColumn[]>();
    for (const e of state.columns) {
      const col = textOf(frame, e.name, step);
      const L = e.levels.length;
      // means holds the levels, then missing as the last "level"; unseen levels get the prior.
      const table = [...e.means, e.prior];
      const values = lookupColumns(g, col.value, codeMap(e.levels), L, L + 1, table);
      out.set(
        e.name,
        e.outputs.map((n, o) => floatCol(n, values[o])),
      );
    }
    return replace(frame, out);
  },
  log: (g, frame, state, step) => shifted(g, frame, state, step, (x) => log1p(g, x)),
  sqrt: (g, frame, state, step) => shifted(g, frame, state, step, (x) => g.op("Sqrt", [x])),
  yeo_johnson: (
    g,
    frame,
    state: { columns: { name: string; lambda: number; mean: number; std: number }[] },
    step,
  ) => {
    const EPS = 2.220446049250313e-16;
    const out = new Map<string, OnnxColumn[]>();
    for (const { name, lambda, mean, std } of state.columns) {
      const col = floatOf(frame, name, step);
      const x = col.value;
      const one = g.scalar(1);
      const pos = g.add(x, one);
      const neg = g.sub(one, x);
      const up =
        Math.abs(lambda) < EPS
          ? g.op("Log", [pos])
          : g.div(g.sub(g.op("Pow", [pos, g.scalar(lambda)]), one), g.scalar(lambda));
      const down =
        Math.abs(lambda - 2) < EPS
          ? g.op("Neg", [g.op("Log", [neg])])
          : g.op("Neg", [g.div(g.sub(g.op("Pow", [neg, g.scalar(2 - lambda)]), one), g.scalar(2 - lambda))]);
      const y = g.where(g.op("GreaterOrEqual", [x, g.scalar(0)]), up, down);
      out.set(name, [{ ...col, kind: "numeric", value: g.div(g.sub(y, g.scalar(mean)), g.scalar(std)) }]);
    }
    return replace(frame, out);
  },
  ...featureSteps,
  standard: affine,
  minmax: affine,
  robust: affine,
};

function affine(
  g: GraphBuilder,
  frame: Frame,
  state: { columns: { name: string; a: number; b: number }[] },
  step: string,
) {
  const out = new Map<string, OnnxColumn[]>();
  for (const { name, a, b } of state.columns) {
    const col = floatOf(frame, name, step);
    out.set(name, [{ ...col, kind: "numeric", value: g.add(g.mul(col.value, g.scalar(a)), g.scalar(b)) }]);
  }
  return replace(frame, out);
}

function shifted(
  g: GraphBuilder,
  frame: Frame,
  state: { columns: { name: string; shift: number }[] },
  step: string,
  f: (x: string) => string,
): Frame {
  const out = new Map<string, OnnxColumn[]>();
  for (const { name, shift } of state.columns) {
    const col = floatOf(frame, name, step);
    const x = g.add(col.value, g.scalar(shift));
    // Values below -shift clamp to 0, as the app's step does; NaN stays NaN.
    out.set(name, [{ ...col, value: g.where(g.op("Less", [x, g.scalar(0)]), g.scalar(0), f(x)) }]);
  }
  return replace(frame, out);
}

/**
 * The model matrix of a fitted recipe: [N, F] doubles in `fitted.features` order, from the raw
 * inputs. Refuses with a sentence naming the first step (or column) with no faithful ONNX form.
 */
export function recipeToOnnx(g: GraphBuilder, inputs: OnnxInputs, fitted: FittedRecipe): string {
  let frame: Frame = fitted.inputs.map((i) => inputs.column(i.name, i.kind));
  const configs = new Map<string, StepConfig>(fitted.recipe.steps.map((s) => [s.id, s]));
  for (const step of fitted.steps) {
    const name = label(step.type);
    if (TRAINING_ONLY.has(step.type)) continue;
    const why = NO_FORM[step.type];
    if (why) refuse(`The recipe step "${name}" cannot be exported to ONNX: ${why}.`);
    const translate = STEPS[step.type];
    if (!translate || !configs.has(step.id))
      refuse(`The recipe step "${name}" has no ONNX form in this version of the app.`);
    frame = translate(g, frame, step.state as never, name);
  }
  const columns = fitted.features.map((f) => {
    const col = frame.find((c) => c.name === f);
    if (!col) return refuse(`The recipe does not produce the model input "${f}".`);
    if (col.type === "date")
      refuse(`The model reads the date column "${f}" as a number, and ONNX cannot parse dates from text.`);
    if (col.type !== "float") refuse(`The model input "${f}" is still text after the recipe.`);
    return col.value;
  });
  if (columns.length === 0) return refuse("The model reads no columns, so there is nothing to export.");
  return columns.length === 1 ? columns[0] : g.op("Concat", columns, { axis: { kind: "int", value: 1 } });
}
