/**
 * Feature engineering and selection as recipe steps (see prep/step.ts): generated columns
 * (dates, math, pairs, bins, group aggregates, text, an automatic pair search) and one `select`
 * step over ten scoring methods. Each learns on training rows only. The steps are registered in
 * pipeline/stepRegistry.ts (implementations) and pipeline/stepCatalogue.ts (catalogue parts).
 */
export { type AutoPairsState, autoPairsStep, type PairCandidate } from "./creation/autoPairsStep.ts";
export { type BinningState, binningStep } from "./creation/binningStep.ts";
export { DATE_PARTS, type DatePart } from "./creation/datePartsInfo.ts";
export { type DatePartsState, datePartsStep } from "./creation/datePartsStep.ts";
export { GROUP_STATS, type GroupStat } from "./creation/groupAggregatesInfo.ts";
export { type GroupAggregatesState, groupAggregatesStep } from "./creation/groupAggregatesStep.ts";
export { MATH_OPS, type MathOp } from "./creation/mathInfo.ts";
export { applyMath, type MathState, mathStep } from "./creation/mathStep.ts";
export { applyPair, PAIR_OPS, type PairOp, pairName } from "./creation/pairOps.ts";
export { type PairFeature, type PairsState, pairsStep } from "./creation/pairsStep.ts";
export { type TextFeaturesState, textFeaturesStep } from "./creation/textFeaturesStep.ts";
export { fitVocabulary, tfidfRow, tokenize } from "./creation/tfidf.ts";
export { anovaF } from "./selection/anovaF.ts";
export { chi2 } from "./selection/chi2.ts";
export { mutualInfo } from "./selection/mutualInfo.ts";
export { type FeatureScores, type ScoreOptions, scoreFeatures } from "./selection/scoreFeatures.ts";
export type { KeepRule } from "./selection/selectInfo.ts";
export {
  METHOD_TASKS,
  QUICK_MODELS,
  type QuickModelId,
  SELECT_METHODS,
  type SelectMethod,
} from "./selection/selectMethods.ts";
export { type SelectState, selectStep } from "./selection/selectStep.ts";
