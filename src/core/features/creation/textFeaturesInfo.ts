import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { boolParam, checkConfig, intParam, stringParam } from "../shared/params.ts";
import { compileSafePattern } from "./safePattern.ts";

export function readParams(config: StepConfig) {
  const pattern = stringParam(config, "pattern", "");
  if (pattern !== "") compileSafePattern(pattern, config.type);
  return {
    length: boolParam(config, "length", true),
    words: boolParam(config, "words", true),
    pattern,
    topK: intParam(config, "top_k", 20, 0, 1000),
    minDf: intParam(config, "min_df", 1, 1),
  };
}

/**
 * Features of text columns: length in characters (`length(t)`), word count (`words(t)`), whether
 * a pattern matches (`contains(t)`, 0 / 1; a safe, case-insensitive regular expression), and the
 * TF-IDF weights of the top-k terms by document frequency in the training rows (`tfidf:<term>`,
 * `tfidf(<t>):<term>` when several text columns; see `tfidf.ts`). Missing text gives NaN for the
 * first three and zeros for TF-IDF.
 */
export const textFeaturesInfo: StepInfo = {
  type: "text_features",
  label: "Text features",
  category: "features",
  defaults: { length: true, words: true, pattern: "", top_k: 20, min_df: 1 },
  params: {
    length: { type: "boolean", doc: "Add the length in characters." },
    words: { type: "boolean", doc: "Add the word count." },
    pattern: { type: "string", doc: "A regular expression (case-insensitive); empty: no contains column." },
    top_k: { type: "number", min: 0, max: 1000, integer: true, doc: "TF-IDF terms kept; 0: none." },
    min_df: { type: "number", min: 1, integer: true, doc: "Training documents a term must appear in." },
  },
  accepts: ["text"],
  describe(config) {
    const p = readParams(config);
    const parts = [
      p.length && "length",
      p.words && "word count",
      p.pattern && `contains /${p.pattern}/`,
      p.topK > 0 && `TF-IDF of the top ${p.topK} terms`,
    ].filter(Boolean);
    return `Adds ${parts.join(", ") || "nothing"} for text columns.`;
  },
  validate: (config) => checkConfig(textFeaturesInfo, config, readParams),
};
