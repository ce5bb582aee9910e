import type { Column, Frame } from "../../data/frame.ts";
import { ValidationError } from "../../errors.ts";
import { list, nullable, nums, obj, str, strs } from "../../prep/stateShape.ts";
import type { StepDef } from "../../prep/step.ts";
import {
  findColumn,
  floatColumn,
  namesOf,
  resolveColumns,
  uniqueName,
  withColumns,
} from "../shared/columns.ts";
import { compileSafePattern, MAX_TEXT_SCANNED } from "./safePattern.ts";
import { readParams, textFeaturesInfo } from "./textFeaturesInfo.ts";
import { fitVocabulary, tfidfRow, tokenize, type Vocabulary } from "./tfidf.ts";

/** What was learned for one text column: output names and the TF-IDF vocabulary. */
export interface TextColumnState {
  source: string;
  /** Output names of the length, word-count and contains columns, null when not made. */
  length: string | null;
  words: string | null;
  contains: string | null;
  vocabulary: Vocabulary;
  tfidf: string[];
}

/** Fitted state of `text_features`. */
export interface TextFeaturesState {
  pattern: string;
  columns: TextColumnState[];
}

type DictColumn = Column & { data: { type: "dict" } };

const isText = (c: Column) => c.kind === "text" && c.data.type === "dict";

function textColumn(frame: Frame, name: string, step: string): DictColumn {
  const col = findColumn(frame, name, step);
  if (!isText(col)) throw new ValidationError(`${step}: column "${name}" is not text`);
  return col as DictColumn;
}

/** Per row, a value computed once per distinct text (text is dictionary-encoded); missing text gives NaN. */
function perLevel(col: DictColumn, f: (text: string) => number): Float64Array {
  const byLevel = col.data.levels.map(f);
  return Float64Array.from(col.data.codes, (c) => (c >= 0 ? byLevel[c] : Number.NaN));
}

/**
 * Features of text columns: length in characters (`length(t)`), word count (`words(t)`), whether
 * a pattern matches (`contains(t)`, 0 / 1; a safe, case-insensitive regular expression), and the
 * TF-IDF weights of the top-k terms by document frequency in the training rows (`tfidf:<term>`,
 * `tfidf(<t>):<term>` when several text columns; see `tfidf.ts`). Missing text gives NaN for the
 * first three and zeros for TF-IDF.
 */
export const textFeaturesStep: StepDef<TextFeaturesState> = {
  ...textFeaturesInfo,
  state: obj({
    pattern: str,
    columns: list(
      obj({
        source: str,
        length: nullable(str),
        words: nullable(str),
        contains: nullable(str),
        vocabulary: obj({ terms: strs, idf: nums }),
        tfidf: strs,
      }),
    ),
  }),
  fit(frame, config) {
    const p = readParams(config);
    const cols = resolveColumns(frame, config, isText, "text") as DictColumn[];
    const taken = namesOf(frame);
    const columns = cols.map((col) => {
      const name = (what: string) => uniqueName(taken, `${what}(${col.name})`);
      const tokens = col.data.levels.map(tokenize);
      const docs: string[][] = [];
      for (const c of col.data.codes) if (c >= 0) docs.push(tokens[c]);
      const vocabulary = p.topK > 0 ? fitVocabulary(docs, p.topK, p.minDf) : { terms: [], idf: [] };
      const prefix = cols.length > 1 ? `tfidf(${col.name}):` : "tfidf:";
      return {
        source: col.name,
        length: p.length ? name("length") : null,
        words: p.words ? name("words") : null,
        contains: p.pattern ? name("contains") : null,
        vocabulary,
        tfidf: vocabulary.terms.map((t) => uniqueName(taken, prefix + t)),
      };
    });
    return { pattern: p.pattern, columns };
  },
  transform(frame, state, config) {
    const regex = state.pattern ? compileSafePattern(state.pattern, config.type) : null;
    const added = state.columns.map((s) => {
      const col = textColumn(frame, s.source, config.type);
      const out: Column[] = [];
      if (s.length)
        out.push(
          floatColumn(
            s.length,
            perLevel(col, (t) => [...t].length),
          ),
        );
      if (s.words)
        out.push(
          floatColumn(
            s.words,
            perLevel(col, (t) => tokenize(t).length),
          ),
        );
      if (s.contains && regex) {
        const hit = perLevel(col, (t) => (regex.test(t.slice(0, MAX_TEXT_SCANNED)) ? 1 : 0));
        out.push(floatColumn(s.contains, hit, "boolean"));
      }
      if (s.tfidf.length > 0) {
        const index = new Map(s.vocabulary.terms.map((t, j) => [t, j]));
        const rows = col.data.levels.map((text) => tfidfRow(tokenize(text), s.vocabulary, index));
        s.tfidf.forEach((name, j) => {
          out.push(
            floatColumn(
              name,
              Float64Array.from(col.data.codes, (c) => (c >= 0 ? rows[c][j] : 0)),
            ),
          );
        });
      }
      return [s.source, out] as [string, Column[]];
    });
    return withColumns(frame, added);
  },
};
