/**
 * Every recipe step the app knows, by `type`. Adding a step is a new file under steps/ (or
 * features/) plus one line in STEPS; the shared step tests pick it up.
 */
import { ValidationError } from "../errors.ts";
import {
  autoPairsStep,
  binningStep,
  datePartsStep,
  groupAggregatesStep,
  mathStep,
  pairsStep,
  selectStep,
  textFeaturesStep,
} from "../features/index.ts";
import type { StepDef } from "./step.ts";
import { classWeightsStep } from "./steps/classWeights.ts";
import { dedupeStep } from "./steps/dedupe.ts";
import { dropColumnsStep } from "./steps/dropColumns.ts";
import { dropRowsMissingStep } from "./steps/dropRowsMissing.ts";
import { fixTypeStep } from "./steps/fixType.ts";
import { frequencyStep } from "./steps/frequency.ts";
import { imputeStep } from "./steps/impute.ts";
import { oneHotStep } from "./steps/oneHot.ts";
import { ordinalStep } from "./steps/ordinal.ts";
import { outliersStep } from "./steps/outliers.ts";
import { randomOversampleStep } from "./steps/randomOversample.ts";
import { randomUndersampleStep } from "./steps/randomUndersample.ts";
import { minMaxStep, robustStep, standardStep } from "./steps/scalers.ts";
import { logStep, sqrtStep } from "./steps/shiftedTransforms.ts";
import { smoteStep } from "./steps/smote.ts";
import { targetEncodingStep } from "./steps/targetEncoding.ts";
import { textNormaliseStep } from "./steps/textNormalise.ts";
import { yeoJohnsonStep } from "./steps/yeoJohnson.ts";

/** Registered steps, in the order the "add step" menu lists them (by category). */
export const STEPS: StepDef[] = [
  // Cleaning
  dropColumnsStep,
  dropRowsMissingStep,
  imputeStep,
  dedupeStep,
  fixTypeStep,
  outliersStep,
  textNormaliseStep,
  // Encoding
  oneHotStep,
  ordinalStep,
  frequencyStep,
  targetEncodingStep,
  // Scaling and shape
  standardStep,
  minMaxStep,
  robustStep,
  logStep,
  sqrtStep,
  yeoJohnsonStep,
  // Imbalance
  classWeightsStep,
  randomOversampleStep,
  randomUndersampleStep,
  smoteStep,
  // ---- Features and selection (src/core/features): one line per step below this mark. ----
  datePartsStep,
  mathStep,
  pairsStep,
  binningStep,
  groupAggregatesStep,
  textFeaturesStep,
  autoPairsStep,
  selectStep,
];

const byType = new Map<string, StepDef>();

/** The step registered as `type`; ValidationError `unknown step: x` otherwise. */
export function getStep(type: string): StepDef {
  if (byType.size !== STEPS.length) {
    byType.clear();
    for (const s of STEPS) byType.set(s.type, s);
  }
  const def = byType.get(type);
  if (!def) throw new ValidationError(`unknown step: ${type}`);
  return def;
}

/** Whether a step type is registered (e.g. feature steps another module may not provide yet). */
export function hasStep(type: string): boolean {
  return STEPS.some((s) => s.type === type);
}
