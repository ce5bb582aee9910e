import type { Column } from "../../data/frame.ts";
import { dictColumn, getColumn, replaceColumns } from "../columns.ts";
import { readParams } from "../params.ts";
import { selectColumns } from "../selectColumns.ts";
import { obj, strs } from "../stateShape.ts";
import type { StepDef } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";
import { type Params, patternOf, textNormaliseInfo } from "./textNormaliseInfo.ts";

/** The cleaned columns (the cleaning itself is stateless). */
export interface TextNormaliseState {
  columns: string[];
}

/** The column with normalised level text; levels that become equal merge into one. */
function normaliseColumn(col: Column, p: Params, re: RegExp | null): Column {
  if (col.data.type !== "dict") return col;
  const { codes: src, levels: old } = col.data;
  const levels: string[] = [];
  const index = new Map<string, number>();
  const map = old.map((text) => {
    let t = text;
    if (re) t = t.replace(re, p.replacement);
    if (p.trim) t = t.trim();
    if (p.lower) t = t.toLowerCase();
    if (t === "" && p.empty_as_missing) return -1;
    let code = index.get(t);
    if (code === undefined) {
      code = levels.length;
      levels.push(t);
      index.set(t, code);
    }
    return code;
  });
  const codes = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) codes[i] = src[i] < 0 ? -1 : map[src[i]];
  return dictColumn(col.name, codes, levels, { kind: col.kind, role: col.role });
}

/**
 * Cleans category and text spellings: trims, lower-cases and rewrites a pattern, so "Paris ",
 * "paris" and "PARIS" become one level. Stateless: new data is cleaned the same way.
 */
export const textNormaliseStep: StepDef<TextNormaliseState> = {
  ...textNormaliseInfo,
  state: obj({ columns: strs }),
  fit: (frame, config) => ({ columns: selectColumns(frame, config, CATEGORY_KINDS).map((c) => c.name) }),
  transform(frame, state, config) {
    const p = readParams<Params>(textNormaliseStep, config);
    const re = patternOf(p);
    const replace = new Map<string, Column[]>();
    for (const name of state.columns)
      replace.set(name, [normaliseColumn(getColumn(frame, name, "text_normalise"), p, re)]);
    return replaceColumns(frame, replace);
  },
};
