/**
 * Edits of a recipe as pure functions: each takes a recipe and returns a new one, sharing the
 * steps it did not touch, so the store can reconcile by step id and the rules are testable in Node.
 */
import { getStepInfo, hasStep, STEP_CATALOGUE } from "../../core/pipeline/stepCatalogue.ts";
import type { Recipe, StepCategory, StepConfig, StepInfo } from "../../core/prep/step.ts";

/** The step categories each phase edits; both phases show the one recipe in its global order. */
export const PREPARE_CATEGORIES: readonly StepCategory[] = ["cleaning", "encoding", "scaling", "imbalance"];
export const FEATURE_CATEGORIES: readonly StepCategory[] = ["features", "selection"];

/** The step's category, or null for a type this version of the app does not know. */
export function categoryOf(step: Pick<StepConfig, "type">): StepCategory | null {
  return hasStep(step.type) ? getStepInfo(step.type).category : null;
}

/** Whether a step belongs to a phase's categories. */
export function inCategories(step: Pick<StepConfig, "type">, categories: readonly StepCategory[]): boolean {
  const c = categoryOf(step);
  return c !== null && categories.includes(c);
}

/** The steps of a phase, in recipe order. */
export function stepsIn(recipe: Recipe, categories: readonly StepCategory[]): StepConfig[] {
  return recipe.steps.filter((s) => inCategories(s, categories));
}

/** The step types a phase can add, in the registry's menu order. */
export function stepTypesIn(categories: readonly StepCategory[]): StepInfo[] {
  return STEP_CATALOGUE.filter((s) => categories.includes(s.category));
}

function updateStep(recipe: Recipe, id: string, change: (s: StepConfig) => StepConfig): Recipe {
  let changed = false;
  const steps = recipe.steps.map((s) => {
    if (s.id !== id) return s;
    const next = change(s);
    changed ||= next !== s;
    return next;
  });
  return changed ? { ...recipe, steps } : recipe;
}

export function toggleStep(recipe: Recipe, id: string, enabled: boolean): Recipe {
  return updateStep(recipe, id, (s) => (s.enabled === enabled ? s : { ...s, enabled }));
}

/**
 * Index of the step that `id` would trade places with: the nearest one before (-1) or after (+1)
 * that passes `visible` (a phase's filter), or -1 when there is none.
 */
function neighbourIndex(
  recipe: Recipe,
  id: string,
  direction: -1 | 1,
  visible: (s: StepConfig) => boolean,
): number {
  const from = recipe.steps.findIndex((s) => s.id === id);
  if (from < 0) return -1;
  for (let i = from + direction; i >= 0 && i < recipe.steps.length; i += direction) {
    if (visible(recipe.steps[i])) return i;
  }
  return -1;
}

const everyStep = () => true;

/** Whether `id` can move up (-1) or down (+1) among the steps `visible` keeps. */
export function canMove(
  recipe: Recipe,
  id: string,
  direction: -1 | 1,
  visible: (s: StepConfig) => boolean = everyStep,
): boolean {
  return neighbourIndex(recipe, id, direction, visible) >= 0;
}

/**
 * Moves a step past its nearest visible neighbour (up: -1, down: +1). Steps of other phases in
 * between keep their places relative to each other, so the global order stays meaningful.
 */
export function moveStep(
  recipe: Recipe,
  id: string,
  direction: -1 | 1,
  visible: (s: StepConfig) => boolean = everyStep,
): Recipe {
  const to = neighbourIndex(recipe, id, direction, visible);
  if (to < 0) return recipe;
  const from = recipe.steps.findIndex((s) => s.id === id);
  const steps = [...recipe.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step);
  return { ...recipe, steps };
}

export function removeStep(recipe: Recipe, id: string): Recipe {
  const steps = recipe.steps.filter((s) => s.id !== id);
  return steps.length === recipe.steps.length ? recipe : { ...recipe, steps };
}

/** A fresh id for a new step of `type`: the type itself, else `type_2`, `type_3`, ... */
export function newStepId(recipe: Recipe, type: string): string {
  const taken = new Set(recipe.steps.map((s) => s.id));
  if (!taken.has(type)) return type;
  let n = 2;
  while (taken.has(`${type}_${n}`)) n++;
  return `${type}_${n}`;
}

/** Appends a step of `type` with its default params over the step's own column rule ("auto"). */
export function addStep(recipe: Recipe, type: string): { recipe: Recipe; id: string } {
  const def = getStepInfo(type);
  const id = newStepId(recipe, type);
  const step: StepConfig = {
    id,
    type,
    enabled: true,
    columns: "auto",
    params: structuredClone(def.defaults),
  };
  return { recipe: { ...recipe, steps: [...recipe.steps, step] }, id };
}

/** Sets one param; `undefined` removes it, so the step's default applies again. */
export function setParam(recipe: Recipe, id: string, key: string, value: unknown): Recipe {
  return updateStep(recipe, id, (s) => {
    const params = { ...s.params };
    if (value === undefined) delete params[key];
    else params[key] = value;
    return { ...s, params };
  });
}

/** Sets several params at once (the keep-rule control sets `keep` and `k` together). */
export function setParams(recipe: Recipe, id: string, values: Record<string, unknown>): Recipe {
  return updateStep(recipe, id, (s) => ({ ...s, params: { ...s.params, ...values } }));
}

export function setColumns(recipe: Recipe, id: string, columns: StepConfig["columns"]): Recipe {
  return updateStep(recipe, id, (s) => ({ ...s, columns: columns === "auto" ? "auto" : [...columns] }));
}

/** Problems from `recipeProblems`, grouped by the step they name; the rest are about the whole recipe. */
export interface GroupedProblems {
  byStep: Record<string, string[]>;
  general: string[];
}

/**
 * Groups problem lines ("step 3 (impute): params.k: ...") under the id of the step they name, each
 * rewritten in the step's words: "Fill missing values (step 3): k: must be at least 1, got 0".
 */
export function groupProblems(recipe: Recipe, problems: readonly string[]): GroupedProblems {
  const byStep: Record<string, string[]> = {};
  const general: string[] = [];
  for (const line of problems) {
    const m = /^step (\d+)(?: \(([^)]*)\))?: (.*)$/.exec(line);
    const step = m ? recipe.steps[Number(m[1]) - 1] : undefined;
    if (!m || !step) {
      general.push(line);
      continue;
    }
    const label = hasStep(step.type) ? getStepInfo(step.type).label : step.type;
    const text = `${label} (step ${m[1]}): ${m[3].replace(/^params\./, "")}`;
    (byStep[step.id] ??= []).push(text);
  }
  return { byStep, general };
}
