import type { Column } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { dictColumn, getColumn, replaceColumns } from "../columns.ts";
import { checkParams, readParams } from "../params.ts";
import { CATEGORY_KINDS, columnsPhrase, selectColumns } from "../selectColumns.ts";
import type { StepConfig, StepDef } from "../step.ts";

interface Params {
  trim: boolean;
  lower: boolean;
  /** A regular expression (JavaScript syntax); every match is replaced by `replacement`. */
  pattern: string | null;
  replacement: string;
  /** Text that normalises to "" becomes missing (default true). */
  empty_as_missing: boolean;
}

/** The cleaned columns (the cleaning itself is stateless). */
export interface TextNormaliseState {
  columns: string[];
}

function patternOf(p: Params): RegExp | null {
  if (p.pattern === null || p.pattern === "") return null;
  try {
    return new RegExp(p.pattern, "gu");
  } catch (err) {
    throw new ValidationError(
      `text_normalise: params.pattern: invalid regular expression (${(err as Error).message})`,
    );
  }
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
  type: "text_normalise",
  label: "Clean text",
  category: "cleaning",
  defaults: { trim: true, lower: true, pattern: null, replacement: "", empty_as_missing: true },
  params: {
    trim: { type: "boolean" },
    lower: { type: "boolean" },
    pattern: { type: "string", nullable: true, doc: "regular expression to replace" },
    replacement: { type: "string" },
    empty_as_missing: { type: "boolean" },
  },
  accepts: CATEGORY_KINDS,
  describe(config: StepConfig) {
    const p = readParams<Params>(textNormaliseStep, config);
    const parts = [
      p.trim && "trims",
      p.lower && "lower-cases",
      p.pattern && `replaces /${p.pattern}/ with "${p.replacement}"`,
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join(", ") : "keeps";
    return `${what[0].toUpperCase()}${what.slice(1)} the text of ${columnsPhrase(config, "every categorical and text column")}.`;
  },
  validate(config) {
    checkParams(textNormaliseStep, config);
    patternOf(readParams<Params>(textNormaliseStep, config));
  },
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
