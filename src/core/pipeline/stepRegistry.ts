/**
 * Every recipe step with its implementation (fit / transform), by `type`: what fitting and
 * applying a recipe use. Same order as the catalogue (stepCatalogue.ts), which the UI imports
 * instead; the shared step conformance test checks the two agree.
 */
import { ValidationError } from "../errors.ts";
import { autoPairsStep } from "../features/creation/autoPairsStep.ts";
import { binningStep } from "../features/creation/binningStep.ts";
import { datePartsStep } from "../features/creation/datePartsStep.ts";
import { groupAggregatesStep } from "../features/creation/groupAggregatesStep.ts";
import { mathStep } from "../features/creation/mathStep.ts";
import { pairsStep } from "../features/creation/pairsStep.ts";
import { textFeaturesStep } from "../features/creation/textFeaturesStep.ts";
import { selectStep } from "../features/selection/selectStep.ts";
import type { StepDef } from "../prep/step.ts";
import { classWeightsStep } from "../prep/steps/classWeights.ts";
import { dedupeStep } from "../prep/steps/dedupe.ts";
import { dropColumnsStep } from "../prep/steps/dropColumns.ts";
import { dropRowsMissingStep } from "../prep/steps/dropRowsMissing.ts";
import { fixTypeStep } from "../prep/steps/fixType.ts";
import { frequencyStep } from "../prep/steps/frequency.ts";
import { imputeStep } from "../prep/steps/impute.ts";
import { oneHotStep } from "../prep/steps/oneHot.ts";
import { ordinalStep } from "../prep/steps/ordinal.ts";
import { outliersStep } from "../prep/steps/outliers.ts";
import { randomOversampleStep } from "../prep/steps/randomOversample.ts";
import { randomUndersampleStep } from "../prep/steps/randomUndersample.ts";
import { minMaxStep, robustStep, standardStep } from "../prep/steps/scalers.ts";
import { logStep, sqrtStep } from "../prep/steps/shiftedTransforms.ts";
import { smoteStep } from "../prep/steps/smote.ts";
import { targetEncodingStep } from "../prep/steps/targetEncoding.ts";
import { textNormaliseStep } from "../prep/steps/textNormalise.ts";
import { yeoJohnsonStep } from "../prep/steps/yeoJohnson.ts";

/** Registered steps with their implementations, in catalogue order. */
export const STEPS: readonly StepDef[] = [
  dropColumnsStep,
  dropRowsMissingStep,
  imputeStep,
  dedupeStep,
  fixTypeStep,
  outliersStep,
  textNormaliseStep,
  oneHotStep,
  ordinalStep,
  frequencyStep,
  targetEncodingStep,
  standardStep,
  minMaxStep,
  robustStep,
  logStep,
  sqrtStep,
  yeoJohnsonStep,
  classWeightsStep,
  randomOversampleStep,
  randomUndersampleStep,
  smoteStep,
  datePartsStep,
  mathStep,
  pairsStep,
  binningStep,
  groupAggregatesStep,
  textFeaturesStep,
  autoPairsStep,
  selectStep,
] as StepDef[];

const byType = new Map(STEPS.map((s) => [s.type, s]));

/** The step registered as `type`, with its implementation; ValidationError `unknown step: x` otherwise. */
export function getStep(type: string): StepDef {
  const def = byType.get(type);
  if (!def) throw new ValidationError(`unknown step: ${type}`);
  return def;
}
