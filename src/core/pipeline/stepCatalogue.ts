/**
 * The catalogue of recipe steps: each step's catalogue part (type, label, category, params spec,
 * describe, validate) and nothing of its fitting code, so the UI can list, describe and check
 * steps without bundling the engine. The implementations are registered in stepRegistry.ts, in
 * the same order; adding a step is an `<step>Info.ts` and a `<step>.ts` plus one line in each.
 */
import { ValidationError } from "../errors.ts";
import { autoPairsInfo } from "../features/creation/autoPairsInfo.ts";
import { binningInfo } from "../features/creation/binningInfo.ts";
import { datePartsInfo } from "../features/creation/datePartsInfo.ts";
import { groupAggregatesInfo } from "../features/creation/groupAggregatesInfo.ts";
import { mathInfo } from "../features/creation/mathInfo.ts";
import { pairsInfo } from "../features/creation/pairsInfo.ts";
import { textFeaturesInfo } from "../features/creation/textFeaturesInfo.ts";
import { selectInfo } from "../features/selection/selectInfo.ts";
import type { StepInfo } from "../prep/step.ts";
import { classWeightsInfo } from "../prep/steps/classWeightsInfo.ts";
import { dedupeInfo } from "../prep/steps/dedupeInfo.ts";
import { dropColumnsInfo } from "../prep/steps/dropColumnsInfo.ts";
import { dropRowsMissingInfo } from "../prep/steps/dropRowsMissingInfo.ts";
import { fixTypeInfo } from "../prep/steps/fixTypeInfo.ts";
import { frequencyInfo } from "../prep/steps/frequencyInfo.ts";
import { imputeInfo } from "../prep/steps/imputeInfo.ts";
import { oneHotInfo } from "../prep/steps/oneHotInfo.ts";
import { ordinalInfo } from "../prep/steps/ordinalInfo.ts";
import { outliersInfo } from "../prep/steps/outliersInfo.ts";
import { randomOversampleInfo } from "../prep/steps/randomOversampleInfo.ts";
import { randomUndersampleInfo } from "../prep/steps/randomUndersampleInfo.ts";
import { minMaxInfo, robustInfo, standardInfo } from "../prep/steps/scalersInfo.ts";
import { logInfo, sqrtInfo } from "../prep/steps/shiftedTransformsInfo.ts";
import { smoteInfo } from "../prep/steps/smoteInfo.ts";
import { targetEncodingInfo } from "../prep/steps/targetEncodingInfo.ts";
import { textNormaliseInfo } from "../prep/steps/textNormaliseInfo.ts";
import { yeoJohnsonInfo } from "../prep/steps/yeoJohnsonInfo.ts";

/** Every step's catalogue part, in the order the "add step" menu lists them (by category). */
export const STEP_CATALOGUE: readonly StepInfo[] = [
  // Cleaning
  dropColumnsInfo,
  dropRowsMissingInfo,
  imputeInfo,
  dedupeInfo,
  fixTypeInfo,
  outliersInfo,
  textNormaliseInfo,
  // Encoding
  oneHotInfo,
  ordinalInfo,
  frequencyInfo,
  targetEncodingInfo,
  // Scaling and shape
  standardInfo,
  minMaxInfo,
  robustInfo,
  logInfo,
  sqrtInfo,
  yeoJohnsonInfo,
  // Imbalance
  classWeightsInfo,
  randomOversampleInfo,
  randomUndersampleInfo,
  smoteInfo,
  // Features and selection (src/core/features)
  datePartsInfo,
  mathInfo,
  pairsInfo,
  binningInfo,
  groupAggregatesInfo,
  textFeaturesInfo,
  autoPairsInfo,
  selectInfo,
];

const byType = new Map(STEP_CATALOGUE.map((s) => [s.type, s]));

/** The catalogue part of the step registered as `type`; ValidationError `unknown step: x` otherwise. */
export function getStepInfo(type: string): StepInfo {
  const info = byType.get(type);
  if (!info) throw new ValidationError(`unknown step: ${type}`);
  return info;
}

/** Whether a step type is registered. */
export function hasStep(type: unknown): boolean {
  return typeof type === "string" && byType.has(type);
}
