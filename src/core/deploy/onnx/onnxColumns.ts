/**
 * Columns as the ONNX graph carries them while the recipe is translated: the counterpart of a
 * Frame's columns, each one a tensor of shape [N, 1]. Float columns are doubles (the app computes
 * in float64, so the graph does too; NaN = missing); dict columns are strings with "" for missing;
 * a date column is the raw text of a date, which no ONNX operator parses, so any use refuses.
 */

import type { ColumnKind } from "../../data/frame.ts";
import { MISSING_MARKERS } from "../../data/missing.ts";
import { attr, type GraphBuilder } from "./graphBuilder.ts";
import { refuse } from "./onnxRefused.ts";

/** One column of the translated frame. */
export interface OnnxColumn {
  name: string;
  kind: ColumnKind;
  type: "float" | "dict" | "date";
  /** The tensor holding its values, [N, 1]. */
  value: string;
}

/** One step type's translation: the frame after the step, given its fitted state (its `transform`). */
export type Translate = (g: GraphBuilder, frame: OnnxColumn[], state: never, step: string) => OnnxColumn[];

/** Every spelling of a word in any letter case ("na", "nA", "Na", "NA"). */
export function caseVariants(word: string): string[] {
  let out = [""];
  for (const ch of word) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out = out.flatMap((p) => (lo === up ? [p + ch] : [p + lo, p + up]));
  }
  return out;
}

/** Spellings of false and true the app reads as booleans (any case), and 0 / 1. */
const BOOLEAN_WORDS: [string, number][] = [
  ["false", 0],
  ["true", 1],
  ["no", 0],
  ["yes", 1],
  ["n", 0],
  ["y", 1],
  ["f", 0],
  ["t", 1],
];

/**
 * Maps a string column through a lookup: each key to a row of `table` (rows x outputs doubles),
 * the empty string (missing) to `missingRow`, anything else to `unseenRow`. Returns one [N, 1]
 * double tensor per output. LabelEncoder picks the row, Gather reads it: exact doubles, where a
 * LabelEncoder to floats would round them to float32.
 */
export function lookupColumns(
  g: GraphBuilder,
  text: string,
  keys: Map<string, number>,
  missingRow: number,
  unseenRow: number,
  table: number[][],
): string[] {
  const entries = [...keys].filter(([k]) => k !== "");
  const index = g.ml("LabelEncoder", [text], {
    keys_strings: attr.strings([...entries.map(([k]) => k), ""]),
    values_int64s: attr.ints([...entries.map(([, r]) => r), missingRow]),
    default_int64: attr.int(unseenRow),
  });
  const outputs = table[0].length;
  const flat = g.op("Reshape", [index, g.ints([-1])]);
  const rows = g.op("Gather", [g.constant("double", [table.length, outputs], table.flat()), flat], {
    axis: attr.int(0),
  });
  if (outputs === 1) return [rows];
  return g.opN("Split", [rows, g.ints(new Array(outputs).fill(1))], outputs, { axis: attr.int(1) });
}

/** 1.0 where a string column is missing (""), else 0.0, as a boolean tensor. */
export function isEmptyText(g: GraphBuilder, text: string): string {
  const code = g.ml("LabelEncoder", [text], {
    keys_strings: attr.strings([""]),
    values_int64s: attr.ints([1]),
    default_int64: attr.int(0),
  });
  return g.cast(code, "bool");
}

/** Powers of ten a decimal is scaled by, exact in float64. */
const POWERS = Array.from({ length: 18 }, (_, k) => 10 ** k);

/**
 * A float32 input [N, 1] as the float64 the app would have read from a CSV: the decimal of 6, else
 * 7, significant digits that rounds to the same float32 (17.8 for 17.799999237), computed as
 * round(x * 10^k) / 10^k, which for such a decimal is exactly `parseFloat`'s double; a value no
 * such decimal explains stays the float32 it is. The recipe and model then compute on the same
 * numbers as the app, so a tree threshold that is a data value (17.8) still sends it left.
 */
export function decimalOfFloat32(g: GraphBuilder, input: string): string {
  const x = g.cast(input, "double");
  const log10 = g.mul(g.op("Log", [g.op("Abs", [x])]), g.scalar(1 / Math.LN10));
  // Zero, NaN and infinities have no exponent: 0 keeps them finite (their answer is x itself).
  const bad = g.op("Or", [g.isNaN(log10), g.op("IsInf", [log10])]);
  const exponent = g.op("Floor", [g.where(bad, g.scalar(0), log10)]);
  const table = g.constant("double", [POWERS.length], POWERS);
  const atDigits = (digits: number) => {
    const k = g.op("Max", [g.op("Min", [g.sub(g.scalar(digits - 1), exponent), g.scalar(17)]), g.scalar(0)]);
    const scale = g.op("Gather", [table, g.cast(k, "int64")], { axis: attr.int(0) });
    const r = g.div(g.op("Round", [g.mul(x, scale)]), scale);
    return { r, ok: g.op("Equal", [g.cast(r, "float"), input]) };
  };
  const six = atDigits(6);
  const seven = atDigits(7);
  return g.where(six.ok, six.r, g.where(seven.ok, seven.r, x));
}

/**
 * The graph inputs, one per raw column, declared once and shared by every ensemble member, with
 * each column read as a member's recipe reads it.
 */
export class OnnxInputs {
  private readonly declared = new Map<string, { type: "float" | "string"; tensor: string }>();
  private readonly read = new Map<string, OnnxColumn>();

  constructor(
    private readonly g: GraphBuilder,
    inputs: readonly { name: string; kind: ColumnKind }[],
  ) {
    for (const { name, kind } of inputs) {
      const type = kind === "numeric" ? "float" : "string";
      this.declared.set(name, { type, tensor: g.input(name, type) });
    }
  }

  /** The raw column `name` read as `kind`, as `applyRecipe` converts it. */
  column(name: string, kind: ColumnKind): OnnxColumn {
    const key = `${kind}\u0000${name}`;
    let col = this.read.get(key);
    if (!col) {
      col = this.convert(name, kind);
      this.read.set(key, col);
    }
    return col;
  }

  private convert(name: string, kind: ColumnKind): OnnxColumn {
    const g = this.g;
    const input = this.declared.get(name);
    if (!input) return refuse(`The model reads a column "${name}" that is not among its inputs.`);
    if (input.type === "float") {
      if (kind !== "numeric")
        refuse(`The column "${name}" is read as ${kind} by one model and as numbers by another.`);
      // The app's reader makes infinite numbers missing.
      const x = decimalOfFloat32(g, input.tensor);
      const inf = g.op("IsInf", [x]);
      return { name, kind, type: "float", value: g.where(inf, g.scalar(Number.NaN), x) };
    }
    if (kind === "numeric")
      refuse(`The column "${name}" is read as numbers by one model and as ${kind} by another.`);
    // The app's spellings of "no value" are missing, as its CSV reader reads them.
    const markers = MISSING_MARKERS.flatMap(caseVariants);
    const missing = g.cast(
      g.ml("LabelEncoder", [input.tensor], {
        keys_strings: attr.strings(markers),
        values_int64s: attr.ints(markers.map(() => 1)),
        default_int64: attr.int(0),
      }),
      "bool",
    );
    const text = g.where(missing, g.constant("string", [], [""]), input.tensor);
    if (kind === "datetime") return { name, kind, type: "date", value: text };
    if (kind === "boolean") {
      // Every pair the app knows, at once: the app picks the pair most of a file uses, which a
      // single row cannot tell; a file that mixes pairs is the only case that differs.
      const keys = new Map<string, number>();
      for (const [word, v] of BOOLEAN_WORDS) for (const w of caseVariants(word)) keys.set(w, v);
      keys.set("0", 0);
      keys.set("1", 1);
      const table = [[0], [1], [Number.NaN]];
      const [value] = lookupColumns(g, text, keys, 2, 2, table);
      return { name, kind, type: "float", value };
    }
    return { name, kind, type: "dict", value: text };
  }
}

/** The column `name` of a translated frame; a refusal names the step when it is not there. */
export function get(frame: OnnxColumn[], name: string, step: string): OnnxColumn {
  const col = frame.find((c) => c.name === name);
  if (!col) return refuse(`The step "${step}" names a column "${name}" the recipe does not have.`);
  return col;
}

/** The column as numbers; a date or text column refuses. */
export function floatOf(frame: OnnxColumn[], name: string, step: string): OnnxColumn & { type: "float" } {
  const col = get(frame, name, step);
  if (col.type === "date")
    refuse(`The step "${step}" reads the date column "${name}", and ONNX cannot parse dates from text.`);
  if (col.type !== "float") refuse(`The step "${step}" reads "${name}" as numbers, but it holds text.`);
  return col as OnnxColumn & { type: "float" };
}

/** A new float column. */
export const floatCol = (name: string, value: string, kind: OnnxColumn["kind"] = "numeric"): OnnxColumn => ({
  name,
  kind,
  type: "float",
  value,
});

/** log(1 + x) to a few ulps where log(1 + x) alone loses digits (small x), as Math.log1p. */
export function log1p(g: GraphBuilder, x: string): string {
  const u = g.add(x, g.scalar(1));
  // Goldberg's log1p: log(u) * x / (u - 1) corrects the rounding of 1 + x; u = 1 means log1p(x) = x.
  const exact = g.op("Equal", [u, g.scalar(1)]);
  return g.where(exact, x, g.div(g.mul(g.op("Log", [u]), x), g.sub(u, g.scalar(1))));
}
