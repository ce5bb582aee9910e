import { ValidationError } from "../../errors.ts";
import { columnsPhrase } from "../columnsPhrase.ts";
import { checkParams, readParams } from "../params.ts";
import type { StepConfig, StepInfo } from "../step.ts";
import { CATEGORY_KINDS } from "../stepKinds.ts";

export interface Params {
  trim: boolean;
  lower: boolean;
  /** A regular expression (JavaScript syntax); every match is replaced by `replacement`. */
  pattern: string | null;
  replacement: string;
  /** Text that normalises to "" becomes missing (default true). */
  empty_as_missing: boolean;
}

export function patternOf(p: Params): RegExp | null {
  if (p.pattern === null || p.pattern === "") return null;
  try {
    return new RegExp(p.pattern, "gu");
  } catch (err) {
    throw new ValidationError(
      `text_normalise: params.pattern: invalid regular expression (${(err as Error).message})`,
    );
  }
}

/**
 * Cleans category and text spellings: trims, lower-cases and rewrites a pattern, so "Paris ",
 * "paris" and "PARIS" become one level. Stateless: new data is cleaned the same way.
 */
export const textNormaliseInfo: StepInfo = {
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
    const p = readParams<Params>(textNormaliseInfo, config);
    const parts = [
      p.trim && "trims",
      p.lower && "lower-cases",
      p.pattern && `replaces /${p.pattern}/ with "${p.replacement}"`,
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join(", ") : "keeps";
    return `${what[0].toUpperCase()}${what.slice(1)} the text of ${columnsPhrase(config, "every categorical and text column")}.`;
  },
  validate(config) {
    checkParams(textNormaliseInfo, config);
    patternOf(readParams<Params>(textNormaliseInfo, config));
  },
};
