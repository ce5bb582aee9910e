import type { StepDef } from "../prep/step.ts";
import { autoPairsStep } from "./creation/autoPairsStep.ts";
import { binningStep } from "./creation/binningStep.ts";
import { datePartsStep } from "./creation/datePartsStep.ts";
import { groupAggregatesStep } from "./creation/groupAggregatesStep.ts";
import { mathStep } from "./creation/mathStep.ts";
import { pairsStep } from "./creation/pairsStep.ts";
import { textFeaturesStep } from "./creation/textFeaturesStep.ts";
import { selectStep } from "./selection/selectStep.ts";

/**
 * Feature engineering and selection as recipe steps (see prep/step.ts): generated columns
 * (dates, math, pairs, bins, group aggregates, text, an automatic pair search) and one `select`
 * step over ten scoring methods. Each learns on training rows only.
 */
export const FEATURE_STEPS: StepDef[] = [
  datePartsStep,
  mathStep,
  pairsStep,
  binningStep,
  groupAggregatesStep,
  textFeaturesStep,
  autoPairsStep,
  selectStep,
] as StepDef[];

export type { AutoPairsState, PairCandidate } from "./creation/autoPairsStep.ts";
export type { BinningState } from "./creation/binningStep.ts";
export { DATE_PARTS, type DatePart, type DatePartsState } from "./creation/datePartsStep.ts";
export { GROUP_STATS, type GroupAggregatesState, type GroupStat } from "./creation/groupAggregatesStep.ts";
export { applyMath, MATH_OPS, type MathOp, type MathState } from "./creation/mathStep.ts";
export { applyPair, PAIR_OPS, type PairOp, pairName } from "./creation/pairOps.ts";
export type { PairFeature, PairsState } from "./creation/pairsStep.ts";
export type { TextFeaturesState } from "./creation/textFeaturesStep.ts";
export { fitVocabulary, tfidfRow, tokenize } from "./creation/tfidf.ts";
export { anovaF } from "./selection/anovaF.ts";
export { chi2 } from "./selection/chi2.ts";
export { mutualInfo } from "./selection/mutualInfo.ts";
export { QUICK_MODELS, type QuickModelId } from "./selection/quickModel.ts";
export {
  type FeatureScores,
  METHOD_TASKS,
  type ScoreOptions,
  SELECT_METHODS,
  type SelectMethod,
  scoreFeatures,
} from "./selection/scoreFeatures.ts";
export type { KeepRule, SelectState } from "./selection/selectStep.ts";
export {
  autoPairsStep,
  binningStep,
  datePartsStep,
  groupAggregatesStep,
  mathStep,
  pairsStep,
  selectStep,
  textFeaturesStep,
};
