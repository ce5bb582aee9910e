/**
 * The feature-creation steps with a faithful ONNX form: math (log1p, sqrt, square, reciprocal),
 * pairs and auto pairs (ratio, difference, product), binning (ordinal index or one 0/1 column per
 * bin), group aggregates (a lookup of the training statistics by the key's level). Each computes what its step's `transform` computes, NaN where the app gives NaN, and puts
 * the new columns where the app puts them.
 */

import type { GroupAggregatesState } from "../../features/creation/groupAggregatesStep.ts";
import type { MathState } from "../../features/creation/mathStep.ts";
import type { PairFeature } from "../../features/creation/pairsStep.ts";
import { attr, type GraphBuilder } from "./graphBuilder.ts";
import {
  floatCol,
  floatOf,
  get,
  log1p,
  lookupColumns,
  type OnnxColumn,
  type Translate,
} from "./onnxColumns.ts";
import { refuse } from "./onnxRefused.ts";

type Frame = OnnxColumn[];

/** As the features' `withColumns`: new columns after their source, sources dropped unless kept. */
function withAdded(frame: Frame, added: [string, OnnxColumn[]][], drop: string[]): Frame {
  const dropped = new Set(drop);
  const byAnchor = new Map<string, OnnxColumn[]>();
  for (const [anchor, cols] of added) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), ...cols]);
  const out: Frame = [];
  for (const c of frame) {
    if (!dropped.has(c.name)) out.push(c);
    const extra = byAnchor.get(c.name);
    if (extra) out.push(...extra);
    byAnchor.delete(c.name);
  }
  for (const cols of byAnchor.values()) out.push(...cols);
  return out;
}

const nan = (g: GraphBuilder) => g.scalar(Number.NaN);

function mathOp(g: GraphBuilder, op: MathState["columns"][number]["ops"][number], x: string): string {
  switch (op) {
    case "log1p":
      return g.where(g.op("Greater", [x, g.scalar(-1)]), log1p(g, x), nan(g));
    case "sqrt":
      return g.where(g.op("GreaterOrEqual", [x, g.scalar(0)]), g.op("Sqrt", [x]), nan(g));
    case "square":
      return g.mul(x, x);
    case "reciprocal":
      return g.where(g.op("Equal", [x, g.scalar(0)]), nan(g), g.div(g.scalar(1), x));
  }
}

function pairs(g: GraphBuilder, frame: Frame, features: PairFeature[], step: string): Frame {
  const added = features.map((f) => {
    const a = floatOf(frame, f.a, step).value;
    const b = floatOf(frame, f.b, step).value;
    const value =
      f.op === "product"
        ? g.mul(a, b)
        : f.op === "difference"
          ? g.sub(a, b)
          : g.where(g.op("Equal", [b, g.scalar(0)]), nan(g), g.div(a, b));
    return floatCol(f.name, value);
  });
  return [...frame, ...added];
}

/** Translations of the feature-creation steps, by type. */
export const featureSteps: Record<string, Translate> = {
  group_aggregates: (g, frame, state: GroupAggregatesState, step) => {
    const added: OnnxColumn[] = [];
    for (const t of state.tables) {
      const key = get(frame, t.key, step);
      if (key.type !== "dict" || key.kind !== "categorical")
        refuse(`The step "${step}" groups by "${t.key}", which is not categorical.`);
      // Missing and unseen keys both get the fallback: 0 for count and sum, else the global value.
      const fallback = t.stats.map((s, j) =>
        state.unseen === "nan" ? Number.NaN : s === "count" || s === "sum" ? 0 : (t.global[j] ?? Number.NaN),
      );
      const table = [...t.table.map((row) => t.stats.map((_, j) => row[j] ?? Number.NaN)), fallback];
      const keys = new Map(t.levels.map((l, i) => [l, i] as [string, number]));
      const values = lookupColumns(g, key.value, keys, t.levels.length, t.levels.length, table);
      t.outputs.forEach((name, j) => {
        added.push(floatCol(name, values[j]));
      });
    }
    return [...frame, ...added];
  },
  math: (g, frame, state: MathState, step) => {
    const added = state.columns.map(({ source, ops, outputs }): [string, OnnxColumn[]] => {
      const x = floatOf(frame, source, step).value;
      return [source, ops.map((op, j) => floatCol(outputs[j], mathOp(g, op, x)))];
    });
    return withAdded(frame, added, state.keepSource ? [] : state.columns.map((c) => c.source));
  },
  pairs: (g, frame, state: { features: PairFeature[] }, step) => pairs(g, frame, state.features, step),
  auto_pairs: (g, frame, state: { chosen: PairFeature[] }, step) => pairs(g, frame, state.chosen, step),
  binning: (
    g,
    frame,
    state: {
      encode: "ordinal" | "onehot";
      keepSource: boolean;
      columns: { source: string; edges: number[]; outputs: string[] }[];
    },
    step,
  ) => {
    const added = state.columns.map(({ source, edges, outputs }): [string, OnnxColumn[]] => {
      const x = floatOf(frame, source, step).value;
      // The bin is how many edges are <= x (binIndex's search); missing stays missing.
      let index = g.scalar(0);
      if (edges.length > 0) {
        const above = g.cast(
          g.op("GreaterOrEqual", [x, g.constant("double", [1, edges.length], edges)]),
          "double",
        );
        index = g.op("ReduceSum", [above, g.ints([1])], { keepdims: attr.int(1) });
      }
      const bin = g.where(g.isNaN(x), nan(g), index);
      if (state.encode === "ordinal") return [source, [floatCol(outputs[0], bin)]];
      return [
        source,
        outputs.map((name, b) => floatCol(name, g.flag(g.op("Equal", [bin, g.scalar(b)])), "boolean")),
      ];
    });
    return withAdded(frame, added, state.keepSource ? [] : state.columns.map((c) => c.source));
  },
};
