import type { StepConfig, StepInfo } from "../../prep/step.ts";
import { checkConfig, intParam, listParam, numberParam } from "../shared/params.ts";
import { PAIR_OPS } from "./pairOps.ts";

export function readParams(config: StepConfig) {
  return {
    ops: listParam(config, "ops", PAIR_OPS, PAIR_OPS),
    maxColumns: intParam(config, "max_columns", 8, 2, 30),
    maxCandidates: intParam(config, "max_candidates", 60, 1, 500),
    n: intParam(config, "n", 3, 1, 50),
    minGain: numberParam(config, "min_gain", 0.005, 0),
    maxRows: intParam(config, "max_rows", 5000, 30),
  };
}

/**
 * Searches for useful pairwise features. The numeric columns are ranked by mutual information with
 * the target (which sees interactions a correlation misses) and the top `max_columns` paired; each
 * candidate (`a*b`, `a-b`, `a/b`, `b/a`; at most `max_candidates`) is scored by how much adding it
 * to the base columns raises the 3-fold cross-validated score of a ridge model (R², or for classes
 * a linear probability model's 1 - Brier ratio) on a seeded sample of at most `max_rows` training
 * rows. The best `n` that gain more than `min_gain` are kept and made like the `pairs` step's.
 */
export const autoPairsInfo: StepInfo = {
  type: "auto_pairs",
  label: "Automatic pair features",
  category: "features",
  defaults: { ops: [...PAIR_OPS], max_columns: 8, max_candidates: 60, n: 3, min_gain: 0.005, max_rows: 5000 },
  params: {
    ops: { type: "strings", doc: "Any of ratio, difference, product." },
    max_columns: {
      type: "number",
      min: 2,
      max: 30,
      integer: true,
      doc: "Top columns (by mutual information) paired.",
    },
    max_candidates: { type: "number", min: 1, max: 500, integer: true },
    n: { type: "number", min: 1, max: 50, integer: true, doc: "Most features kept." },
    min_gain: { type: "number", min: 0, doc: "Least rise in cross-validated R² a kept feature brings." },
    max_rows: { type: "number", min: 30, integer: true, doc: "Training rows sampled for the search." },
  },
  accepts: ["numeric"],
  describe(config) {
    const { n, minGain } = readParams(config);
    return `Adds up to ${n} ratios, differences or products of column pairs that raise a quick model's score by more than ${minGain}.`;
  },
  validate: (config) => checkConfig(autoPairsInfo, config, readParams),
};
